"""Direct quotes and who said them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimdiff.extract.names import NAME_RUN_RE, find_names
from claimdiff.lexicon import REPORTING_VERBS

_PAIRS = (("“", "”"), ('"', '"'))
_VERB = "|".join(sorted(REPORTING_VERBS, key=len, reverse=True))
_PRONOUN = r"he|she|they|it|we|I"
_AFTER_VERB_FIRST = re.compile(rf"^[\s,]*(?P<verb>{_VERB})\s+(?P<who>[^,.;:!?“\"]+)")
_AFTER_WHO_FIRST = re.compile(
    rf"^[\s,]*(?P<who>(?:{_PRONOUN})\b|[A-Z][^,.;:!?“\"]*?)\s+(?P<verb>{_VERB})\b"
)
_VERB_RE = re.compile(rf"\b(?:{_VERB})\b")
_WHO = rf"\b(?:{_PRONOUN})\b|{NAME_RUN_RE.pattern}|\b(?:[Tt]he|[Aa]n?)\s+[a-z]+(?:\s+[a-z]+)?"
# "Peskov said", then "the spokesman, Dmitry Peskov, said" (the name in the apposition wins).
_SUBJECT_RES = (
    re.compile(rf"(?P<who>{_WHO})\s*$"),
    re.compile(rf"(?P<who>{_WHO}),\s*$"),
    re.compile(rf"(?P<who>{_WHO}),[^,]{{1,60}},\s*$"),
)
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})


@dataclass(frozen=True)
class FoundQuote:
    start: int  # the quoted words, without the marks
    end: int
    text: str
    speaker: str | None


def find_quotes(text: str) -> list[FoundQuote]:
    spans: list[tuple[int, int]] = []
    for open_mark, close_mark in _PAIRS:
        pos = 0
        while True:
            a = text.find(open_mark, pos)
            if a < 0:
                break
            b = text.find(close_mark, a + 1)
            end = b if b >= 0 else len(text)  # the quote runs on into the next sentence
            if b < 0 and open_mark == '"' and text.count('"') % 2 == 0:
                break
            spans.append((a + 1, end))
            pos = end + 1
    out = []
    for a, b in sorted(spans):
        inner = text[a:b].strip()
        inner = inner.rstrip(",")
        if len(inner.split()) < 2:
            continue  # a quoted term ("so-called") is framing, not a quote
        start = a + (len(text[a:b]) - len(text[a:b].lstrip()))
        out.append(FoundQuote(start, start + len(inner), inner, _speaker(text, a - 1, b + 1)))
    return out


def _speaker(text: str, open_at: int, close_after: int) -> str | None:
    after = text[close_after:]
    m = _AFTER_VERB_FIRST.match(after)
    if m:
        return _person(m.group("who"))
    m = _AFTER_WHO_FIRST.match(after)
    if m:
        return _person(m.group("who"))
    # Otherwise the subject of the last reporting verb before the quote.
    before = text[: max(open_at, 0)]
    verbs = list(_VERB_RE.finditer(before))
    if verbs:
        return subject_of(before[: verbs[-1].start()])
    return None


def subject_of(before_verb: str) -> str | None:
    """The person or body that a reporting verb's subject names."""
    head = before_verb.rstrip()
    for rx in _SUBJECT_RES:
        m = rx.search(head)
        if m:
            who = _person(m.group("who"))
            if who:
                return who
    return None


def attributions(text: str) -> list[str]:
    """Named subjects of reporting verbs outside quotes: 'Dmitry Peskov, said ...'."""
    out = []
    for m in _VERB_RE.finditer(text):
        who = subject_of(text[: m.start()])
        if who and who not in PRONOUNS:
            out.append(who)
    return out


def _person(phrase: str) -> str | None:
    """'Kremlin spokesman Dmitry Peskov, who ...' -> 'Dmitry Peskov'; 'he' stays 'he'."""
    phrase = phrase.strip()
    if phrase.lower() in PRONOUNS:
        return phrase.lower()
    names = find_names(phrase)
    if names:
        return names[-1].text
    if phrase[:1].isupper():
        return None  # a capitalised common word ("Afterwards") is not a speaker
    words = phrase.split()
    if 1 <= len(words) <= 5:
        return phrase  # "the minister", "a spokesman"
    return None
