"""Figures: do the sources give the same numbers, allowing for units and rounding?"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from claimdiff.models import Claim, Finding, Quantity
from claimdiff.textnorm import stem

# Physical measures are converted and rounded by outlets ("188 miles (300km)"),
# so they agree within 5%; counts, money and percentages must match unless a
# source says "about".
CONVERSION_TOLERANCE = 0.05
APPROXIMATE_TOLERANCE = 0.1
_PHYSICAL_UNITS = frozenset({"m", "kg", "s", "m/s", "m2", "m3", "W"})


def _bounds(q: Quantity) -> tuple[float, float]:
    factor = (q.si_value / q.value) if q.si_value is not None and q.value else 1.0
    low = q.low if q.low is not None else q.value
    high = q.high if q.high is not None else q.value
    return low * factor, high * factor


def _tolerance(a: Quantity, b: Quantity) -> float:
    if "about" in (a.qualifier, b.qualifier):
        return APPROXIMATE_TOLERANCE
    return CONVERSION_TOLERANCE if a.si_unit in _PHYSICAL_UNITS else 0.0


def quantities_agree(a: Quantity, b: Quantity) -> bool:
    """Overlapping ranges, allowing for rounding; "up to 300" and "300" agree."""
    (a0, a1), (b0, b1) = _bounds(a), _bounds(b)
    if a.qualifier == "up_to":
        a0 = min(a0, 0.0)
    if b.qualifier == "up_to":
        b0 = min(b0, 0.0)
    if a.qualifier == "less_than":
        a0 = min(a0, 0.0)
    if b.qualifier == "less_than":
        b0 = min(b0, 0.0)
    if a.qualifier == "at_least":
        a1 = float("inf")
    if b.qualifier == "at_least":
        b1 = float("inf")
    slack = (
        _tolerance(a, b) * max(min(abs(a1), abs(b1)), 1e-9)
        if a1 != float("inf") or b1 != float("inf")
        else 0.0
    )
    return a0 - slack <= b1 and b0 - slack <= a1


def compare_quantities(claims: Sequence[Claim]) -> list[Finding]:
    """Figures that clash, figures qualified differently, figures only some give.

    Every figure of a source is matched against every comparable figure of the
    others: a claim can give several lengths (a ship's size and a distance), and
    the same count under two nouns ("19 goals" / "19 times") is the same count.
    A clash is reported only for figures that agree with nothing comparable.
    """
    findings: list[Finding] = []
    pools: dict[str, dict[str, list[Quantity]]] = {}
    for c in claims:
        for q in c.quantities:
            if q.measure is None and q.si_unit is None:
                continue  # a bare number with no unit or noun: nothing to compare it with
            pools.setdefault(_pool(q), {}).setdefault(c.source, []).append(q)
    for per_source in pools.values():
        findings += _compare_pool(claims, per_source)
    return findings


def _pool(q: Quantity) -> str:
    return q.si_unit if q.si_unit is not None else "count"


def comparable(a: Quantity, b: Quantity) -> bool:
    """The same kind of thing measured: same noun, a generic one, or none given."""
    ma, mb = _measure_class(a.measure), _measure_class(b.measure)
    return ma is None or mb is None or ma == mb or "people" in (ma, mb)


def _measure_class(measure: str | None) -> str | None:
    if measure is None:
        return None
    m = stem(measure.lower())
    for name, words in _MEASURE_CLASSES.items():
        if m in words:
            return name
    return m


_MEASURE_CLASSES = {
    name: frozenset(stem(w) for w in words.split())
    for name, words in {
        "dead": "dead death deaths killed killing toll victims bodies lives fatalities",
        "injured": "injured injuring injuries wounded wounding hurt",
        "people": "people persons person individuals others",
    }.items()
}


def _compare_pool(claims: Sequence[Claim], per_source: dict[str, list[Quantity]]) -> list[Finding]:
    out: list[Finding] = []
    clash: dict[str, Quantity] = {}
    noted: dict[str, Quantity] = {}
    for (s1, q1s), (s2, q2s) in combinations(per_source.items(), 2):
        pairs = [(a, b) for a in q1s for b in q2s if comparable(a, b)]
        agreeing = [(a, b) for a, b in pairs if quantities_agree(a, b)]
        matched = {id(x) for pair in agreeing for x in pair}
        open_pairs = [(a, b) for a, b in pairs if id(a) not in matched and id(b) not in matched]
        if open_pairs:
            a, b = min(open_pairs, key=lambda p: abs(_log_ratio(p[0], p[1])))
            clash.setdefault(s1, a)
            clash.setdefault(s2, b)
        for a, b in agreeing:
            if {a.qualifier, b.qualifier} & {
                "up_to",
                "at_least",
                "less_than",
            } and a.qualifier != b.qualifier:
                noted.setdefault(s1, a)
                noted.setdefault(s2, b)
    if clash:
        values = {s: q.text for s, q in clash.items()}
        what = next((q.measure for q in clash.values() if q.measure), None) or "a figure"
        shown = "; ".join(f"{s}: {t}" for s, t in values.items())
        out.append(Finding("quantity", f"{what} differs: {shown}", values, f"{what} differs"))
    elif noted:
        values = {s: q.text for s, q in noted.items()}
        shown = "; ".join(f"{s}: {t}" for s, t in values.items())
        out.append(
            Finding(
                "quantity",
                f"figures agree but one is a bound: {shown}",
                values,
                "figures agree, one is a bound",
            )
        )
    givers = {s: qs for s, qs in per_source.items() if any(_reportable_alone(q) for q in qs)}
    missing = [c.source for c in claims if c.source not in per_source]
    if givers and missing:
        values = {s: "; ".join(q.text for q in qs) for s, qs in givers.items()}
        what = (
            next((q.measure for qs in givers.values() for q in qs if q.measure), None) or "a figure"
        )
        giver = ", ".join(givers)
        out.append(
            Finding(
                "quantity",
                f"only {giver} gives {what} ({'; '.join(values.values())}); "
                f"{', '.join(missing)} {'does' if len(missing) == 1 else 'do'} not",
                values,
                f"{what}: given by {giver} only",
            )
        )
    return out


def _log_ratio(a: Quantity, b: Quantity) -> float:
    import math

    va, vb = abs(_bounds(a)[0]) or 1e-9, abs(_bounds(b)[0]) or 1e-9
    return math.log(va / vb)


def _reportable_alone(q: Quantity) -> bool:
    """Is a figure worth flagging when other sources leave it out? "a 70-year dispute"
    and "the two countries" are description, not a figure a fact-checker checks."""
    if q.si_unit == "s" and "-" in q.text:
        return False  # a span used as an adjective: "70-year", "two-day"
    # A small number in words ("two countries", "four islands") is not either.
    spelled_small = q.unit is None and not any(ch.isdigit() for ch in q.text) and q.value <= 10
    return not spelled_small


def only_here(claim: Claim) -> list[Finding]:
    """Figures in a claim no other source carries: worth checking at the source."""
    shown = [q for q in claim.quantities if (q.measure or q.si_unit) and _reportable_alone(q)]
    if not shown:
        return []
    values = {claim.source: "; ".join(q.text for q in shown)}
    what = ", ".join(f"{q.measure + ' ' if q.measure else ''}{q.text}" for q in shown)
    return [Finding("quantity", f"only {claim.source} gives {what}", values, "figure only here")]
