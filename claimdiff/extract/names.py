"""Names: capitalised spans that are proper nouns rather than sentence openers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claimdiff.lexicon import MONTHS, NON_NAME_CAPITALS, STOPWORDS, WEEKDAYS

_CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS)

_PARTICLES = r"(?:of|for|de|del|della|da|das|dos|du|la|le|von|van|der|den|al|el|bin|ibn|ben)"
_WORD = r"[A-Z][\w’'.&-]*"
NAME_RUN_RE = re.compile(rf"{_WORD}(?:(?:\s+{_PARTICLES})?\s+{_WORD})*")
_POSSESSIVE_RE = re.compile(r"(?:’s|'s|’|')$")
# Punkt's orthographic flags (nltk.tokenize.punkt): seen lower-case anywhere.
_ORTHO_LC = (1 << 4) | (1 << 5) | (1 << 6)


@dataclass(frozen=True)
class FoundName:
    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def _ortho() -> dict[str, int]:
    from claimdiff.segment import tokenizer

    return dict(tokenizer()._params.ortho_context)


def is_common_word(word: str, known: frozenset[str] = frozenset()) -> bool:
    """True for a word English also writes in lower case ("Following", "Officials"),
    unless this document capitalises it mid-sentence (then it is a name here: "China")."""
    w = word.lower().strip(".’'")
    if w in NON_NAME_CAPITALS or w in STOPWORDS:
        return True
    if w in known:
        return False
    return bool(_ortho().get(w, 0) & _ORTHO_LC)


def mid_sentence_capitals(text: str) -> frozenset[str]:
    """Lower-cased words a text capitalises where no sentence starts: its names."""
    out = set()
    for m in re.finditer(r"(?<=[a-z,;] )[A-Z][\w’'-]+", text):
        out.add(m.group().lower().strip("’'"))
    return frozenset(out)


_INSTITUTION = frozenset(
    """
    ministry ministries department office agency council committee commission party union
    court parliament senate congress assembly government administration bank fund group
    company corporation university institute service services police army navy force forces
    fleet media news press times post journal herald daily guardian telegraph tribune
    association organisation organization federation foundation authority board bureau
    airport station hospital school church republic kingdom states nations islands island
    coalition alliance front movement league club united city region province district
    guard coastguard brigade regiment battalion division command ministry embassy consulate
    sea ocean river lake gulf bay strait valley mountains mountain tv radio
    """.split()
)
# Titles written before a name ("Deputy Foreign Minister Igor Morgulov"): general English.
TITLE_WORDS = frozenset(
    """
    president vice prime minister deputy foreign interior defence defense finance health
    spokesman spokeswoman spokesperson secretary chancellor governor mayor senator
    representative rep sen gov gen general lieutenant colonel col major maj captain capt admiral
    chief chairman chairwoman chair director ambassador envoy king queen prince princess
    sheikh emir pope cardinal archbishop bishop judge justice commissioner head leader
    presidential premier chancellor mr mrs ms dr prof professor sir dame lord lady coach
    manager ceo executive officer inspector superintendent sergeant commander
    lt cdr cmdr sgt capt cpl pte brig adm insp det supt rev chairperson
    """.split()
)


_PARTICLE_WORDS = frozenset(
    "of for de del della da das dos du la le von van der den al el bin ibn ben".split()
)


@lru_cache(maxsize=100_000)
def is_person(name: str) -> bool:
    """Two to four capitalised words that name no institution: a person's name."""
    words = name.split()
    person = split_title(name)[1].split()
    capitalised = all(w[:1].isupper() or w.lower() in _PARTICLE_WORDS for w in words)
    return (
        capitalised
        and 1 <= len(person) <= 4
        and len(words) >= 2
        and not any(w.lower().strip(".’'") in _INSTITUTION for w in words)
    )


@lru_cache(maxsize=100_000)
def split_title(name: str) -> tuple[str | None, str]:
    """'Russian Deputy Foreign Minister Igor Morgulov' -> ('Russian Deputy Foreign
    Minister', 'Igor Morgulov'); a name without a title comes back unchanged."""
    words = name.split()
    if any(w.lower().strip(".’'") in _INSTITUTION for w in words):
        return None, name  # "Ministry of Foreign Affairs" is a body, not a titled person
    last = max((i for i, w in enumerate(words) if w.lower().strip(".") in TITLE_WORDS), default=-1)
    if last < 0 or last == len(words) - 1:
        return None, name
    rest = words[last + 1 :]
    while len(rest) > 2 and rest[0].lower() in ("of", "for"):
        rest = rest[2:]  # "Secretary of State Antony Blinken"
    if not rest or rest[0].lower() in ("of", "for"):
        return None, name
    title = " ".join(words[: len(words) - len(rest)])
    return title, " ".join(rest)


def find_names(
    text: str, *, title_case: bool = False, known: frozenset[str] | None = None
) -> list[FoundName]:
    """Capitalised spans; a sentence opener is dropped when it is a common word.

    In a title-case headline every word is capitalised, so only words that are
    not common English words count there.
    """
    if known is None:  # a title-case headline capitalises everything: no evidence there
        known = frozenset() if title_case else mid_sentence_capitals(text)
    out: list[FoundName] = []
    for m in NAME_RUN_RE.finditer(text):
        words = [
            (m.start() + w.start(), m.start() + w.end()) for w in re.finditer(r"\S+", m.group())
        ]
        opener = _is_opener(text, m.start())
        keep = [
            not ((title_case or (opener and i == 0)) and is_common_word(text[a:b], known))
            for i, (a, b) in enumerate(words)
        ]
        run: list[tuple[int, int]] = []
        for (a, b), ok in zip(words, keep):
            if (ok and text[a].isupper()) or (ok and run):
                run.append((a, b))
                # A possessive closes a name: "Japan's Ministry of ..." is two names.
                if _POSSESSIVE_RE.search(text[a:b]):
                    _emit(text, run, out)
                    run = []
            else:
                _emit(text, run, out)
                run = []
        _emit(text, run, out)
    return out


def _emit(text: str, run: list[tuple[int, int]], out: list[FoundName]) -> None:
    while run and not text[run[-1][0]].isupper():
        run.pop()  # a name does not end on a particle ("of")
    if not run:
        return
    a, b = run[0][0], run[-1][1]
    span = _trim(text[a:b])
    if span and span.lower() not in NON_NAME_CAPITALS and span.lower() not in _CALENDAR:
        out.append(FoundName(a, a + len(span), span))


def _is_opener(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" “\"‘'(")
    return not before or before[-1] in ".!?:;—–-"


def _trim(span: str) -> str:
    span = _POSSESSIVE_RE.sub("", span)
    if span.endswith(".") and not re.search(r"\b(?:[A-Z]\.)+$", span):
        span = span[:-1]
    return span.strip("-’'")
