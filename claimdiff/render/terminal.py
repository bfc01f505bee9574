"""The rich terminal report: sources, then groups side by side with differences marked."""

from __future__ import annotations

from rich.console import Group as RichGroup
from rich.console import RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from claimdiff.models import Group, Report, Verdict
from claimdiff.render import (
    SECTION_ORDER,
    SECTION_TITLES,
    cite,
    confidence,
    distinct_words,
    group_claims,
)

VERDICT_STYLE = {
    Verdict.DIFFER: "bold red",
    Verdict.AGREE: "bold green",
    Verdict.SINGLE: "bold blue",
}


def render_terminal(report: Report) -> RenderableType:
    parts: list[RenderableType] = [_summary(report)]
    for verdict in SECTION_ORDER:
        groups = report.groups_by_verdict(verdict)
        title = Text(f"\n{SECTION_TITLES[verdict]} ({len(groups)})", style=VERDICT_STYLE[verdict])
        parts.append(title)
        if verdict is Verdict.SINGLE:
            parts.append(_singles(report, groups))
        else:
            parts.extend(_group(report, g) for g in groups)
    return RichGroup(*parts)


def _summary(report: Report) -> RenderableType:
    s = report.summary
    table = Table(title="claimdiff", title_style="bold", expand=False)
    for col, justify in (
        ("Source", "left"),
        ("Outlet", "left"),
        ("Published", "left"),
        ("Claims", "right"),
        ("Shared", "right"),
        ("Only here", "right"),
    ):
        table.add_column(col, justify=justify)  # type: ignore[arg-type]
    counts = report.shared_counts()
    for src in report.sources:
        shared, single = counts[src.id]
        table.add_row(
            src.id,
            src.outlet,
            src.published.isoformat() if src.published else "—",
            str(len(report.claims_of(src.id))),
            str(shared),
            str(single),
        )
    line = Text.assemble(
        f"{s['sources']} sources · {s['claims']} claims · {s['groups']} groups: ",
        (f"{s['agree']} agree", "green"),
        " · ",
        (f"{s['differ']} differ", "red"),
        " · ",
        (f"{s['single']} single-source", "blue"),
    )
    return RichGroup(table, line)


def _group(report: Report, group: Group) -> RenderableType:
    claims = group_claims(report, group)
    table = Table(show_header=True, expand=True, box=None, padding=(0, 1))
    for c in claims:
        table.add_column(f"{c.source}  [dim]{cite(report, c)}[/dim]", ratio=1)
    cells = []
    for c in claims:
        others = [o for o in claims if o is not c]
        text = Text()
        for i, (chunk, differs) in enumerate(distinct_words(c, others)):
            text.append((" " if i else "") + chunk, style="bold yellow" if differs else "")
        cells.append(text)
    table.add_row(*cells)
    body: list[RenderableType] = [table]
    for f in group.findings:
        body.append(Text.assemble(("• ", "red"), (f"{f.kind}: ", "bold"), f.summary))
    title = f"{group.id} · {group.verdict.value} · {confidence(group.similarity)}"
    return Panel(
        RichGroup(*body), title=title, title_align="left", border_style=VERDICT_STYLE[group.verdict]
    )


def _singles(report: Report, groups: list[Group]) -> RenderableType:
    table = Table(show_header=True, expand=True, box=None, padding=(0, 1))
    table.add_column("Source", no_wrap=True)
    table.add_column("Claim", ratio=1)
    table.add_column("Where", no_wrap=True, style="dim")
    for g in groups:
        c = report.claim(g.claims[0])
        table.add_row(c.source, c.text, cite(report, c))
    return table
