"""HTML pages: the article body and its title, author, date and site name (trafilatura).

The extracted text is the source's text from then on: claim offsets and line
numbers refer to it, not to the HTML. It is laid out one paragraph per block
(paragraphs separated by a blank line) with the title as the first block, the
same shape as a plain-text article, so cleaning treats both alike.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import date

from claimdiff.errors import InputError
from claimdiff.inputs import Article

_HTML_START_RE = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
# A page whose body (title aside) is shorter than this is navigation or an error
# page, not an article; no real news story is this short.
_MIN_BODY_WORDS = 8
_QUIET_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "readability", "lxml")


def looks_like_html(data: bytes) -> bool:
    """True for a document that starts like an HTML page (for stdin and unknown suffixes)."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf")
    return bool(_HTML_START_RE.match(head))


def declared_charset(data: bytes) -> str | None:
    """The charset named by a ``<meta>`` tag near the top of the page, if any."""
    m = _META_CHARSET_RE.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def extract_article(html: str, where: str, url: str | None = None) -> Article:
    """The article in an HTML page, or an InputError when there is none."""
    data = _extract(html, where, url)
    lines = [" ".join(ln.split()) for ln in str(data.get("text") or "").splitlines()]
    lines = [ln for ln in lines if ln]
    title = _field(data, "title")
    if title and (not lines or lines[0] != title):
        lines.insert(0, title)
    body = lines[1:] if title else lines
    words = sum(len(ln.split()) for ln in body)
    if words < _MIN_BODY_WORDS:
        raise InputError(
            f"{where}: no article body found in the HTML "
            f"({words} word{'s' if words != 1 else ''} outside the title and page furniture)"
        )
    return Article(
        text="\n\n".join(lines) + "\n",
        title=title,
        author=_field(data, "author"),
        published=_date(_field(data, "date")),
        outlet=_field(data, "source-hostname"),
    )


def _extract(html: str, where: str, url: str | None) -> dict[str, object]:
    for name in _QUIET_LOGGERS:
        # Their warnings would add lines to stderr, where the CLI promises exactly one.
        logging.getLogger(name).setLevel(logging.CRITICAL)
    import trafilatura

    try:
        out = trafilatura.extract(
            html,
            url=url,
            output_format="json",
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            deduplicate=False,
        )
    # A third-party parser meeting hostile markup may raise anything (lxml errors,
    # ValueError, RecursionError); each of them means this page cannot be read.
    except Exception as exc:
        raise InputError(f"{where}: the HTML could not be parsed ({type(exc).__name__})") from None
    if not out:
        raise InputError(f"{where}: no article body found in the HTML")
    data = json.loads(out)
    if not isinstance(data, dict):
        raise InputError(f"{where}: no article body found in the HTML")
    return data


def _field(data: dict[str, object], key: str) -> str | None:
    value = data.get(key)
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
