"""Extraction never crashes on arbitrary text, and its offsets stay inside it."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from claimdiff.extract import extract_text


def _pieces(pieces: list[str], max_size: int) -> st.SearchStrategy[str]:
    """Text made of these characters and words, in any order."""
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


NEWSY = _pieces(
    [
        *list(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.;:-–—'’\"“”()$£€%/+"
        ),
        "said",
        " km",
        " miles",
        "March ",
        " up to ",
        " more than ",
        "Tuesday",
        " last ",
        "next ",
    ],
    80,
)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2040, 1, 1))))
def test_any_unicode_text(text: str, published: date | None) -> None:
    claim = extract_text(text, published=published)
    for fact in (
        *claim.quantities,
        *claim.dates,
        *claim.quotes,
        *claim.entities,
        *claim.hedges,
        *claim.attributions,
    ):
        assert 0 <= fact.start <= fact.end <= len(text)


@settings(max_examples=300, deadline=None)
@given(NEWSY, st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2040, 1, 1))))
def test_news_like_text(text: str, published: date | None) -> None:
    claim = extract_text(text, published=published)
    for q in claim.quantities:
        assert q.text == text[q.start : q.end]
        if q.low is not None and q.high is not None:
            assert q.low <= q.high
    for d in claim.dates:
        assert d.resolved == (d.value is not None)
        if published is None and d.value is not None:
            # without a publication date only absolute dates resolve, and they carry a year
            assert d.value[:4].isdigit()


@settings(max_examples=100, deadline=None)
@given(NEWSY)
def test_deterministic(text: str) -> None:
    assert extract_text(text) == extract_text(text)


# Letters a case-insensitive pattern reads as ASCII ones ("İ" and "ı" as "i", "ſ"
# as "s", the Kelvin sign as "k") inside the words the extractors look up in tables.
FOLDED = _pieces(
    [
        *list("0123456789 ,.İıſK"),
        "FİVE ",
        "ſix ",
        "MİLES",
        " KM",
        "BİLLİON",
        "last ",
        "FRİDAY",
        "next MONTH",
        "TOMORROW",
        " people",
        "ſeveral hundred ",
        "COOKİES",
    ],
    40,
)


@settings(max_examples=300, deadline=None)
@given(FOLDED, st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2040, 1, 1))))
def test_letters_that_case_insensitive_patterns_fold(text: str, published: date | None) -> None:
    claim = extract_text(text, published=published)  # used to raise KeyError / ValueError
    for fact in (*claim.quantities, *claim.dates):
        assert 0 <= fact.start <= fact.end <= len(text)
