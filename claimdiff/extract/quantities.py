"""Numbers with their units, qualifiers and ranges, as news prose writes them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimdiff.extract.units import (
    CURRENCY_PREFIXES,
    GLUED_ONLY,
    MONEY_ONLY_SCALES,
    SCALES,
    UNITS,
    Unit,
    base_unit,
)
from claimdiff.lexicon import MONTHS, STOPWORDS
from claimdiff.textnorm import fold_case

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CUR = "|".join(re.escape(c) for c in sorted(CURRENCY_PREFIXES, key=len, reverse=True))
_UNIT_FORMS = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_SCALE = "|".join(sorted(SCALES, key=len, reverse=True))
# Every figure starts with a digit or a currency symbol: the lookahead rejects any
# other position at once, before the currency alternatives are each tried there.
_FIRST = "".join(sorted({re.escape(c[0]) for c in CURRENCY_PREFIXES}))
_QUANTITY_RE = re.compile(
    rf"(?=[\d{_FIRST}])(?:(?P<cur>{_CUR})\s?)?(?P<num>{_NUM})"
    rf"(?:\s*(?:-|–|—|to|or)\s*(?:{_CUR})?(?P<num2>{_NUM}))?"
    rf"(?:\s?(?P<scale>{_SCALE})(?![\w]))?"
    rf"(?:(?P<hyphen>-)?(?P<space>\s?)(?P<unit>{_UNIT_FORMS})(?![\w/]))?",
    re.IGNORECASE,
)
_SPELLED = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
# Vague counts are ranges: "dozens" is neither 12 nor 2,000.
_VAGUE = {
    "dozens": (24.0, 99.0),
    "scores": (40.0, 199.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2000.0, 9999.0),
    "millions": (2e6, 999e6),
}
_SEVERAL = {
    "dozen": (24.0, 99.0),
    "hundred": (200.0, 999.0),
    "thousand": (2000.0, 9999.0),
    "million": (2e6, 9e6),
}
_WORD_NUM_RE = re.compile(
    r"\b(?P<word>(?:several|a\ few)\ (?:dozen|hundred|thousand|million)|(?:a|one|half\ a)\ dozen"
    r"|dozens|scores|hundreds|thousands|millions"
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six"
    r"|seven|eight|nine))?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one(?=\ (?:hundred|thousand|million"
    r"|billion)))(?P<scale>\ (?:hundred|thousand|million|billion))?"
    rf"(?:(?P<hyphen>-)|\ )(?:(?P<unit>{_UNIT_FORMS})\b)?",
    re.IGNORECASE | re.VERBOSE,
)
_NUMBER_WORD_RE = re.compile(
    r"\b(?:dozens?|scores|hundreds?|thousands?|millions?|one|two|three|four|five|six|seven|eight"
    r"|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b",
    re.IGNORECASE,
)
# Substrings every number word contains, tested on the case-folded sentence (as
# IGNORECASE folds) before the pattern: a few times cheaper, and never drops a match.
_NUMBER_WORD_HINTS = tuple(
    "dozen score hundred thousand million one two three four five six seven eight nine ten "
    "eleven twelve teen twenty thirty forty fifty sixty seventy eighty ninety".split()
)
_QUALIFIERS = (
    (
        "up_to",
        r"up\s+to|as\s+many\s+as|as\s+much\s+as|at\s+most|no\s+more\s+than|a\s+maximum\s+of|maximum",
    ),
    (
        "at_least",
        r"at\s+least|more\s+than|over|above|upwards\s+of|in\s+excess\s+of|no\s+fewer\s+than|no\s+less\s+than|a\s+minimum\s+of|just\s+over|exceeding",
    ),
    ("less_than", r"less\s+than|fewer\s+than|under|below|just\s+under"),
    (
        "about",
        r"about|around|approximately|roughly|some|an\s+estimated|estimated|an\s+approximate|circa|c\.|nearly|almost|close\s+to",
    ),
)
_QUALIFIER_RE = [
    (name, re.compile(rf"\b(?:{pat})\s*$", re.IGNORECASE)) for name, pat in _QUALIFIERS
]
_MONTH_NAMES = "|".join(m.capitalize() for m in MONTHS)
_MONTH_RE = re.compile(
    rf"\b(?:{_MONTH_NAMES}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s*$"
)
_MONTH_AFTER_RE = re.compile(rf"^\s*(?:{'|'.join(m.capitalize() for m in MONTHS)})\b")
_MEASURE_BEFORE_RE = re.compile(r"\b([a-z]{3,})\s+of\s*$")
_WORD_RE = re.compile(r"[a-z][a-z-]*")
# Capitalised words that may open a sentence right before a figure ("Just 61 people").
_LEAD_WORDS = STOPWORDS | frozenset(
    "just only another nearly almost roughly around about some over under more fewer less up "
    "exactly precisely approximately estimated an all".split()
)
_PLURALS = frozenset(
    "people men women children police staff personnel aircraft cattle livestock sheep fish "
    "deer crew troops militia infantry".split()
)


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    text: str
    value: float
    unit: Unit | None
    low: float | None = None
    high: float | None = None
    qualifier: str = "exact"
    measure: str | None = None

    @property
    def si(self) -> tuple[float | None, str | None]:
        if self.unit is None:
            return None, None
        return self.value * self.unit.factor, base_unit(self.unit)


def find_quantities(text: str) -> list[Found]:
    found: list[Found] = []
    cursor = 0
    has_digit = _DIGIT_RE.search(text) is not None  # every figure has a \d
    for m in _QUANTITY_RE.finditer(text) if has_digit else ():
        if m.start() < cursor:
            continue  # swallowed by the previous match ("between 120 and 260 km")
        q = _numeric(text, m)
        if q:
            found.append(q)
            cursor = q.end
    taken = [(q.start, q.end) for q in found]
    folded = fold_case(text)
    spelled = any(h in folded for h in _NUMBER_WORD_HINTS) and _NUMBER_WORD_RE.search(text)
    for m in _WORD_NUM_RE.finditer(text) if spelled else ():
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        q = _spelled(text, m)
        if q:
            found.append(q)
    found.sort(key=lambda q: q.start)
    return _merge_conversions(text, found)


def _number(s: str) -> float:
    return float(s.replace(",", ""))


_DIGIT_RE = re.compile(r"\d")
_GLUED_AFTER_RE = re.compile(r"[+:/]\d|\w|[.,]\d")
_TIME_AFTER_RE = re.compile(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|BST|EST|EDT|UTC|CET)")
_ORDINAL_RE = re.compile(r"(?:st|nd|rd|th)\b")
_NUMBER_SIGN_RE = re.compile(r"\bNo\.\s*$|#\s*$")
_LABEL_RE = re.compile(r"\b([A-Z][a-z]+)\s+$")
_YEAR_RE = re.compile(r"1[89]\d\d|20\d\d")
_BETWEEN_RE = re.compile(r"\bbetween\s*$", re.IGNORECASE)
_AND_RE = re.compile(
    rf"\s+and\s+(?:{_CUR})?(?P<n>{_NUM})(?:\s?(?P<s>{_SCALE})(?!\w))?"
    rf"(?:\s?(?P<u>{_UNIT_FORMS})(?![\w/]))?",
    re.IGNORECASE,
)
_WINDOW = 60  # characters before a number that can hold its qualifier or label


def _numeric(text: str, m: re.Match[str]) -> Found | None:
    start, end = m.start(), m.end()
    base = max(0, start - _WINDOW)
    before, after = text[base:start], text[end : end + _WINDOW]
    cur, unit_form, scale = m.group("cur"), m.group("unit"), m.group("scale")
    num_start = m.start("num")
    prev = text[num_start - 1 : num_start] if num_start else ""
    if not cur and (prev.isalpha() or (prev in "+-/#" and _prev_alnum(text, num_start - 1))):
        return None  # part of a name or code: X-35, G20, 2+2, 11/23
    if _GLUED_AFTER_RE.match(after) and not unit_form:
        return None  # 2+2, 3:45, a code like 4x4 or M2U
    if _TIME_AFTER_RE.match(after) or _ORDINAL_RE.match(text, m.end("num")):
        return None
    if _NUMBER_SIGN_RE.search(before):
        return None
    label = _LABEL_RE.search(before)
    if label and not cur and fold_case(label.group(1)) not in _LEAD_WORDS:
        return None  # a name with a number: "Article 5", "Boeing 737", "Apollo 11"
    spaced = m.group("space") and not m.group("hyphen")
    if (
        unit_form
        and fold_case(unit_form) in GLUED_ONLY
        and spaced
        and (fold_case(unit_form) != "m" or not cur)
    ):
        end = m.start("unit") - len(m.group("space"))
        unit_form = None
    if scale and fold_case(scale) in MONEY_ONLY_SCALES and not cur:
        if unit_form or fold_case(scale) not in UNITS:
            return None
        unit_form, scale = scale, None  # "a 5m wall": metres, not millions
    value = _number(m.group("num"))
    num2 = m.group("num2")
    has_unit = bool(cur or unit_form or scale)
    if not has_unit and not num2:
        raw = m.group("num")
        if _YEAR_RE.fullmatch(raw):
            return None  # a year: the date extractor owns it
        if value <= 31 and (_MONTH_RE.search(before) or _MONTH_AFTER_RE.match(after)):
            return None  # a day of the month
    if num2 and _YEAR_RE.fullmatch(m.group("num")) and not has_unit:
        return None  # 2015-16 style year spans
    factor = SCALES[fold_case(scale)] if scale else 1.0
    unit = UNITS[fold_case(unit_form)] if unit_form else None
    if cur:
        code = CURRENCY_PREFIXES[cur.upper()]  # the pattern ignores case: "a$" is A$
        unit = Unit(code, "currency:" + code, 1.0)
    low = high = None
    value *= factor
    if num2:
        low, high = value, _number(num2) * factor
        if high < low:
            return None
    qualifier = _qualifier(before)
    between = _BETWEEN_RE.search(before)
    if between:
        m2 = _AND_RE.match(text, end)
        if m2 and not num2:
            low = value
            high = _number(m2.group("n")) * (
                SCALES[fold_case(m2.group("s"))] if m2.group("s") else factor
            )
            if m2.group("u") and unit is None:
                unit = UNITS[fold_case(m2.group("u"))]
            end = m2.end()
        start = base + between.start()
    elif qualifier != "exact":
        start = base + _qualifier_start(before)
    return Found(
        start=start,
        end=end,
        text=text[start:end],
        value=low if low is not None else value,
        unit=unit,
        low=low,
        high=high,
        qualifier="range" if low is not None and qualifier == "exact" else qualifier,
        measure=_measure(text, start, end, unit),
    )


def _prev_alnum(text: str, i: int) -> bool:
    return i > 0 and text[i - 1].isalnum()


def _qualifier(before: str) -> str:
    for name, rx in _QUALIFIER_RE:
        if rx.search(before):
            return name
    return "exact"


def _qualifier_start(before: str) -> int:
    for _, rx in _QUALIFIER_RE:
        m = rx.search(before)
        if m:
            return m.start()
    return len(before)


def _spelled(text: str, m: re.Match[str]) -> Found | None:
    word = fold_case(m.group("word"))
    unit = UNITS[fold_case(m.group("unit"))] if m.group("unit") else None
    low = high = None
    if word in _VAGUE:
        if not re.match(r"\s*of\b", text[m.end("word") :]):
            return None
        (low, high), qualifier = _VAGUE[word], "range"
        value = low
    elif word.startswith(("several", "a few")):
        (low, high), qualifier = _SEVERAL[word.split()[-1]], "range"
        value = low
    elif "dozen" in word:
        value, qualifier = (6.0 if word.startswith("half") else 12.0), "about"
    else:
        parts = word.split("-")
        value = float(sum(_SPELLED[p] for p in parts))
        qualifier = "exact"
    if m.group("scale") and low is None:
        value *= {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9}[
            fold_case(m.group("scale").strip())
        ]
    start = m.start()
    before = text[:start]
    q = _qualifier(before)
    if q != "exact":
        qualifier, start = q, _qualifier_start(before)
    end = (
        m.end("unit") if m.group("unit") else m.end("scale") if m.group("scale") else m.end("word")
    )
    if unit is None and _measure(text, start, end, None) is None and low is None:
        return None  # "two" on its own is too often not a count of anything
    return Found(
        start,
        end,
        text[start:end],
        value,
        unit,
        low,
        high,
        qualifier=qualifier,
        measure=_measure(text, start, end, unit),
    )


def _measure(text: str, start: int, end: int, unit: Unit | None) -> str | None:
    """The thing measured: 'range of up to 300 km' -> range; '3,500 troops' -> troops;
    'exports rose 16%' -> exports; 'the death toll climbed to 23' -> toll."""
    before = text[max(0, start - 60) : start]
    if unit is not None:
        m = _MEASURE_BEFORE_RE.search(before)
        if m and m.group(1) not in STOPWORDS:
            return m.group(1)
        if unit.dimension == "percent" or unit.dimension.startswith("currency:"):
            return _subject_before(before)
        return None
    casualty = _CASUALTY_VERB_RE.search(before)
    if casualty:  # "killing seven and injuring 31 others": the verb says what was counted
        return casualty.group(1).lower()
    found = _counted_after(text, end)
    if found is None:
        toll = _TOLL_BEFORE_RE.search(before)
        if toll:
            return toll.group(1).lower()
    return found


_CASUALTY_VERB_RE = re.compile(
    r"\b(killing|injuring|wounding|killed|injured|wounded|arresting|detaining)\s+$", re.IGNORECASE
)


# "the death toll ... climbed to 23", "killing 31": the count's noun comes before it.
_TOLL_BEFORE_RE = re.compile(
    r"\b(toll|tally|killing|killed|injuring|injured|wounding|wounded|detaining|arresting)\b"
    r"(?:\s+[\w'’-]+){0,5}?\s+(?:to|at|of|reached|was|is|stood\s+at|rose\s+to|climbed\s+to)?\s*$",
    re.IGNORECASE,
)
_CHANGE_WORDS = frozenset(
    "rose fell grew increased decreased jumped dropped climbed slid gained lost added shed "
    "surged plunged edged slipped rising falling growing up down by to at of from was were "
    "is are be been reached hit stood stands".split()
)


def _subject_before(before: str) -> str | None:
    """The nearest noun before a percentage or an amount, past verbs of change."""
    words: list[str] = re.findall(r"[A-Za-z][a-z'’-]+", before)
    for w in reversed(words[-6:]):
        lw = w.lower()
        if lw in _CHANGE_WORDS or lw in STOPWORDS:
            continue
        return lw
    return None


def _counted_after(text: str, end: int) -> str | None:
    rest = text[end:]
    rest = re.sub(r"^\s*of\s+(?:the\s+|its\s+|their\s+)?", " ", rest)
    words: list[str] = []
    for m in re.finditer(r"\S+", rest[:80]):
        w = m.group()
        core = w.rstrip(",.;:!?)”\"'")
        if not _WORD_RE.fullmatch(core) or core in STOPWORDS:
            break
        words.append(core)
        if core != w or len(words) == 3:
            break
    # Adjectives come first ("four southernmost islands"): prefer the first plural.
    for w in words:
        if w in _PLURALS or (w.endswith("s") and not w.endswith("ss")):
            return w
    return words[0] if words else None


def _merge_conversions(text: str, found: list[Found]) -> list[Found]:
    """'188 miles (300km)' is one quantity given twice, not two that disagree."""
    out: list[Found] = []
    i = 0
    while i < len(found):
        q = found[i]
        if i + 1 < len(found):
            nxt = found[i + 1]
            gap = text[q.end : nxt.start]
            close = re.match(r"\s*\)", text[nxt.end :])
            if (
                re.fullmatch(r"\s*\(\s*(?:or\s+|about\s+|around\s+|roughly\s+)?", gap)
                and close
                and _same_amount(q, nxt)
            ):
                end = nxt.end + close.end()
                out.append(
                    Found(
                        q.start,
                        end,
                        text[q.start : end],
                        q.value,
                        q.unit,
                        q.low,
                        q.high,
                        q.qualifier,
                        q.measure,
                    )
                )
                i += 2
                continue
        out.append(q)
        i += 1
    return out


def _same_amount(a: Found, b: Found, tolerance: float = 0.12) -> bool:
    if a.unit is None or b.unit is None or a.unit.dimension != b.unit.dimension:
        return False
    va, vb = a.value * a.unit.factor, b.value * b.unit.factor
    return abs(va - vb) <= tolerance * max(abs(va), abs(vb), 1e-9)
