"""JSON and JSON Lines exports: one source per record.

A record is an object with ``text`` (or ``html``) and optionally ``id``,
``outlet``, ``published``, ``url``, ``title`` and ``author``. Other keys are
ignored, because exports from news APIs and scrapers carry many fields of their
own. A ``.json`` file holds a list of records, ``{"sources": [...]}``, or one
record; a ``.jsonl`` file holds one record per line.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any

from claimdiff.errors import InputError
from claimdiff.inputs import Article, check_id, parse_date
from claimdiff.inputs.encoding import check_text
from claimdiff.inputs.html import extract_article
from claimdiff.models import Source

LINES_SUFFIXES = (".jsonl", ".ndjson")
RECORD_SUFFIXES = (".json", *LINES_SUFFIXES)
_STRING_KEYS = ("id", "outlet", "url", "title", "author", "text", "html")


def read_records(path: str, text: str) -> list[Source]:
    """Every record of one JSON or JSON Lines file as a Source, in file order."""
    lines = PurePath(path).suffix.lower() in LINES_SUFFIXES
    raw = _parse_lines(path, text) if lines else _parse_document(path, text)
    if not raw:
        raise InputError(f"{path}: holds no records")
    sources: list[Source] = []
    seen: dict[str, int] = {}
    for n, record in raw:
        source = _record(path, n, record, default_id=f"{PurePath(path).stem}-{len(sources) + 1}")
        if source.id in seen:
            raise InputError(
                f"{path}: duplicate id {source.id!r} ({_noun(lines)} {seen[source.id]} and {n})"
            )
        seen[source.id] = n
        sources.append(source)
    return sources


def _noun(lines: bool) -> str:
    return "lines" if lines else "records"


def _loads(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{where}: malformed JSON at line {exc.lineno}, column {exc.colno} ({exc.msg})"
        ) from None
    except RecursionError:
        raise InputError(f"{where}: malformed JSON (nested too deeply)") from None
    except ValueError as exc:  # e.g. an integer longer than Python will convert
        raise InputError(f"{where}: malformed JSON ({exc})") from None


def _parse_document(path: str, text: str) -> list[tuple[int, Any]]:
    data = _loads(text, path)
    if isinstance(data, dict) and "sources" in data:
        data = data["sources"]
        if not isinstance(data, list):
            raise InputError(f"{path}: 'sources' must be a list of records")
    elif isinstance(data, dict) and ("text" in data or "html" in data):
        data = [data]
    elif not isinstance(data, list):
        raise InputError(
            f"{path}: expected a list of records, an object with a 'sources' list, or one record"
        )
    return list(enumerate(data, 1))


def _parse_lines(path: str, text: str) -> list[tuple[int, Any]]:
    out: list[tuple[int, Any]] = []
    # Split on "\n" only: JSON strings may hold U+2028 and other characters that
    # str.splitlines() would also break on.
    for n, line in enumerate(text.split("\n"), 1):
        if line.strip():
            out.append((n, _loads(line, f"{path}: line {n}")))
    return out


def _record(path: str, n: int, record: Any, *, default_id: str) -> Source:
    noun = "line" if PurePath(path).suffix.lower() in LINES_SUFFIXES else "record"
    where = f"{path}: {noun} {n}"
    if not isinstance(record, dict):
        raise InputError(f"{where} is not a JSON object")
    raw_id = record.get("id")
    if isinstance(raw_id, int) and not isinstance(raw_id, bool):
        record = {**record, "id": str(raw_id)}  # numeric ids from databases
    for key in _STRING_KEYS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(f"{where}: {key!r} must be a string, got {type(value).__name__}")
    source_id = check_id(_text(record, "id") or default_id, where)
    where = f"{where} (id {source_id!r})"
    url = _text(record, "url")
    article = _article(record, where, url)
    published = record.get("published")
    return Source(
        id=source_id,
        outlet=_text(record, "outlet") or article.outlet or source_id,
        path=f"{path}#{source_id}",
        published=parse_date(published, where) if published else article.published,
        text=article.text,
        title=_text(record, "title") or article.title,
        author=_text(record, "author") or article.author,
        url=url,
    )


def _article(record: dict[str, Any], where: str, url: str | None) -> Article:
    text, html = record.get("text"), record.get("html")
    # A scraper's own extracted text wins over re-extracting its raw HTML.
    if isinstance(text, str) and text.strip():
        return Article(check_text(text, where))
    if isinstance(html, str) and html.strip():
        return extract_article(html, where, url)
    raise InputError(f"{where}: needs a non-empty 'text' or 'html' string")


def _text(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    return value.strip() or None if isinstance(value, str) else None
