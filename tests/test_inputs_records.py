"""JSON and JSON Lines exports: one source per record."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from claimdiff.errors import InputError
from claimdiff.load import load_sources
from claimdiff.pipeline import compare_sources, source_claims

STORIES = Path(__file__).parent / "fixtures" / "records" / "durban.jsonl"
TEXT_A = "Floods killed 45 people in Durban on Tuesday, officials said.\n"
TEXT_B = "Officials said 45 people died in floods in Durban on Tuesday.\n"


def test_jsonl_records_become_sources_with_their_metadata() -> None:
    sources = load_sources([str(STORIES)])
    assert [s.id for s in sources] == ["wire", "herald", "blog"]
    wire, herald, blog = sources
    assert wire.outlet == "Pan-African Wire" and wire.path == f"{STORIES}#wire"
    assert wire.published == date(2024, 4, 2)  # from an ISO timestamp with a zone
    assert wire.url == "https://wire.example/2024/04/02/durban-floods"
    assert (wire.title, wire.author) == ("Floods kill 45 in Durban", "Staff reporter")
    # An html record is extracted; its page date fills in the missing 'published'.
    assert herald.published == date(2024, 4, 3) and "<" not in herald.text
    assert herald.text.startswith("Durban floods: 45 dead\n\nForty-five people died")
    assert blog.outlet == "blog" and blog.published is None and blog.url is None


def test_one_jsonl_file_is_a_whole_comparison() -> None:
    report = compare_sources(load_sources([str(STORIES)]))
    assert report.summary["sources"] == 3
    assert any(set(g.sources) >= {"wire", "herald"} for g in report.groups)
    for claim in report.claims:  # offsets refer to each record's text
        assert report.source(claim.source).text[claim.start : claim.end] == claim.text


@pytest.mark.parametrize(
    "shape",
    [
        lambda recs: recs,
        lambda recs: {"sources": recs, "exported": "2024-04-05"},
    ],
    ids=["list", "sources-object"],
)
def test_json_file_holds_a_list_or_a_sources_object(write, shape) -> None:  # type: ignore[no-untyped-def]
    records = [
        {"id": "a", "text": TEXT_A, "published": "2024-04-02"},
        {"id": 7, "text": TEXT_B, "outlet": "Seven"},  # numeric ids from databases are fine
    ]
    path = write("stories.json", json.dumps(shape(records)))
    sources = load_sources([str(path)])
    assert [(s.id, s.outlet) for s in sources] == [("a", "a"), ("7", "Seven")]
    assert [len(source_claims(s)) for s in sources] == [1, 1]


def test_records_without_ids_are_numbered_by_file(write) -> None:  # type: ignore[no-untyped-def]
    path = write("feed.jsonl", json.dumps({"text": TEXT_A}) + "\n\n" + json.dumps({"text": TEXT_B}))
    assert [s.id for s in load_sources([str(path)])] == ["feed-1", "feed-2"]


def test_a_json_file_of_records_combines_with_other_inputs(write) -> None:  # type: ignore[no-untyped-def]
    one = write("one.json", json.dumps({"id": "wire", "text": TEXT_A}))
    sources = load_sources([str(one), str(write("paper.txt", TEXT_B))])
    assert [s.id for s in sources] == ["wire", "paper"]


def test_json_strings_with_line_separators_stay_in_one_record(write) -> None:  # type: ignore[no-untyped-def]
    text = "Floods hit Durban.\u2028Officials said 45 people died on Tuesday."
    path = write(
        "x.jsonl",
        json.dumps({"id": "a", "text": text}, ensure_ascii=False)
        + "\n"
        + json.dumps({"id": "b", "text": TEXT_B})
        + "\n",
    )
    assert load_sources([str(path)])[0].text == text


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "s.jsonl",
            '{"id": "a", "text": "x y z."}\n{"id": "a", "text": "p q r."}\n',
            "duplicate id 'a' (lines 1 and 2)",
        ),
        (
            "s.json",
            '[{"id": "a", "text": "x y."}, {"id": "a", "text": "p q."}]',
            "duplicate id 'a' (records 1 and 2)",
        ),
        (
            "s.jsonl",
            '{"id": "a", "text": "x y z."}\n{"id": "b", "outlet": "B"}\n',
            "line 2 (id 'b'): needs a non-empty 'text' or 'html' string",
        ),
        (
            "s.json",
            '[{"id": "a", "text": "   "}]',
            "record 1 (id 'a'): needs a non-empty 'text' or 'html' string",
        ),
        (
            "s.jsonl",
            '{"id": "a", "text": "x y z."}\n{"id": "b", "text": "p q r."\n',
            "line 2: malformed JSON at line 1, column",
        ),
        (
            "s.json",
            '[{"id": "a", "text": "x"},]',
            "malformed JSON at line 1, column 27 (Expecting value)",
        ),
        ("s.json", "[" * 100_000 + "]" * 100_000, "malformed JSON"),
        ("s.jsonl", '["not", "an", "object"]\n', "line 1 is not a JSON object"),
        ("s.json", '"just a string"', "expected a list of records"),
        ("s.json", '{"sources": {"id": "a"}}', "'sources' must be a list"),
        ("s.json", "[]", "holds no records"),
        ("s.jsonl", "\n\n", "is empty"),
        ("s.json", '[{"id": "a", "text": 42}]', "'text' must be a string, got int"),
        ("s.json", '[{"id": "a b", "text": "x y."}]', "source id 'a b' must start with a letter"),
        (
            "s.json",
            '[{"id": "a", "text": "x y.", "published": "last week"}]',
            "published date must be YYYY-MM-DD",
        ),
        (
            "s.json",
            '[{"id": "a", "html": "<html><nav>Home</nav></html>"}]',
            "no article body found",
        ),
    ],
)
def test_bad_records_are_one_clear_error(write, name: str, content: str, message: str) -> None:  # type: ignore[no-untyped-def]
    path = write(name, content)
    with pytest.raises(InputError) as err:
        load_sources([str(path), str(write("other.txt", TEXT_B))])
    assert message in str(err.value) and str(err.value).startswith(str(path))
    assert "\n" not in str(err.value)
