"""Comment rather than report: a sentence only one outlet has, with nothing in it to
check (no figure, date, quote, attribution or name) and the marks of opinion."""

from __future__ import annotations

import re

from claimdiff.lexicon import OPINION_MARKERS
from claimdiff.models import Claim

_MARKERS_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in OPINION_MARKERS) + r")",
    re.IGNORECASE,
)


def is_opinion(claim: Claim) -> bool:
    if claim.quantities or claim.dates or claim.quotes or claim.attributions or claim.entities:
        return False
    return bool(_MARKERS_RE.search(claim.text))
