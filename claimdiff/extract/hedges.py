"""Hedges: words by which a writer declines to vouch for a claim."""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimdiff.lexicon import HEDGE_PHRASES, MODAL_HEDGES
from claimdiff.textnorm import fold_case

_EVIDENTIAL = [p for p in HEDGE_PHRASES if p != "according to"]
_HEDGE_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(p) for p in sorted(_EVIDENTIAL, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
# The phrases as plain substrings of the case-folded text: most sentences contain
# none and skip the pattern. One search over all of them is several times faster
# than testing each ("in" on 45 phrases), and reading wording runs it on tens of
# thousands of phrases.
_HEDGE_HINT_RE = re.compile("|".join(re.escape(p.casefold()) for p in _EVIDENTIAL))
# Modals only in lower case: "May" is usually the month.
_MODAL_RE = re.compile(r"\b(?:" + "|".join(MODAL_HEDGES) + r")\b")


@dataclass(frozen=True)
class FoundHedge:
    start: int
    end: int
    text: str
    modal: bool


def find_hedges(text: str) -> list[FoundHedge]:
    hinted = _HEDGE_HINT_RE.search(fold_case(text)) is not None
    matches = _HEDGE_RE.finditer(text) if hinted else ()
    out = [FoundHedge(m.start(), m.end(), m.group(), False) for m in matches]
    taken = [(h.start, h.end) for h in out]
    for m in _MODAL_RE.finditer(text):
        if not any(a <= m.start() < b for a, b in taken):
            out.append(FoundHedge(m.start(), m.end(), m.group(), True))
    out.sort(key=lambda h: h.start)
    return out
