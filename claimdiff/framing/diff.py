"""Word-level differences between aligned claims, and what kind of choice each is.

Two versions of one claim are aligned word by word (rapidfuzz's opcodes over
word sequences), giving the phrases one source replaced, added or left out.
A replacement is then classified: a reporting verb ("explained" / "told
journalists"), a hedge, an intensifier, an evaluative or loaded word ("protesters"
/ "rioters"), or a label: the modifiers chosen for the same thing ("disputed
islands" / "contested islands"). Labels come from the alignment itself: the two
phrases sit in the same place around words both versions share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from claimdiff.extract.hedges import find_hedges
from claimdiff.lexicon import (
    EVALUATIVE,
    INTENSIFIERS,
    LEGITIMACY,
    MONTHS,
    REPORTING_VERBS,
    STOPWORDS,
    WEEKDAYS,
)
from claimdiff.textnorm import normalise as _normalise

_WORD_RE = re.compile(r"\S+")


@lru_cache(maxsize=200_000)
def normalise(text: str) -> str:
    """Normalised words, cached: the same words and phrases recur in every pair."""
    return _normalise(text)


MAX_PHRASE = 6  # longer replacements are rewordings, not word choices


class Change(NamedTuple):
    """One phrase one version replaced, added or left out (a named tuple: reading a
    large comparison makes tens of thousands, and a frozen dataclass is several
    times slower to build)."""

    tag: str  # replace | insert | delete
    a: str  # the phrase in the first claim ("" for an insertion)
    b: str  # the phrase in the second claim ("" for a deletion)
    kind: str | None  # reporting_verb | hedge | intensifier | evaluative | label | None
    anchor: str = ""  # a shared content word next to the change: what the label names
    premodifier: bool = True  # the change comes before its anchor ("disputed islands")


@dataclass(frozen=True)
class _Words:
    surface: list[str]
    norm: list[str]  # each surface word normalised ("" for punctuation alone)
    keys: list[str]  # ``norm``, with punctuation kept as it is: what the diff aligns
    capitalised: frozenset[str]  # normalised words written capitalised after the first


@lru_cache(maxsize=50_000)
def _words(text: str) -> _Words:
    """A claim's words, cached: a claim is compared with several others."""
    surface = _WORD_RE.findall(text)
    norm = [normalise(w) for w in surface]
    keys = [n or w for n, w in zip(norm, surface)]
    caps = frozenset(n for w, n in zip(surface[1:], keys[1:]) if w[:1].isupper())
    return _Words(surface, norm, keys, caps)


def _same_words(a: list[str], b: list[str]) -> bool:
    """Do two runs of normalised words read the same? (normalise() of each phrase
    joined, without normalising the phrase again: tokens never cross a space)."""
    return " ".join(filter(None, a)) == " ".join(filter(None, b))


def word_changes(a: str, b: str) -> list[Change]:
    """The phrases that differ between two versions of a claim, classified."""
    from rapidfuzz.distance import Levenshtein

    wa, wb = _words(a), _words(b)
    sa, na, sb, nb = wa.surface, wa.keys, wb.surface, wb.keys
    # Adjacent edits are one change: "explained" -> "told journalists", not two.
    runs: list[list[int]] = []  # [src_start, src_end, dest_start, dest_end, is_equal]
    for op in Levenshtein.opcodes(na, nb):
        equal = int(op.tag == "equal")
        if runs and not equal and not runs[-1][4]:
            runs[-1][1], runs[-1][3] = op.src_end, op.dest_end
        else:
            runs.append([op.src_start, op.src_end, op.dest_start, op.dest_end, equal])
    out = []
    for i, (a0, a1, b0, b1, equal) in enumerate(runs):
        if equal:
            continue
        if _same_words(wa.norm[a0:a1], wb.norm[b0:b1]):
            continue  # only case or punctuation differs
        pa = " ".join(sa[a0:a1]).strip(',.;:“”"')
        pb = " ".join(sb[b0:b1]).strip(',.;:“”"')
        tag = "replace" if pa and pb else "insert" if pb else "delete"
        after = runs[i + 1] if i + 1 < len(runs) else None
        before = runs[i - 1] if i else None
        # A label is a modifier: the changed words sit right before a shared word
        # ("disputed islands" / "contested islands"), or follow it ("islands claimed by Japan").
        anchor = _first_content(na, after)
        premodifier = True
        if not anchor and all(_POSTMODIFIER_RE.match(p) for p in (pa, pb) if p):
            anchor, premodifier = _last_content(na, before), False
        if anchor and (anchor in wa.capitalised or not _noun_like(anchor)):
            anchor = ""  # names are compared as names (aliases); verbs and numbers name nothing
        kind = classify(pa, pb, anchored=bool(anchor))
        if kind is None and (len(pa.split()) > MAX_PHRASE or len(pb.split()) > MAX_PHRASE):
            # A long rewording can still carry a loaded characterisation: keep just that.
            ea, eb = evaluative_window(sa[a0:a1]), evaluative_window(sb[b0:b1])
            if ea or eb:
                out.append(Change(tag, ea, eb, "evaluative"))  # no anchor: not a label
            continue
        out.append(Change(tag, pa, pb, kind, anchor, premodifier))
    return out


_POSTMODIFIER_RE = re.compile(r"^(?:\w+ed|known|held|run|led)\s+(?:by|as)\s+\S", re.IGNORECASE)


_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty hundred "
    "thousand million billion first second third fourth fifth".split()
)


def _noun_like(word: str) -> bool:
    """Could this word be a thing something is called? Not a reporting verb, a number,
    a function word or a past participle ("said", "nine", "reported")."""
    return (
        len(word) >= 3
        and word.isalpha()
        and word not in REPORTING_VERBS
        and word not in _NUMBER_WORDS
        and word not in STOPWORDS
        and not word.endswith("ed")
    )


def _first_content(words: list[str], run: list[int] | None) -> str:
    if run is None or not run[4]:
        return ""
    return next((w for w in words[run[0] : run[1]] if w not in STOPWORDS and w.isalpha()), "")


def _last_content(words: list[str], run: list[int] | None) -> str:
    if run is None or not run[4]:
        return ""
    return next(
        (w for w in reversed(words[run[0] : run[1]]) if w not in STOPWORDS and w.isalpha()), ""
    )


def evaluative_window(words: list[str], reach: int = 2) -> str:
    """The evaluative words of a long phrase with a little context: "the sovereign right"."""
    marks = [i for i, w in enumerate(words) if normalise(w) in _LOADED]
    if not marks:
        return ""
    last = marks[0]
    for i in marks[1:]:
        if i - last > 1:
            break  # only the first cluster of loaded words
        last = i
    lo = max(0, marks[0] - reach)
    while lo < marks[0] and normalise(words[lo]) in STOPWORDS - {"well", "within", "not"}:
        lo += 1
    return " ".join(words[lo : last + 1]).strip(",.;:")


_LOADED = EVALUATIVE | LEGITIMACY


@lru_cache(maxsize=100_000)
def _phrase_words(phrase: str) -> tuple[str, ...]:
    """A phrase's words normalised one by one (every test of a change reads them)."""
    return tuple(normalise(w) for w in phrase.split())


def _bag(phrase: str) -> set[str]:
    return set(_phrase_words(phrase)) - {""}


def _speech(phrase: str) -> set[str]:
    """Reporting verbs used as verbs: "claimed by Japan" is a participle, not speech."""
    words = _phrase_words(phrase)
    return {
        w
        for i, w in enumerate(words)
        if w in REPORTING_VERBS and (i + 1 == len(words) or words[i + 1] != "by")
    }


@lru_cache(maxsize=100_000)
def classify(a: str, b: str, *, anchored: bool = True) -> str | None:
    """What kind of choice replacing ``a`` with ``b`` is (None: not a notable one);
    cached, since the same phrases differ again and again across outlets."""
    wa, wb = _bag(a), _bag(b)
    if not wa and not wb:
        return None
    if len(a.split()) > MAX_PHRASE or len(b.split()) > MAX_PHRASE:
        return None
    va, vb = _speech(a), _speech(b)
    if (va and vb and va != vb) or ((va or vb) and not (a and b)):
        return "reporting_verb"  # "explained" / "told", or a verb one version drops
    if _hedges(a) != _hedges(b):
        return "hedge"
    if (wa & EVALUATIVE) != (wb & EVALUATIVE):
        return "evaluative"  # a loaded word chosen, or chosen differently
    if (wa ^ wb) & INTENSIFIERS:
        return "intensifier"
    if anchored and _modifier(a) and _modifier(b) and (a or b) and not (wa | wb) & _NOT_LABEL:
        return "label"
    return None


@lru_cache(maxsize=100_000)
def _hedges(phrase: str) -> frozenset[str]:
    return frozenset(h.text.lower() for h in find_hedges(phrase))


def _modifier(phrase: str) -> bool:
    """Words that can modify a noun: no function words but a leading article or a 'by'
    ("claimed by Japan"), short, and no figures."""
    words = _phrase_words(phrase)
    if words and words[0] in ("the", "a", "an"):
        words = words[1:]
    if len(words) > _LABEL_WORDS or any(w.isdigit() for w in words):
        return False
    return all(w not in STOPWORDS or (w == "by" and i > 0) for i, w in enumerate(words))


_LABEL_WORDS = 4
# Words that make a change about time or figures, not about what a thing is called.
_NOT_LABEL = (
    frozenset(MONTHS)
    | frozenset(WEEKDAYS)
    | frozenset("today yesterday tomorrow week month year ago last next earlier later".split())
    # Where a thing stands in time or certainty, not what it is called: "planned visit".
    | frozenset(
        "planned upcoming forthcoming scheduled expected proposed possible potential recent "
        "former previous latest current future".split()
    )
)
