"""Run many stories: one report per story plus an index, locally or on a Dask cluster.

STORIES is a directory of story folders (each one what ``claimdiff compare``
takes: a ``sources.toml`` or ``.txt``/``.md`` articles) or a JSON Lines file
with one story per line: ``{"id": ..., "sources": [{"id", "outlet",
"published", "text"}, ...]}``.

Stories are read here, in the calling process, and shipped to workers as
plain data, so a remote Dask worker needs no access to the input files.
Workers return rendered reports; only this process writes files, each
atomically, so the output directory is never half-written. A story is skipped
when the index records the same input digest (its text, metadata, options and
the claimdiff version) and every report it lists still has the recorded hash.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimdiff import __version__
from claimdiff.atomic import write_atomic
from claimdiff.errors import ClaimdiffError, InputError
from claimdiff.load import load_sources, parse_date
from claimdiff.models import Source

INDEX_JSON = "index.json"
INDEX_MD = "index.md"
INDEX_SCHEMA = "claimdiff.batch-index/1"
FORMATS = {"json": ".json", "markdown": ".md"}
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_RECORD_KEYS = ("id", "outlet", "published", "text")


@dataclass(frozen=True)
class StoryTask:
    """One story, read and ready to run anywhere: sources, or why they could not be read."""

    id: str
    digest: str
    sources: tuple[Source, ...] = ()
    error: str | None = None


@dataclass(frozen=True)
class StoryResult:
    id: str
    digest: str
    error: str | None = None
    summary: dict[str, int] | None = None
    reports: dict[str, str] = field(default_factory=dict)  # format -> rendered text


@dataclass(frozen=True)
class BatchResult:
    ran: int
    skipped: int
    failed: int
    entries: list[dict[str, Any]]


ProgressCallback = Callable[[StoryResult | None, int, int], None]


def read_stories(path: Path, *, formats: Sequence[str], threshold: float | None) -> list[StoryTask]:
    """Every story under ``path``, in id order; a story that cannot be read carries its error."""
    if path.is_dir():
        tasks = [_folder_task(p, formats, threshold) for p in sorted(path.iterdir()) if p.is_dir()]
        if not tasks:
            raise InputError(f"{path}: no story folders in it")
    elif path.is_file():
        tasks = list(_jsonl_tasks(path, formats, threshold))
        if not tasks:
            raise InputError(f"{path}: no stories in it")
    else:
        raise InputError(f"{path}: no such file or directory")
    seen: set[str] = set()
    for t in tasks:
        if t.id in seen:
            raise InputError(f"{path}: duplicate story id {t.id!r}")
        seen.add(t.id)
    return sorted(tasks, key=lambda t: t.id)


def _digest(sources: Sequence[Source], formats: Sequence[str], threshold: float | None) -> str:
    data = {
        "version": __version__,
        "formats": sorted(formats),
        "threshold": threshold,
        "sources": [
            [s.id, s.outlet, s.path, s.published.isoformat() if s.published else None, s.text]
            for s in sources
        ],
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def _failed_digest(story_id: str, error: str) -> str:
    return hashlib.sha256(f"{story_id}\0{error}".encode()).hexdigest()


def _folder_task(folder: Path, formats: Sequence[str], threshold: float | None) -> StoryTask:
    story_id = folder.name
    try:
        _check_id(story_id, str(folder))
        sources = tuple(load_sources([str(folder)]))
    except ClaimdiffError as exc:
        return StoryTask(story_id, _failed_digest(story_id, str(exc)), error=str(exc))
    return StoryTask(story_id, _digest(sources, formats, threshold), sources)


def _jsonl_tasks(
    path: Path, formats: Sequence[str], threshold: float | None
) -> Iterator[StoryTask]:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot be read as UTF-8 text ({exc})") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        story_id = f"line-{n}"
        try:
            record = json.loads(line)
            if isinstance(record, dict) and isinstance(record.get("id"), str):
                story_id = record["id"]
            sources = _record_sources(record, where)
        except json.JSONDecodeError as exc:
            error = f"{where}: not valid JSON ({exc.msg} at column {exc.colno})"
            yield StoryTask(story_id, _failed_digest(story_id, error), error=error)
            continue
        except ClaimdiffError as exc:
            yield StoryTask(story_id, _failed_digest(story_id, str(exc)), error=str(exc))
            continue
        yield StoryTask(story_id, _digest(sources, formats, threshold), sources)


def _record_sources(record: Any, where: str) -> tuple[Source, ...]:
    if not isinstance(record, dict) or set(record) - {"id", "sources"}:
        raise InputError(f"{where}: a story is an object with 'id' and 'sources' only")
    story_id = record.get("id")
    if not isinstance(story_id, str):
        raise InputError(f"{where}: 'id' must be a string")
    _check_id(story_id, where)
    entries = record.get("sources")
    if not isinstance(entries, list) or len(entries) < 2:
        raise InputError(f"{where}: 'sources' must list at least 2 sources")
    sources: list[Source] = []
    for k, entry in enumerate(entries, 1):
        at = f"{where}: source #{k}"
        if not isinstance(entry, dict) or set(entry) - set(_RECORD_KEYS):
            raise InputError(f"{at}: expected an object with keys {', '.join(_RECORD_KEYS)}")
        sid, text = entry.get("id"), entry.get("text")
        if not isinstance(sid, str):
            raise InputError(f"{at}: 'id' must be a string")
        _check_id(sid, at)
        if not isinstance(text, str) or not text.strip():
            raise InputError(f"{at}: 'text' must be a non-empty string")
        outlet = entry.get("outlet") or sid
        if not isinstance(outlet, str):
            raise InputError(f"{at}: 'outlet' must be a string")
        published = entry.get("published")
        day = parse_date(published, at) if published is not None else None
        sources.append(Source(sid, outlet, f"{story_id}/{sid}", day, text))
    ids = [s.id for s in sources]
    if len(set(ids)) != len(ids):
        raise InputError(f"{where}: duplicate source id in story {story_id!r}")
    return tuple(sources)


def _check_id(story_id: str, where: str) -> None:
    if not _ID_RE.match(story_id):
        raise InputError(
            f"{where}: id {story_id!r} must start with a letter or digit and use only "
            "letters, digits, '_', '.' and '-'"
        )


def run_story(task: StoryTask, formats: Sequence[str], threshold: float | None) -> StoryResult:
    """Compare one story's sources and render its reports; never raises for a bad story."""
    if task.error is not None:
        return StoryResult(task.id, task.digest, error=task.error)
    from claimdiff.pipeline import Options, compare_sources

    try:
        report = compare_sources(task.sources, Options(threshold=threshold))
        reports: dict[str, str] = {}
        if "json" in formats:
            from claimdiff.render.json import render_json

            reports["json"] = render_json(report)
        if "markdown" in formats:
            from claimdiff.render.markdown import render_markdown

            reports["markdown"] = render_markdown(report)
    except ClaimdiffError as exc:
        return StoryResult(task.id, task.digest, error=str(exc))
    except Exception as exc:  # one broken story must not stop the others
        return StoryResult(
            task.id, task.digest, error=f"internal error: {type(exc).__name__}: {exc}"
        )
    return StoryResult(task.id, task.digest, summary=dict(report.summary), reports=reports)


def run_batch(
    stories: Path,
    out_dir: Path,
    *,
    formats: Sequence[str] = ("json",),
    threshold: float | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    progress: ProgressCallback | None = None,
) -> BatchResult:
    """Run every story that is not up to date and rewrite the index."""
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown or not formats:
        raise InputError(f"--format: expected json and/or markdown, got {','.join(formats)!r}")
    if scheduler:
        _dask()  # fail before any work when the extra is missing
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"--out {out_dir}: is not a directory")
    tasks = read_stories(stories, formats=formats, threshold=threshold)
    out_dir.mkdir(parents=True, exist_ok=True)
    previous = _read_index(out_dir)
    entries = {t.id: previous[t.id] for t in tasks if _up_to_date(out_dir, t, previous)}
    todo = [t for t in tasks if t.id not in entries]
    if progress:
        progress(None, 0, len(todo))
    executor = _dask_results if scheduler else _local_results
    failed = 0
    for done, result in enumerate(executor(todo, formats, threshold, workers, scheduler), 1):
        entries[result.id] = _write_result(out_dir, result)
        failed += result.error is not None
        if progress:
            progress(result, done, len(todo))
    ordered = [entries[t.id] for t in tasks]
    _write_index(out_dir, ordered)
    return BatchResult(
        ran=len(todo), skipped=len(tasks) - len(todo), failed=failed, entries=ordered
    )


def _local_results(
    todo: list[StoryTask],
    formats: Sequence[str],
    threshold: float | None,
    workers: int | None,
    scheduler: str | None,
) -> Iterator[StoryResult]:
    if workers == 1 or len(todo) <= 1:
        for t in todo:
            yield run_story(t, formats, threshold)
        return
    from concurrent.futures import as_completed

    from claimdiff.procpool import process_pool

    with process_pool(workers, ["claimdiff.pipeline", "claimdiff.render.json"]) as pool:
        futures = [pool.submit(run_story, t, tuple(formats), threshold) for t in todo]
        for future in as_completed(futures):
            yield future.result()


def _dask_results(
    todo: list[StoryTask],
    formats: Sequence[str],
    threshold: float | None,
    workers: int | None,
    scheduler: str | None,
) -> Iterator[StoryResult]:
    dist = _dask()
    try:
        client = dist.Client(scheduler, timeout="10s")
    except OSError as exc:
        raise InputError(f"--scheduler {scheduler}: cannot connect ({exc})") from None
    with client:
        futures = client.map(
            run_story, todo, formats=tuple(formats), threshold=threshold, pure=False
        )
        for future in dist.as_completed(futures):
            yield future.result()


def _dask() -> Any:
    try:
        import distributed
    except ImportError:
        raise InputError("--scheduler needs Dask: pip install 'claimdiff[dask]'") from None
    return distributed  # untyped package: Any


def _write_result(out_dir: Path, result: StoryResult) -> dict[str, Any]:
    outputs: dict[str, dict[str, str]] = {}
    for fmt, text in sorted(result.reports.items()):
        name = result.id + FORMATS[fmt]
        write_atomic(out_dir / name, text)
        outputs[fmt] = {"path": name, "sha256": hashlib.sha256(text.encode()).hexdigest()}
    return {
        "id": result.id,
        "status": "error" if result.error else "ok",
        "input_digest": result.digest,
        "error": result.error,
        "summary": result.summary,
        "outputs": outputs,
    }


def _read_index(out_dir: Path) -> dict[str, dict[str, Any]]:
    try:
        data = json.loads((out_dir / INDEX_JSON).read_text(encoding="utf-8"))
        return {e["id"]: e for e in data["stories"] if isinstance(e, dict) and "id" in e}
    except (OSError, ValueError, KeyError, TypeError):
        return {}  # no index, or one we cannot trust: run everything again


def _up_to_date(out_dir: Path, task: StoryTask, previous: dict[str, dict[str, Any]]) -> bool:
    entry = previous.get(task.id)
    if entry is None or entry.get("status") != "ok" or entry.get("input_digest") != task.digest:
        return False
    for output in entry.get("outputs", {}).values():
        path = out_dir / output["path"]
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != output["sha256"]:
            return False
    return bool(entry.get("outputs"))


def _write_index(out_dir: Path, entries: list[dict[str, Any]]) -> None:
    ok = [e for e in entries if e["status"] == "ok"]
    totals = {"stories": len(entries), "ok": len(ok), "failed": len(entries) - len(ok)}
    for key in ("claims", "groups", "agree", "differ", "single"):
        totals[key] = sum(e["summary"][key] for e in ok)
    data = {"schema": INDEX_SCHEMA, "totals": totals, "stories": entries}
    write_atomic(out_dir / INDEX_JSON, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    lines = [
        "# claimdiff batch",
        "",
        f"**{totals['stories']} stories:** {totals['ok']} ok · {totals['failed']} failed",
        "",
        "| Story | Sources | Claims | Agree | Differ | Single | Report |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for e in entries:
        if e["status"] == "ok":
            s = e["summary"]
            link = " ".join(f"[{f}]({o['path']})" for f, o in e["outputs"].items())
            lines.append(
                f"| `{e['id']}` | {s['sources']} | {s['claims']} | {s['agree']} | "
                f"{s['differ']} | {s['single']} | {link} |"
            )
        else:
            error = str(e["error"]).replace("|", "\\|").replace("\n", " ")
            lines.append(f"| `{e['id']}` | | | | | | error: {error} |")
    write_atomic(out_dir / INDEX_MD, "\n".join(lines) + "\n")
