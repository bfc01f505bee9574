from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from claimdiff.errors import InputError
from claimdiff.inputs import parse_size
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


def test_a_manifest_file_can_be_given_directly(write) -> None:  # type: ignore[no-untyped-def]
    write("d/a.txt", ARTICLE)
    write("d/b.md", ARTICLE)
    manifest = write(
        "d/story.toml",
        '[[source]]\npath = "a.txt"\npublished = 2024-05-01T10:00:00Z\n[[source]]\npath = "b.md"\n',
    )
    sources = load_sources([str(manifest)])
    assert [s.id for s in sources] == ["a", "b"]
    assert sources[0].published == date(2024, 5, 1)  # a TOML timestamp counts by its date


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        ('[[source]]\nid = "x"\n', "needs a 'path' string or a 'url'"),
        ('[[source]]\nurl = "ftp://example.com/a"\n', "'url' must start with http:// or https://"),
        ('[[source]]\npath = "s.jsonl"\n', "is a file of records; pass it to claimdiff directly"),
        ('[[source]]\npath = "a.txt"\nurl = 5\n', "'url' must be a non-empty string"),
    ],
)
def test_manifest_entries_are_checked(write, manifest: str, message: str) -> None:  # type: ignore[no-untyped-def]
    write("d/a.txt", ARTICLE)
    path = write("d/sources.toml", manifest)
    with pytest.raises(InputError, match=re.escape(message)):
        load_sources([str(path.parent)], min_sources=1)


def test_a_manifest_url_is_recorded_for_a_saved_copy(write) -> None:  # type: ignore[no-untyped-def]
    write("d/a.txt", ARTICLE)
    path = write("d/sources.toml", '[[source]]\npath = "a.txt"\nurl = "https://example.com/a"\n')
    [source] = load_sources([str(path.parent)], min_sources=1)  # read from disk, never fetched
    assert source.url == "https://example.com/a" and source.text == ARTICLE


@pytest.mark.parametrize(
    ("value", "size"),
    [
        ("10M", 10 * 1024**2),
        ("512k", 512 * 1024),
        ("50MB", 50 * 1024**2),
        ("1GiB", 1024**3),
        ("20000000", 20_000_000),
        ("1.5M", 1572864),
    ],
)
def test_parse_size(value: str, size: int) -> None:
    assert parse_size(value) == size


@pytest.mark.parametrize("value", ["", "ten", "10X", "0", "-5M"])
def test_parse_size_rejects_nonsense(value: str) -> None:
    with pytest.raises(InputError, match="--max-bytes"):
        parse_size(value)
