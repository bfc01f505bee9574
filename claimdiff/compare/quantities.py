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


def _dimension(q: Quantity) -> str:
    if q.si_unit is not None:
        return q.si_unit
    return f"count:{stem(q.measure)}" if q.measure else "count"


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
    findings = []
    by_dim: dict[str, dict[str, Quantity]] = {}
    candidates: dict[str, dict[str, list[Quantity]]] = {}
    for c in claims:
        for q in c.quantities:
            if q.measure is None and q.si_unit is None:
                continue  # a bare number with no unit or noun: nothing to compare it with
            candidates.setdefault(_dimension(q), {}).setdefault(c.source, []).append(q)
    for dim, options in candidates.items():
        by_dim[dim] = _representatives(options)
    for per_source in by_dim.values():
        values = {s: q.text for s, q in per_source.items()}
        missing = [c.source for c in claims if c.source not in per_source]
        if not any(_reportable_alone(q) for q in per_source.values()):
            missing = []
        if len(per_source) >= 2:
            items = list(per_source.items())
            clash = [
                (s1, s2)
                for (s1, q1), (s2, q2) in combinations(items, 2)
                if not quantities_agree(q1, q2)
            ]
            if clash:
                what = _what(per_source)
                shown = "; ".join(f"{s}: {t}" for s, t in values.items())
                findings.append(
                    Finding("quantity", f"{what} differs: {shown}", values, f"{what} differs")
                )
            elif len({q.qualifier for q in per_source.values()}) > 1:
                shown = "; ".join(f"{s}: {t}" for s, t in values.items())
                findings.append(
                    Finding(
                        "quantity",
                        f"figures agree but are qualified differently: {shown}",
                        values,
                        "figures agree, qualified differently",
                    )
                )
        if missing and per_source:
            giver = ", ".join(per_source)
            what = _what(per_source)
            findings.append(
                Finding(
                    "quantity",
                    f"only {giver} gives {what} ({'; '.join(values.values())}); "
                    f"{', '.join(missing)} {'does' if len(missing) == 1 else 'do'} not",
                    values,
                    f"{what}: given by {giver} only",
                )
            )
    return findings


def _representatives(options: dict[str, list[Quantity]]) -> dict[str, Quantity]:
    """One figure per source for a dimension: a claim can give several lengths (a ship's
    "25 metres" and a distance of "22 nautical miles"); the one that agrees with most of
    the other sources' figures, else the closest, is the one they are talking about."""

    def score(q: Quantity, source: str) -> tuple[int, float]:
        others = [o for s, qs in options.items() if s != source for o in qs]
        agree = sum(quantities_agree(q, o) for o in others)
        closeness = min((abs(_log_ratio(q, o)) for o in others), default=0.0)
        return (-agree, closeness)

    chosen: dict[str, Quantity] = {}
    for s, qs in options.items():
        chosen[s] = min(qs, key=lambda q: score(q, s))
    return chosen


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


def _what(per_source: dict[str, Quantity]) -> str:
    q = next(iter(per_source.values()))
    return q.measure or "a figure"


def only_here(claim: Claim) -> list[Finding]:
    """Figures in a claim no other source carries: worth checking at the source."""
    shown = [q for q in claim.quantities if (q.measure or q.si_unit) and _reportable_alone(q)]
    if not shown:
        return []
    values = {claim.source: "; ".join(q.text for q in shown)}
    what = ", ".join(f"{q.measure + ' ' if q.measure else ''}{q.text}" for q in shown)
    return [Finding("quantity", f"only {claim.source} gives {what}", values, "figure only here")]
