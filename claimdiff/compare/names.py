"""Names spelled differently by different sources."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from claimdiff.models import Claim, Finding
from claimdiff.textnorm import normalise


def compare_names(claims: Sequence[Claim]) -> list[Finding]:
    """Spelling variants of one name ("Sergei" / "Sergey Lavrov")."""
    from rapidfuzz import fuzz

    # Each distinct name once, with the sources that use it: a group can hold 200
    # claims naming the same few people, and only different spellings matter.
    users: dict[str, dict[str, str]] = {}  # normalised -> {source: text as written}
    for c in claims:
        for e in c.entities:
            users.setdefault(normalise(e.text), {}).setdefault(c.source, e.text)
    findings = []
    for a, b in combinations(users, 2):
        if a in b or b in a:
            continue
        wa, wb = a.split(), b.split()
        if len(wa) != len(wb) or (len(wa) < 2 and min(len(a), len(b)) < 6):
            continue
        pair = next(
            (
                (s1, t1, s2, t2)
                for s1, t1 in users[a].items()
                for s2, t2 in users[b].items()
                if s1 != s2
            ),
            None,
        )
        if pair and fuzz.ratio(a, b) >= 85:
            s1, text1, s2, text2 = pair
            findings.append(
                Finding(
                    "name",
                    f"name spelled differently: {text1} / {text2}",
                    {s1: text1, s2: text2},
                    "name spelled differently",
                )
            )
    return findings
