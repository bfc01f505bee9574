"""GitHub-flavoured Markdown: a CI job summary or a pull-request comment."""

from __future__ import annotations

from claimdiff.coverage import CARRIES, DIFFERS, Coverage, coverage
from claimdiff.gcpause import without_cycle_collection
from claimdiff.glance import glance
from claimdiff.models import Finding, Group, Report, Verdict
from claimdiff.render import (
    SECTION_ORDER,
    SECTION_TITLES,
    cite,
    confidence,
    describe_wording,
    distinct_words_of,
    group_claims,
    quote_versions,
    shown_rows,
    word_diff,
)

MARK = {CARRIES: "✓", DIFFERS: "≠"}


@without_cycle_collection
def render_markdown(report: Report) -> str:
    s = report.summary
    cov = coverage(report)
    lines = [
        "# claimdiff report",
        "",
        f"**{s['sources']} sources · {s['claims']} claims · {s['groups']} groups:** "
        f"{s['agree']} agree · {s['differ']} differ · {s['single']} single-source",
        "",
        *(f"- {_esc(line)}" for line in glance(report, cov)),
        "",
        "| Source | Outlet | Published | Claims | Shared | Only here | Leaves out |",
        "|---|---|---|---:|---:|---:|---:|",
    ]
    for src in report.sources:
        c = cov.sources[src.id]
        published = src.published.isoformat() if src.published else "—"
        lines.append(
            f"| `{src.id}` | {_esc(src.outlet)} | {published} | {len(report.claims_of(src.id))} "
            f"| {c.shared} | {c.only_here} | {len(c.omitted)} |"
        )
    for verdict in SECTION_ORDER:
        groups, hidden = report.shown(verdict)
        if report.view.only and verdict not in report.view.only:
            continue
        lines += [
            "",
            f"## {SECTION_TITLES[verdict]} ({len(report.groups_by_verdict(verdict))})",
            "",
        ]
        if not groups:
            lines.append("_None._")
        elif verdict is Verdict.SINGLE:
            lines += _singles(report, groups)
        else:
            for g in groups:
                lines += _group(report, g)
        if hidden:
            lines += [f"_…and {hidden} more (raise `--max-groups`)._", ""]
    lines += _framing(report)
    lines += _coverage(report, cov)
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
    for c, pieces in zip(claims, distinct_words_of(claims)):
        out.append(f"| `{c.source}` | {_bold(pieces)} | `{cite(report, c)}` |")
    out.append("")
    if group.wording:
        out.append(
            "Wording: "
            + "; ".join(
                f"{kind}: {_esc(what)}" for kind, what in map(describe_wording, group.wording)
            )
        )
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
            note = " — _opinion_" if g.opinion else ""
            note += "".join(f" — _{_esc(f.summary)}_" for f in g.findings)
            out.append(f"- {_esc(c.text)} `{cite(report, c)}` ({g.id}){note}")
        out.append("")
    return out


def _framing(report: Report) -> list[str]:
    if not report.framing:
        return []
    ids = [s.id for s in report.sources]
    out = ["", f"## Framing ({len(report.framing)})", ""]
    out.append("| Kind | " + " | ".join(f"`{s}`" for s in ids) + " |")
    out.append("|---" * (len(ids) + 1) + "|")
    for f in report.framing:
        cells = [", ".join(_esc(t) for t in f.terms.get(s, ())) or "—" for s in ids]
        out.append(f"| {f.kind.replace('_', ' ')} | " + " | ".join(cells) + " |")
    return out


def _coverage(report: Report, cov: Coverage) -> list[str]:
    ids = [s.id for s in report.sources]
    out = [
        "",
        "## Coverage",
        "",
        "✓ carries it · ≠ carries it with a difference · – leaves it out",
        "",
    ]
    out.append("| Claim | " + " | ".join(f"`{s}`" for s in ids) + " |")
    out.append("|---" + "|:-:" * len(ids) + "|")
    rows, hidden = shown_rows(report, cov)
    for row in rows:
        first = report.claim(row.claims[0])
        text = _esc(_short(first.text))
        if len(row.claims) > 1 and len(row.groups) > 1:
            text = f"{len(row.claims)} sentences from `{row.claims[0]}`: {text}"
        marks = [MARK.get(row.status[s], "–") for s in ids]
        out.append(f"| {text} | " + " | ".join(marks) + " |")
    if hidden:
        out += ["", f"…and {hidden} more rows (raise --max-groups)"]
    return out


def _short(text: str, words: int = 12) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _quotes(report: Report) -> list[str]:
    if not report.quotes:
        return []
    out = ["", f"## Quotes across sources ({len(report.quotes)})", ""]
    out += ["| Kind | Versions |", "|---|---|"]
    for m in report.quotes:
        versions = "<br>".join(f"`{cid}` “{_bold(pieces)}”" for cid, pieces in quote_versions(m))
        out.append(f"| {m.kind} | {versions} |")
    return out


def _esc(text: str) -> str:
    """Escape what GitHub Markdown would otherwise interpret inside table cells and lists."""
    for ch in ("\\", "|", "*", "_", "`", "[", "]", "<", ">"):
        text = text.replace(ch, "\\" + ch)
    return text.replace("\n", " ")
