"""Form N-way groups from scored pairs.

Greedy on the best pairs first, so each claim joins its strongest partner
before weaker ones are considered; a group never holds two claims of one
source, and two groups merge only when they agree on average, not merely
through one chained pair (A~B and B~C do not make A~C).
"""

from __future__ import annotations

from collections.abc import Iterable

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
    score: dict[tuple[int, int], float] = {}
    keep = prob >= 0.01  # weaker pairs count as zero in the linkage test
    for i, j, p in zip(left[keep].tolist(), right[keep].tolist(), prob[keep].tolist()):
        score[(min(i, j), max(i, j))] = p
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    owner = list(range(n))
    src = sources.tolist()
    order = np.lexsort((right, left, -prob))  # best first; ties broken by position
    for k in order.tolist():
        p = float(prob[k])
        if p < threshold:
            break
        a, b = owner[int(left[k])], owner[int(right[k])]
        if a == b:
            continue
        ga, gb = members[a], members[b]
        if {src[i] for i in ga} & {src[i] for i in gb}:
            continue  # one claim per source in a group
        # A third (fourth...) member must fit the group as a whole, not just one member.
        need = threshold * (linkage if len(ga) + len(gb) > 2 else 1.0)
        if _mean(score, ga, gb) < need:
            continue
        ga.extend(gb)
        for i in gb:
            owner[i] = a
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


def _mean(score: dict[tuple[int, int], float], ga: Iterable[int], gb: Iterable[int]) -> float:
    pairs = [(min(i, j), max(i, j)) for i in ga for j in gb]
    return sum(score.get(p, 0.0) for p in pairs) / len(pairs)
