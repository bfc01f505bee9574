"""Which claim pairs are worth scoring at all.

Small comparisons score every cross-source pair. Large ones use blocking: two
claims become candidates only when they share a content term that is not too
common, or a name, or a number, so cost grows with the claims rather than with
their square.
"""

from __future__ import annotations

import numpy as np

from claimdiff.align.features import IntArray, Prepared, Sparse

ALL_PAIRS_LIMIT = 200_000


def all_cross_pairs(sources: IntArray) -> tuple[IntArray, IntArray]:
    n = len(sources)
    left, right = np.triu_indices(n, k=1)
    keep = sources[left] != sources[right]
    return left[keep].astype(np.int64), right[keep].astype(np.int64)


def candidate_pairs(
    prep: Prepared, sources: IntArray, *, all_pairs_limit: int = ALL_PAIRS_LIMIT
) -> tuple[IntArray, IntArray]:
    n = len(sources)
    if n * (n - 1) // 2 <= all_pairs_limit:
        return all_cross_pairs(sources)
    return blocked_pairs(prep, sources)


def blocked_pairs(
    prep: Prepared, sources: IntArray, *, max_df: int | None = None
) -> tuple[IntArray, IntArray]:
    """Pairs sharing a term rarer than ``max_df`` documents, a name or a number."""
    n = len(sources)
    cap = max_df or max(20, int(4 * np.sqrt(n)))
    keys: list[IntArray] = []
    for sparse in (prep.idf, prep.names, prep.numbers):
        keys.extend(_pairs_from_postings(sparse, cap))
    if not keys:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    uniq = np.unique(np.concatenate(keys))
    left, right = uniq // n, uniq % n
    keep = sources[left] != sources[right]
    return left[keep], right[keep]


def _pairs_from_postings(sparse: Sparse, cap: int) -> list[IntArray]:
    n_rows = len(sparse.indptr) - 1
    rows = np.repeat(np.arange(n_rows, dtype=np.int64), np.diff(sparse.indptr))
    order = np.argsort(sparse.cols, kind="stable")
    cols, rows = sparse.cols[order], rows[order]
    bounds = np.flatnonzero(np.diff(cols)) + 1
    out: list[IntArray] = []
    for posting in np.split(rows, bounds):
        if 2 <= len(posting) <= cap:
            a, b = np.triu_indices(len(posting), k=1)
            lo = np.minimum(posting[a], posting[b])
            hi = np.maximum(posting[a], posting[b])
            out.append(lo * n_rows + hi)
    return out
