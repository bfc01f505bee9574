"""Stage 1: turn the user's inputs into Sources (text plus metadata).

Inputs are article files (``.txt``/``.md`` text, ``.html`` pages), JSON or JSON
Lines files of records, http(s) URLs, ``-`` for standard input, manifests
(``sources.toml``) or directories. A directory with a ``sources.toml`` takes its
sources from it; one without takes its article files in name order. This module only decides which
reader each input needs; the readers live in ``claimdiff.inputs``.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from claimdiff.errors import InputError
from claimdiff.inputs import Article, Limits, check_id, format_size, parse_date
from claimdiff.inputs.encoding import decode
from claimdiff.inputs.html import declared_charset, extract_article, looks_like_html
from claimdiff.inputs.records import RECORD_SUFFIXES, read_records
from claimdiff.inputs.url import fetch, is_url
from claimdiff.models import Source

__all__ = ["load_sources", "parse_assignments", "parse_date", "read_bytes", "read_text"]

MANIFEST = "sources.toml"
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
MANIFEST_KEYS = ("id", "outlet", "path", "published", "url")


def load_sources(
    inputs: Sequence[str],
    *,
    published: Mapping[str, str] | None = None,
    outlets: Mapping[str, str] | None = None,
    stdin_text: str | bytes | None = None,
    min_sources: int = 2,
    limits: Limits | None = None,
) -> list[Source]:
    """Read every input, apply overrides, and check the set is comparable.

    ``stdin_text`` is what ``-`` stands for: bytes are decoded like a file's.
    """
    limits = limits or Limits()
    if not inputs:
        raise InputError("no input given: pass two or more files, a directory, a URL or '-'")
    sources: list[Source] = []
    for raw in inputs:
        if raw == "-":
            sources.append(_load_stdin(stdin_text, limits))
        elif is_url(raw):
            sources.append(_load_url(raw, limits))
        elif Path(raw).is_dir():
            sources.extend(_load_directory(Path(raw), limits))
        elif Path(raw).suffix.lower() == ".toml":
            sources.extend(_load_manifest(Path(raw), limits))
        elif Path(raw).suffix.lower() in RECORD_SUFFIXES:
            sources.extend(read_records(raw, decode(read_bytes(Path(raw), limits), raw)))
        else:
            sources.append(_load_file(Path(raw), limits))
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


def read_bytes(path: Path, limits: Limits | None = None) -> bytes:
    """A file's bytes, refusing it before reading when it is over the size cap."""
    limits = limits or Limits()
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    if not path.is_file():
        raise InputError(f"{path}: not a regular file")
    try:
        with path.open("rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > limits.max_bytes:
                raise _too_big(path, size, limits)
            data = fh.read(limits.max_bytes + 1)  # the file may grow while we read
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if len(data) > limits.max_bytes:
        raise _too_big(path, len(data), limits)
    return data


def read_text(path: Path, limits: Limits | None = None) -> str:
    """Read one file as text (any supported encoding), with a clear error for every failure."""
    return decode(read_bytes(path, limits), str(path))


def _too_big(path: Path | str, size: int, limits: Limits, *, at_least: bool = False) -> InputError:
    more = "more than " if at_least else ""
    return InputError(
        f"{path}: is {more}{format_size(size if not at_least else limits.max_bytes)}, "
        f"over the {format_size(limits.max_bytes)} limit (raise it with --max-bytes)"
    )


def _article(
    data: bytes, where: str, kind: str | None, *, charset: str | None = None, url: str | None = None
) -> Article:
    """Bytes of one article to its text: HTML is extracted, anything else decoded as is."""
    if kind is None:
        kind = "html" if looks_like_html(data) else "text"
    if kind == "html":
        text = decode(data, where, charset or declared_charset(data))
        return extract_article(text, where, url)
    return Article(decode(data, where))


def _source(source_id: str, path: str, article: Article, url: str | None = None) -> Source:
    return Source(
        id=check_id(source_id, path),
        outlet=article.outlet or source_id,
        path=path,
        published=article.published,
        text=article.text,
        title=article.title,
        author=article.author,
        url=url,
    )


def _file_kind(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    return "text" if suffix in TEXT_SUFFIXES else None  # None: look at the content


def _load_file(path: Path, limits: Limits, source_id: str | None = None) -> Source:
    article = _article(read_bytes(path, limits), str(path), _file_kind(path))
    return _source(source_id or path.stem, str(path), article)


def _load_stdin(stdin: str | bytes | None, limits: Limits) -> Source:
    if stdin is None:
        raise InputError("'-' given but nothing could be read from standard input")
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    if len(data) > limits.max_bytes:  # only one byte more than the cap was read
        raise _too_big("standard input", len(data), limits, at_least=True)
    return _source("stdin", "-", _article(data, "standard input", None))


def _load_url(url: str, limits: Limits, source_id: str | None = None) -> Source:
    page = fetch(url, limits)
    article = _article(page.data, url, page.kind, charset=page.charset, url=page.url)
    return _source(source_id or url_id(url), url, article, url=page.url)


_NOT_ID_RE = re.compile(r"[^A-Za-z0-9_.-]+")


def url_id(url: str) -> str:
    """A URL's source id: its host without ``www.`` (outlets are what claimdiff compares)."""
    host = urlsplit(url).hostname or ""
    host = host.removeprefix("www.")
    return _NOT_ID_RE.sub("-", host).strip("-._") or "url"


def _load_directory(directory: Path, limits: Limits) -> list[Source]:
    manifest = directory / MANIFEST
    if manifest.is_file():
        return _load_manifest(manifest, limits)
    files = sorted(
        p for p in directory.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
    )
    if not files:
        raise InputError(
            f"{directory}: no {MANIFEST} and no articles in it "
            f"({', '.join(ARTICLE_SUFFIXES)} files)"
        )
    return [_load_file(p, limits) for p in files]


def _load_manifest(manifest: Path, limits: Limits) -> list[Source]:
    try:
        data = tomllib.loads(decode(read_bytes(manifest, limits), str(manifest)))
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{manifest}: malformed TOML ({exc})") from None
    entries = data.get("source")
    if not isinstance(entries, list) or not entries:
        raise InputError(f"{manifest}: expected one or more [[source]] tables")
    return [_manifest_entry(manifest, n, entry, limits) for n, entry in enumerate(entries, 1)]


def _manifest_entry(manifest: Path, n: int, entry: Any, limits: Limits) -> Source:
    where = f"{manifest}: [[source]] #{n}"
    if not isinstance(entry, dict):
        raise InputError(f"{where} is not a table")
    unknown = sorted(set(entry) - set(MANIFEST_KEYS))
    if unknown:
        raise InputError(
            f"{where} has unknown key {unknown[0]!r} (expected {', '.join(MANIFEST_KEYS)})"
        )
    for key in ("id", "outlet", "path", "url"):
        if key in entry and (not isinstance(entry[key], str) or not entry[key].strip()):
            raise InputError(f"{where}: {key!r} must be a non-empty string")
    rel, url = entry.get("path"), entry.get("url")
    if rel is None and url is None:
        raise InputError(f"{where} needs a 'path' string or a 'url'")
    if url is not None and not is_url(url):
        raise InputError(f"{where}: 'url' must start with http:// or https://, got {url!r}")
    source_id = entry.get("id")
    if rel is not None:
        path = manifest.parent / rel
        if path.suffix.lower() in RECORD_SUFFIXES:
            raise InputError(
                f"{where}: {rel!r} is a file of records; pass it to claimdiff directly"
            )
        source = _load_file(path, limits, source_id)
        source = replace(source, url=url) if url else source
    else:
        source = _load_url(str(url), limits, source_id)
    outlet = entry.get("outlet", source.outlet)
    published = parse_date(entry["published"], where) if "published" in entry else source.published
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
