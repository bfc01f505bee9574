"""The two nltk modules claimdiff uses, imported without nltk's package ``__init__``.

``import nltk`` imports nearly all of nltk (and numpy, and scipy when present):
about 0.4 s, most of a one-story run. Punkt and the Porter stemmer need a
dozen small modules, so they are loaded under placeholder parent packages
that skip the package ``__init__``, and every ``nltk`` entry is then removed
from ``sys.modules`` again: a later ``import nltk`` elsewhere in the process
gets the real, complete package. When nltk is already imported, it is used
as it is.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
import threading
import types
from functools import lru_cache
from typing import Any

_PARENTS = ("nltk", "nltk.tokenize", "nltk.stem")
_lock = threading.Lock()


@lru_cache(maxsize=1)
def modules() -> tuple[Any, Any]:
    """(nltk.tokenize.punkt, nltk.stem.porter)."""
    names = ("nltk.tokenize.punkt", "nltk.stem.porter")
    with _lock:
        if "nltk" in sys.modules:
            return tuple(importlib.import_module(n) for n in names)  # type: ignore[return-value]
        spec = importlib.util.find_spec("nltk")
        if spec is None or not spec.submodule_search_locations:
            raise ModuleNotFoundError("claimdiff needs nltk: pip install nltk")
        root = next(iter(spec.submodule_search_locations))
        for parent in _PARENTS:
            stub = types.ModuleType(parent)
            stub.__path__ = [os.path.join(root, *parent.split(".")[1:])]
            stub.__package__ = parent
            sys.modules[parent] = stub
        try:
            return tuple(importlib.import_module(n) for n in names)  # type: ignore[return-value]
        finally:
            for name in [m for m in sys.modules if m == "nltk" or m.startswith("nltk.")]:
                del sys.modules[name]
