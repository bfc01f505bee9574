from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from claimdiff.errors import InputError
from claimdiff.load import load_sources, parse_assignments
from tests.conftest import SAMPLES

ARTICLE = "The council approved the budget on Monday. It passed by 30 votes to 12.\n"


def test_manifest_directory_takes_ids_outlets_and_dates() -> None:
    sources = load_sources([str(SAMPLES)])
    assert [s.id for s in sources] == ["dcnf", "guardian", "tass"]
    assert sources[1].outlet == "The Guardian"
    assert sources[2].published == date(2017, 3, 17)
    assert sources[0].text.startswith("World")


def test_directory_without_manifest_takes_txt_and_md_in_name_order(write) -> None:  # type: ignore[no-untyped-def]
    write("d/b.md", ARTICLE)
    write("d/a.txt", ARTICLE)
    write("d/notes.csv", "x,y\n")
    sources = load_sources([str(write("d/a.txt", ARTICLE).parent)])
    assert [s.id for s in sources] == ["a", "b"]
    assert all(s.published is None and s.outlet == s.id for s in sources)


def test_overrides_apply_by_id(write) -> None:  # type: ignore[no-untyped-def]
    a, b = write("a.txt", ARTICLE), write("b.txt", ARTICLE)
    sources = load_sources(
        [str(a), str(b)], published={"a": "2024-05-01"}, outlets={"b": "Bee News"}
    )
    assert sources[0].published == date(2024, 5, 1)
    assert sources[1].outlet == "Bee News"


def test_stdin_is_a_source(write) -> None:  # type: ignore[no-untyped-def]
    sources = load_sources(["-", str(write("a.txt", ARTICLE))], stdin_text=ARTICLE)
    assert sources[0].id == "stdin" and sources[0].path == "-"


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda w: [str(w("a.txt", ARTICLE))], "need at least 2 sources"),
        (lambda w: [str(w("a.txt", ARTICLE)), "/nonexistent/b.txt"], "no such file"),
        (
            lambda w: [str(w("x/a.txt", ARTICLE)), str(w("y/a.txt", ARTICLE))],
            "duplicate source id 'a'",
        ),
        (lambda w: [str(w("a.txt", ARTICLE)), str(w("b.txt", "  \n\n"))], "is empty"),
        (lambda w: [str(w("a.txt", ARTICLE)), str(w("b.txt", b"\x89PNG\x00\x00\x01"))], "binary"),
        (
            # Mostly well-formed UTF-8 with one broken byte: corrupt, not another encoding.
            lambda w: [
                str(w("a.txt", ARTICLE)),
                str(w("b.txt", "Zürich’s “mayor” said. ".encode() + b"\xff more.")),
            ],
            "not valid UTF-8 (byte 0xff at offset 30)",
        ),
        (lambda w: [str(w("d/sources.toml", "[[source]\nid=").parent)], "malformed TOML"),
        (
            lambda w: [str(w("d/sources.toml", '[[source]]\npath = "gone.txt"\n').parent)],
            "no such file",
        ),
        (
            lambda w: [
                str(
                    w(
                        "d/sources.toml", '[[source]]\npath = "a.txt"\npublshed = "2020-01-01"\n'
                    ).parent
                )
            ],
            "unknown key 'publshed'",
        ),
        (
            lambda w: [
                str(w("d/a.txt", ARTICLE).parent),
                str(
                    w(
                        "d/sources.toml", '[[source]]\npath = "a.txt"\npublished = "yesterday"\n'
                    ).parent
                ),
            ],
            "published date must be YYYY-MM-DD",
        ),
        (lambda w: [str(w("d/sources.toml", "title = 'x'\n").parent)], "[[source]] tables"),
        (lambda w: [str(w("empty/.keep", "").parent)], "no sources.toml and no articles in it"),
    ],
)
def test_bad_input_raises_one_clear_error(write, setup, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as err:
        load_sources(setup(write))
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_override_for_unknown_id_is_an_error(write) -> None:  # type: ignore[no-untyped-def]
    paths = [str(write("a.txt", ARTICLE)), str(write("b.txt", ARTICLE))]
    with pytest.raises(InputError, match="no source with id 'c'"):
        load_sources(paths, published={"c": "2020-01-01"})


def test_parse_assignments() -> None:
    assert parse_assignments(["a=2020-01-01", " b = The Times "], "--x") == {
        "a": "2020-01-01",
        "b": "The Times",
    }
    with pytest.raises(InputError, match="expects ID=VALUE"):
        parse_assignments(["oops"], "--published")


def test_inputs_are_never_modified(write) -> None:  # type: ignore[no-untyped-def]
    a = write("a.txt", ARTICLE)
    before = (a.read_bytes(), a.stat().st_mtime_ns)
    load_sources([str(a), str(write("b.txt", ARTICLE))])
    assert (Path(a).read_bytes(), a.stat().st_mtime_ns) == before
