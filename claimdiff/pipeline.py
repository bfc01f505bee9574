"""The one place that shows the stage order: load -> clean -> segment -> extract
-> align -> compare -> framing -> report. Each stage is a plain function in its
own module."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from claimdiff.align import align_and_relate
from claimdiff.clean import clean_text
from claimdiff.compare import compare_groups, match_quotes
from claimdiff.errors import InputError
from claimdiff.extract import extract_facts
from claimdiff.framing import analyse_framing, classify_pairs
from claimdiff.framing.opinion import is_opinion
from claimdiff.models import Claim, Report, Source, Verdict
from claimdiff.people import People
from claimdiff.segment import segment


@dataclass(frozen=True)
class Options:
    threshold: float | None = None


def source_claims(source: Source) -> list[Claim]:
    """Clean, segment and extract one source: its claims in reading order."""
    clean = clean_text(source.text)
    claims = extract_facts(segment(source.id, clean), clean, source.published)
    if not claims:
        raise InputError(
            f"{source.path}: no sentences found (none left after removing page furniture)"
        )
    return claims


def compare_sources(sources: Sequence[Source], options: Options = Options()) -> Report:
    """Run every stage after loading and return the report the renderers print."""
    claims = [c for s in sources for c in source_claims(s)]
    alignments, related = align_and_relate(claims, threshold=options.threshold)
    groups = compare_groups(alignments, claims, sources)
    quotes = match_quotes(claims, People(claims))
    wording, changes = classify_pairs(claims, alignments, related)
    groups = [
        replace(
            g,
            wording=tuple(wording.get(n, ())),
            opinion=g.verdict is Verdict.SINGLE and is_opinion(claims[alignments[n].members[0]]),
        )
        for n, g in enumerate(groups)
    ]
    framing = analyse_framing(claims, sources, changes)
    return Report(
        sources=tuple(sources),
        claims=tuple(claims),
        groups=tuple(groups),
        framing=tuple(framing),
        quotes=tuple(quotes),
    )
