"""Allocator settings for a process that runs large comparisons.

Alignment of 10,000 claims builds numpy temporaries of tens of megabytes again
and again (posting pairs, sort keys, feature columns). glibc hands each one out
as a fresh memory mapping and unmaps it when freed, so every page is faulted in
anew each time; numpy also asks the kernel for huge pages on them, which with
the common ``defrag=madvise`` setting makes a fault wait for memory compaction.
On the 2-core VMs claimdiff is benchmarked on, that was over a second of system
time in alignment alone (``make bench``; the README's Performance section).

``tune_allocator`` keeps freed memory in the process for reuse and turns off
numpy's huge-page advice. It changes no result, only where memory comes from.
It is process-wide and not undone, so the CLI calls it (it owns its process);
library callers may call it themselves. Off Linux/glibc the allocator settings
do nothing; the numpy setting applies everywhere.
"""

from __future__ import annotations

import ctypes
import os
import sys

# mallopt parameters (malloc.h).
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
# Blocks this large or larger are still mapped on their own: far above any array
# a comparison makes, so those come from the reusable heap instead.
_MMAP_THRESHOLD = 1 << 30
_OLD_GLIBC_MAX = 32 << 20
# Free memory at the top of the heap is returned to the kernel only past this.
_TRIM_THRESHOLD = 1 << 30


def tune_allocator() -> bool:
    """Apply the settings; True if glibc accepted them."""
    # Read by numpy when it is imported (in this process and in workers started
    # later); a value the user set wins.
    os.environ.setdefault("NUMPY_MADVISE_HUGEPAGE", "0")
    numpy_core = sys.modules.get("numpy._core.multiarray")
    setter = getattr(numpy_core, "_set_madvise_hugepage", None)
    if setter is not None and os.environ["NUMPY_MADVISE_HUGEPAGE"] == "0":
        setter(False)  # numpy was imported before the variable was set
    # glibc before about 2.35 refuses mapping thresholds above 32 MiB: take that then.
    mapped = _mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD) or _mallopt(
        _M_MMAP_THRESHOLD, _OLD_GLIBC_MAX
    )
    trimmed = _mallopt(_M_TRIM_THRESHOLD, _TRIM_THRESHOLD)
    return mapped and trimmed


def _mallopt(param: int, value: int) -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt  # the C library this process runs on
    except (OSError, AttributeError):
        return False  # not glibc (musl has no mallopt)
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    return bool(mallopt(param, value))
