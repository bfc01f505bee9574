"""The one place that shows the stage order: load -> clean -> segment -> extract
-> align -> compare -> framing -> report. Each stage is a plain function in its
own module."""

from __future__ import annotations

import os
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

# Above this much text, cleaning and extraction may run on a process pool, one
# source per task: it is half of a large comparison's time, and sources are
# independent.
PARALLEL_MIN_CHARS = 400_000


@dataclass(frozen=True)
class Options:
    threshold: float | None = None
    # Processes for cleaning and extraction; None: one per core on big inputs. The
    # library defaults to 1, since a pool re-imports the caller's __main__ in its
    # workers (a script without a main guard would run again); the CLI asks for None.
    workers: int | None = 1


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
    claims = [c for per_source in _all_claims(sources, options.workers) for c in per_source]
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


def _all_claims(sources: Sequence[Source], workers: int | None) -> list[list[Claim]]:
    big = sum(len(s.text) for s in sources) >= PARALLEL_MIN_CHARS
    n = workers or os.cpu_count() or 1
    if n == 1 or (workers is None and not big) or len(sources) < 2:
        return [source_claims(s) for s in sources]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # forkserver: never fork a process whose rapidfuzz or BLAS threads may hold a lock.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["claimdiff.pipeline"])
    with ProcessPoolExecutor(max_workers=n, mp_context=context) as pool:
        return list(pool.map(source_claims, sources, chunksize=max(1, len(sources) // (4 * n))))
