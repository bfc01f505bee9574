"""GitHub-flavoured Markdown: a CI job summary or a pull-request comment."""

from __future__ import annotations

from claimdiff.models import Finding, Group, Report, Verdict
from claimdiff.render import (
    SECTION_ORDER,
    SECTION_TITLES,
    cite,
    confidence,
    distinct_words,
    group_claims,
    word_diff,
)


def render_markdown(report: Report) -> str:
    s = report.summary
    lines = [
        "# claimdiff report",
        "",
        f"**{s['sources']} sources · {s['claims']} claims · {s['groups']} groups:** "
        f"{s['agree']} agree · {s['differ']} differ · {s['single']} single-source",
        "",
        "| Source | Outlet | Published | Claims | Shared | Only here |",
        "|---|---|---|---:|---:|---:|",
    ]
    counts = report.shared_counts()
    for src in report.sources:
        shared, single = counts[src.id]
        published = src.published.isoformat() if src.published else "—"
        lines.append(
            f"| `{src.id}` | {_esc(src.outlet)} | {published} | {len(report.claims_of(src.id))} "
            f"| {shared} | {single} |"
        )
    for verdict in SECTION_ORDER:
        groups = report.groups_by_verdict(verdict)
        lines += ["", f"## {SECTION_TITLES[verdict]} ({len(groups)})", ""]
        if not groups:
            lines.append("_None._")
        elif verdict is Verdict.SINGLE:
            lines += _singles(report, groups)
        else:
            for g in groups:
                lines += _group(report, g)
    lines += _quotes(report)
    return "\n".join(lines).rstrip() + "\n"


def _bold(pieces: list[tuple[str, bool]]) -> str:
    return " ".join(f"**{_esc(t)}**" if changed else _esc(t) for t, changed in pieces)


def _group(report: Report, group: Group) -> list[str]:
    claims = group_claims(report, group)
    out = [f"### {group.id} · {', '.join(group.sources)} · {confidence(group.similarity)}", ""]
    if group.findings:
        out += _findings(group.findings, list(group.sources))
    out += ["| Source | Claim | Where |", "|---|---|---|"]
    for c in claims:
        others = [o for o in claims if o is not c]
        out.append(f"| `{c.source}` | {_bold(distinct_words(c, others))} | `{cite(report, c)}` |")
    out.append("")
    return out


def _findings(findings: tuple[Finding, ...], sources: list[str]) -> list[str]:
    """Each finding's values side by side, one column per source."""
    out = ["| Finding | " + " | ".join(f"`{s}`" for s in sources) + " |"]
    out.append("|---" * (len(sources) + 1) + "|")
    for f in findings:
        cells = {s: _esc(f.values.get(s, "—")) for s in sources}
        if f.kind == "quote" and len(f.values) == 2:
            (s1, v1), (s2, v2) = f.values.items()
            d1, d2 = word_diff(v1, v2)
            cells[s1], cells[s2] = f"“{_bold(d1)}”", f"“{_bold(d2)}”"
        row = f"| **{f.kind}**: {_esc(f.heading)} | " + " | ".join(cells[s] for s in sources)
        out.append(row + " |")
    out.append("")
    return out


def _singles(report: Report, groups: list[Group]) -> list[str]:
    out: list[str] = []
    for src in report.sources:
        mine = [g for g in groups if g.sources[0] == src.id]
        if not mine:
            continue
        out += [f"**{src.id}** ({len(mine)})", ""]
        for g in mine:
            c = report.claim(g.claims[0])
            note = "".join(f" — _{_esc(f.summary)}_" for f in g.findings)
            out.append(f"- {_esc(c.text)} `{cite(report, c)}`{note}")
        out.append("")
    return out


def _quotes(report: Report) -> list[str]:
    if not report.quotes:
        return []
    out = ["", f"## Quotes across sources ({len(report.quotes)})", ""]
    out += ["| Kind | Versions |", "|---|---|"]
    for m in report.quotes:
        items = list(m.versions.items())
        texts = [t for _, (_, t) in items]
        if len(items) == 2 and m.kind != "paraphrase":
            d1, d2 = word_diff(texts[0], texts[1])
            shown = [_bold(d1), _bold(d2)]
        else:
            shown = [_esc(t) for t in texts]
        versions = "<br>".join(f"`{cid}` “{t}”" for (_, (cid, _)), t in zip(items, shown))
        out.append(f"| {m.kind} | {versions} |")
    return out


def _esc(text: str) -> str:
    """Escape what GitHub Markdown would otherwise interpret inside table cells and lists."""
    for ch in ("\\", "|", "*", "_", "`", "[", "]", "<", ">"):
        text = text.replace(ch, "\\" + ch)
    return text.replace("\n", " ")
