from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimdiff.batch import run_batch
from claimdiff.cli import app
from tests.conftest import ROOT, SAMPLES

STORIES = ROOT / "benchmarks" / "data" / "stories"
ARTICLE_A = "Floods killed 45 people in Durban on Tuesday, officials said. The army was sent in.\n"
ARTICLE_B = "Officials said on Tuesday that 45 people died in floods in Durban. Schools closed.\n"


def _record(story_id: str, *texts: str) -> str:
    sources = [
        {"id": f"s{k}", "outlet": f"Outlet {k}", "published": "2024-04-02", "text": t}
        for k, t in enumerate(texts)
    ]
    return json.dumps({"id": story_id, "sources": sources})


@pytest.fixture
def story_dir(tmp_path: Path) -> Path:
    root = tmp_path / "stories"
    root.mkdir()
    shutil.copytree(SAMPLES, root / "kurils")
    shutil.copytree(STORIES / "gavdos_ferry", root / "gavdos")
    (root / "gavdos" / "alignment.json").unlink()
    (root / "lonely").mkdir()
    (root / "lonely" / "only.txt").write_text(ARTICLE_A, encoding="utf-8")
    return root


def _files(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def test_local_pool_writes_reports_and_an_index_and_records_a_failing_story(
    story_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = run_batch(story_dir, out, formats=("json", "markdown"), workers=2)
    assert (result.ran, result.skipped, result.failed) == (3, 0, 1)
    assert sorted(_files(out)) == [
        "gavdos.json",
        "gavdos.md",
        "index.json",
        "index.md",
        "kurils.json",
        "kurils.md",
    ]
    index = json.loads((out / "index.json").read_text())
    by_id = {e["id"]: e for e in index["stories"]}
    assert [e["id"] for e in index["stories"]] == ["gavdos", "kurils", "lonely"]
    assert by_id["lonely"]["status"] == "error" and "at least 2 sources" in by_id["lonely"]["error"]
    assert index["totals"]["ok"] == 2 and index["totals"]["failed"] == 1
    report = json.loads((out / "kurils.json").read_text())
    golden = json.loads((ROOT / "tests" / "golden" / "kurils.json").read_text())
    assert report["groups"] == golden["groups"]  # same result as `claimdiff compare`
    assert by_id["kurils"]["summary"] == golden["summary"]
    assert "error: need at least 2 sources" in (out / "index.md").read_text()


def test_inline_and_pool_runs_are_byte_identical(story_dir: Path, tmp_path: Path) -> None:
    run_batch(story_dir, tmp_path / "one", formats=("json", "markdown"), workers=1)
    run_batch(story_dir, tmp_path / "two", formats=("json", "markdown"), workers=2)
    assert _files(tmp_path / "one") == _files(tmp_path / "two")


def test_rerun_skips_up_to_date_stories_and_redoes_changed_ones(
    story_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    run_batch(story_dir, out, formats=("json",), workers=1)
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    again = run_batch(story_dir, out, formats=("json",), workers=1)
    assert (again.ran, again.skipped) == (1, 2)  # only the failing story is retried
    assert (out / "kurils.json").stat().st_mtime_ns == before["kurils.json"]
    assert (out / "gavdos.json").stat().st_mtime_ns == before["gavdos.json"]

    tass = story_dir / "kurils" / "tass.txt"
    tass.write_text(tass.read_text() + "\nA new sentence about the Kuril Islands.\n")
    changed = run_batch(story_dir, out, formats=("json",), workers=1)
    assert changed.ran == 2 and changed.skipped == 1
    assert (out / "gavdos.json").stat().st_mtime_ns == before["gavdos.json"]

    (out / "gavdos.json").write_text("tampered")
    repaired = run_batch(story_dir, out, formats=("json",), workers=1)
    assert repaired.ran == 2  # a report whose hash no longer matches is rewritten
    assert json.loads((out / "gavdos.json").read_text())["schema"] == "claimdiff.report/1"

    other = run_batch(story_dir, out, formats=("json", "markdown"), workers=1)
    assert other.ran == 3  # other options are other reports


def test_jsonl_stories_with_a_malformed_line(tmp_path: Path) -> None:
    stories = tmp_path / "stories.jsonl"
    stories.write_text(
        "\n".join(
            [
                _record("durban", ARTICLE_A, ARTICLE_B),
                "{not json",
                _record("bad id!", ARTICLE_A, ARTICLE_B),
                _record("single", ARTICLE_A),
            ]
        )
        + "\n"
    )
    out = tmp_path / "out"
    result = run_batch(stories, out, formats=("markdown",), workers=1)
    index = json.loads((out / "index.json").read_text())
    status = {e["id"]: (e["status"], e["error"]) for e in index["stories"]}
    assert status["durban"] == ("ok", None)
    assert "not valid JSON" in str(status["line-2"][1])
    assert "must start with a letter" in str(status["bad id!"][1])
    assert "at least 2 sources" in str(status["single"][1])
    assert result.failed == 3
    assert (out / "durban.md").read_text().startswith("# claimdiff report")


def test_cli_batch_exit_codes_and_quiet(story_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "out"
    args = ["batch", str(story_dir), "--out", str(out), "--workers", "1"]
    result = runner.invoke(app, args)
    assert result.exit_code == 3  # one story failed; the others have reports
    assert "3 stories: 3 ran, 0 up to date, 1 failed" in result.stderr
    assert "━" not in result.stderr  # no progress bar when stderr is not a terminal
    shutil.rmtree(story_dir / "lonely")
    quiet = runner.invoke(app, [*args, "--quiet"])
    assert quiet.exit_code == 0 and quiet.stderr == "" and quiet.stdout == ""
    bad = runner.invoke(app, ["batch", str(tmp_path / "missing"), "--out", str(out)])
    assert bad.exit_code == 2 and "no such file or directory" in bad.stderr
    fmt = runner.invoke(app, [*args, "--format", "pdf"])
    assert fmt.exit_code == 2 and "json and/or markdown" in fmt.stderr


def test_dask_run_is_byte_identical_to_the_local_run(story_dir: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    run_batch(story_dir, tmp_path / "local", formats=("json", "markdown"), workers=2)
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        result = run_batch(
            story_dir,
            tmp_path / "dask",
            formats=("json", "markdown"),
            scheduler=cluster.scheduler_address,
        )
    assert (result.ran, result.failed) == (3, 1)
    assert _files(tmp_path / "dask") == _files(tmp_path / "local")


def test_scheduler_without_dask_fails_before_any_work(
    story_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimdiff.errors import InputError

    monkeypatch.setitem(sys.modules, "distributed", None)  # as if the extra were missing
    with pytest.raises(InputError, match=r"claimdiff\[dask\]"):
        run_batch(story_dir, tmp_path / "out", scheduler="tcp://127.0.0.1:1")
    assert not (tmp_path / "out").exists()
