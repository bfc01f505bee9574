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
    word_diff,
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
    if report.quotes:
        parts.append(Text(f"\nQuotes across sources ({len(report.quotes)})", style="bold magenta"))
        parts.append(_quotes(report))
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
    if group.findings:
        body.append(_findings(group))
    title = f"{group.id} · {group.verdict.value} · {confidence(group.similarity)}"
    return Panel(
        RichGroup(*body), title=title, title_align="left", border_style=VERDICT_STYLE[group.verdict]
    )


def _styled(pieces: list[tuple[str, bool]]) -> Text:
    text = Text()
    for i, (chunk, changed) in enumerate(pieces):
        text.append((" " if i else "") + chunk, style="bold yellow" if changed else "")
    return text


def _findings(group: Group) -> RenderableType:
    """Each finding's values side by side, one column per source."""
    table = Table(show_header=True, expand=True, box=None, padding=(0, 1), header_style="dim")
    table.add_column("finding", ratio=1, style="red")
    for s in group.sources:
        table.add_column(s, ratio=1)
    for f in group.findings:
        cells: dict[str, Text] = {s: Text(f.values.get(s, "—")) for s in group.sources}
        if f.kind == "quote" and len(f.values) == 2:
            (s1, v1), (s2, v2) = f.values.items()
            d1, d2 = word_diff(v1, v2)
            cells[s1], cells[s2] = _styled(d1), _styled(d2)
        table.add_row(Text.assemble((f"{f.kind}: ", "bold red"), f.heading), *cells.values())
    return table


def _quotes(report: Report) -> RenderableType:
    table = Table(show_header=True, expand=True, box=None, padding=(0, 1))
    table.add_column("kind", no_wrap=True)
    table.add_column("versions", ratio=1)
    for m in report.quotes:
        items = list(m.versions.items())
        texts = [t for _, (_, t) in items]
        if len(items) == 2 and m.kind != "paraphrase":
            d1, d2 = word_diff(texts[0], texts[1])
            shown = [_styled(d1), _styled(d2)]
        else:
            shown = [Text(t) for t in texts]
        versions = Text("\n").join(
            Text.assemble((f"{cid} ", "dim"), "“", t, "”") for (_, (cid, _)), t in zip(items, shown)
        )
        table.add_row(m.kind, versions)
    return table


def _singles(report: Report, groups: list[Group]) -> RenderableType:
    table = Table(show_header=True, expand=True, box=None, padding=(0, 1))
    table.add_column("Source", no_wrap=True)
    table.add_column("Claim", ratio=1)
    table.add_column("Where", no_wrap=True, style="dim")
    for g in groups:
        c = report.claim(g.claims[0])
        text = Text(c.text)
        for f in g.findings:
            text.append(f"  [{f.summary}]", style="italic cyan")
        table.add_row(c.source, text, cite(report, c))
    return table
