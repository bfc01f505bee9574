"""Who a claim is attributed to, and through whom.

"The Japanese foreign minister, Fumio Kishida, said ..., the Kyodo news agency
reported" gives two attributions: Fumio Kishida (titled "the Japanese foreign
minister"), and the Kyodo news agency as the channel that relayed it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimdiff.extract.names import find_names, is_person, split_title
from claimdiff.lexicon import REPORTING_VERBS

_VERB = "|".join(sorted(REPORTING_VERBS, key=len, reverse=True))
_VERB_RE = re.compile(rf"\b(?:{_VERB})\b|\b[Aa]ccording to\b")
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
# Between a subject and its verb: "Russia has repeatedly said", "officials later told".
_AUX_RE = re.compile(
    r"(?:\s+(?:has|have|had|was|were|is|are|also|again|then|would|will|could|may|might|had\s+been"
    r"|has\s+been|always|already|long|still|never|just|once|even|now|later|earlier|first|last"
    r"|[a-z]+ly))+\s*$"
)
# "was reported", "has been claimed", "are urged": a passive names no speaker before the verb.
_PASSIVE_RE = re.compile(
    r"\b(?:was|were|is|are|be|been|being|get|got)\s+(?:\w+ly\s+)?$", re.IGNORECASE
)
# Words that end a subject phrase when reading backwards from the verb.
_BOUNDARY_RE = re.compile(
    r"(?:^|[,.;:!?“”\"(]|\b(?:that|which|who|whom|and|but|when|after|before|as|if|because|while"
    r"|where|although|though|since|so|yet|than|then|with|for|from|in|on|at|to|into|over|under"
    r"|about|amid|during|without)\b)\s*(?=[^,.;:!?“”\"(]*$)",
    re.IGNORECASE,
)
_CHANNEL_WORDS = re.compile(
    r"\b(?:media|agency|agencies|newspaper|paper|outlets?|press|television|tv|broadcaster|radio"
    r"|news|reports?|sources|website|daily|wire|channel|journalists?)\b",
    re.IGNORECASE,
)
_DETERMINER_RE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_APPOSITION_AFTER_RE = re.compile(
    r",\s+(?P<title>(?:a|an|the)\s+[^,.;:!?“”\"]{2,60})(?=[,.;:!?]|$)"
)
_APPOSITION_RE = re.compile(r"([^,.;:!?“”\"]+),\s*([^,.;:!?“”\"]+),\s*$")
_NOT_A_SOURCE = frozenset({"it", "this", "that", "which", "there", "what", "who"})
_LEADING_JUNK_RE = re.compile(r"^(?:what|which|whom|who|whose|and|but|so|then)\s+", re.IGNORECASE)
_BASE_SUBJECT_RE = re.compile(r"(?:\b(?:they|we|you|i)|[a-z]{3,}[^s\W]s)\s+$")
_MAX_WORDS = 8


@dataclass(frozen=True)
class FoundAttribution:
    start: int  # the phrase naming the source, as written
    end: int
    who: str  # a person's name when the phrase has one, else the phrase ("Russian media")
    title: str | None  # the description in apposition ("the Japanese foreign minister")
    verb: str
    channel: bool  # a medium that relays the claim rather than makes it


# The word before a verb form that is really a noun or a participle: "by reports",
# "lays claim", "the report", "islands claimed by Japan".
_NOUN_BEFORE_RE = re.compile(
    r"\b(?:by|of|the|a|an|its|their|his|her|our|your|these|those|such|lays?|laid|made|make|after"
    r"|amid|following|despite|new|latest|earlier|previous)\s+$",
    re.IGNORECASE,
)
# "media reports say" (a noun) but "media reported" (a verb).
_NOUN_S_BEFORE_RE = re.compile(r"\b(?:media|press|news|police|court|official)\s+$", re.IGNORECASE)
_PASSIVE_AFTER_RE = re.compile(r"^\s+by\b")
# Base forms ("say", "claim", "report") are mostly nouns or infinitives in news copy.
_FINITE = frozenset(
    v for v in REPORTING_VERBS if v.endswith(("ed", "s", "ing")) or v in {"said", "told", "wrote"}
)


def _last_words(text: str, end: int, size: int = 40) -> str:
    """The end of ``text[:end]``: its trailing spaces and at least ``size`` characters
    before them, starting after a space. A pattern anchored at the end and starting at
    a word boundary matches this exactly as it matches the whole prefix, without
    trying every earlier position of a long sentence."""
    k = end
    while k > 0 and text[k - 1].isspace():
        k -= 1
    i = max(0, k - size)
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return text[i:end]


def find_attributions(text: str) -> list[FoundAttribution]:
    out: list[FoundAttribution] = []
    for m in _VERB_RE.finditer(text):
        verb = m.group()
        before = text[max(0, m.start() - 40) : m.start()]
        base_ok = verb not in _FINITE and bool(_BASE_SUBJECT_RE.search(before))  # "observers say"
        tail = _last_words(text, m.start())
        if verb.lower() != "according to" and (
            (verb not in _FINITE and not base_ok)
            or _PASSIVE_RE.search(before)
            or _NOUN_BEFORE_RE.search(tail)
            or (verb.endswith("s") and _NOUN_S_BEFORE_RE.search(tail))
            or _PASSIVE_AFTER_RE.match(text[m.end() :])
        ):
            continue
        found = _according_to(text, m) if verb.lower() == "according to" else _subject(text, m)
        if found and not any(a.start == found.start for a in out):
            out.append(found)
    return out


def _make(text: str, a: int, b: int, title: str | None, verb: str) -> FoundAttribution | None:
    phrase = text[a:b].strip(" ,()[]")
    lead = len(text[a:b]) - len(text[a:b].lstrip(" ,()[]"))
    junk = _LEADING_JUNK_RE.match(phrase)
    if junk:  # "what analysts said" -> analysts
        phrase, lead = phrase[junk.end() :], lead + junk.end()
    a += lead
    b = a + len(phrase)
    if not phrase or phrase.lower() in _NOT_A_SOURCE:
        return None
    last = phrase.split()[-1].lower()
    if last in PRONOUNS:  # "... 3 per cent, it said": the subject is the pronoun
        return FoundAttribution(b - len(last), b, last, None, verb, False)
    if any(ch.isdigit() for ch in phrase):
        return None  # figures are what is said, not who says it
    people = [n for n in find_names(phrase) if is_person(n.text)]
    who = people[-1].text if people else _DETERMINER_RE.sub("", phrase)
    if people:
        styled, who = split_title(who)
        rest = (phrase[: people[-1].start] + (styled or "")).strip(" ,’'s")
        title = title or rest or None
    if title and _DETERMINER_RE.sub("", title + " ").strip() == "":
        title = None  # "the" alone is not a title
    # A medium relays ("Russian media reported"); a company reporting results does not.
    channel = bool(_CHANNEL_WORDS.search(phrase)) and not people
    return FoundAttribution(a, b, who, title, verb, channel)


def _according_to(text: str, m: re.Match[str]) -> FoundAttribution | None:
    rest = text[m.end() :]
    # A full stop ends it only as a sentence would: "the U.N. agency" goes on.
    stop = re.search(r"[,;:!?“”\"]|\.(?=\s+[A-Z]|\s*$)|\b(?:that|which|who)\b", rest)
    end = m.end() + (stop.start() if stop else len(rest))
    return _make(text, m.end(), end, None, "according to")


def _subject(text: str, m: re.Match[str]) -> FoundAttribution | None:
    verb = m.group()
    before = text[: m.start()]
    after = text[m.end() :]
    inverted = re.match(r"\s+(?:[A-Z]|the\s)", after)
    # Inverted order after a quote: "..., explained Kremlin spokesman Dmitry Peskov, who ..."
    if inverted and re.search(r"[”\"],?\s*$", before):
        return _inverted(text, m, verb)
    head = _AUX_RE.sub("", before)
    # An apposition "the spokesman, Dmitry Peskov, said": the name is who, the rest a title.
    # (Tried only on a head ending in a comma: on any other the pattern fails, slowly.)
    appo = _APPOSITION_RE.search(head) if head.rstrip().endswith(",") else None
    if appo and not re.match(r"\s*(?:who|which|that|where|whose)\b", appo.group(2)):
        first, second = appo.group(1), appo.group(2)
        first_start = _phrase_start(head[: appo.end(1)])
        first = head[first_start : appo.end(1)]
        # The part that names a person is who; the other part is the title. With no
        # name on either side, the head of the phrase is who ("the group, a charity,").
        second_named = any(is_person(n.text) for n in find_names(second))
        first_named = any(is_person(n.text) for n in find_names(first))
        if second_named or (not first_named and len(second.split()) <= 2):
            return _make(text, appo.start(2), appo.end(2), first.strip() or None, verb)
        return _make(text, first_start, appo.end(1), second.strip(), verb)
    if inverted and re.search(r",\s*$", before):
        return _inverted(text, m, verb)  # "The plan was sound, said Jane Smith."
    if re.search(r"[,”\"]\s*$", head):
        return None  # "…,” he said" has a pronoun; a bare comma before the verb has no subject
    start = _phrase_start(head)
    return _make(text, start, len(head), None, verb) if start < len(head) else None


def _inverted(text: str, m: re.Match[str], verb: str) -> FoundAttribution | None:
    after = text[m.end() :]
    stop = re.search(r"[,.;:!?“”\"]|\b(?:who|which|that|on|in|at)\b", after)
    end = m.end() + (stop.start() if stop else len(after))
    # "..., said Jane Doe, a spokeswoman for the coastguard."
    appo = _APPOSITION_AFTER_RE.match(text, end)
    # "..., said the Cabinet Secretary for Health, Dr Halima Warsame."
    name_after = re.match(r",\s+((?:[A-Z][\w.’'-]*\s+){1,5}[A-Z][\w’'-]+)", text[end:])
    phrase = text[m.end() : end]
    if name_after and not any(is_person(n.text) for n in find_names(phrase)):
        a = end + name_after.start(1)
        return _make(text, a, a + len(name_after.group(1)), phrase.strip(), verb)
    return _make(text, m.end(), end, appo.group("title") if appo else None, verb)


def _phrase_start(head: str) -> int:
    """Where the noun phrase that ends ``head`` begins (at most _MAX_WORDS words back)."""
    cut = 0
    for b in _BOUNDARY_RE.finditer(head):
        cut = b.end()
    words = list(re.finditer(r"\S+", head[cut:]))
    if len(words) > _MAX_WORDS:
        cut += words[-_MAX_WORDS].start()
    return cut
