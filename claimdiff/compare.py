"""Stage 6: a verdict and findings for each aligned group.

A finding names what differs and gives each source's version. Findings are
conservative on purpose: a wrong "differ" costs a fact-checker more trust than
a missed one, so values are compared only when they measure the same thing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import combinations

from claimdiff.align import Alignment
from claimdiff.models import Claim, Finding, Group, Quantity, Source, Verdict
from claimdiff.textnorm import normalise, stem

# Physical measures are converted and rounded by outlets ("188 miles (300km)"),
# so they agree within 5%; counts, money and percentages must match unless a
# source says "about".
CONVERSION_TOLERANCE = 0.05
APPROXIMATE_TOLERANCE = 0.1
_PHYSICAL_UNITS = frozenset({"m", "kg", "s", "m/s", "m2", "m3", "W"})


def compare_groups(
    alignments: Sequence[Alignment], claims: Sequence[Claim], sources: Sequence[Source]
) -> list[Group]:
    order = {s.id: i for i, s in enumerate(sources)}
    groups = []
    for n, al in enumerate(alignments, 1):
        members = sorted((claims[i] for i in al.members), key=lambda c: order[c.source])
        findings = find_differences(members) if len(members) > 1 else []
        verdict = (
            Verdict.SINGLE if len(members) == 1 else Verdict.DIFFER if findings else Verdict.AGREE
        )
        groups.append(
            Group(
                id=f"g{n}",
                claims=tuple(c.id for c in members),
                sources=tuple(c.source for c in members),
                similarity=al.similarity if al.similarity is not None else 1.0,
                verdict=verdict,
                findings=tuple(findings),
            )
        )
    return groups


def find_differences(claims: Sequence[Claim]) -> list[Finding]:
    checks: tuple[Callable[[Sequence[Claim]], list[Finding]], ...] = (
        compare_quantities,
        compare_dates,
        compare_quotes,
        compare_names,
        compare_hedges,
    )
    return [f for check in checks for f in check(claims)]


# --- quantities -------------------------------------------------------------


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
    for c in claims:
        for q in c.quantities:
            if q.measure is None and q.si_unit is None:
                continue  # a bare number with no unit or noun: nothing to compare it with
            by_dim.setdefault(_dimension(q), {}).setdefault(c.source, q)
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
                findings.append(Finding("quantity", f"{what} differs: {shown}", values))
            elif len({q.qualifier for q in per_source.values()}) > 1:
                shown = "; ".join(f"{s}: {t}" for s, t in values.items())
                findings.append(
                    Finding(
                        "quantity", f"figures agree but are qualified differently: {shown}", values
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
                )
            )
    return findings


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


# --- dates ------------------------------------------------------------------


def dates_compatible(a: str, b: str) -> bool:
    """Same date at the coarser of the two precisions (a week contains its days)."""
    if "W" in a or "W" in b:
        from datetime import date

        def week(v: str) -> str | None:
            if "W" in v:
                return v
            if len(v) == 10:
                y, w, _ = date.fromisoformat(v).isocalendar()
                return f"{y:04d}-W{w:02d}"
            return None

        wa, wb = week(a), week(b)
        if wa and wb:
            return wa == wb
        return a[:4] == b[:4]
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def compare_dates(claims: Sequence[Claim]) -> list[Finding]:
    per_source = {c.source: [d for d in c.dates if d.value] for c in claims}
    dated = {s: ds for s, ds in per_source.items() if ds}
    if len(dated) < 2:
        return []
    findings = []
    for (s1, d1), (s2, d2) in combinations(dated.items(), 2):
        # Dates clash only when no date in one claim fits any date in the other.
        if not any(dates_compatible(a.value or "", b.value or "") for a in d1 for b in d2):
            values = {s1: f"{d1[0].text} ({d1[0].value})", s2: f"{d2[0].text} ({d2[0].value})"}
            findings.append(
                Finding(
                    "date", f"dates differ: {s1} says {values[s1]}, {s2} says {values[s2]}", values
                )
            )
    return findings


# --- quotes -----------------------------------------------------------------


def classify_quote(a: str, b: str) -> str | None:
    """verbatim, truncated (one is a contiguous part of the other), altered, or None."""
    from rapidfuzz import fuzz

    na, nb = normalise(a), normalise(b)
    if na == nb:
        return "verbatim"
    short, long_ = sorted((na, nb), key=len)
    if short and f" {short} " in f" {long_} ":
        return "truncated"
    if fuzz.partial_ratio(short, long_) >= 60 or fuzz.token_set_ratio(na, nb) >= 60:
        return "altered"
    return None


def compare_quotes(claims: Sequence[Claim]) -> list[Finding]:
    findings = []
    for c1, c2 in combinations(claims, 2):
        for q1 in c1.quotes:
            for q2 in c2.quotes:
                kind = classify_quote(q1.text, q2.text)
                if kind in (None, "verbatim"):
                    continue
                values = {c1.source: q1.text, c2.source: q2.text}
                if kind == "truncated":
                    shorter = (
                        c1.source
                        if len(normalise(q1.text)) < len(normalise(q2.text))
                        else c2.source
                    )
                    summary = f"quote truncated in {shorter}"
                else:
                    summary = f"quote worded differently in {c1.source} and {c2.source}"
                findings.append(Finding("quote", summary, values))
    return findings


# --- names ------------------------------------------------------------------


def compare_names(claims: Sequence[Claim]) -> list[Finding]:
    """Spelling variants of one name ("Sergei" / "Sergey Lavrov")."""
    from rapidfuzz import fuzz

    findings = []
    seen: set[tuple[str, str]] = set()
    # Normalised once per name, not once per pair: a group can hold 200 claims.
    names = [[(e.text, normalise(e.text)) for e in c.entities] for c in claims]
    for (c1, n1), (c2, n2) in combinations(zip(claims, names), 2):
        for text1, a in n1:
            for text2, b in n2:
                if a == b or a in b or b in a or (a, b) in seen:
                    continue
                wa, wb = a.split(), b.split()
                if len(wa) != len(wb) or (len(wa) < 2 and min(len(a), len(b)) < 6):
                    continue
                if fuzz.ratio(a, b) >= 85:
                    seen.add((a, b))
                    values = {c1.source: text1, c2.source: text2}
                    findings.append(
                        Finding("name", f"name spelled differently: {text1} / {text2}", values)
                    )
    return findings


# --- hedges -----------------------------------------------------------------


def compare_hedges(claims: Sequence[Claim]) -> list[Finding]:
    hedged = {c.source: [h.text for h in c.hedges] for c in claims}
    flat = [s for s, hs in hedged.items() if not hs]
    with_hedge = {s: hs for s, hs in hedged.items() if hs}
    if not flat or not with_hedge:
        return []
    values = {s: ", ".join(hs) for s, hs in with_hedge.items()} | {
        s: "(states it flatly)" for s in flat
    }
    who = ", ".join(f"{s} ({', '.join(hs)})" for s, hs in with_hedge.items())
    return [Finding("hedge", f"hedged by {who}; stated flatly by {', '.join(flat)}", values)]
