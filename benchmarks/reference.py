"""The all-pairs reference aligner: every cross-source pair scored, same model, same grouping.

It is what the blocked candidate generation must match in quality and beat in
cost. String scores come from ``process.cdist`` over blocks of rows against
every later claim; the sparse signals are the library's own pair products.
Pairs below 0.01 are dropped after scoring: grouping treats them as zero (a
pair below the threshold can neither join nor be anyone's useful best match),
so dropping them changes nothing but the memory.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from claimdiff.align import prepare_claims
from claimdiff.align.features import FEATURES, FloatArray, IntArray, Prepared, pair_features
from claimdiff.align.group import form_groups
from claimdiff.align.model import load_model
from claimdiff.models import Claim

BLOCK_ROWS = 256
FLOOR = 0.01


def all_pairs_groups(
    claims: Sequence[Claim], *, sample_every: int = 1
) -> tuple[list[list[int]], int, int]:
    """Groups from scoring every cross-source pair; pairs scored; cross-source pairs in all.

    With ``sample_every`` k > 1 only every k-th block of rows is scored: a timing
    sample for inputs too large to score in full within a benchmark run (its
    groups are then not the reference's)."""
    model = load_model()
    ids: dict[str, int] = {}
    sources = np.asarray([ids.setdefault(c.source, len(ids)) for c in claims], dtype=np.int64)
    prep = prepare_claims(claims)
    lefts: list[IntArray] = []
    rights: list[IntArray] = []
    probs: list[FloatArray] = []
    scored = 0
    for k, start in enumerate(range(0, len(claims), BLOCK_ROWS)):
        if k % sample_every:
            continue
        left, right, x = _block_features(prep, sources, start, model.unused)
        scored += len(left)
        p = model.probability(x)
        keep = p >= FLOOR
        lefts.append(left[keep])
        rights.append(right[keep])
        probs.append(p[keep])
    left, right, prob = np.concatenate(lefts), np.concatenate(rights), np.concatenate(probs)
    per_source = np.bincount(sources)
    total = (len(claims) ** 2 - int(np.sum(per_source**2))) // 2
    return form_groups(sources, left, right, prob, model.threshold), scored, total


def _block_features(
    prep: Prepared, sources: IntArray, start: int, skip: frozenset[str]
) -> tuple[IntArray, IntArray, FloatArray]:
    from rapidfuzz import fuzz, process

    n = len(sources)
    stop = min(start + BLOCK_ROWS, n)
    rows = np.arange(start, stop)
    grid_l, grid_r = np.meshgrid(rows, np.arange(start, n), indexing="ij")
    mask = (grid_r > grid_l) & (sources[grid_l] != sources[grid_r])
    left, right = grid_l[mask], grid_r[mask]
    # Sparse signals, word order and length come from the library; strings from cdist below.
    x = pair_features(prep, left, right, skip=skip | _STRINGS)
    for name, scorer, texts in (
        ("token_set", fuzz.token_set_ratio, prep.texts),
        ("token_sort", fuzz.token_sort_ratio, prep.texts),
        ("ratio", fuzz.ratio, prep.texts),
        ("content_set", fuzz.token_set_ratio, prep.content),
    ):
        if name in skip:
            continue
        grid: Any = process.cdist(
            texts[start:stop], texts[start:], scorer=scorer, workers=-1, dtype=np.float32
        )
        x[:, FEATURES.index(name)] = np.asarray(grid)[mask].astype(np.float64) / 100.0
    return left, right, x


_STRINGS = frozenset({"token_set", "token_sort", "ratio", "content_set"})
