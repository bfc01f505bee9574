"""Pair features for alignment: several views of how alike two claims are.

One fuzzy score against one threshold aligns poorly, so each candidate pair
gets a vector of signals (rapidfuzz scores on normalised text and on content
stems, idf-weighted overlap, shared names and numbers, length balance) that a
calibrated model combines. Everything is computed for whole batches of pairs:
rapidfuzz's ``cpdist`` for string scores and sparse row products in numpy for
the overlaps, never a Python loop over pairs.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

import numpy as np
from numpy.typing import NDArray

from claimdiff.textnorm import content_of, normalise, words

FEATURES = (
    "token_set",
    "token_sort",
    "ratio",
    "word_lcs",
    "content_set",
    "cosine",
    "containment",
    "dice",
    "names",
    "name_miss",
    "name_conflict",
    "numbers",
    "number_clash",
    "length",
)

# +1: more means more alike; -1: more means less alike; 0: either way.
SIGNS = (1, 1, 1, 1, 1, 1, 1, 1, 1, -1, -1, 1, -1, 1)

IntArray = NDArray[np.int64]
FloatArray = NDArray[np.float64]


@dataclass(frozen=True)
class Sparse:
    """Rows of (column, weight) in CSR form, plus keys for fast membership tests."""

    indptr: IntArray
    cols: IntArray
    weights: FloatArray
    keys: IntArray  # row * n_cols + col, sorted
    n_cols: int

    @classmethod
    def from_rows(cls, rows: Sequence[dict[int, float]], n_cols: int) -> Sparse:
        indptr = np.zeros(len(rows) + 1, dtype=np.int64)
        cols: list[int] = []
        weights: list[float] = []
        for r, row in enumerate(rows):
            for c in sorted(row):
                cols.append(c)
                weights.append(row[c])
            indptr[r + 1] = len(cols)
        col_arr = np.asarray(cols, dtype=np.int64)
        row_ids = np.repeat(np.arange(len(rows), dtype=np.int64), np.diff(indptr))
        return cls(
            indptr,
            col_arr,
            np.asarray(weights, dtype=np.float64),
            row_ids * max(n_cols, 1) + col_arr,
            max(n_cols, 1),
        )

    def row_sums(self) -> FloatArray:
        rows = np.repeat(np.arange(len(self.indptr) - 1), np.diff(self.indptr))
        sums = np.bincount(rows, weights=self.weights, minlength=len(self.indptr) - 1)
        return np.asarray(sums, dtype=np.float64)

    def row_sizes(self) -> IntArray:
        return np.diff(self.indptr)

    def pair_dot(
        self,
        left: IntArray,
        right: IntArray,
        *,
        mode: str = "product",
        also: FloatArray | None = None,
    ) -> tuple[FloatArray, FloatArray]:
        """For every pair, sum over shared columns t of w[left,t]*w[right,t] ("product"),
        of 1 ("binary"), or of w[left,t] ("left"); vectorised over all pairs at once.
        Second: the "left" sum of ``also``, weights of another matrix with these rows
        and columns, from the same look-ups (zeros when not given)."""
        counts = self.indptr[left + 1] - self.indptr[left]
        total = int(counts.sum())
        if total == 0:
            return np.zeros(len(left)), np.zeros(len(left))
        pair = np.repeat(np.arange(len(left)), counts)
        first = np.repeat(self.indptr[left], counts)
        offset = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
        idx = first + offset
        query = right[pair] * self.n_cols + self.cols[idx]
        pos = np.searchsorted(self.keys, query)
        pos = np.minimum(pos, len(self.keys) - 1)
        hit = self.keys[pos] == query
        if mode == "binary":
            prod = hit.astype(np.float64)
        elif mode == "left":
            prod = np.where(hit, self.weights[idx], 0.0)
        else:
            prod = np.where(hit, self.weights[idx] * self.weights[pos], 0.0)
        n = len(left)
        first_sum = np.asarray(np.bincount(pair, weights=prod, minlength=n), dtype=np.float64)
        if also is None:
            return first_sum, np.zeros(n)
        other = np.where(hit, also[idx], 0.0)
        return first_sum, np.asarray(
            np.bincount(pair, weights=other, minlength=n), dtype=np.float64
        )


@dataclass(frozen=True)
class Prepared:
    """Everything about a set of claims that pair features need, computed once."""

    texts: list[str]
    sorted_texts: list[str]  # words in sorted order: token_sort_ratio is ratio on these
    content: list[str]
    # Each claim's normalised words, one character per distinct word, so rapidfuzz
    # compares word sequences at string speed.
    word_codes: list[str]
    tfidf: Sparse  # unit-length rows: dot product = cosine
    idf: Sparse  # raw idf weights of each claim's distinct terms
    names: Sparse
    numbers: Sparse
    n_terms: IntArray


def prepare(
    texts: Sequence[str],
    names: Sequence[Sequence[str]],
    numbers: Sequence[Sequence[str]],
) -> Prepared:
    """Normalise texts and index their terms, names and numbers."""
    split = [words(t) for t in texts]
    norm = [" ".join(ws) for ws in split]
    name_sets = [_name_tokens(ns) for ns in names]
    canon = _name_variants(set().union(*name_sets) if name_sets else set())
    # Content words that are names take their family spelling too: "Japanese" in one
    # sentence and "Japan" in another are the same content word.
    terms = [[canon.get(w, w) for w in content_of(ws, keep=canon)] for ws in split]
    vocab: dict[str, int] = {}
    term_ids = [[vocab.setdefault(t, len(vocab)) for t in ts] for ts in terms]
    df = Counter(i for ids in term_ids for i in set(ids))
    n = len(texts)
    idf = {i: math.log((1 + n) / (1 + d)) + 1.0 for i, d in df.items()}
    idf_rows = [{i: idf[i] for i in set(ids)} for ids in term_ids]
    tfidf_rows = []
    for ids in term_ids:
        row: dict[int, float] = {}
        for i in ids:
            row[i] = row.get(i, 0.0) + idf[i]
        norm2 = math.sqrt(sum(v * v for v in row.values())) or 1.0
        tfidf_rows.append({i: v / norm2 for i, v in row.items()})
    name_rows, n_names = _idf_rows([{canon[t] for t in ns} for ns in name_sets])
    number_rows, n_numbers = _idf_rows([set(ns) for ns in numbers])
    return Prepared(
        texts=norm,
        sorted_texts=[" ".join(sorted(t.split())) for t in norm],
        content=[" ".join(ts) for ts in terms],
        word_codes=_word_codes(split),
        tfidf=Sparse.from_rows(tfidf_rows, len(vocab)),
        idf=Sparse.from_rows(idf_rows, len(vocab)),
        names=Sparse.from_rows(name_rows, n_names),
        numbers=Sparse.from_rows(number_rows, n_numbers),
        n_terms=np.asarray([len(ts) for ts in terms], dtype=np.int64),
    )


def _word_codes(split: Sequence[Sequence[str]]) -> list[str]:
    vocab: dict[str, str] = {}
    out = []
    for ws in split:
        codes = []
        for w in ws:
            code = vocab.get(w)
            if code is None:
                n = len(vocab)
                # Skip the surrogate block: those code points cannot stand alone in a str.
                code = vocab[w] = chr(n + 0x800 if n >= 0xD800 else n)
            codes.append(code)
        out.append("".join(codes))
    return out


def _name_tokens(names: Sequence[str]) -> set[str]:
    # Word level, so "Dmitry Peskov" and "Peskov" share something.
    return {w for n in names for w in normalise(n).split() if len(w) > 1}


def _name_variants(tokens: set[str]) -> dict[str, str]:
    """Map name words to one spelling per family: Russia/Russian, Japan/Japanese,
    China/Chinese, Ukraine/Ukrainian. Two words are one family when they share a
    prefix of at least 4 letters covering 60% of the shorter word."""
    ordered = sorted(tokens)
    canon = {t: t for t in ordered}
    by_prefix: dict[str, list[str]] = {}
    for t in ordered:
        by_prefix.setdefault(t[:4], []).append(t)
    for family in by_prefix.values():
        for i, a in enumerate(family):
            for b in family[i + 1 :]:
                if len(a) < 4 or len(b) < 4:
                    continue
                common = len(_common_prefix(a, b))
                if common >= 0.6 * min(len(a), len(b)) and canon[b] == b:
                    canon[b] = canon[a]
    return canon


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _idf_rows(sets: Sequence[set[str]]) -> tuple[list[dict[int, float]], int]:
    """Rows weighted by idf over these claims: a name every sentence of the story
    mentions says little about which sentences match; a rare one says a lot."""
    vocab: dict[str, int] = {}
    ids = [{vocab.setdefault(x, len(vocab)) for x in s} for s in sets]
    df: dict[int, int] = {}
    for row in ids:
        for i in row:
            df[i] = df.get(i, 0) + 1
    n = len(sets)
    return [{i: math.log((1 + n) / (1 + df[i])) + 1.0 for i in row} for row in ids], len(vocab)


def pair_features(
    prep: Prepared, left: IntArray, right: IntArray, *, skip: frozenset[str] = frozenset()
) -> FloatArray:
    """A (pairs x FEATURES) matrix of signals in [0, 1].

    Columns named in ``skip`` stay 0: the aligner skips the string scores its
    model gives no weight, which leaves every probability bit-identical."""
    from rapidfuzz import fuzz, process

    out = np.zeros((len(left), len(FEATURES)), dtype=np.float64)
    if len(left) == 0:
        return out
    left_ids, right_ids = left.tolist(), right.tolist()
    rows, row_at = np.unique(left, return_inverse=True)
    cols, col_at = np.unique(right, return_inverse=True)
    # When the pairs fill most of their rows x columns (every pair of a story),
    # cdist over the matrix is cheaper: it prepares each string once rather than
    # once per pair. Both give the same scores.
    dense = 2 * len(left) >= len(rows) * len(cols)

    def batch(scorer: Any, texts: list[str]) -> FloatArray:
        if dense:
            grid = process.cdist(
                [texts[i] for i in rows], [texts[j] for j in cols], scorer=scorer, workers=-1
            )
            return np.asarray(grid[row_at, col_at], dtype=np.float64) / 100.0
        x, y = _pick(texts, left_ids), _pick(texts, right_ids)
        return np.asarray(process.cpdist(x, y, scorer=scorer, workers=-1), dtype=np.float64) / 100.0

    strings = (
        ("token_set", fuzz.token_set_ratio, prep.texts),
        # token_sort_ratio sorts both texts' words for every pair; sorted once per claim,
        # plain ratio gives the same scores in less than half the time.
        ("token_sort", fuzz.ratio, prep.sorted_texts),
        ("ratio", fuzz.ratio, prep.texts),
        ("content_set", fuzz.token_set_ratio, prep.content),
    )
    for name, scorer, texts in strings:
        if name not in skip:
            out[:, FEATURES.index(name)] = batch(scorer, texts)
    if "word_lcs" not in skip:
        out[:, FEATURES.index("word_lcs")] = word_lcs(prep, left, right)
    # The tf-idf and idf matrices hold the same terms per claim: one look-up serves both.
    out[:, 5], shared_idf = prep.tfidf.pair_dot(left, right, also=prep.idf.weights)
    idf_sums = prep.idf.row_sums()
    denom = np.minimum(idf_sums[left], idf_sums[right])
    out[:, 6] = np.divide(shared_idf, denom, out=np.zeros_like(denom), where=denom > 0)
    both_sums = idf_sums[left] + idf_sums[right]
    out[:, 7] = np.divide(2 * shared_idf, both_sums, out=np.zeros_like(denom), where=both_sums > 0)
    out[:, 8], out[:, 9], out[:, 10] = _overlap(prep.names, left, right)
    num_share, _, _ = _overlap(prep.numbers, left, right)
    sizes = prep.numbers.row_sizes()
    both = (sizes[left] > 0) & (sizes[right] > 0)
    out[:, 11] = num_share
    out[:, 12] = (both & (num_share == 0)).astype(np.float64)
    la, lb = prep.n_terms[left], prep.n_terms[right]
    out[:, 13] = np.minimum(la, lb) / np.maximum(np.maximum(la, lb), 1)
    return out


def word_lcs(prep: Prepared, left: IntArray, right: IntArray) -> FloatArray:
    """The share of the shorter claim's words that the longer one repeats in the same
    order (longest common word subsequence over the shorter length): 1.0 when one
    sentence is the other with words added. It stands in for ``partial_ratio``,
    which measures much the same on characters at ten times the cost and aligns
    worse in leave-one-story-out calibration (make bench)."""
    from rapidfuzz import process
    from rapidfuzz.distance import LCSseq

    if len(left) == 0:
        return np.zeros(0)
    x, y = _pick(prep.word_codes, left.tolist()), _pick(prep.word_codes, right.tolist())
    common = np.asarray(
        process.cpdist(x, y, scorer=LCSseq.similarity, workers=-1), dtype=np.float64
    )
    lengths = np.asarray([len(c) for c in prep.word_codes], dtype=np.int64)
    shorter = np.minimum(lengths[left], lengths[right])
    out: FloatArray = np.divide(common, shorter, out=np.zeros(len(left)), where=shorter > 0)
    return out


def _pick(texts: Sequence[str], ids: list[int]) -> Sequence[str]:
    """``[texts[i] for i in ids]`` in C: hundreds of thousands of pairs."""
    if len(ids) < 2:
        return [texts[i] for i in ids]  # itemgetter of one index returns the item itself
    picked: tuple[str, ...] = itemgetter(*ids)(texts)
    return picked


def _overlap(
    sparse: Sparse, left: IntArray, right: IntArray
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Shared weight over the smaller side; the share of the union left unshared; and
    the conflict: weight only one side has, on *both* sides (another place, another
    actor), which a paraphrase naming "the minister" instead of "Jane Smith" lacks."""
    shared, _ = sparse.pair_dot(left, right, mode="left")
    sizes = sparse.row_sums()
    sa, sb = sizes[left], sizes[right]
    smaller = np.minimum(sa, sb)
    union = sa + sb - shared
    share = np.divide(shared, smaller, out=np.zeros_like(shared), where=smaller > 0)
    miss = np.divide(union - shared, union, out=np.zeros_like(shared), where=union > 0)
    only_both = np.minimum(sa - shared, sb - shared)
    conflict = np.minimum(
        np.divide(only_both, smaller, out=np.zeros_like(shared), where=smaller > 0), 1.0
    )
    return share, miss, conflict
