"""Form N-way groups from scored pairs.

Greedy on the best pairs first, so each claim joins its strongest partner
before weaker ones are considered; a group never holds two claims of one
source, and two groups merge only when they agree on average, not merely
through one chained pair (A~B and B~C do not make A~C).
"""

from __future__ import annotations

import math

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
    # Each claim's scored partners; weaker pairs count as zero in the linkage test.
    partners: list[dict[int, float]] = [{} for _ in range(n)]
    keep = prob >= 0.01
    for i, j, p in zip(left[keep].tolist(), right[keep].tolist(), prob[keep].tolist()):
        partners[i][j] = p
        partners[j][i] = p
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


def _mutual_best(
    sources: IntArray, left: IntArray, right: IntArray, prob: FloatArray
) -> NDArray[np.bool_]:
    n_src = int(sources.max()) + 1
    best = np.zeros(len(sources) * n_src)
    key_l = left * n_src + sources[right]  # left's best in right's source
    key_r = right * n_src + sources[left]
    np.maximum.at(best, key_l, prob)
    np.maximum.at(best, key_r, prob)
    return np.asarray((prob >= best[key_l]) & (prob >= best[key_r]), dtype=np.bool_)


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
