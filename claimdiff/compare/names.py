"""Names spelled differently by different sources."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from claimdiff.models import Claim, Finding
from claimdiff.textnorm import normalise


def compare_names(claims: Sequence[Claim]) -> list[Finding]:
    """Spelling variants of one name ("Sergei" / "Sergey Lavrov")."""
    from rapidfuzz import fuzz

    findings = []
    seen: set[tuple[str, str]] = set()
    for c1, c2 in combinations(claims, 2):
        for e1 in c1.entities:
            for e2 in c2.entities:
                a, b = normalise(e1.text), normalise(e2.text)
                if a == b or a in b or b in a or (a, b) in seen:
                    continue
                wa, wb = a.split(), b.split()
                if len(wa) != len(wb) or (len(wa) < 2 and min(len(a), len(b)) < 6):
                    continue
                if fuzz.ratio(a, b) >= 85:
                    seen.add((a, b))
                    values = {c1.source: e1.text, c2.source: e2.text}
                    findings.append(
                        Finding(
                            "name",
                            f"name spelled differently: {e1.text} / {e2.text}",
                            values,
                            "name spelled differently",
                        )
                    )
    return findings
