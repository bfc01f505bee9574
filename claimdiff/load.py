"""Stage 1: turn the user's paths into Sources (text plus metadata).

Inputs are files (.txt/.md), ``-`` for standard input, or directories. A
directory with a ``sources.toml`` manifest takes its sources from it; one
without takes its ``*.txt``/``*.md`` files in name order.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from claimdiff.errors import InputError
from claimdiff.models import Source

MANIFEST = "sources.toml"
ARTICLE_SUFFIXES = (".txt", ".md")
MANIFEST_KEYS = ("id", "outlet", "path", "published")
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def load_sources(
    inputs: Sequence[str],
    *,
    published: Mapping[str, str] | None = None,
    outlets: Mapping[str, str] | None = None,
    stdin_text: str | None = None,
    min_sources: int = 2,
) -> list[Source]:
    """Read every input, apply overrides, and check the set is comparable."""
    if not inputs:
        raise InputError("no input given: pass two or more files, a directory, or '-'")
    sources: list[Source] = []
    for raw in inputs:
        if raw == "-":
            if stdin_text is None:
                raise InputError("'-' given but nothing could be read from standard input")
            sources.append(_make_source("stdin", "-", _check_text(stdin_text, "standard input")))
            continue
        path = Path(raw)
        if path.is_dir():
            sources.extend(_load_directory(path))
        else:
            sources.append(_load_file(path))
    _check_unique(sources)
    sources = _apply_overrides(sources, published or {}, outlets or {})
    if len(sources) < min_sources:
        found = ", ".join(s.id for s in sources) or "none"
        raise InputError(
            f"need at least {min_sources} sources to compare, found {len(sources)} ({found})"
        )
    return sources


def parse_assignments(values: Iterable[str], option: str) -> dict[str, str]:
    """Parse repeated ``ID=VALUE`` options into a dict."""
    out: dict[str, str] = {}
    for item in values:
        key, sep, value = item.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or not key or not value:
            raise InputError(f"{option} expects ID=VALUE, got {item!r}")
        out[key] = value
    return out


def parse_date(value: object, where: str) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise InputError(f"{where}: published date must be YYYY-MM-DD, got {value!r}")


def read_text(path: Path) -> str:
    """Read one article file as text, with a clear error for every way it can fail."""
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    if not path.is_file():
        raise InputError(f"{path}: not a regular file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None
    return _check_text(text, str(path))


def _check_text(text: str, where: str) -> str:
    if not text.strip():
        raise InputError(f"{where}: is empty")
    return text


def _make_source(source_id: str, path: str, text: str) -> Source:
    if not _ID_RE.match(source_id):
        raise InputError(
            f"{path}: source id {source_id!r} must start with a letter or digit and use only "
            "letters, digits, '_', '.' and '-'"
        )
    return Source(id=source_id, outlet=source_id, path=path, published=None, text=text)


def _load_file(path: Path) -> Source:
    return _make_source(path.stem, str(path), read_text(path))


def _load_directory(directory: Path) -> list[Source]:
    manifest = directory / MANIFEST
    if manifest.is_file():
        return _load_manifest(manifest)
    files = sorted(
        p for p in directory.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
    )
    if not files:
        raise InputError(f"{directory}: no {MANIFEST} and no .txt or .md articles in it")
    return [_load_file(p) for p in files]


def _load_manifest(manifest: Path) -> list[Source]:
    try:
        data = tomllib.loads(manifest.read_text(encoding="utf-8-sig"))
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{manifest}: malformed TOML ({exc})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{manifest}: cannot be read ({exc})") from None
    entries = data.get("source")
    if not isinstance(entries, list) or not entries:
        raise InputError(f"{manifest}: expected one or more [[source]] tables")
    return [_manifest_entry(manifest, n, entry) for n, entry in enumerate(entries, 1)]


def _manifest_entry(manifest: Path, n: int, entry: Any) -> Source:
    where = f"{manifest}: [[source]] #{n}"
    if not isinstance(entry, dict):
        raise InputError(f"{where} is not a table")
    unknown = sorted(set(entry) - set(MANIFEST_KEYS))
    if unknown:
        raise InputError(
            f"{where} has unknown key {unknown[0]!r} (expected {', '.join(MANIFEST_KEYS)})"
        )
    rel = entry.get("path")
    if not isinstance(rel, str) or not rel.strip():
        raise InputError(f"{where} needs a 'path' string")
    path = manifest.parent / rel
    for key in ("id", "outlet"):
        if key in entry and (not isinstance(entry[key], str) or not entry[key].strip()):
            raise InputError(f"{where}: {key!r} must be a non-empty string")
    source = _make_source(str(entry.get("id", path.stem)), str(path), read_text(path))
    outlet = entry.get("outlet", source.id)
    published = parse_date(entry["published"], where) if "published" in entry else None
    return replace(source, outlet=outlet, published=published)


def _check_unique(sources: Sequence[Source]) -> None:
    seen: dict[str, str] = {}
    for s in sources:
        if s.id in seen:
            raise InputError(
                f"duplicate source id {s.id!r} ({seen[s.id]} and {s.path}); "
                "rename a file or set ids in sources.toml"
            )
        seen[s.id] = s.path


def _apply_overrides(
    sources: list[Source], published: Mapping[str, str], outlets: Mapping[str, str]
) -> list[Source]:
    ids = {s.id for s in sources}
    for option, table in (("--published", published), ("--outlet", outlets)):
        for key in table:
            if key not in ids:
                raise InputError(
                    f"{option}: no source with id {key!r} (have {', '.join(sorted(ids))})"
                )
    out = []
    for s in sources:
        if s.id in published:
            s = replace(s, published=parse_date(published[s.id], f"--published {s.id}"))
        if s.id in outlets:
            s = replace(s, outlet=outlets[s.id])
        out.append(s)
    return out
