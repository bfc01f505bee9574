"""Date expressions, absolute and relative, resolved against the publication date.

Values are ISO 8601 at the precision the text gives: "2016", "2016-12",
"2016-12-15", or an ISO week "2016-W47" for "earlier this week". A relative
expression without a publication date keeps its text and stays unresolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from claimdiff.lexicon import MONTH_ABBR, MONTHS, WEEKDAYS
from claimdiff.textnorm import fold_case

_MONTH_NAMES = "|".join(m.capitalize() for m in MONTHS)
_MONTH_ABBRS = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
_MON = rf"(?P<month>{_MONTH_NAMES}|(?:{_MONTH_ABBRS})\.?)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_WEEKDAY = rf"(?P<weekday>{'|'.join(w.capitalize() for w in WEEKDAYS)})"
_PART = r"(?P<part>early|mid|late|end\ of|the\ end\ of|beginning\ of|the\ beginning\ of)"
_REL = (
    r"(?P<rel>last|next|this|past|coming|earlier\ this|later\ this|earlier\ in|later\ in"
    r"|earlier|late)"
)
_UNIT = r"(?P<unit>week|month|year|weekend)"

_DAY2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b")),
    # Spans of days: "from 10th to 19th February 2025", "March 4-6".
    (
        "range_dm",
        re.compile(rf"\b{_DAY}\s*(?:to|-|–|until|and)\s*{_DAY2}\s+{_MON}(?:,?\s+{_YEAR})?\b"),
    ),
    ("range_md", re.compile(rf"\b{_MON}\s+{_DAY}\s*(?:-|–|to)\s*{_DAY2}\b(?:,?\s+{_YEAR})?")),
    ("mdy", re.compile(rf"\b{_MON}\s+{_DAY},?\s+{_YEAR}\b")),
    ("dmy", re.compile(rf"\b{_DAY}\s+{_MON},?\s+{_YEAR}\b")),
    ("wd_md", re.compile(rf"\b{_WEEKDAY},?\s+{_MON}\s+{_DAY}\b(?!,?\s+\d{{4}})")),
    ("part_my", re.compile(rf"\b{_PART}[\s-]+{_MON}(?:,?\s+{_YEAR})?\b", re.VERBOSE)),
    ("my", re.compile(rf"\b{_MON}\s+(?:of\s+)?{_YEAR}\b")),
    ("md", re.compile(rf"\b{_MON}\s+{_DAY}\b(?!\s*(?:,\s*)?\d)")),
    ("dm", re.compile(rf"\b{_DAY}\s+{_MON}\b")),
    ("rel_month", re.compile(rf"\b{_REL}\s+{_MON}\b", re.IGNORECASE | re.VERBOSE)),
    ("rel_unit", re.compile(rf"\b{_REL}\s+{_UNIT}\b", re.IGNORECASE | re.VERBOSE)),
    (
        "rel_weekday",
        re.compile(
            rf"\b(?P<rel>last|next|this|on|by|until|from|since)\s+{_WEEKDAY}\b", re.IGNORECASE
        ),
    ),
    ("weekday", re.compile(rf"\b{_WEEKDAY}\b")),
    ("deictic", re.compile(r"\b(?P<word>today|yesterday|tomorrow|tonight)\b", re.IGNORECASE)),
    (
        "prep_month",
        re.compile(
            rf"\b(?P<prep>(?i:in|since|by|until|from|during|through|before|after))\s+{_MON}\b(?!\s+\d)"
        ),
    ),
    (
        "year",
        re.compile(
            rf"(?<![\d,.$£€])\b{_YEAR}\b(?!\d|,\d|\s*(?:%|per\s?cent|km|miles|troops|people))"
        ),
    ),
]
_FUTURE_RE = re.compile(
    r"\b(?:will|'ll|shall|would|is\ due|are\ due|was\ due|is\ expected|are\ expected|plans?\ to"
    r"|planned|scheduled|to\ be\ held|upcoming|forthcoming|(?:is|are)\ set\ (?:to|for)|is\ to"
    r"|are\ to|was\ to|were\ to|promised\ to|vowed\ to|pledged\ to|intends?\ to|aims?\ to"
    r"|due(?!\ to\ (?:the|a|an|its|their|his|her|this|that)\b))\b",
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    text: str
    value: str | None
    resolved: bool
    statement: bool = False  # the day something was said, not the day it happened


# "said on Thursday", "told reporters on Monday", "said in a statement on Tuesday".
_STATEMENT_BEFORE_RE = re.compile(
    r"\b(?:said|says|told|stated|announced|added|wrote|reported|confirmed|noted|explained"
    r"|insisted|claimed|tweeted|warned|stressed)\b(?:\s+[\w’'-]+){0,4}?\s+(?:on|late\s+on|early\s+on)?\s*$",
    re.IGNORECASE,
)


# Every pattern needs one of these; most sentences have none, and skip the rest.
_TRIGGER_RE = re.compile(
    rf"\d|{_MONTH_NAMES}|{_MONTH_ABBRS}|day\b|\b(?:tonight|tomorrow|week|weekend|month|year)\b",
    re.IGNORECASE,
)


# What each kind of pattern cannot match without, as lower-case substrings: a sentence
# lacking all of them skips the pattern (a cheap test that never drops a match).
_MONTH_HINTS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_KINDS = "range_dm range_md mdy dmy part_my my md dm rel_month prep_month".split()
_NEEDS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(_MONTH_KINDS, _MONTH_HINTS),
    **dict.fromkeys(("wd_md", "rel_weekday", "weekday"), ("day",)),
    "deictic": ("today", "yesterday", "tomorrow", "tonight"),
    "rel_unit": ("week", "month", "year"),
}


_ALL_NEEDS = frozenset(h for needs in _NEEDS.values() for h in needs)
_TRIGGER_HINTS = frozenset((*_MONTH_HINTS, "day", "tonight", "tomorrow", "week", "month", "year"))
assert _TRIGGER_HINTS <= _ALL_NEEDS  # find_dates tests only _ALL_NEEDS
_DIGIT_RE = re.compile(r"\d")


def find_dates(text: str, published: date | None) -> list[FoundDate]:
    lower = fold_case(text)  # as IGNORECASE folds: "ſ" is an "s"
    # Substring tests first, each substring once: cheaper than the trigger pattern,
    # and never false negatives.
    present = {h for h in _ALL_NEEDS if h in lower}
    if not _DIGIT_RE.search(text) and not (
        not present.isdisjoint(_TRIGGER_HINTS) and _TRIGGER_RE.search(text)
    ):
        return []
    future: bool | None = None  # looked for once a date is found
    taken: list[tuple[int, int]] = []
    out: list[FoundDate] = []
    for kind, rx in _PATTERNS:
        needs = _NEEDS.get(kind)
        if needs is not None and present.isdisjoint(needs):
            continue
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if future is None:
                future = bool(_FUTURE_RE.search(text))
            resolved = _resolve(kind, m, published, future)
            if resolved is _SKIP:
                continue
            taken.append((m.start(), m.end()))
            value = resolved if isinstance(resolved, str) else None
            start = _core_start(kind, m)
            said = bool(_STATEMENT_BEFORE_RE.search(text[max(0, start - 60) : start]))
            out.append(
                FoundDate(start, m.end(), text[start : m.end()], value, value is not None, said)
            )
    out.sort(key=lambda d: d.start)
    return out


_SKIP = object()
_PREPOSITIONS = frozenset({"on", "by", "until", "from", "since"})


def _core_start(kind: str, m: re.Match[str]) -> int:
    """Report "February" for "in February": the preposition is not part of the date."""
    if kind == "prep_month":
        return m.start("month")
    if kind == "rel_weekday" and fold_case(m.group("rel")) in _PREPOSITIONS:
        return m.start("weekday")
    return m.start()


def _month(m: re.Match[str]) -> int:
    if "mnum" in m.re.groupindex and m.group("mnum"):
        return int(m.group("mnum"))
    name = fold_case(m.group("month").rstrip("."))
    return MONTH_ABBR[name[:4] if name.startswith("sept") else name[:3]]


def _resolve(kind: str, m: re.Match[str], pub: date | None, future: bool) -> object:
    g = m.groupdict()
    if kind in ("iso", "mdy", "dmy"):
        return _day(int(g["year"]), _month(m), int(g["day"]))
    if kind in ("range_dm", "range_md"):
        month, d1, d2 = _month(m), int(g["day"]), int(g["day2"])
        if not 1 <= d1 < d2 <= 31:
            return _SKIP
        if g.get("year"):
            year = int(g["year"])
        elif pub is None:
            return None
        else:
            year = _year_for(pub, month, d1, future)
        start, end = _day(year, month, d1), _day(year, month, d2)
        if start is _SKIP or end is _SKIP:
            return _SKIP
        return f"{start}/{end}"  # an ISO 8601 interval
    if kind == "my":
        return f"{int(g['year']):04d}-{_month(m):02d}"
    if kind == "part_my":
        if g.get("year"):
            return f"{int(g['year']):04d}-{_month(m):02d}"
        return _month_in_tense(pub, _month(m), future)
    if kind in ("md", "dm", "wd_md"):
        month, day = _month(m), int(g["day"])
        if not 1 <= day <= 31:
            return _SKIP
        if pub is None:
            return None
        return _day(_year_for(pub, month, day, future), month, day)
    if kind == "rel_month":
        return _relative_month(fold_case(g["rel"]), _month(m), pub)
    if kind == "rel_unit":
        return _relative_unit(fold_case(g["rel"]), fold_case(g["unit"]), pub)
    if kind in ("rel_weekday", "weekday"):
        rel = fold_case(g.get("rel") or "")
        return _weekday(WEEKDAYS.index(fold_case(g["weekday"])), rel, pub, future)
    if kind == "deictic":
        if pub is None:
            return None
        shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[fold_case(g["word"])]
        return (pub + timedelta(days=shift)).isoformat()
    if kind == "prep_month":
        if m.group("month") == "May" and g["prep"] in ("by",):
            return _SKIP
        past = fold_case(g["prep"]) in ("since", "after")
        return _month_in_tense(pub, _month(m), future and not past)
    if kind == "year":
        return g["year"]
    return _SKIP


def _day(year: int, month: int, day: int) -> object:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return _SKIP


def _year_for(pub: date, month: int, day: int, future: bool) -> int:
    """The year of a day named without one: the next such day in a sentence about the
    future, else the last one (news reports what happened); a day more than a year
    back is more likely the coming one."""
    try:
        this_year = date(pub.year, month, min(day, 28))
    except ValueError:
        return pub.year
    if future:
        return pub.year if this_year >= pub else pub.year + 1
    return pub.year if this_year <= pub + timedelta(days=7) else pub.year - 1


def _month_in_tense(pub: date | None, month: int, future: bool) -> str | None:
    """'In April' written in October is last April; 'in mid-December' of a trip that
    is due is the coming December."""
    if pub is None:
        return None
    if future:
        year = pub.year if month >= pub.month else pub.year + 1
    else:
        year = pub.year if month <= pub.month else pub.year - 1
    return f"{year:04d}-{month:02d}"


def _relative_month(rel: str, month: int, pub: date | None) -> str | None:
    if pub is None:
        return None
    if rel in ("last", "past", "earlier in", "earlier", "late"):
        year = (
            pub.year
            if month < pub.month or (rel != "last" and month == pub.month)
            else pub.year - 1
        )
    elif rel in ("next", "coming"):
        year = pub.year if month > pub.month else pub.year + 1
    else:  # this, earlier this, later this, later in
        year = pub.year
    return f"{year:04d}-{month:02d}"


def _relative_unit(rel: str, unit: str, pub: date | None) -> str | None:
    if pub is None:
        return None
    step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(rel, 0)
    if rel in ("earlier", "late"):
        return None  # "earlier" alone does not anchor a unit ("earlier week" is not English)
    if unit in ("week", "weekend"):
        y, w, _ = (pub + timedelta(weeks=step)).isocalendar()
        return f"{y:04d}-W{w:02d}"
    if unit == "month":
        index = pub.year * 12 + pub.month - 1 + step
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    return f"{pub.year + step:04d}"


def _weekday(weekday: int, rel: str, pub: date | None, future: bool) -> str | None:
    if pub is None:
        return None
    delta = weekday - pub.weekday()
    if rel == "next" or (rel not in ("last",) and future):
        days = delta % 7 or (7 if rel == "next" else 0)
    elif rel == "last":
        days = -((-delta) % 7 or 7)
    else:  # news default: the most recent such day, today included
        days = -((-delta) % 7)
    return (pub + timedelta(days=days)).isoformat()
