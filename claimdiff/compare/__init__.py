"""Stage 6: a verdict and findings for each aligned group.

A finding names what differs and gives each source's version. Findings are
conservative on purpose: a wrong "differ" costs a fact-checker more trust than
a missed one, so values are compared only when they measure the same thing.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Sequence

from claimdiff.align import Alignment
from claimdiff.compare.attribution import compare_attribution
from claimdiff.compare.dates import compare_dates, dates_compatible
from claimdiff.compare.hedges import compare_hedges
from claimdiff.compare.names import compare_names
from claimdiff.compare.quantities import compare_quantities, only_here, quantities_agree
from claimdiff.compare.quotes import classify_quote, compare_quotes, match_quotes
from claimdiff.models import Claim, Finding, Group, Source, Verdict
from claimdiff.people import People

DATE_CONFIDENCE = 0.5  # below this match probability, clashing dates are not reported

__all__ = [
    "classify_quote",
    "compare_attribution",
    "compare_dates",
    "compare_groups",
    "compare_hedges",
    "compare_names",
    "compare_quantities",
    "compare_quotes",
    "dates_compatible",
    "find_differences",
    "match_quotes",
    "quantities_agree",
]


def compare_groups(
    alignments: Sequence[Alignment],
    claims: Sequence[Claim],
    sources: Sequence[Source],
    people: People | None = None,
) -> list[Group]:
    order = {s.id: i for i, s in enumerate(sources)}
    people = people or People(claims)
    carried = {
        c.id
        for prev, c in itertools.pairwise(claims)
        if prev.source == c.source and any(not a.channel for a in prev.attributions)
    }
    groups = []
    for n, al in enumerate(alignments, 1):
        members = sorted((claims[i] for i in al.members), key=lambda c: order[c.source])
        if len(members) == 1:
            verdict, findings = Verdict.SINGLE, only_here(members[0])
        else:
            findings = find_differences(members, people, carried)
            if (al.similarity or 0.0) < DATE_CONFIDENCE:
                # In a loose match the dates may belong to different events of the story.
                findings = [f for f in findings if f.kind != "date" or f.label != "dates differ"]
            verdict = Verdict.DIFFER if findings else Verdict.AGREE
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


def find_differences(
    claims: Sequence[Claim], people: People | None = None, carried: Collection[str] = ()
) -> list[Finding]:
    people = people or People(claims)
    return [
        *compare_quantities(claims),
        *compare_dates(claims),
        *compare_quotes(claims),
        *compare_attribution(claims, people, carried),
        *compare_names(claims),
        *compare_hedges(claims),
    ]
