"""Readers for each kind of input: bytes to text, HTML to article text, JSON records, URLs.

``claimdiff.load`` decides which reader a path needs; the readers here know
nothing about paths given on the command line. Heavy libraries (trafilatura,
lxml, charset-normalizer) are imported inside the functions that use them, so
``claimdiff --help`` stays light.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from claimdiff.errors import InputError

# Large enough for any article and most JSON exports; small enough that a wrong
# argument (a video, a disk image) is refused at once instead of being read.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_TIMEOUT = 20.0


@dataclass(frozen=True)
class Limits:
    """How much one input may be (bytes) and how long a URL may take (seconds)."""

    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT


@dataclass(frozen=True)
class Article:
    """What a reader found: the text offsets will refer to, plus any page metadata."""

    text: str
    title: str | None = None
    author: str | None = None
    published: date | None = None
    outlet: str | None = None


_SIZE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def parse_size(value: str, option: str = "--max-bytes") -> int:
    """``10M``, ``512k``, ``50MB``, ``1GiB`` or a number of bytes; units are powers of 1024."""
    m = _SIZE_RE.match(value)
    if not m:
        raise InputError(f"{option} expects a size such as 10M, 512K or 20000000, got {value!r}")
    size = int(float(m.group(1)) * _UNITS[m.group(2).lower()])
    if size <= 0:
        raise InputError(f"{option} must be more than 0 bytes, got {value!r}")
    return size


def format_size(size: int) -> str:
    for unit, factor in (("GiB", 1024**3), ("MiB", 1024**2), ("KiB", 1024)):
        if size >= factor:
            return f"{size / factor:.1f} {unit}".replace(".0 ", " ")
    return f"{size} bytes"


_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def check_id(source_id: str, where: str) -> str:
    """Ids appear in claim ids ("guardian:3") and in --published ID=..., so they stay plain."""
    if not _ID_RE.match(source_id):
        raise InputError(
            f"{where}: source id {source_id!r} must start with a letter or digit and use only "
            "letters, digits, '_', '.' and '-'"
        )
    return source_id


def parse_date(value: object, where: str) -> date:
    """A publication date: ``YYYY-MM-DD``, or an ISO 8601 timestamp as news APIs give it."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        for parse in (date.fromisoformat, lambda s: datetime.fromisoformat(s).date()):
            try:
                return parse(text)
            except ValueError:
                pass
    raise InputError(f"{where}: published date must be YYYY-MM-DD, got {value!r}")
