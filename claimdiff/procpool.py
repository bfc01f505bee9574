"""The one way claimdiff starts worker processes (a large comparison, a batch)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor


def process_pool(
    workers: int | None, preload: Sequence[str], initializer: Callable[[], object] | None = None
) -> ProcessPoolExecutor:
    """A pool whose workers start from a forkserver with ``preload`` imported once.

    forkserver, not fork: a worker must never be a fork of a process whose rapidfuzz
    or BLAS threads may hold a lock; and not spawn, which imports everything again
    in every worker."""
    import multiprocessing

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(preload))
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=initializer)
