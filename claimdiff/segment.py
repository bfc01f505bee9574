"""Stage 3: split cleaned paragraphs into sentences with NLTK's Punkt.

The English Punkt parameters ship inside the package (see
``claimdiff/data/NOTICE.md``); nothing is ever downloaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from claimdiff.clean import CleanText
from claimdiff.models import Claim

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

# Abbreviations common in news copy, lower-case and without the final period,
# as Punkt stores them. Months and titles are already partly in the model.
NEWS_ABBREVIATIONS = frozenset(
    """
    u.s u.k u.n e.u u.s.a u.a.e d.c n.y l.a a.m p.m i.e e.g vs v etc approx est dept govt
    gen lt col maj capt cmdr adm sgt cpl pvt gov sen rep reps pres supt insp det const
    mr mrs ms dr prof rev fr hon st mt ft jr sr sgt messrs mme mlle
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    no nos inc corp co ltd llc plc bros assn intl natl univ ave blvd rd hwy
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont
    neb nev okla ore pa tenn tex va vt wash wis wyo
    """.split()
)
# Punkt treats these as abbreviations even before a capitalised word; real news
# often ends a sentence with them ("... in the U.S. The ..."), so the ortho
# heuristics decide instead. "No." is an abbreviation only before a number.
_NO_BEFORE_NUMBER = re.compile(r"\bNo\.$")
_NUMBER_START = re.compile(r"^\d")


@lru_cache(maxsize=1)
def tokenizer() -> PunktSentenceTokenizer:
    from claimdiff.nltk_lite import modules

    punkt = modules()[0]
    base = resources.files("claimdiff") / "data" / "punkt_english"
    params = punkt.PunktParameters()
    params.abbrev_types = set(_lines(base / "abbrev_types.txt")) | set(NEWS_ABBREVIATIONS)
    params.abbrev_types.discard("no")  # handled by _merge_numbered
    params.sent_starters = set(_lines(base / "sent_starters.txt"))
    params.collocations = {
        (a, b) for a, _, b in (line.partition("\t") for line in _lines(base / "collocations.tab"))
    }
    for line in _lines(base / "ortho_context.tab"):
        word, _, flag = line.rpartition("\t")
        params.ortho_context[word] = int(flag)
    tok: PunktSentenceTokenizer = punkt.PunktSentenceTokenizer(params)
    return tok


def _lines(path: object) -> list[str]:
    text = path.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    return [line for line in text.split("\n") if line]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph, as [start, end) offsets into it."""
    spans = list(tokenizer().span_tokenize(text))
    return _merge_numbered(text, spans)


def _merge_numbered(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        previous = text[merged[-1][0] : merged[-1][1]] if merged else ""
        if _NO_BEFORE_NUMBER.search(previous) and _NUMBER_START.match(text[start:end]):
            merged[-1] = (merged[-1][0], end)
            continue
        merged.append((start, end))
    return merged


@dataclass(frozen=True)
class Sentence:
    """A claim plus where it sits in the cleaned text (for mapping facts back)."""

    claim: Claim
    clean_start: int
    paragraph: int


def segment(source_id: str, clean: CleanText) -> list[Sentence]:
    """One claim per sentence, numbered in reading order, with original offsets."""
    out: list[Sentence] = []
    for p_index, para in enumerate(clean.paragraphs):
        body = clean.text[para.start : para.end]
        for s, e in split_sentences(body):
            cs, ce = para.start + s, para.start + e
            if not any(ch.isalnum() for ch in clean.text[cs:ce]):
                continue  # "..." or "!!!" on its own states nothing
            start, end = clean.to_original(cs, ce)
            n = len(out)
            claim = Claim(
                id=f"{source_id}:{n}",
                source=source_id,
                index=n,
                text=clean.text[cs:ce],
                start=start,
                end=end,
                role=para.role,
            )
            out.append(Sentence(claim, cs, p_index))
    return out
