"""GitHub-flavoured Markdown: a CI job summary or a pull-request comment."""

from __future__ import annotations

from claimdiff.models import Group, Report, Verdict
from claimdiff.render import (
    SECTION_ORDER,
    SECTION_TITLES,
    cite,
    confidence,
    distinct_words,
    group_claims,
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
    return "\n".join(lines).rstrip() + "\n"


def _group(report: Report, group: Group) -> list[str]:
    claims = group_claims(report, group)
    out = [
        f"### {group.id} · {', '.join(group.sources)} · {confidence(group.similarity)}",
        "",
    ]
    for f in group.findings:
        out.append(f"- **{f.kind}**: {_esc(f.summary)}")
    if group.findings:
        out.append("")
    out += ["| Source | Claim | Where |", "|---|---|---|"]
    for c in claims:
        others = [o for o in claims if o is not c]
        text = " ".join(f"**{_esc(t)}**" if d else _esc(t) for t, d in distinct_words(c, others))
        out.append(f"| `{c.source}` | {text} | `{cite(report, c)}` |")
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
            out.append(f"- {_esc(c.text)} `{cite(report, c)}`")
        out.append("")
    return out


def _esc(text: str) -> str:
    """Escape what GitHub Markdown would otherwise interpret inside table cells and lists."""
    for ch in ("\\", "|", "*", "_", "`", "[", "]", "<", ">"):
        text = text.replace(ch, "\\" + ch)
    return text.replace("\n", " ")
