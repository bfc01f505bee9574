"""Speed and scale scenarios (part of ``make bench``); timing targets live here only.

    python -m benchmarks.scale            # every scenario, prints a table
    python -m benchmarks.scale --full     # the all-pairs reference in full at every size

Each measurement runs in a fresh process, so peak RSS is that run's own and
no cache carries over. Scenarios:

1. ``claimdiff --help`` and ``claimdiff compare samples/kurils`` (wall clock,
   interpreter start included);
2. one comparison of 20, 50, 100 and 200 synthetic sources x 50 claims;
3. ``claimdiff batch`` over 1,000 synthetic stories x 5 sources x 30 claims.

Alignment F1 is measured against the generator's ground truth. The all-pairs
reference (``benchmarks/reference.py``) aligns the same claims by scoring every
cross-source pair; by default it runs in full up to 50 sources, and above that
on evenly spaced row blocks holding about 3 million pairs, its time scaled up
by the pairs it skipped (its cost is linear in pairs) and its F1 left out.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SIZES = (20, 50, 100, 200)
CLAIMS = 50
FULL_REFERENCE_UP_TO = 50
# Above that, the reference scores every k-th row block: about 3 million pairs.
SAMPLE_EVERY = {100: 4, 200: 16}
BATCH = (1000, 5, 30)
BATCH_REFERENCE_STORIES = 50


def _child(args: list[str]) -> dict[str, Any]:
    """Run one measurement in a fresh process (``python -m benchmarks.scale _child ...``)."""
    cmd = [sys.executable, "-m", "benchmarks.scale", "_child", *args]
    out = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, text=True, check=True).stdout
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


# A process's peak RSS counts the memory of the process it was started from (the
# kernel records the old address space's peak at exec), so commands are started
# from this small launcher, never from the benchmark process itself.
_LAUNCHER = """
import os, subprocess, sys, time
t = time.perf_counter()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
_, status, usage = os.wait4(proc.pid, 0)
print(time.perf_counter() - t, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def _timed(cmd: list[str], runs: int) -> tuple[float, float]:
    """Median wall seconds and peak RSS (MB) of a command, each run a fresh process."""
    times, peaks = [], []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", _LAUNCHER, *cmd],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
            check=True,
        ).stdout.split()
        if int(out[2]) != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed")
        times.append(float(out[0]))
        peaks.append(int(out[1]) / 1024)
    return statistics.median(times), max(peaks)


def f1(groups: list[list[int]] | list[tuple[int, ...]], truth: set[tuple[int, int]]) -> float:
    found = {(min(a, b), max(a, b)) for g in groups for a, b in combinations(g, 2)}
    tp = len(found & truth)
    p = tp / len(found) if found else 0.0
    r = tp / len(truth) if truth else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


# -- child processes ------------------------------------------------------------


def _child_compare(n_sources: int) -> dict[str, Any]:
    from benchmarks.synth import coverage
    from claimdiff.align import align_claims
    from claimdiff.memory import tune_allocator
    from claimdiff.pipeline import Options, compare_sources
    from claimdiff.render.json import render_json

    tune_allocator()  # as the CLI does
    cov = coverage(n_sources, CLAIMS, seed=n_sources)
    t = time.perf_counter()
    report = compare_sources(cov.sources, Options(workers=None))  # as the CLI runs it
    render_json(report)
    wall = time.perf_counter() - t
    claims = list(report.claims)
    # The alignment stage alone, on the same claims, for the ratio to the reference.
    t = time.perf_counter()
    groups = [list(a.members) for a in align_claims(claims)]
    align = time.perf_counter() - t
    return {
        "claims": len(claims),
        "wall": wall,
        "align": align,
        "f1": f1(groups, cov.truth_pairs(claims)),
    }


def _child_reference(n_sources: int, sample_every: int) -> dict[str, Any]:
    from benchmarks.reference import all_pairs_groups
    from benchmarks.synth import coverage
    from claimdiff.pipeline import source_claims

    cov = coverage(n_sources, CLAIMS, seed=n_sources)
    claims = [c for s in cov.sources for c in source_claims(s)]
    t = time.perf_counter()
    groups, scored, total = all_pairs_groups(claims, sample_every=sample_every)
    align = (time.perf_counter() - t) * total / max(scored, 1)
    score = f1(groups, cov.truth_pairs(claims)) if sample_every == 1 else None
    return {"claims": len(claims), "align": align, "f1": score, "sampled": sample_every > 1}


def _child_batch_reference(n_stories: int) -> dict[str, Any]:
    """Alignment stage of a sample of batch stories: default candidates vs all pairs."""
    from benchmarks.reference import all_pairs_groups
    from benchmarks.synth import stories
    from claimdiff.align import align_claims
    from claimdiff.pipeline import source_claims

    ours = ref = 0.0
    f_ours: list[float] = []
    f_ref: list[float] = []
    for _, cov in stories(n_stories, BATCH[1], BATCH[2], seed=1):
        claims = [c for s in cov.sources for c in source_claims(s)]
        truth = cov.truth_pairs(claims)
        t = time.perf_counter()
        groups = [list(a.members) for a in align_claims(claims)]
        ours += time.perf_counter() - t
        t = time.perf_counter()
        reference, _, _ = all_pairs_groups(claims)
        ref += time.perf_counter() - t
        f_ours.append(f1(groups, truth))
        f_ref.append(f1(reference, truth))
    return {
        "align": ours,
        "ref_align": ref,
        "f1": statistics.mean(f_ours),
        "ref_f1": statistics.mean(f_ref),
    }


def _child_main(args: list[str]) -> int:
    kind = args[0]
    if kind == "compare":
        result = _child_compare(int(args[1]))
    elif kind == "reference":
        result = _child_reference(int(args[1]), int(args[2]))
    else:
        result = _child_batch_reference(int(args[1]))
    import resource

    result["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))
    return 0


# -- scenarios ------------------------------------------------------------------


def write_batch_input(path: Path) -> dict[str, Any]:
    """The batch scenario's stories as JSON Lines, and their ground truth by story."""
    from benchmarks.synth import stories

    truth: dict[str, Any] = {}
    with path.open("w", encoding="utf-8") as fh:
        for story_id, cov in stories(*BATCH, seed=1):
            record = {
                "id": story_id,
                "sources": [
                    {"id": s.id, "outlet": s.outlet, "published": "2024-05-14", "text": s.text}
                    for s in cov.sources
                ],
            }
            fh.write(json.dumps(record) + "\n")
            truth[story_id] = cov
    return truth


def batch_f1(out_dir: Path, truth: dict[str, Any]) -> float:
    """Micro-averaged alignment F1 over every story's JSON report."""
    from types import SimpleNamespace

    tp = n_found = n_true = 0
    for story_id, cov in truth.items():
        report = json.loads((out_dir / f"{story_id}.json").read_text(encoding="utf-8"))
        claims = [SimpleNamespace(**c) for c in report["claims"]]
        index = {c.id: i for i, c in enumerate(claims)}
        true_pairs = cov.truth_pairs(claims)
        found = {
            (min(index[a], index[b]), max(index[a], index[b]))
            for g in report["groups"]
            for a, b in combinations(g["claims"], 2)
        }
        tp += len(found & true_pairs)
        n_found += len(found)
        n_true += len(true_pairs)
    p, r = tp / max(n_found, 1), tp / max(n_true, 1)
    return 2 * p * r / (p + r) if p + r else 0.0


Row = tuple[str, str, str, str, str, str, str, str]


def run(*, full: bool = False, runs: int = 3) -> list[Row]:
    exe = str(Path(sys.executable).with_name("claimdiff"))
    rows: list[Row] = []
    help_s, help_rss = _timed([exe, "--help"], 7)
    rows.append(("claimdiff --help", "-", f"{help_s:.3f}", f"{help_rss:.0f}", "-", "-", "-", "-"))
    kurils, kurils_rss = _timed([exe, "compare", "samples/kurils", "--format", "json"], 7)
    rows.append(
        ("compare samples/kurils", "57", f"{kurils:.3f}", f"{kurils_rss:.0f}", "-",
         "all pairs already", "-", "1.0x")
    )  # fmt: skip
    previous = None
    for n in SIZES:
        results = [_child(["compare", str(n)]) for _ in range(runs)]
        wall = statistics.median(r["wall"] for r in results)
        align = statistics.median(r["align"] for r in results)
        rss = max(r["rss_mb"] for r in results)
        every = 1 if full or n <= FULL_REFERENCE_UP_TO else SAMPLE_EVERY[n]
        ref = _child(["reference", str(n), str(every)])
        ref_f1 = "-" if ref["f1"] is None else f"{ref['f1']:.3f}"
        est = " (est.)" if ref["sampled"] else ""
        growth = f" ({wall / previous:.1f}x prev)" if previous else ""
        previous = wall
        rows.append(
            (
                f"compare {n} sources x {CLAIMS}",
                str(results[0]["claims"]),
                f"{wall:.2f}{growth}",
                f"{rss:.0f}",
                f"{results[0]['f1']:.3f}",
                f"align {align:.2f} vs {ref['align']:.1f}{est}",
                ref_f1,
                f"{ref['align'] / align:.0f}x",
            )
        )
        print(f"  done: {n} sources", file=sys.stderr, flush=True)
    rows.append(_batch_row(exe))
    return rows


def _batch_row(exe: str) -> Row:
    with tempfile.TemporaryDirectory(prefix="claimdiff-bench-") as tmp:
        stories = Path(tmp) / "stories.jsonl"
        truth = write_batch_input(stories)
        out = Path(tmp) / "out"
        cmd = [exe, "batch", str(stories), "--out", str(out), "--quiet", "--workers", "2"]
        wall, rss = _timed(cmd, 1)
        rerun, _ = _timed(cmd, 1)
        score = batch_f1(out, truth)
    ref = _child(["batch-reference", str(BATCH_REFERENCE_STORIES)])
    n, s, c = BATCH
    return (
        f"batch {n} stories x {s} x {c} (rerun {rerun:.1f} s)",
        str(n * s * c),
        f"{wall:.1f} (1 run)",
        f"{rss:.0f} (largest process)",
        f"{score:.3f}",
        f"align {BATCH_REFERENCE_STORIES} stories {ref['align']:.2f} vs {ref['ref_align']:.2f}",
        f"{ref['ref_f1']:.3f}",
        f"{ref['ref_align'] / ref['align']:.1f}x",
    )


HEADER: Row = (
    "scenario",
    "claims",
    "wall s (median)",
    "peak RSS MB",
    "F1",
    "all-pairs reference s",
    "ref F1",
    "speed-up",
)


def print_table(rows: list[Row]) -> None:
    widths = [max(len(r[k]) for r in [HEADER, *rows]) for k in range(len(HEADER))]
    for r in [HEADER, tuple("-" * w for w in widths), *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip())


def stories_with_blocking() -> None:
    """F1 of the hand-labelled stories, in two halves, with blocking forced on against
    all pairs (they are small enough that the aligner scores all their pairs by
    default). The shipped model is fitted on all of them: this compares candidate
    generation, not the model."""
    from benchmarks import stories as st
    from claimdiff.align import prepare_claims
    from claimdiff.align.candidates import candidate_pairs, not_claims
    from claimdiff.align.features import pair_features
    from claimdiff.align.model import load_model

    model = load_model()
    print(f"{'stories':12} {'candidates':>18} {'P':>6} {'R':>6} {'F1':>6}")
    for name, names, exclude in (
        ("stories A", None, st.CALIBRATION),
        ("stories B", st.CALIBRATION, ()),
    ):
        loaded = st.load_stories(names, exclude=exclude)
        p, r, f = st.score(loaded, model.probability, model.threshold)
        n_all = sum(len(s.left) for s in loaded)
        print(f"{name:12} {'all pairs ' + str(n_all):>18} {p:6.3f} {r:6.3f} {f:6.3f}")
        for s in loaded:
            prep = prepare_claims(s.claims)
            s.left, s.right = candidate_pairs(
                prep, s.sources, not_claims(s.claims), all_pairs_limit=0
            )
            s.x = pair_features(prep, s.left, s.right)
        p, r, f = st.score(loaded, model.probability, model.threshold)
        n_blocked = sum(len(s.left) for s in loaded)
        print(f"{name:12} {'blocked ' + str(n_blocked):>18} {p:6.3f} {r:6.3f} {f:6.3f}")


def main(argv: list[str]) -> int:
    if argv and argv[0] == "_child":
        return _child_main(argv[1:])
    print(f"== speed and scale ({os.cpu_count()} cores) ==", flush=True)
    print_table(run(full="--full" in argv))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
