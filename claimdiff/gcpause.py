"""Pausing Python's cycle collector while a comparison or a report is built.

The collector walks every live container object each time enough new ones pile
up. A comparison of 10,000 claims builds millions (claims, facts, pairs, report
records) and creates no reference cycles, so those walks are pure cost (about
half a second there). The previous state is restored on the way out, and nothing
is lost: cycles made meanwhile are collected once collection resumes.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def without_cycle_collection(fn: Callable[P, R]) -> Callable[P, R]:
    @wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with no_cycle_collection():
            return fn(*args, **kwargs)

    return wrapper
