"""The one place that shows the stage order: load -> clean -> segment -> extract
-> align -> compare -> framing -> report. Each stage is a plain function in its
own module."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace

from claimdiff.align import align_and_relate
from claimdiff.clean import clean_text
from claimdiff.compare import compare_groups, match_quotes
from claimdiff.errors import InputError
from claimdiff.extract import extract_facts
from claimdiff.framing import analyse_framing, changes_of, chunks, gather_changes, pairs_to_read
from claimdiff.framing.opinion import is_opinion
from claimdiff.gcpause import no_cycle_collection
from claimdiff.memory import tune_allocator
from claimdiff.models import Claim, Report, Source, Verdict
from claimdiff.people import People
from claimdiff.procpool import process_pool
from claimdiff.segment import segment

# Above this much text, extraction and the reading of wording may run on a process
# pool: together they are over half of a large comparison's time, and their units
# (sources, pairs of claims) are independent.
PARALLEL_MIN_CHARS = 200_000


@dataclass(frozen=True)
class Options:
    threshold: float | None = None
    # Processes for extraction and wording; None: one per core on big inputs. The
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
    with no_cycle_collection(), _pool(sources, options.workers) as (pool, n_workers):
        if pool is None:
            per_source = [source_claims(s) for s in sources]
        else:
            # The workers take half a second to start (a fresh interpreter importing
            # numpy): this process extracts the first tenth of the sources meanwhile.
            own = len(sources) // 10
            rest = sources[own:]
            chunk = max(1, len(rest) // (4 * n_workers))
            pending = pool.map(source_claims, rest, chunksize=chunk)  # submitted now
            per_source = [source_claims(s) for s in sources[:own]]
            per_source += pending
        claims = [c for cs in per_source for c in cs]
        alignments, related = align_and_relate(claims, threshold=options.threshold)
        # On a pool the workers read the wording of the pairs while this process
        # compares the groups' facts.
        pairs = pairs_to_read(claims, alignments, related)
        texts = [(claims[a].text, claims[b].text) for a, b in pairs]
        reading = (map if pool is None else pool.map)(changes_of, chunks(texts))
        people = People(claims)
        groups = compare_groups(alignments, claims, sources, people)
        quotes = match_quotes(claims, people)
        found = (changes for chunk in reading for changes in chunk)
        wording, changes = gather_changes(claims, alignments, pairs, found)
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


@contextmanager
def _pool(
    sources: Sequence[Source], workers: int | None
) -> Iterator[tuple[ProcessPoolExecutor | None, int]]:
    """A process pool and its size for a large comparison (None: run in this process)."""
    big = sum(len(s.text) for s in sources) >= PARALLEL_MIN_CHARS
    n = workers or os.cpu_count() or 1
    if n == 1 or (workers is None and not big) or len(sources) < 2:
        yield None, 1
        return
    with process_pool(n, ["claimdiff.pipeline"], initializer=_start_worker) as pool:
        yield pool, n


def _start_worker() -> None:
    # Workers live for one comparison: no cycle collection there either, and the
    # memory they free stays theirs to reuse.
    gc.disable()
    tune_allocator()
