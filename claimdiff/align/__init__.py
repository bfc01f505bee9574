"""Stage 5: group claims that say the same thing, across all sources at once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from claimdiff.align.candidates import (
    ALL_PAIRS_LIMIT,
    BoolArray,
    candidate_pairs,
    not_claims,
    pairs_without,
)
from claimdiff.align.features import FloatArray, IntArray, Prepared, pair_features, prepare
from claimdiff.align.group import form_groups
from claimdiff.align.model import load_model
from claimdiff.models import Claim

__all__ = [
    "Alignment",
    "Related",
    "Scored",
    "align_and_relate",
    "align_claims",
    "claim_numbers",
    "group_scored",
    "not_claims",
    "prepare_claims",
    "score_pairs",
]


RELATED_SHARE = 0.5  # pairs at half the threshold or more count as related


@dataclass(frozen=True)
class Related:
    """Pairs of claims that may say the same thing, as arrays in (left, right) order:
    a large comparison has hundreds of thousands, too many for an object each."""

    left: IntArray
    right: IntArray
    probability: FloatArray


@dataclass(frozen=True)
class Alignment:
    members: tuple[int, ...]  # indexes into the claims given to align_claims
    similarity: float | None  # mean pair probability; None for a single claim


def claim_numbers(claim: Claim) -> list[str]:
    """Comparable tokens for the figures and dates a claim states."""
    out = []
    for q in claim.quantities:
        value = q.si_value if q.si_value is not None else q.value
        out.append(f"{_round2(value)}{q.si_unit or ''}")
    # A resolved date compares by value; an unresolved one ("on Monday" with no
    # publication date) by its words, so Monday vs Wednesday still counts as a clash.
    for d in claim.dates:
        if d.value is None:
            out.append(f"date-text:{d.text.lower()}")
        elif len(d.value) == 10:  # a day also matches its month ("on Wednesday" ~ "in November")
            out.extend((f"date:{d.value}", f"date:{d.value[:7]}"))
        else:
            out.append(f"date:{d.value}")
    return out


def _round2(value: float) -> str:
    # Two significant figures: 188 miles and 300 km both become 3.0e+05 m.
    return f"{value:.1e}"


def prepare_claims(claims: Sequence[Claim]) -> Prepared:
    return prepare(
        [c.text for c in claims],
        [[e.text for e in c.entities] for c in claims],
        [claim_numbers(c) for c in claims],
    )


def align_claims(
    claims: Sequence[Claim],
    *,
    threshold: float | None = None,
    all_pairs_limit: int = ALL_PAIRS_LIMIT,
) -> list[Alignment]:
    """Group claims N-way; claims that match nothing come back as groups of one.

    Inputs with more cross pairs than ``all_pairs_limit`` use blocked candidates."""
    return align_and_relate(claims, threshold=threshold, all_pairs_limit=all_pairs_limit)[0]


def align_and_relate(
    claims: Sequence[Claim],
    *,
    threshold: float | None = None,
    all_pairs_limit: int = ALL_PAIRS_LIMIT,
) -> tuple[list[Alignment], Related]:
    """Groups, plus the looser pairs across sources that did not make a group (a
    sentence that covers two of another outlet's, a paraphrase below the threshold):
    framing analysis compares their wording too."""
    scored = score_pairs(claims, all_pairs_limit=all_pairs_limit)
    return group_scored(scored, not_claims(claims), threshold=threshold)


@dataclass(frozen=True)
class Scored:
    """Candidate pairs of claims and the probability that each says the same thing."""

    sources: IntArray  # each claim's source, numbered
    left: IntArray
    right: IntArray
    probability: FloatArray


def score_pairs(claims: Sequence[Claim], *, all_pairs_limit: int = ALL_PAIRS_LIMIT) -> Scored:
    """Score the candidate pairs. Reads only each claim's text, names, figures and
    dates, so it may run before attributions and quotes are extracted."""
    model = load_model()
    source_index: dict[str, int] = {}
    sources = np.asarray(
        [source_index.setdefault(c.source, len(source_index)) for c in claims], dtype=np.int64
    )
    prep = prepare_claims(claims)
    left, right = candidate_pairs(prep, sources, all_pairs_limit=all_pairs_limit)
    prob = model.probability(pair_features(prep, left, right, skip=model.unused))
    return Scored(sources, left, right, prob)


def group_scored(
    scored: Scored, skip: BoolArray, *, threshold: float | None = None
) -> tuple[list[Alignment], Related]:
    """Groups and related pairs from scored pairs; claims marked in ``skip`` (see
    ``not_claims``) take part in none."""
    n = len(scored.sources)
    if n == 0:
        return [], Related(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0))
    cut = load_model().threshold if threshold is None else threshold
    keep = pairs_without(skip, scored.left, scored.right)
    left, right, prob = scored.left[keep], scored.right[keep], scored.probability[keep]
    groups = form_groups(scored.sources, left, right, prob, cut)
    # Candidate pairs come sorted by (left, right), the order in which a group's pairs
    # are listed too; bincount adds in that order, so each group's total is the same
    # sum as adding its pairs one by one (an unscored pair adds 0).
    owner = np.empty(n, dtype=np.int64)
    for k, g in enumerate(groups):
        owner[g] = k
    inside = owner[left] == owner[right]
    totals = np.bincount(owner[left][inside], weights=prob[inside], minlength=len(groups))
    out = []
    for g, total in zip(groups, totals.tolist()):
        if len(g) == 1:
            out.append(Alignment((g[0],), None))
            continue
        n_pairs = len(g) * (len(g) - 1) // 2
        out.append(Alignment(tuple(g), round(total / n_pairs, 4)))
    close = prob >= cut * RELATED_SHARE
    related = Related(left[close], right[close], prob[close])
    return out, related
