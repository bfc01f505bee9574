from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimdiff import __version__
from claimdiff.cli import app
from tests.conftest import SAMPLES

FIXTURES = Path(__file__).parent / "fixtures"

runner = CliRunner()
ENV = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
ARTICLE_A = "Floods killed 45 people in Durban on Tuesday, officials said. The army was sent in.\n"
ARTICLE_B = "Officials said on Tuesday that 45 people died in floods in Durban. Schools closed.\n"


def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=input, env=ENV)


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0 and result.output.strip() == f"claimdiff {__version__}"


def test_help_has_examples() -> None:
    for cmd in ("compare", "claims", "batch"):
        result = run(cmd, "--help")
        assert result.exit_code == 0 and "Example:" in result.output


def test_compare_json_and_markdown_are_deterministic() -> None:
    j1, j2 = run("compare", str(SAMPLES), "-f", "json"), run("compare", str(SAMPLES), "-f", "json")
    assert j1.exit_code == 0 and j1.stdout == j2.stdout
    assert json.loads(j1.stdout)["schema"] == "claimdiff.report/1"
    m1, m2 = (
        run("compare", str(SAMPLES), "-f", "markdown"),
        run("compare", str(SAMPLES), "-f", "markdown"),
    )
    assert m1.stdout == m2.stdout and m1.stdout.startswith("# claimdiff report")


def test_terminal_default(tmp_path: Path) -> None:
    result = run("compare", str(SAMPLES))
    assert result.exit_code == 0
    assert "Daily Caller News Foundation" in result.stdout


def test_output_is_written_atomically_and_stdout_stays_empty(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = run("compare", str(SAMPLES), "-f", "json", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text())["summary"]["sources"] == 3
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temp file left behind


def test_output_refuses_to_overwrite_an_input(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text(ARTICLE_A)
    b = tmp_path / "b.txt"
    b.write_text(ARTICLE_B)
    result = run("compare", str(a), str(b), "-o", str(a))
    assert result.exit_code == 2 and a.read_text() == ARTICLE_A


def test_stdin_and_overrides(tmp_path: Path) -> None:
    b = tmp_path / "b.txt"
    b.write_text(ARTICLE_B)
    result = run(
        "compare",
        "-",
        str(b),
        "-f",
        "json",
        "--published",
        "b=2024-04-02",
        "--outlet",
        "stdin=Wire",
        input=ARTICLE_A,
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [s["outlet"] for s in data["sources"]] == ["Wire", "b"]
    assert data["sources"][1]["published"] == "2024-04-02"


@pytest.mark.parametrize("fail_on,expected", [("never", 0), ("single", 1), ("differ", 1)])
def test_fail_on(fail_on: str, expected: int) -> None:
    result = run("compare", str(SAMPLES), "-f", "json", "--fail-on", fail_on)
    assert result.exit_code == expected


def test_threshold_out_of_range_is_a_usage_error() -> None:
    assert run("compare", str(SAMPLES), "--threshold", "1.5").exit_code == 2


@pytest.mark.parametrize(
    "args",
    [
        ["compare", "/nonexistent/a.txt", "/nonexistent/b.txt"],
        ["compare", str(SAMPLES / "dcnf.txt")],
        ["compare", str(SAMPLES), "--published", "nosuch=2020-01-01"],
        ["compare", str(SAMPLES), "--published", "dcnf=yesterday"],
        ["compare", str(SAMPLES), "--outlet", "justtext"],
        ["compare", str(SAMPLES), "-o", "/nonexistent/dir/report.md"],
    ],
)
def test_bad_input_is_one_line_and_exit_2(args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("claimdiff: error: ")
    assert "Traceback" not in result.output


def test_claims_command_lists_offsets_and_removed_furniture() -> None:
    result = run("claims", str(SAMPLES / "tass.txt"), "--removed")
    assert result.exit_code == 0
    first = result.stdout.splitlines()[0].split("\t")
    assert first[0] == "tass:0" and "-" in first[1]
    assert "removed\t" in result.stdout and "dateline" in result.stdout


def test_python_m_and_help_is_light() -> None:
    code = (
        "import sys, runpy; sys.argv=['claimdiff','--help'];\n"
        "try:\n  runpy.run_module('claimdiff', run_name='__main__')\n"
        "except SystemExit: pass\n"
        "heavy=[m for m in ('nltk','rapidfuzz','numpy','trafilatura','lxml','charset_normalizer',"
        "'htmldate','justext','dask','distributed','pydantic') if m in sys.modules]\n"
        "print('HEAVY', heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "Usage" in out.stdout and "HEAVY []" in out.stdout


def test_focus_options() -> None:
    full = run("compare", str(SAMPLES), "-f", "markdown").stdout
    only = run(
        "compare", str(SAMPLES), "-f", "markdown", "--only", "differ", "--max-groups", "1"
    ).stdout
    assert "## Agreements" in full and "## Agreements" not in only and "## Differences" in only
    assert only.count("\n### g") == 1 and "more (raise `--max-groups`)" in only
    tass = run("compare", str(SAMPLES), "-f", "markdown", "--source", "tass").stdout
    headings = [ln for ln in tass.splitlines() if ln.startswith("### g")]
    assert headings and all("tass" in h for h in headings)


@pytest.mark.parametrize(
    "args", [["--only", "nope"], ["--source", "nosuch"], ["--max-groups", "0"]]
)
def test_bad_focus_options(args: list[str]) -> None:
    assert run("compare", str(SAMPLES), *args).exit_code == 2


def test_stdin_is_read_as_bytes_in_any_supported_encoding(tmp_path: Path) -> None:
    b = tmp_path / "b.txt"
    b.write_text(ARTICLE_B)
    article = "Floods killed 45 people in Durban on Tuesday, officials said. “It’s a disaster.”\n"
    result = runner.invoke(app, ["claims", "-"], input=article.encode("cp1252"), env=ENV)
    assert result.exit_code == 0, result.output
    assert "“It’s a disaster.”" in result.stdout


@pytest.mark.parametrize(
    "inputs",
    [
        [
            str(FIXTURES / "html" / "coastal_herald.html"),
            str(FIXTURES / "html" / "valley_courier_cp1252.html"),
        ],
        [str(FIXTURES / "records" / "durban.jsonl")],
    ],
    ids=["html", "jsonl"],
)
def test_reports_from_html_and_records_are_deterministic(inputs: list[str]) -> None:
    for fmt in ("json", "markdown"):
        first, second = run("compare", *inputs, "-f", fmt), run("compare", *inputs, "-f", fmt)
        assert first.exit_code == 0, first.output
        assert first.stdout == second.stdout and first.stdout


def test_claims_text_prints_what_offsets_refer_to() -> None:
    page = str(FIXTURES / "html" / "coastal_herald.html")
    text = run("claims", page, "--text").stdout
    assert text.startswith("Floods kill 45 in Durban as rivers burst their banks\n\n")
    for line in run("claims", page).stdout.splitlines():
        _, span, *_, claim = line.split("\t")
        start, end = map(int, span.split(" ")[0].split("-"))
        assert text[start:end] == claim


def test_claims_lists_every_record_of_a_jsonl_file() -> None:
    result = run("claims", str(FIXTURES / "records" / "durban.jsonl"))
    assert result.exit_code == 0
    ids = {line.split("\t")[0].split(":")[0] for line in result.stdout.splitlines()}
    assert ids == {"wire", "herald", "blog"}


def test_terminal_report_caps_sections_by_default_but_markdown_does_not(tmp_path: Path) -> None:
    from claimdiff.cli import TERMINAL_MAX_GROUPS

    # every sentence single-source: more groups than the terminal shows
    lines = [f"Item {k} of the list was about topic{k} and nothing else." for k in range(60)]
    a = tmp_path / "a.txt"
    a.write_text(" ".join(lines))
    b = tmp_path / "b.txt"
    b.write_text("An unrelated short note about the weather in spring.")
    term = run("compare", str(a), str(b))
    assert term.exit_code == 0
    assert "more (raise --max-groups)" in term.stdout
    assert term.stdout.count("topic") <= 2 * TERMINAL_MAX_GROUPS + 2
    md = run("compare", str(a), str(b), "-f", "markdown")
    assert "raise --max-groups" not in md.stdout and md.stdout.count("topic59") >= 1
