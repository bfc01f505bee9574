"""``make bench``: alignment quality on held-out data, then speed.

Timing targets live here, never in the unit tests.
"""

from __future__ import annotations

import statistics
import sys
import time


def extraction_cost() -> tuple[int, float]:
    """Seconds per 1,000 sentences to extract facts (figures, dates, quotes,
    attributions, names, hedges), over every sentence of the labelled stories."""
    from benchmarks.stories import STORIES
    from claimdiff.clean import clean_text
    from claimdiff.extract import extract_facts
    from claimdiff.load import load_sources
    from claimdiff.segment import segment

    prepared = []
    for folder in sorted(p for p in STORIES.iterdir() if p.is_dir()):
        for source in load_sources([str(folder)]):
            clean = clean_text(source.text)
            prepared.append((segment(source.id, clean), clean, source.published))
    n = sum(len(s) for s, _, _ in prepared)
    extract_facts(*prepared[0])  # warm caches (Punkt parameters, stemmer)
    runs = []
    for _ in range(3):
        t = time.perf_counter()
        for sentences, clean, published in prepared:
            extract_facts(sentences, clean, published)
        runs.append(time.perf_counter() - t)
    return n, statistics.median(runs) / n * 1000


def main() -> int:
    from benchmarks import calibrate, scale

    t = time.perf_counter()
    print("== alignment quality (shipped weights) ==")
    calibrate.main(["--check"])
    n, per_1000 = extraction_cost()
    print(f"\n== extraction ==\n{n} sentences; {per_1000:.3f} s per 1,000 sentences (median of 3)")
    print("\n== blocked candidates on the stories (forced, as on a large input) ==")
    scale.stories_with_blocking()
    print()
    scale.main([])
    print(f"\nmake bench took {time.perf_counter() - t:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
