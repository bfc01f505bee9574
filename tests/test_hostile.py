"""Every hostile input from the command line: exit 2, exactly one line on stderr, no
traceback, no output file, and the inputs untouched."""

from __future__ import annotations

import hashlib
import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimdiff.cli import app

ARTICLE = "Floods killed 45 people in Durban on Tuesday, officials said. The army was sent in.\n"
OTHER = "Officials said on Tuesday that 45 people died in floods in Durban. Schools closed.\n"
HTML = Path(__file__).parent / "fixtures" / "html"


def _file(name: str, content: str | bytes) -> Callable[[Path], list[str]]:
    def setup(tmp: Path) -> list[str]:
        path = tmp / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
        (tmp / "other.txt").write_text(OTHER)
        return [str(path), str(tmp / "other.txt")]

    return setup


def _big(tmp: Path) -> list[str]:
    big = tmp / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing written
    (tmp / "other.txt").write_text(OTHER)
    return [str(big), str(tmp / "other.txt")]


def _unreachable(tmp: Path) -> list[str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    (tmp / "other.txt").write_text(OTHER)
    return [f"http://127.0.0.1:{port}/story", str(tmp / "other.txt")]


def _empty_dir(tmp: Path) -> list[str]:
    (tmp / "d").mkdir()
    (tmp / "d" / "notes.csv").write_text("a,b\n")
    return [str(tmp / "d")]


def _nav_only(tmp: Path) -> list[str]:
    (tmp / "other.txt").write_text(OTHER)
    return [str(HTML / "nav_only.html"), str(tmp / "other.txt")]


def _one_source(tmp: Path) -> list[str]:
    (tmp / "a.txt").write_text(ARTICLE)
    return [str(tmp / "a.txt")]


def _one_usable(tmp: Path) -> list[str]:
    (tmp / "a.txt").write_text(ARTICLE)
    (tmp / "b.txt").write_text("Share\nTweet\nAdvertisement\n")
    return [str(tmp / "a.txt"), str(tmp / "b.txt")]


CASES: dict[str, tuple[Callable[[Path], list[str]], str]] = {
    "missing path": (
        lambda t: [str(t / "nope.txt"), str(t / "nope2.txt")],
        "nope.txt: no such file",
    ),
    "directory with no articles": (_empty_dir, "no sources.toml and no articles"),
    "binary file": (
        _file("a.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00"),
        "a.png: is a PNG image, not text",
    ),
    "binary without a signature": (
        _file("a.dat", bytes(range(256)) * 8),
        "a.dat: looks like a binary file",
    ),
    "empty file": (_file("a.txt", b""), "a.txt: is empty"),
    "whitespace-only file": (_file("a.txt", " \n\t\n\u00a0\n"), "a.txt: is empty"),
    "no sentences: only furniture": (
        _file("a.txt", "Share\nTweet\nAdvertisement\nRead more\n"),
        "a.txt: no sentences found",
    ),
    "no sentences: only punctuation": (
        _file("a.txt", "!!! ... ???\n- - -\n"),
        "a.txt: no sentences found",
    ),
    "invalid UTF-8": (
        _file("a.txt", "Zürich said “yes”. ".encode() + b"\xff\xfe\xfd more"),
        "a.txt: not valid UTF-8 (byte 0xff at offset 24)",
    ),
    "50 MB file": (_big, "big.txt: is 50 MiB, over the 10 MiB limit (raise it with --max-bytes)"),
    "malformed sources.toml": (
        _file("d/sources.toml", "[[source]\npath = 'a.txt'\n"),
        "sources.toml: malformed TOML",
    ),
    "malformed JSON": (
        _file("s.json", '[{"id": "a", "text": "x"'),
        "s.json: malformed JSON at line 1",
    ),
    "malformed JSON Lines": (
        _file("s.jsonl", '{"id": "a", "text": "One. Two."}\nnot json\n'),
        "s.jsonl: line 2: malformed JSON",
    ),
    "duplicate ids in records": (
        _file("s.jsonl", '{"id": "a", "text": "One two."}\n{"id": "a", "text": "Three four."}\n'),
        "duplicate id 'a'",
    ),
    "duplicate ids across files": (
        lambda t: _file("x/other.txt", ARTICLE)(t),
        "duplicate source id 'other'",
    ),
    "record without text": (
        _file("s.jsonl", '{"id": "a", "outlet": "A"}\n'),
        "s.jsonl: line 1 (id 'a'): needs a non-empty 'text' or 'html' string",
    ),
    "unreachable URL": (_unreachable, "cannot fetch"),
    "HTML page with no article body": (_nav_only, "nav_only.html: no article body found"),
    "fewer than two sources": (_one_source, "need at least 2 sources to compare, found 1 (a)"),
    "fewer than two usable sources": (_one_usable, "b.txt: no sentences found"),
}


def _snapshot(tmp: Path) -> dict[str, str]:
    return {
        str(p.relative_to(tmp)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(tmp.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_input_is_one_line_exit_2_and_no_output(case: str, tmp_path: Path) -> None:
    setup, message = CASES[case]
    inputs = setup(tmp_path)
    before = _snapshot(tmp_path)
    out = tmp_path / "out" / "report.md"
    out.parent.mkdir()
    result = CliRunner().invoke(app, ["compare", *inputs, "-f", "markdown", "-o", str(out)])
    assert result.exit_code == 2, result.output
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("claimdiff: error: ") and message in lines[0], lines[0]
    assert "Traceback" not in result.output and result.stdout == ""
    assert list(out.parent.iterdir()) == []  # no report, no temporary file
    assert _snapshot(tmp_path) == before  # inputs never modified


def test_the_size_cap_can_be_raised_and_lowered(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE * 40)  # about 3.4 KB
    b.write_text(OTHER)
    small = CliRunner().invoke(app, ["compare", str(a), str(b), "--max-bytes", "2K"])
    assert small.exit_code == 2 and "over the 2 KiB limit" in small.stderr
    enough = CliRunner().invoke(app, ["compare", str(a), str(b), "--max-bytes", "4K", "-f", "json"])
    assert enough.exit_code == 0, enough.output
    bad = CliRunner().invoke(app, ["compare", str(a), str(b), "--max-bytes", "lots"])
    assert bad.exit_code == 2 and "--max-bytes expects a size" in bad.stderr


def test_standard_input_over_the_cap_is_refused(tmp_path: Path) -> None:
    b = tmp_path / "b.txt"
    b.write_text(OTHER)
    result = CliRunner().invoke(
        app, ["compare", "-", str(b), "--max-bytes", "1K"], input=ARTICLE * 30
    )
    assert result.exit_code == 2 and "standard input: is more than 1 KiB" in result.stderr
