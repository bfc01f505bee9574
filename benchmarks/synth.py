"""Synthetic multi-outlet coverage with known ground truth, for scale benchmarks.

An event is a pool of base claims written over an invented vocabulary whose
word frequencies follow a power law (a few words everywhere, most words rare),
with names and figures. Each source reports a subset of the pool, chosen by
popularity (a core of facts nearly every outlet carries, a long tail few do),
each perturbed: words dropped, synonyms swapped in, clauses reordered, a figure
sometimes changed (still the same claim, now one that differs). Sources also
carry single-source claims and distractors: sentences that share many words
with a base claim but state something else (another actor, another figure),
which an aligner must not match.

Everything is drawn from one seeded generator, so a scenario is the same text
on every run and machine. The truth is a label per sentence (the base claim it
reports, or None); two claims from different sources should be aligned
exactly when they carry the same label.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations

import numpy as np

from claimdiff.models import Claim, Source

_ONSETS = "b br c ch cl d dr f fl g gr h j k l m n p pl pr r s sh st t tr v w z".split()
_VOWELS = "a e i o u ai ea io ou".split()
_CODAS = "n r s t l m nd rt st ck ng x".split()
FUNCTION = "the of in on at to for with by from that was were has had and a an as".split()
VERBS = "said told reported confirmed announced added".split()
UNITS = ("people", "km", "miles", "percent", "tonnes", "million dollars", "kg", "homes")
MONTHS = ("January", "March", "May", "July", "September", "November")


@dataclass(frozen=True)
class Coverage:
    """One synthetic comparison: sources, and per source where each sentence starts
    and which base claim it reports."""

    sources: list[Source]
    labels: dict[str, list[tuple[int, int | None]]]

    def truth_pairs(self, claims: Sequence[Claim]) -> set[tuple[int, int]]:
        """Pairs of claim indexes (into ``claims``) that report the same base claim.

        Located by offset, so a sentence the pipeline merged with its neighbour
        keeps the first one's label rather than shifting every later label."""
        by_label: dict[int, list[int]] = {}
        for i, c in enumerate(claims):
            label = next(
                (lab for start, lab in self.labels[c.source] if c.start <= start < c.end), None
            )
            if label is not None:
                by_label.setdefault(label, []).append(i)
        return {(a, b) for members in by_label.values() for a, b in combinations(members, 2)}


class _Words:
    """A seeded vocabulary: pseudo-words, their power-law frequencies, synonyms, names."""

    def __init__(self, rng: np.random.Generator, size: int = 6000, names: int = 800) -> None:
        self.rng = rng
        self.vocab = self._make(size, lower=True)
        self.names = self._make(names, lower=False)
        # Zipf-Mandelbrot: function words are drawn apart, so the head is flattened.
        ranks = np.arange(1, size + 1, dtype=np.float64) + 20.0
        self.p_vocab = ranks**-1.05 / np.sum(ranks**-1.05)
        nranks = np.arange(1, names + 1, dtype=np.float64)
        self.p_names = nranks**-0.9 / np.sum(nranks**-0.9)
        # Inverse-CDF sampling: rng.choice with p rebuilds the CDF on every call.
        self.cdf_vocab = np.cumsum(self.p_vocab)
        self.cdf_names = np.cumsum(self.p_names)
        # A synonym is another word of similar frequency: swapping it keeps a sentence
        # as common-sounding but removes a shared word, as real paraphrase does.
        self.synonym = [min(size - 1, i ^ 1) for i in range(size)]

    def _make(self, n: int, *, lower: bool) -> list[str]:
        seen: set[str] = set()
        out: list[str] = []
        while len(out) < n:
            parts = self.rng.integers(0, [len(_ONSETS), len(_VOWELS), len(_CODAS)], size=3)
            word = _ONSETS[parts[0]] + _VOWELS[parts[1]] + _CODAS[parts[2]]
            if self.rng.random() < 0.5:
                extra = self.rng.integers(0, [len(_ONSETS), len(_VOWELS)], size=2)
                word += _ONSETS[extra[0]] + _VOWELS[extra[1]]
            if word in seen or word in FUNCTION:
                continue
            seen.add(word)
            out.append(word if lower else word.capitalize())
        return out

    def content(self, k: int) -> list[int]:
        picks = np.searchsorted(self.cdf_vocab, self.rng.random(k) * self.cdf_vocab[-1])
        return [min(int(i), len(self.vocab) - 1) for i in picks]

    def name(self) -> str:
        picks = np.searchsorted(self.cdf_names, self.rng.random(2) * self.cdf_names[-1])
        first, last = (min(int(i), len(self.names) - 1) for i in picks)
        if self.rng.random() < 0.5:
            return self.names[int(last)]
        return f"{self.names[int(first)]} {self.names[int(last)]}"


@dataclass
class _Base:
    words: list[int]  # content word ids
    names: list[str]
    figure: tuple[int, str] | None
    month: str | None


def _base_claim(w: _Words) -> _Base:
    rng = w.rng
    n_names = int(rng.choice([0, 1, 1, 2]))
    figure = None
    if rng.random() < 0.5:
        figure = (int(rng.integers(2, 900)), UNITS[int(rng.integers(len(UNITS)))])
    month = MONTHS[int(rng.integers(len(MONTHS)))] if rng.random() < 0.2 else None
    return _Base(
        w.content(int(rng.integers(7, 13))), [w.name() for _ in range(n_names)], figure, month
    )


def _render(w: _Words, b: _Base, *, perturb: bool) -> str:
    """Write a base claim as a sentence; with ``perturb``, as one outlet would reword it."""
    rng = w.rng
    words = list(b.words)
    if perturb:
        words = [x for x in words if rng.random() >= 0.12] or words[:1]
        words = [w.synonym[x] if rng.random() < 0.12 else x for x in words]
    tokens = [w.vocab[x] for x in words]
    # Function words between content words, as in prose.
    prose: list[str] = []
    for i, t in enumerate(tokens):
        prose.append(t)
        if i % 2 == 1 and i < len(tokens) - 1:
            prose.append(FUNCTION[int(rng.integers(len(FUNCTION)))])
    figure = b.figure
    if perturb and figure is not None and rng.random() < 0.1:
        figure = (figure[0] + int(rng.integers(1, 20)), figure[1])
    clauses = [" ".join(prose[: len(prose) // 2]), " ".join(prose[len(prose) // 2 :])]
    if figure is not None:
        clauses[1] += f" {figure[0]} {figure[1]}"
    if b.month is not None:
        clauses[1] += f" in {b.month}"
    if perturb and rng.random() < 0.3:
        clauses.reverse()
    body = " ".join(c for c in clauses if c)
    if b.names:
        verb = VERBS[int(rng.integers(len(VERBS)))]
        who = " and ".join(b.names)
        body = f"{who} {verb} that {body}" if rng.random() < 0.5 else f"{body}, {who} {verb}"
    else:
        body = f"officials {VERBS[int(rng.integers(len(VERBS)))]} that {body}"
    return body[0].upper() + body[1:] + "."


def _distractor(w: _Words, b: _Base) -> _Base:
    """Shares most of a base claim's words but names other actors and figures."""
    rng = w.rng
    keep = [x for x in b.words if rng.random() < 0.6]
    figure = (int(rng.integers(2, 900)), b.figure[1]) if b.figure else None
    return _Base(keep + w.content(len(b.words) - len(keep)), [w.name()], figure, None)


def coverage(
    n_sources: int,
    claims_per_source: int,
    *,
    seed: int = 0,
    base_share: float = 0.6,
    distractor_share: float = 0.1,
) -> Coverage:
    """One event covered by ``n_sources`` outlets, each with ``claims_per_source`` sentences.

    The pool grows with the coverage (more outlets bring more angles), and
    popularity follows a power law, so a few core facts appear in most sources
    and most base claims in a handful.
    """
    return _event(
        _Words(np.random.default_rng(seed)),
        n_sources,
        claims_per_source,
        base_share=base_share,
        distractor_share=distractor_share,
    )


def stories(
    n_stories: int, n_sources: int, claims_per_source: int, *, seed: int = 0
) -> Iterator[tuple[str, Coverage]]:
    """Many events over one vocabulary (a day of news): (story id, coverage) pairs."""
    w = _Words(np.random.default_rng(seed))
    for k in range(n_stories):
        yield f"story-{k:05d}", _event(w, n_sources, claims_per_source)


def _event(
    w: _Words,
    n_sources: int,
    claims_per_source: int,
    *,
    base_share: float = 0.6,
    distractor_share: float = 0.1,
) -> Coverage:
    rng = w.rng
    n_base = max(claims_per_source, 10 + 2 * n_sources)
    pool = [_base_claim(w) for _ in range(n_base)]
    ranks = np.arange(1, n_base + 1, dtype=np.float64)
    popularity = ranks**-0.8 / np.sum(ranks**-0.8)
    n_reported = round(claims_per_source * base_share)
    n_distract = round(claims_per_source * distractor_share)
    n_extra = claims_per_source - n_reported - n_distract
    sources: list[Source] = []
    labels: dict[str, list[tuple[int, int | None]]] = {}
    for s in range(n_sources):
        chosen = rng.choice(n_base, size=n_reported, replace=False, p=popularity)
        items: list[tuple[int | None, _Base]] = [(int(b), pool[int(b)]) for b in chosen]
        lures = rng.choice(n_base, size=n_distract, replace=False, p=popularity)
        items += [(None, _distractor(w, pool[int(b)])) for b in lures]
        items += [(None, _base_claim(w)) for _ in range(n_extra)]
        order = rng.permutation(len(items))
        sentences = [
            (items[k][0], _render(w, items[k][1], perturb=items[k][0] is not None)) for k in order
        ]
        sid = f"s{s:03d}"
        text, starts = _layout([t for _, t in sentences])
        labels[sid] = [(start, label) for start, (label, _) in zip(starts, sentences)]
        sources.append(
            Source(
                id=sid,
                outlet=f"Outlet {s}",
                path=f"{sid}.txt",
                published=date(2024, 5, 14),
                text=text,
            )
        )
    return Coverage(sources, labels)


def _layout(sentences: list[str]) -> tuple[str, list[int]]:
    """Paragraphs of three sentences; returns the text and each sentence's offset."""
    parts: list[str] = []
    starts: list[int] = []
    at = 0
    for i, sentence in enumerate(sentences):
        sep = "" if i == 0 else "\n\n" if i % 3 == 0 else " "
        parts.append(sep)
        at += len(sep)
        starts.append(at)
        parts.append(sentence)
        at += len(sentence)
    return "".join(parts) + "\n", starts
