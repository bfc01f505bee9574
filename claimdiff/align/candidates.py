"""Which claim pairs are worth scoring at all.

Small comparisons score every cross-source pair. Large ones use blocking
(``blocking.py``): only pairs that share rare content words, names or figures
are scored, so cost grows with the claims rather than with their square.
"""

from __future__ import annotations

import numpy as np

from claimdiff.align.blocking import blocked_pairs
from claimdiff.align.features import IntArray, Prepared

# Up to this many pairs scoring everything is fast (well under a second) and
# exactly what the calibration measured, so results on ordinary stories never
# depend on blocking.
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
