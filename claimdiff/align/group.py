"""Form N-way groups from scored pairs.

Greedy on the best pairs first, so each claim joins its strongest partner
before weaker ones are considered; a group never holds two claims of one
source, and two groups merge only when they agree on average, not merely
through one chained pair (A~B and B~C do not make A~C).
"""

from __future__ import annotations

import math
from itertools import pairwise

import numpy as np
from numpy.typing import NDArray

from claimdiff.align.features import FloatArray, IntArray


def form_groups(
    sources: IntArray,
    left: IntArray,
    right: IntArray,
    prob: FloatArray,
    threshold: float,
    *,
    linkage: float = 1.0,
    mutual_best: bool = True,
) -> list[list[int]]:
    """Groups of claim indexes (every claim in exactly one group).

    With ``mutual_best`` a pair may join only if each claim is the other's best
    match in the other's source: when a claim's real partner has been taken by a
    closer match, it stays single rather than settling for a look-alike.
    """
    n = len(sources)
    if mutual_best and len(prob):
        allowed = _mutual_best(sources, left, right, prob)
        prob = np.where(allowed, prob, 0.0)
    partners = _partners(n, left, right, prob)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    group_sources: dict[int, set[int]] = {i: {int(s)} for i, s in enumerate(sources.tolist())}
    owner = list(range(n))
    order = np.lexsort((right, left, -prob))  # best first; ties broken by position
    order = order[prob[order] >= threshold]
    for i, j in zip(left[order].tolist(), right[order].tolist()):
        a, b = owner[i], owner[j]
        if a == b or not group_sources[a].isdisjoint(group_sources[b]):
            continue  # already together, or one claim per source in a group
        ga, gb = members[a], members[b]
        # A third (fourth...) member must fit the group as a whole, not just one member.
        need = threshold * (linkage if len(ga) + len(gb) > 2 else 1.0)
        if _mean(partners, owner, (a, ga), (b, gb)) < need:
            continue
        ga.extend(gb)
        group_sources[a] |= group_sources.pop(b)
        for k in gb:
            owner[k] = a
        del members[b]
    return [sorted(g) for g in sorted(members.values(), key=min)]


def _partners(n: int, left: IntArray, right: IntArray, prob: FloatArray) -> list[dict[int, float]]:
    """Each claim's scored partners; weaker pairs count as zero in the linkage test.
    Built row by row from sorted arrays: a dict per claim from slices, not a Python
    step per pair (hundreds of thousands in a large comparison)."""
    keep = prob >= 0.01
    rows = np.concatenate([left[keep], right[keep]])
    order = np.argsort(rows, kind="stable")
    cols = np.concatenate([right[keep], left[keep]])[order].tolist()
    values = np.concatenate([prob[keep], prob[keep]])[order].tolist()
    bounds = np.searchsorted(rows[order], np.arange(n + 1)).tolist()
    return [dict(zip(cols[a:b], values[a:b])) for a, b in pairwise(bounds)]


def _mutual_best(
    sources: IntArray, left: IntArray, right: IntArray, prob: FloatArray
) -> NDArray[np.bool_]:
    n_src = int(sources.max()) + 1
    # Each pair twice: as left's candidate in right's source, and the other way round.
    keys = np.concatenate([left * n_src + sources[right], right * n_src + sources[left]])
    values = np.concatenate([prob, prob])
    # The best per key by sorting (np.maximum.at is several times slower).
    order = np.argsort(keys, kind="stable")
    first = np.r_[True, keys[order][1:] != keys[order][:-1]]
    best_sorted = np.maximum.reduceat(values[order], np.flatnonzero(first))[np.cumsum(first) - 1]
    best = np.empty_like(values)
    best[order] = best_sorted
    return np.asarray((prob >= best[: len(prob)]) & (prob >= best[len(prob) :]), dtype=np.bool_)


def _mean(
    partners: list[dict[int, float]],
    owner: list[int],
    group_a: tuple[int, list[int]],
    group_b: tuple[int, list[int]],
) -> float:
    """Mean score over all pairs between two groups (unscored pairs count as 0).

    Walks the scored partners of the smaller group's claims rather than every
    pair, so a claim joining a group of 200 costs its own partners, not 200
    lookups; ``fsum`` makes the total independent of the visiting order."""
    (_, ga), (b, gb) = sorted((group_a, group_b), key=lambda g: len(g[1]))
    values = [p for i in ga for j, p in partners[i].items() if owner[j] == b]
    return math.fsum(values) / (len(ga) * len(gb))
