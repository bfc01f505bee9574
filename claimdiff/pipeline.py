"""The one place that shows the stage order: load -> clean -> segment -> extract
-> align -> compare -> framing -> report. Each stage is a plain function in its
own module."""

from __future__ import annotations

import gc
import os
import pickle
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace

from claimdiff.align import (
    Alignment,
    Related,
    align_and_relate,
    group_scored,
    not_claims,
    score_pairs,
)
from claimdiff.clean import CleanText, clean_text
from claimdiff.compare import compare_groups, match_quotes
from claimdiff.errors import InputError
from claimdiff.extract import extract_figures, extract_speech
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
    return extract_speech(*_first_half(source))


def _first_half(source: Source) -> tuple[list[Claim], list[int], CleanText]:
    """Claims with the facts alignment reads (figures, dates, names), and what
    ``extract_speech`` needs to add the rest."""
    clean = clean_text(source.text)
    sentences = segment(source.id, clean)
    claims = extract_figures(sentences, clean, source.published)
    if not claims:
        raise InputError(
            f"{source.path}: no sentences found (none left after removing page furniture)"
        )
    return claims, [s.clean_start for s in sentences], clean


def compare_sources(sources: Sequence[Source], options: Options = Options()) -> Report:
    """Run every stage after loading and return the report the renderers print."""
    with no_cycle_collection(), _pool(sources, options.workers) as (pool, n_workers):
        if pool is None:
            claims = [c for s in sources for c in source_claims(s)]
            alignments, related = align_and_relate(claims, threshold=options.threshold)
        else:
            claims, alignments, related = _extract_and_align(
                sources, pool, n_workers, options.threshold
            )
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


def _extract_and_align(
    sources: Sequence[Source], pool: ProcessPoolExecutor, n_workers: int, threshold: float | None
) -> tuple[list[Claim], list[Alignment], Related]:
    """Extraction on the pool in two halves: alignment scores pairs on the first
    (figures, dates and names: all it reads) while workers extract the second
    (attributions, quotes, hedges: a quarter of extraction), on all cores but the
    one aligning. Claims and groups are the same as ``source_claims`` and
    ``align_and_relate`` give."""
    # The workers take half a second to start (their forkserver imports claimdiff and
    # numpy), and submitting the first task waits for that: it is submitted from a
    # thread while this process extracts the first tenth of the sources.
    own = len(sources) // 10
    rest = sources[own:]
    # Small chunks (about 16 per worker), so the workers finish close together.
    chunk = max(1, len(rest) // (16 * n_workers))

    def submit() -> Iterator[tuple[list[Claim], bytes]]:
        return pool.map(_figures_of, rest, chunksize=chunk)

    with ThreadPoolExecutor(1) as starter:
        pending = starter.submit(submit)
        firsts = [_figures_of(s) for s in sources[:own]]
        firsts += pending.result()
    halves = [half for _, half in firsts]
    size = -(-len(halves) // max(1, n_workers - 1))
    speech = pool.map(_speech_of, [halves[k : k + size] for k in range(0, len(halves), size)])
    scored = score_pairs([c for claims, _ in firsts for c in claims])
    claims = [c for part in speech for claims in part for c in claims]
    return claims, *group_scored(scored, not_claims(claims), threshold=threshold)


def _figures_of(source: Source) -> tuple[list[Claim], bytes]:
    """A pool task: the first half's claims, and all the second half needs, pickled
    here (the main process hands it on to a worker without unpickling it)."""
    first = _first_half(source)
    return first[0], pickle.dumps(first, protocol=pickle.HIGHEST_PROTOCOL)


def _speech_of(halves: list[bytes]) -> list[list[Claim]]:
    """A pool task: the second half of extraction for several sources."""
    return [extract_speech(*pickle.loads(half)) for half in halves]


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
        try:
            yield pool, n
        except BaseException:
            # A bad source (or Ctrl-C) ends the comparison: drop the queued tasks
            # rather than extracting every other source before saying so.
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def _start_worker() -> None:
    # Workers live for one comparison: no cycle collection there either, and the
    # memory they free stays theirs to reuse.
    gc.disable()
    tune_allocator()
    # The main process's work (alignment, the fact checks) is what the others wait for;
    # a worker's (the second half of extraction, reading wording) fills the gaps.
    if hasattr(os, "nice"):
        os.nice(5)
