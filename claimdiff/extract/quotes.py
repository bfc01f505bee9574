"""Direct quotes and who said them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claimdiff.extract.attribution import PRONOUNS, FoundAttribution, find_attributions

__all__ = ["PRONOUNS", "FoundQuote", "find_quotes", "quote_tail"]

_PAIRS = (("“", "”"), ('"', '"'))


@dataclass(frozen=True)
class FoundQuote:
    start: int  # the quoted words, without the marks
    end: int
    text: str
    speaker: str | None
    closed: bool  # False when the quote runs on into the next sentence


def _spans(text: str) -> list[tuple[int, int, bool]]:
    spans: list[tuple[int, int, bool]] = []
    for open_mark, close_mark in _PAIRS:
        pos = 0
        while True:
            a = text.find(open_mark, pos)
            if a < 0:
                break
            b = text.find(close_mark, a + 1)
            if b < 0 and open_mark == '"' and text.count('"') % 2 == 0:
                break
            end = b if b >= 0 else len(text)
            spans.append((a + 1, end, b >= 0))
            pos = end + 1
    return sorted(spans)


def find_quotes(
    text: str, attributions: Sequence[FoundAttribution] | None = None
) -> list[FoundQuote]:
    """Quotes of two words or more; a quoted term ("so-called") is framing, not a quote."""
    if attributions is None:
        attributions = find_attributions(text)
    spans = _spans(text)
    outside = [
        a for a in attributions if not any(s <= a.start < e for s, e, _ in spans)
    ]  # "We said no" inside a quote is not an attribution of the quote
    out = []
    for a, b, closed in spans:
        raw = text[a:b]
        inner = raw.strip().rstrip(",")
        if len(inner.split()) < 2:
            continue
        start = a + (len(raw) - len(raw.lstrip()))
        out.append(
            FoundQuote(start, start + len(inner), inner, _speaker(text, a, b, outside), closed)
        )
    return out


def _speaker(
    text: str, start: int, end: int, attributions: Sequence[FoundAttribution]
) -> str | None:
    """The attribution right after the closing mark ("…,” he said"), else the last one
    before the quote ("Peskov said: “…”")."""
    close_after = end + 1
    for a in attributions:
        if close_after <= a.start and not text[close_after : a.start].strip(" ,;:—–-").split()[1:]:
            return a.who
    before = [a for a in attributions if a.end <= start]
    return before[-1].who if before else None


def quote_tail(text: str) -> int | None:
    """Where a quote that opened in an earlier sentence closes in this one, if it does."""
    close = text.find("”")
    if close >= 0 and "“" not in text[:close]:
        return close
    if text.count('"') % 2 == 1:
        first = text.find('"')
        if first > 0 and text[first - 1] not in " (—–-":
            return first
    return None
