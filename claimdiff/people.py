"""Who is who across a report, without a hand-made list of names.

Full names teach surnames ("Fumio Kishida" makes a later "Kishida" the same
person), and descriptions in apposition teach titles ("The Japanese foreign
minister, Fumio Kishida, said" makes "the Japanese foreign minister" Kishida
in any source).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from claimdiff.extract.names import is_person, split_title
from claimdiff.lexicon import STOPWORDS
from claimdiff.models import Claim
from claimdiff.textnorm import normalise

_DETERMINERS = re.compile(r"^(?:the|a|an)\s+")
_POSSESSIVE = re.compile(r"[’']s?\b")


def _phrase_key(text: str) -> str:
    return _DETERMINERS.sub("", normalise(_POSSESSIVE.sub("", text)))


class People:
    def __init__(self, claims: Iterable[Claim]) -> None:
        self._keys: dict[str, str] = {}  # memo: the same names recur in every group
        self._surnames: dict[str, str] = {}  # surname -> full name
        self._titles: dict[str, str] = {}  # "japanese foreign minister" -> full name
        for c in claims:
            for a in c.attributions:
                if is_person(a.who):
                    self._surnames.setdefault(a.who.split()[-1].lower(), a.who)
                    if a.title:
                        self._titles.setdefault(_phrase_key(a.title), split_title(a.who)[1])
            for e in c.entities:
                title, name = split_title(e.text)
                if is_person(e.text) and len(name.split()) >= 2:
                    self._surnames.setdefault(name.split()[-1].lower(), name)
                    if title:
                        self._titles.setdefault(_phrase_key(title), name)

    def key(self, who: str) -> str:
        """An identity key: the same for every way of naming one person or body."""
        cached = self._keys.get(who)
        if cached is None:
            cached = self._keys[who] = self._key(who)
        return cached

    def _key(self, who: str) -> str:
        words = split_title(who)[1].split()
        if words and words[-1].lower() in self._surnames and len(words) <= 5:
            return "person:" + words[-1].lower()
        phrase = _phrase_key(who)
        if phrase in self._titles:
            return "person:" + self._titles[phrase].split()[-1].lower()
        # "the spokeswoman" after "Eleni Papadaki, a spokeswoman for the coastguard":
        # a role named by a title given once, if that title belongs to one person only.
        role = set(phrase.split()) - STOPWORDS
        owners = {
            name for title, name in self._titles.items() if role and role <= set(title.split())
        }
        if len(owners) == 1:
            return "person:" + owners.pop().split()[-1].lower()
        return "body:" + phrase

    def same(self, a: str, b: str) -> bool:
        ka, kb = self.key(a), self.key(b)
        if ka == kb:
            return True
        if ka.startswith("body:") and kb.startswith("body:"):
            wa, wb = set(ka[5:].split()), set(kb[5:].split())
            return bool(wa and wb) and (
                wa <= wb or wb <= wa
            )  # "russian media" / "russian media outlets"
        return False

    def describe(self, who: str, title: str | None) -> str:
        return f"{who} ({title})" if title and title.lower() not in who.lower() else who
