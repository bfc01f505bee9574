"""Dates: do the sources put the event at the same time?"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from claimdiff.models import Claim, Finding


def dates_compatible(a: str, b: str) -> bool:
    """Same date at the coarser of the two precisions (a week contains its days, a
    span "2025-02-10/2025-02-19" any day it covers)."""
    if "/" in a or "/" in b:
        a0, _, a1 = a.partition("/")
        b0, _, b1 = b.partition("/")
        a1, b1 = a1 or a0, b1 or b0
        # Overlap at the coarser precision of the ends.
        return _not_after(a0, b1) and _not_after(b0, a1)
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


def _not_after(a: str, b: str) -> bool:
    n = min(len(a), len(b))
    return a[:n] <= b[:n]


def compare_dates(claims: Sequence[Claim]) -> list[Finding]:
    # Only the dates of what happened, and only when each claim gives one: with two
    # dates in a sentence, which one belongs to the shared event is anybody's guess.
    per_source = {c.source: [d for d in c.dates if d.value and not d.statement] for c in claims}
    dated = {s: ds for s, ds in per_source.items() if len(ds) == 1}
    findings = _unresolved(claims) if any(c.dates for c in claims) else []
    if len(dated) < 2:
        return findings
    for (s1, d1), (s2, d2) in combinations(dated.items(), 2):
        # Dates clash only when no date in one claim fits any date in the other.
        if not any(dates_compatible(a.value or "", b.value or "") for a in d1 for b in d2):
            values = {s1: f"{d1[0].text} ({d1[0].value})", s2: f"{d2[0].text} ({d2[0].value})"}
            findings.append(
                Finding(
                    "date",
                    f"dates differ: {s1} says {values[s1]}, {s2} says {values[s2]}",
                    values,
                    "dates differ",
                )
            )
    return findings


def _unresolved(claims: Sequence[Claim]) -> list[Finding]:
    """A relative date with no publication date to anchor it: say so rather than guess."""
    loose = {c.source: [d.text for d in c.dates if not d.resolved] for c in claims}
    loose = {s: ts for s, ts in loose.items() if ts}
    others = [c for c in claims if c.source not in loose and c.dates]
    if not loose or (len(loose) < 2 and not others):
        return []
    if not others and len({tuple(t.lower() for t in ts) for ts in loose.values()}) == 1:
        return []  # both say "on Monday": the same words, nothing to anchor
    values = {s: ", ".join(ts) for s, ts in loose.items()}
    who = "; ".join(f"{s} says {v}" for s, v in values.items())
    return [
        Finding(
            "date",
            f"cannot compare dates: {who} with no publication date to anchor it "
            "(set one with --published ID=YYYY-MM-DD)",
            values,
            "date not anchored: no publication date",
        )
    ]
