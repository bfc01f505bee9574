"""Alignment measured as the product uses it: whole comparisons, not lone pairs.

Each synthetic comparison has two "outlets". Labelled positive pairs put one
sentence in each outlet (the aligner must find them among everything else);
labelled negative pairs (hard negatives, same-story sentences) are traps placed
the same way. Grouping, mutual-best competition and the threshold all take
part, so this is the score the default threshold is chosen on.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from benchmarks.pairs import Pair
from claimdiff.align import prepare_claims
from claimdiff.align.candidates import all_cross_pairs
from claimdiff.align.features import FloatArray, pair_features
from claimdiff.align.group import form_groups
from claimdiff.extract import extract_text
from claimdiff.models import Claim

POSITIVES_PER_COMPARISON = 10
TRAPS_PER_COMPARISON = 8


class Comparison:
    def __init__(self, a: list[str], b: list[str], truth: set[tuple[int, int]]) -> None:
        self.sentences = a + b
        self.sources = np.asarray([0] * len(a) + [1] * len(b), dtype=np.int64)
        self.truth = truth  # (index in a, len(a) + index in b)
        claims: list[Claim] = [
            extract_text(s, source="ab"[int(src)]) for s, src in zip(self.sentences, self.sources)
        ]
        prep = prepare_claims(claims)
        self.left, self.right = all_cross_pairs(self.sources)
        self.x = pair_features(prep, self.left, self.right)


def build(pairs: list[Pair], *, count: int, seed: int) -> list[Comparison]:
    rng = np.random.default_rng(seed)
    positives = [p for p in pairs if p.label == 1]
    traps = [p for p in pairs if p.label == 0 and p.kind != "random"]
    out = []
    for _ in range(count):
        used: set[str] = set()
        a: list[str] = []
        b: list[str] = []
        truth: set[tuple[int, int]] = set()
        picks = [(positives[int(i)], True) for i in rng.permutation(len(positives))[: POSITIVES_PER_COMPARISON * 2]]
        picks = picks[:POSITIVES_PER_COMPARISON * 2]
        picks += [(traps[int(i)], False) for i in rng.permutation(len(traps))[: TRAPS_PER_COMPARISON * 2]]
        n_pos = n_trap = 0
        for p, positive in picks:
            if p.a in used or p.b in used:
                continue  # a sentence shared by two pairs would make the truth ambiguous
            if positive and n_pos >= POSITIVES_PER_COMPARISON or not positive and n_trap >= TRAPS_PER_COMPARISON:
                continue
            used.update((p.a, p.b))
            x, y = (p.a, p.b) if rng.random() < 0.5 else (p.b, p.a)
            a.append(x)
            b.append(y)
            if positive:
                truth.add((len(a) - 1, len(b) - 1))
                n_pos += 1
            else:
                n_trap += 1
        order_a, order_b = rng.permutation(len(a)), rng.permutation(len(b))
        inv_a, inv_b = np.argsort(order_a), np.argsort(order_b)
        a = [a[int(i)] for i in order_a]
        b = [b[int(i)] for i in order_b]
        truth = {(int(inv_a[i]), len(a) + int(inv_b[j])) for i, j in truth}
        out.append(Comparison(a, b, truth))
    return out


def score(
    comparisons: list[Comparison], scorer: Callable[[FloatArray], FloatArray], threshold: float
) -> tuple[float, float, float]:
    """Pair precision, recall and F1 of the groups formed at this threshold."""
    tp = fp = fn = 0
    for c in comparisons:
        prob = scorer(c.x)
        groups = form_groups(c.sources, c.left, c.right, prob, threshold)
        found = {(g[0], g[1]) for g in groups if len(g) == 2}
        tp += len(found & c.truth)
        fp += len(found - c.truth)
        fn += len(c.truth - found)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def best_threshold(comparisons: list[Comparison], scorer: Callable[[FloatArray], FloatArray]) -> float:
    grid = np.round(np.arange(0.05, 0.96, 0.01), 2)
    results = [(score(comparisons, scorer, float(t))[2], float(t)) for t in grid]
    best_f = max(f for f, _ in results)
    # Among near-best thresholds take the highest: fewer false merges at equal F1.
    return max(t for f, t in results if f >= best_f - 0.005)
