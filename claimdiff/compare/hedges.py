"""Hedges: one source distances itself from a claim another states flatly."""

from __future__ import annotations

from collections.abc import Sequence

from claimdiff.models import Claim, Finding


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
    return [
        Finding(
            "hedge",
            f"hedged by {who}; stated flatly by {', '.join(flat)}",
            values,
            "hedged by some, stated flatly by others",
        )
    ]
