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
                        Finding(
                            "name",
                            f"name spelled differently: {text1} / {text2}",
                            values,
                            "name spelled differently",
                        )
                    )
    return findings
