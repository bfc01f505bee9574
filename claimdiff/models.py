"""The data that flows between pipeline stages.

Everything is a frozen dataclass so a stage can never mutate what an earlier
stage produced; offsets always point into the *original* source text so a
report line can cite exactly where a claim came from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cached_property


class Verdict(StrEnum):
    AGREE = "agree"
    DIFFER = "differ"
    SINGLE = "single"


class Role(StrEnum):
    HEADLINE = "headline"
    BODY = "body"


@dataclass(frozen=True)
class Source:
    """One report. ``text`` is what every offset refers to: the file as decoded, or for
    HTML, URLs and JSON records the article text extracted from them. ``path`` is where
    it came from as the user gave it (a file, ``FILE#ID`` for a record, or the URL)."""

    id: str
    outlet: str
    path: str
    published: date | None
    text: str
    title: str | None = None
    author: str | None = None
    url: str | None = None

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset, for citing the original."""
        return self.text.count("\n", 0, offset) + 1


@dataclass(frozen=True)
class Span:
    """A piece of a source's text: what it says and where it sits."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Quantity:
    text: str
    value: float
    unit: str | None
    start: int
    end: int
    low: float | None = None
    high: float | None = None
    qualifier: str = "exact"
    measure: str | None = None
    si_value: float | None = None
    si_unit: str | None = None


@dataclass(frozen=True)
class DateRef:
    text: str
    value: str | None
    start: int
    end: int
    resolved: bool = True
    statement: bool = False  # when something was said ("said on Thursday"), not when it happened


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str | None
    start: int
    end: int
    id: str = ""  # "<claim id>/q<n>"


@dataclass(frozen=True)
class Attribution:
    """Who a claim is credited to: "Fumio Kishida" (the Japanese foreign minister),
    or a channel that relays it ("the Kyodo news agency reported")."""

    who: str
    title: str | None
    verb: str
    channel: bool
    start: int
    end: int


@dataclass(frozen=True)
class QuoteMatch:
    """One quotation as different sources give it: verbatim, truncated, altered or
    paraphrased (reported as indirect speech by one of them)."""

    kind: str
    versions: Mapping[str, tuple[str, str]]  # source id -> (claim id, text)


@dataclass(frozen=True)
class Claim:
    id: str
    source: str
    index: int
    text: str
    start: int
    end: int
    role: Role = Role.BODY
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateRef, ...] = ()
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Span, ...] = ()
    hedges: tuple[Span, ...] = ()
    attributions: tuple[Attribution, ...] = ()


@dataclass(frozen=True)
class Finding:
    kind: str
    summary: str  # one line that stands on its own
    values: Mapping[str, str] = field(default_factory=dict)
    label: str = ""  # a short heading for when the values are shown beside it

    @property
    def heading(self) -> str:
        return self.label or self.summary


@dataclass(frozen=True)
class Wording:
    """A classified word-level difference between two claims of one group."""

    source_a: str
    source_b: str
    tag: str  # replace | insert | delete
    a: str
    b: str
    kind: str  # label | reporting_verb | hedge | evaluative | intensifier
    anchor: str = ""


@dataclass(frozen=True)
class Framing:
    """How outlets tell the same thing: the terms each uses, and where."""

    kind: str  # label | reporting_verb | hedge | evaluative
    summary: str
    terms: Mapping[str, tuple[str, ...]]
    claims: tuple[str, ...]


@dataclass(frozen=True)
class Group:
    id: str
    claims: tuple[str, ...]
    sources: tuple[str, ...]
    similarity: float
    verdict: Verdict
    findings: tuple[Finding, ...] = ()
    wording: tuple[Wording, ...] = ()
    opinion: bool = False  # a single-source sentence of comment, with nothing to check


@dataclass(frozen=True)
class View:
    """What a reader asked to see: the report itself is never filtered."""

    only: tuple[Verdict, ...] = ()  # empty: every verdict
    source: str | None = None  # only groups this source takes part in
    max_groups: int | None = None  # per section


@dataclass(frozen=True)
class Report:
    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    groups: tuple[Group, ...]
    framing: tuple[Framing, ...] = ()
    quotes: tuple[QuoteMatch, ...] = ()
    view: View = field(default_factory=View)

    # Indexes built on first use (cached_property writes to the instance's __dict__,
    # which a frozen dataclass allows): reports look up claims and sources thousands
    # of times.
    def claim(self, claim_id: str) -> Claim:
        return self._claims_by_id[claim_id]

    def claims_of(self, source_id: str) -> list[Claim]:
        return list(self._claims_by_source.get(source_id, ()))

    def source(self, source_id: str) -> Source:
        return self._sources_by_id[source_id]

    @cached_property
    def _claims_by_id(self) -> dict[str, Claim]:
        return {c.id: c for c in self.claims}

    @cached_property
    def _claims_by_source(self) -> dict[str, list[Claim]]:
        out: dict[str, list[Claim]] = {}
        for c in self.claims:
            out.setdefault(c.source, []).append(c)
        return out

    @cached_property
    def _sources_by_id(self) -> dict[str, Source]:
        out: dict[str, Source] = {}
        for s in self.sources:
            out.setdefault(s.id, s)  # the first of a repeated id, as a search would find
        return out

    def groups_by_verdict(self, verdict: Verdict) -> list[Group]:
        return [g for g in self.groups if g.verdict is verdict]

    def shown(self, verdict: Verdict) -> tuple[list[Group], int]:
        """The groups of one verdict the view shows, and how many it leaves out."""
        if self.view.only and verdict not in self.view.only:
            return [], 0
        groups = [
            g
            for g in self.groups_by_verdict(verdict)
            if self.view.source is None or self.view.source in g.sources
        ]
        limit = self.view.max_groups
        if limit is not None and len(groups) > limit:
            return groups[:limit], len(groups) - limit
        return groups, 0

    @property
    def summary(self) -> dict[str, int]:
        counts = {v.value: 0 for v in Verdict}
        for g in self.groups:
            counts[g.verdict.value] += 1
        return {
            "sources": len(self.sources),
            "claims": len(self.claims),
            "groups": len(self.groups),
            **counts,
        }
