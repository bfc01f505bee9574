from __future__ import annotations

import json
from io import StringIO

from rich.console import Console

from claimdiff.models import Verdict
from claimdiff.render import distinct_words
from claimdiff.render.json import SCHEMA, render_json
from claimdiff.render.markdown import render_markdown
from claimdiff.render.terminal import render_terminal


def test_json_schema_fields(kurils_report) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(render_json(kurils_report))
    assert data["schema"] == SCHEMA
    assert list(data) == [
        "schema",
        "sources",
        "claims",
        "groups",
        "framing",
        "coverage",
        "quotes",
        "summary",
    ]
    assert set(data["sources"][0]) >= {"id", "outlet", "path", "published", "claims"}
    claim = data["claims"][0]
    assert set(claim) >= {
        "id",
        "source",
        "sentence_index",
        "text",
        "start",
        "end",
        "quantities",
        "dates",
        "quotes",
        "entities",
        "hedges",
    }
    group = data["groups"][0]
    assert set(group) >= {"id", "claims", "sources", "similarity", "verdict", "findings"}
    assert set(data["summary"]) == {"sources", "claims", "groups", "agree", "differ", "single"}
    assert data["summary"]["claims"] == len(data["claims"])
    assert sum(data["summary"][v] for v in ("agree", "differ", "single")) == len(data["groups"])


def test_json_puts_each_record_on_one_line(kurils_report) -> None:  # type: ignore[no-untyped-def]
    text = render_json(kurils_report)
    lines = [line.rstrip(",") for line in text.splitlines()]
    data = json.loads(text)
    for section in ("sources", "claims", "groups", "framing", "quotes"):
        for record in data[section]:
            assert "    " + json.dumps(record, ensure_ascii=False) in lines, section
    for row in data["coverage"]["rows"]:
        assert "      " + json.dumps(row, ensure_ascii=False) in lines
    assert lines[0] == "{" and lines[-1] == "}" and text.endswith("}\n")
    assert '  "summary": {' in lines  # the outline stays indented


def test_json_offsets_cite_the_original(kurils_report) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(render_json(kurils_report))
    texts = {s.id: s.text for s in kurils_report.sources}
    for c in data["claims"]:
        original = texts[c["source"]][c["start"] : c["end"]]
        assert original.split()[0].startswith(c["text"].split()[0][:3])


def test_markdown_sections_and_escaping(kurils_report) -> None:  # type: ignore[no-untyped-def]
    md = render_markdown(kurils_report)
    assert md.startswith("# claimdiff report\n")
    for title in ("## Differences", "## Agreements", "## Single-source claims"):
        assert title in md
    assert "| `guardian` | The Guardian | 2016-11-23 |" in md
    for line in md.splitlines():
        if line.startswith("| `") and "|" in line:
            # every table row keeps its column count: pipes inside text are escaped
            assert line.count(" | ") >= 2


def test_terminal_renders_side_by_side_without_colour_when_asked(kurils_report) -> None:  # type: ignore[no-untyped-def]
    buf = StringIO()
    Console(file=buf, width=100, no_color=True, force_terminal=False).print(
        render_terminal(kurils_report)
    )
    out = buf.getvalue()
    assert "\x1b[" not in out
    assert "Differences" in out and "Single-source claims" in out
    differ = [g for g in kurils_report.groups if g.verdict is Verdict.DIFFER]
    if differ:
        assert differ[0].id in out


def test_distinct_words_of_a_group_equals_each_claim_against_the_others(kurils_report) -> None:  # type: ignore[no-untyped-def]
    from claimdiff.render import distinct_words_of, group_claims

    for group in kurils_report.groups:
        claims = group_claims(kurils_report, group)
        expected = [distinct_words(c, [o for o in claims if o is not c]) for c in claims]
        assert distinct_words_of(claims) == expected
    # a word two claims share is nobody's own; a word one claim has alone is marked
    from claimdiff.extract import extract_text

    texts = ("red boat", "red car", "blue car")
    a, b, c = (extract_text(t, source=s) for s, t in zip("abc", texts))
    assert distinct_words_of([a, b, c]) == [
        [("red", False), ("boat", True)],
        [("red car", False)],
        [("blue", True), ("car", False)],
    ]


def test_distinct_words_marks_only_content_words_others_lack(kurils_report) -> None:  # type: ignore[no-untyped-def]
    from claimdiff.extract import extract_text

    a = extract_text("Russia deployed missiles to disputed islands.")
    b = extract_text("Russia deployed missiles to contested islands.")
    pieces = distinct_words(a, [b])
    assert [t for t, d in pieces if d] == ["disputed"]


def test_wording_one_sided_changes_read_plainly() -> None:
    from claimdiff.models import Wording
    from claimdiff.render import describe_wording

    assert describe_wording(Wording("a", "b", "delete", "reportedly", "", "hedge")) == (
        "hedge",
        "only a says “reportedly”",
    )
    assert describe_wording(Wording("a", "b", "replace", "disputed", "contested", "label")) == (
        "label",
        "a “disputed” / b “contested”",
    )


def _many_sources(n: int = 6):  # type: ignore[no-untyped-def]
    from claimdiff.models import Source
    from claimdiff.pipeline import compare_sources

    texts = [
        "Floods in Durban killed 45 people on Tuesday, officials said. Rescue teams worked all night."
    ] * (n - 1) + [
        "Floods in Durban killed 48 people on Tuesday, officials said. Schools stayed shut."
    ]
    sources = [Source(f"s{k}", f"Outlet {k}", f"s{k}.txt", None, t) for k, t in enumerate(texts)]
    return compare_sources(sources)


def test_terminal_lists_a_big_group_by_row_and_findings_by_value() -> None:
    report = _many_sources()
    buf = StringIO()
    Console(file=buf, width=100, no_color=True).print(render_terminal(report))
    out = buf.getvalue()
    # one row per claim instead of six columns; a finding's values grouped by value
    assert out.count("Floods in Durban killed") >= 6
    assert "s0, s1, s2, s3, s4: 45" in out and "s5: 48" in out
    # coverage counts instead of a column per source
    assert "✓" in out and "≠" in out


def test_max_groups_caps_coverage_rows_too() -> None:
    from dataclasses import replace

    from claimdiff.models import View

    report = replace(_many_sources(), view=View(max_groups=1))
    md = render_markdown(report)
    assert "more rows (raise --max-groups)" in md
    buf = StringIO()
    Console(file=buf, width=100, no_color=True).print(render_terminal(report))
    assert "more rows (raise --max-groups)" in buf.getvalue()


def test_json_coverage_rows_are_encoded_as_json_dumps_would() -> None:
    from claimdiff.coverage import Row
    from claimdiff.render.json import _rows

    rows = [
        Row(("g1",), ('a"b:0', "Üst:3"), {'a"b': "carries", "Üst": "differs", "c\\d": "omits"}),
        Row(("g2", "g3"), ("x:1",), {}),
    ]
    for row, text in zip(rows, _rows(rows), strict=True):
        record = {"groups": list(row.groups), "claims": list(row.claims), "sources": row.status}
        assert text == json.dumps(record, ensure_ascii=False)
        assert json.loads(text) == record
