"""Names the text itself equates: "the Kurils, which Japan refers to as the Northern
Territories", "known as", "also called", "dubbed". The outlets' names for that one
place, group or thing are then shown side by side."""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimdiff.models import Claim, Framing
from claimdiff.textnorm import normalise

_ALIAS_RE = re.compile(
    r"(?:,\s*(?:which|that|what)\s+[^,]{0,40}?\b(?:refers?\s+to|calls?|knows?|describes?)\s+"
    r"(?:them|it|as)?\s*as|,?\s*(?:known|referred\s+to|also\s+called|also\s+known|dubbed|called)"
    r"(?:\s+as)?)\s+(?:the\s+)?(?P<alias>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)"
)


# What every alias phrase above contains ("refers to", "calls", "known as", "dubbed"...).
_ALIAS_WORDS = ("refer", "call", "know", "describ", "dubbed")


def _family(name: str) -> set[str]:
    """Words of a name, singular, so "Kurils" and "Kuril Islands" meet."""
    return {w[:-1] if w.endswith("s") else w for w in normalise(name).split() if len(w) > 3}


def alias_entries(claims: Sequence[Claim], order: Sequence[str]) -> list[Framing]:
    pairs: list[tuple[set[str], str, str]] = []  # (family of X, the alias as words, claim id)
    for c in claims:
        if not any(word in c.text for word in _ALIAS_WORDS):
            continue  # most sentences: a cheap test instead of the pattern
        for m in _ALIAS_RE.finditer(c.text):
            before = [e for e in c.entities if e.text in c.text[: m.start()]]
            if not before:
                continue
            target = before[-1].text
            alias = m.group("alias")
            if _family(target) & _family(alias):
                continue
            pairs.append((_family(target), normalise(alias), c.id))
    out = []
    seen: list[tuple[set[str], str]] = []
    for fam_x, alias_key, _ in pairs:
        if any(fam_x <= f and alias_key == a for f, a in seen):
            continue
        seen.append((fam_x, alias_key))
        terms: dict[str, list[str]] = {}
        ids = []
        for c in claims:
            for e in c.entities:
                # The target's distinctive words, or the alias as a whole phrase.
                named = _family(e.text) & fam_x or alias_key in normalise(e.text)
                if named and e.text not in terms.setdefault(c.source, []):
                    terms[c.source].append(e.text)
                    ids.append(c.id)
        shown = {s: tuple(terms[s]) for s in order if terms.get(s)}
        if len(shown) < 2:
            continue
        summary = "one place or thing, named differently: " + "; ".join(
            f"{s}: " + ", ".join(f"'{t}'" for t in ts) for s, ts in shown.items()
        )
        out.append(Framing("label", summary, shown, tuple(dict.fromkeys(ids))))
    return out
