"""Candidate pairs for large comparisons without scoring every pair.

An inverted index over each claim's content terms, names and figures lists,
for every key, the claims that use it. Keys used by more claims than a cap are
left out: a word in hundreds of sentences says little about which of them
match, and its postings alone would produce a quadratic number of pairs. Every
remaining posting yields its pairs; a pair's cheap score is the idf weight of
the rare content terms it shares over the smaller claim's total (a lower bound
on the containment signal the model weighs most), and pairs that share a
figure or a rare name count too. Only pairs above a small floor are scored
with the full model, so cost grows with the pairs that could match rather
than with the square of the claims.
"""

from __future__ import annotations

import numpy as np

from claimdiff.align.features import FloatArray, IntArray, Prepared, Sparse
from claimdiff.errors import InputError

# The floor on the cheap score. At 0.2 blocked F1 is at or above the all-pairs
# reference on the synthetic benchmark and on the hand-labelled stories (make
# bench shows both); lower floors score more look-alikes, and the model accepts
# some of them, for no gain in recall.
MIN_SHARED = 0.2


def blocked_pairs(
    prep: Prepared,
    sources: IntArray,
    *,
    max_df: int | None = None,
    min_shared: float = MIN_SHARED,
) -> tuple[IntArray, IntArray]:
    """Cross-source pairs that share enough rare keys, as (left, right) with left < right."""
    n = len(sources)
    n_sources = int(sources.max()) + 1 if n else 0
    # A key specific to one claim group appears at most once per source; leave room
    # for repeats across stories of one event and for small inputs.
    cap = max_df or max(20, 2 * n_sources, int(4 * np.sqrt(n)))
    weights = _column_weights(prep.idf)
    uniq, shared = _sum_by_key(_posting_pairs(prep.idf, cap, n, packed=True), weights)
    left, right = uniq // n, uniq % n
    totals = prep.idf.row_sums()
    smaller = np.minimum(totals[left], totals[right])
    score = np.divide(shared, smaller, out=np.zeros_like(shared), where=smaller > 0)
    cross = sources[left] != sources[right]
    picked = [uniq[cross & (score >= min_shared)]]
    # A shared rare name or figure vouches for a pair with fewer content words in common.
    for sparse in (prep.names, prep.numbers):
        extra = _distinct(_posting_pairs(sparse, cap, n, packed=False))
        pos = np.minimum(np.searchsorted(uniq, extra), max(len(uniq) - 1, 0))
        found = (uniq[pos] == extra) if len(uniq) else np.zeros(len(extra), dtype=bool)
        vouched = pos[found]
        picked.append(uniq[vouched[cross[vouched] & (score[vouched] >= min_shared / 2)]])
    out = _distinct(np.concatenate(picked))
    return out // n, out % n


def _distinct(keys: IntArray) -> IntArray:
    """Sorted distinct keys; a plain sort, since numpy's hash-based unique is several
    times slower on millions of integers."""
    keys = np.sort(keys)
    return keys[np.r_[True, keys[1:] != keys[:-1]]] if len(keys) else keys


def _column_weights(sparse: Sparse) -> FloatArray:
    """Each column's weight (an idf weight is the same in every row that has it)."""
    weights = np.zeros(sparse.n_cols)
    weights[sparse.cols] = sparse.weights
    return weights


def _column_bits(n_cols: int) -> int:
    return max(int(n_cols - 1).bit_length(), 1)


def _sum_by_key(packed: IntArray, col_weights: FloatArray) -> tuple[IntArray, FloatArray]:
    """Distinct pair keys (sorted) and the total weight of the columns each shares,
    from pair keys packed with their column (key << bits | column).

    Sorting the packed integers in place is several times faster than an argsort
    of millions of keys (or numpy's unique), and the sums then run in column order,
    so they never depend on how postings were visited."""
    if len(packed) == 0:
        return packed, np.zeros(0)
    bits = _column_bits(col_weights.size)
    packed.sort()
    keys = packed >> bits
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    sums = np.add.reduceat(col_weights[packed & ((1 << bits) - 1)], starts)
    return keys[starts], np.asarray(sums, dtype=np.float64)


def _posting_pairs(sparse: Sparse, cap: int, n: int, *, packed: bool) -> IntArray:
    """Pair keys (lo * n + hi) from every posting of 2..cap claims; with ``packed``,
    each shifted left and joined with the posting's column (see ``_sum_by_key``).

    Postings of equal length are stacked into one matrix so each length costs one
    vectorised step instead of one Python step per key."""
    n_rows = len(sparse.indptr) - 1
    rows = np.repeat(np.arange(n_rows, dtype=np.int64), np.diff(sparse.indptr))
    order = np.argsort(sparse.cols, kind="stable")
    cols, rows = sparse.cols[order], rows[order]
    starts = np.flatnonzero(np.r_[True, np.diff(cols) != 0])
    lengths = np.diff(np.r_[starts, len(cols)])
    bits = _column_bits(sparse.n_cols)
    if packed and (max(n * n, 1).bit_length() + bits) > 62:
        raise InputError(
            f"{n:,} claims are too many for one comparison; split them into stories "
            "(claimdiff batch)"
        )
    out: list[IntArray] = []
    for size in np.unique(lengths[(lengths >= 2) & (lengths <= cap)]).tolist():
        first = starts[lengths == size]
        block = rows[first[:, None] + np.arange(size)]  # (postings, size), rows ascending
        a, b = np.triu_indices(size, k=1)
        keys = block[:, a] * n + block[:, b]
        if packed:
            keys = (keys << bits) | cols[first][:, None]
        out.append(keys.ravel())
    return np.concatenate(out) if out else np.zeros(0, dtype=np.int64)
