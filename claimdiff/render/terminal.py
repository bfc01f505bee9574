"""The rich terminal report: sources, then groups side by side with differences marked."""

from __future__ import annotations

from rich.console import Group as RichGroup
from rich.console import RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from claimdiff.coverage import CARRIES, DIFFERS, OMITS, Coverage, coverage
from claimdiff.glance import glance
from claimdiff.models import Group, Report, Verdict
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

# Up to this many sources sit side by side in columns; with more, a terminal is too
# narrow for columns, and each claim, finding value or coverage count gets a row.
SIDE_BY_SIDE = 4

VERDICT_STYLE = {
    Verdict.DIFFER: "bold red",
    Verdict.AGREE: "bold green",
    Verdict.SINGLE: "bold blue",
}


def render_terminal(report: Report) -> RenderableType:
    cov = coverage(report)
    parts: list[RenderableType] = [_summary(report, cov)]
    for verdict in SECTION_ORDER:
        if report.view.only and verdict not in report.view.only:
            continue
        groups, hidden = report.shown(verdict)
        total = len(report.groups_by_verdict(verdict))
        title = Text(f"\n{SECTION_TITLES[verdict]} ({total})", style=VERDICT_STYLE[verdict])
        parts.append(title)
        if verdict is Verdict.SINGLE:
            parts.append(_singles(report, groups))
        else:
            parts.extend(_group(report, g) for g in groups)
        if hidden:
            parts.append(Text(f"…and {hidden} more (raise --max-groups)", style="dim"))
    if report.framing:
        parts.append(Text(f"\nFraming ({len(report.framing)})", style="bold cyan"))
        parts.append(_framing(report))
    parts.append(Text("\nCoverage  (✓ carries · ≠ carries, differs · – leaves out)", style="bold"))
    parts.append(_coverage(report, cov))
    if report.quotes:
        parts.append(Text(f"\nQuotes across sources ({len(report.quotes)})", style="bold magenta"))
        parts.append(_quotes(report))
    return RichGroup(*parts)


def _summary(report: Report, cov: Coverage) -> RenderableType:
    s = report.summary
    table = Table(title="claimdiff", title_style="bold", expand=False)
    for col in ("Source", "Outlet", "Published"):
        table.add_column(col)
    for col in ("Claims", "Shared", "Only here", "Leaves out"):
        table.add_column(col, justify="right")
    for src in report.sources:
        c = cov.sources[src.id]
        table.add_row(
            src.id,
            src.outlet,
            src.published.isoformat() if src.published else "—",
            str(len(report.claims_of(src.id))),
            str(c.shared),
            str(c.only_here),
            str(len(c.omitted)),
        )
    line = Text.assemble(
        f"{s['sources']} sources · {s['claims']} claims · {s['groups']} groups: ",
        (f"{s['agree']} agree", "green"),
        " · ",
        (f"{s['differ']} differ", "red"),
        " · ",
        (f"{s['single']} single-source", "blue"),
    )
    notes = Text("\n".join(f"• {note}" for note in glance(report, cov)))
    return RichGroup(table, line, notes)


def _group(report: Report, group: Group) -> RenderableType:
    claims = group_claims(report, group)
    table = Table(show_header=len(claims) <= SIDE_BY_SIDE, expand=True, box=None, padding=(0, 1))
    marked = [_styled(pieces, "bold yellow") for pieces in distinct_words_of(claims)]
    if len(claims) <= SIDE_BY_SIDE:
        for c in claims:
            table.add_column(f"{c.source}  [dim]{cite(report, c)}[/dim]", ratio=1)
        table.add_row(*marked)
    else:
        table.add_column("source", no_wrap=True)
        table.add_column("claim", ratio=1)
        table.add_column("where", no_wrap=True, style="dim")
        for c, text in zip(claims, marked):
            table.add_row(c.source, text, cite(report, c))
    body: list[RenderableType] = [table]
    if group.findings:
        body.append(_findings(group))
    for kind, what in map(describe_wording, group.wording):
        body.append(Text.assemble((f"  {kind}: ", "cyan"), what))
    title = f"{group.id} · {group.verdict.value} · {confidence(group.similarity)}"
    return Panel(
        RichGroup(*body), title=title, title_align="left", border_style=VERDICT_STYLE[group.verdict]
    )


def _styled(pieces: list[tuple[str, bool]], style: str = "bold yellow") -> Text:
    text = Text()
    for i, (chunk, changed) in enumerate(pieces):
        text.append((" " if i else "") + chunk, style=style if changed else "")
    return text


def _by_value(values: dict[str, str]) -> Text:
    """Sources that give the same value share a line: "a, c: 300 km" / "b: 600 km"."""
    sources: dict[str, list[str]] = {}
    for source, value in values.items():
        sources.setdefault(value, []).append(source)
    return Text("\n").join(
        Text.assemble((", ".join(s) + ": ", "dim"), v) for v, s in sources.items()
    )


def _findings(group: Group) -> RenderableType:
    """Each finding's values side by side, one column per source (by value when many)."""
    table = Table(show_header=True, expand=True, box=None, padding=(0, 1), header_style="dim")
    table.add_column("finding", ratio=1, style="red")
    if len(group.sources) > SIDE_BY_SIDE:
        table.add_column("values", ratio=2)
        for f in group.findings:
            heading = Text.assemble((f"{f.kind}: ", "bold red"), f.heading)
            table.add_row(heading, _by_value(dict(f.values)))
        return table
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
        versions = Text("\n").join(
            Text.assemble((f"{cid} ", "dim"), "“", _styled(pieces), "”")
            for cid, pieces in quote_versions(m)
        )
        table.add_row(m.kind, versions)
    return table


def _framing(report: Report) -> RenderableType:
    ids = [s.id for s in report.sources]
    table = Table(show_header=True, expand=True, box=None, padding=(0, 1))
    table.add_column("kind", no_wrap=True, style="cyan")
    if len(ids) > SIDE_BY_SIDE:
        table.add_column("terms", ratio=1)
        for f in report.framing:
            terms = {s: ", ".join(t) for s, t in f.terms.items() if t}
            table.add_row(f.kind.replace("_", " "), _by_value(terms))
        return table
    for s in ids:
        table.add_column(s, ratio=1)
    for f in report.framing:
        table.add_row(
            f.kind.replace("_", " "), *(", ".join(f.terms.get(s, ())) or "—" for s in ids)
        )
    return table


def _with_hidden(table: Table, hidden: int) -> RenderableType:
    if not hidden:
        return table
    return RichGroup(table, Text(f"…and {hidden} more rows (raise --max-groups)", style="dim"))


def _coverage(report: Report, cov: Coverage) -> RenderableType:
    ids = [s.id for s in report.sources]
    rows, hidden = shown_rows(report, cov)
    table = Table(show_header=True, expand=True, box=None, padding=(0, 1))
    table.add_column("claim", ratio=1, no_wrap=True, overflow="ellipsis")
    counts = len(ids) > SIDE_BY_SIDE  # counts instead of a column per source
    marks = {CARRIES: ("✓", "green"), DIFFERS: ("≠", "red"), OMITS: ("–", "dim")}
    for col, style in marks.values() if counts else ((s, "") for s in ids):
        table.add_column(
            col, justify="right" if counts else "center", no_wrap=True, header_style=style
        )
    for row in rows:
        first = report.claim(row.claims[0])
        block = len(row.groups) > 1  # a passage only one outlet has
        label = f"[{len(row.claims)} sentences] {first.text}" if block else first.text
        if counts:
            states = list(row.status.values())
            table.add_row(label, *(str(states.count(k)) for k in marks))
        else:
            table.add_row(label, *(Text(*marks[row.status[s]]) for s in ids))
    return _with_hidden(table, hidden)


def _singles(report: Report, groups: list[Group]) -> RenderableType:
    table = Table(show_header=True, expand=True, box=None, padding=(0, 1))
    table.add_column("Source", no_wrap=True)
    table.add_column("Claim", ratio=1)
    table.add_column("Where", no_wrap=True, style="dim")
    for g in groups:
        c = report.claim(g.claims[0])
        text = Text(c.text)
        if g.opinion:
            text.append("  [opinion]", style="italic magenta")
        for f in g.findings:
            text.append(f"  [{f.summary}]", style="italic cyan")
        table.add_row(c.source, text, cite(report, c))
    return table
