"""Renderers: each takes a Report and nothing else."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from claimdiff.coverage import Coverage, Row
from claimdiff.glance import LOW_MATCH
from claimdiff.lexicon import STOPWORDS
from claimdiff.models import Claim, Group, QuoteMatch, Report, Verdict, Wording
from claimdiff.textnorm import normalise

SECTION_ORDER = (Verdict.DIFFER, Verdict.AGREE, Verdict.SINGLE)
SECTION_TITLES = {
    Verdict.DIFFER: "Differences",
    Verdict.AGREE: "Agreements",
    Verdict.SINGLE: "Single-source claims",
}


def distinct_words(claim: Claim, others: Sequence[Claim]) -> list[tuple[str, bool]]:
    """Split a claim into (chunk, differs) pieces: content words no other claim uses differ."""
    return distinct_words_of([claim, *others])[0]


def distinct_words_of(claims: Sequence[Claim]) -> list[list[tuple[str, bool]]]:
    """``distinct_words`` of every claim of a group against the others: each text is
    read once, so a group of 200 claims costs 200 readings, not 200 x 199."""
    sets = [set(normalise(c.text).split()) for c in claims]
    users = Counter(w for s in sets for w in s)
    return [_mark(c.text, users, own) for c, own in zip(claims, sets)]


def _mark(text: str, users: Counter[str], own: set[str]) -> list[tuple[str, bool]]:
    """Chunks of ``text``, marked where a content word is used by no other claim
    (``users`` counts the claims using each word; ``own``: this claim's words)."""
    out: list[tuple[str, bool]] = []
    for token in text.split():
        words = _token_words(token)
        differs = bool(words) and any(users[w] <= (w in own) and w not in STOPWORDS for w in words)
        if out and out[-1][1] == differs:
            out[-1] = (out[-1][0] + " " + token, differs)
        else:
            out.append((token, differs))
    return out


@lru_cache(maxsize=100_000)
def _token_words(token: str) -> tuple[str, ...]:
    return tuple(normalise(token).split())


def shown_rows(report: Report, cov: Coverage) -> tuple[list[Row], int]:
    """The coverage rows the view shows (``max_groups`` caps them like a section; the
    most widely carried come first), and how many it leaves out."""
    limit = report.view.max_groups
    rows = list(cov.rows)
    if limit is None or len(rows) <= limit:
        return rows, 0
    return rows[:limit], len(rows) - limit


def confidence(similarity: float) -> str:
    """How sure the aligner is that these claims are one claim (its calibrated probability)."""
    band = "high" if similarity >= 0.6 else "medium" if similarity >= LOW_MATCH else "low"
    return f"match {similarity:.2f} ({band})"


def word_diff(a: str, b: str) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    """Two texts as (chunk, changed) pieces: words that the other text lacks, in order,
    found by a word-level edit script (rapidfuzz's opcodes over word sequences)."""
    import re

    from rapidfuzz.distance import Indel

    ta, tb = re.findall(r"\S+", a), re.findall(r"\S+", b)
    na, nb = [normalise(t) for t in ta], [normalise(t) for t in tb]
    marks_a, marks_b = [True] * len(ta), [True] * len(tb)
    for op in Indel.opcodes(na, nb):
        if op.tag == "equal":
            for k in range(op.src_end - op.src_start):
                marks_a[op.src_start + k] = False
                marks_b[op.dest_start + k] = False
    return _chunks(ta, marks_a), _chunks(tb, marks_b)


def _chunks(tokens: list[str], marks: list[bool]) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    for token, changed in zip(tokens, marks):
        if out and out[-1][1] == changed:
            out[-1] = (out[-1][0] + " " + token, changed)
        else:
            out.append((token, changed))
    return out


def quote_versions(m: QuoteMatch) -> list[tuple[str, list[tuple[str, bool]]]]:
    """A quote's versions as (claim id, pieces): with two versions of the same words,
    the words that differ are marked; a paraphrase is shown as it is."""
    items = [(cid, text) for _, (cid, text) in m.versions.items()]
    if len(items) == 2 and m.kind != "paraphrase":
        d1, d2 = word_diff(items[0][1], items[1][1])
        return [(items[0][0], d1), (items[1][0], d2)]
    return [(cid, [(text, False)]) for cid, text in items]


def describe_wording(w: Wording) -> tuple[str, str]:
    """(kind, what changed) for one word-level difference, in plain words: a phrase
    only one version has is "only X says", not a pair with an empty side."""
    kind = w.kind.replace("_", " ")
    if not w.a:
        return kind, f"only {w.source_b} says “{w.b}”"
    if not w.b:
        return kind, f"only {w.source_a} says “{w.a}”"
    return kind, f"{w.source_a} “{w.a}” / {w.source_b} “{w.b}”"


def group_claims(report: Report, group: Group) -> list[Claim]:
    return [report.claim(c) for c in group.claims]


def cite(report: Report, claim: Claim) -> str:
    """Where a claim sits in its source: ``guardian.txt:24``. For HTML, URLs and JSON
    records the line is one of the extracted text (``claimdiff claims --text`` shows it)."""
    import os

    source = report.source(claim.source)
    # A URL ending in "/" has no last segment: its host names it instead.
    name = os.path.basename(source.path.rstrip("/")) if source.path != "-" else "stdin"
    return f"{name}:{source.line_of(claim.start)}"
