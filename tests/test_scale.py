"""Blocking, grouping and startup behaviour that the scale work relies on (no timings here)."""

from __future__ import annotations

import subprocess
import sys
from itertools import combinations

import numpy as np

from benchmarks.reference import all_pairs_groups
from benchmarks.synth import coverage
from claimdiff.align import align_claims, prepare_claims
from claimdiff.align.blocking import blocked_pairs
from claimdiff.align.candidates import all_cross_pairs
from claimdiff.align.features import pair_features
from claimdiff.align.model import load_model
from claimdiff.pipeline import source_claims


def _claims(n_sources: int, per_source: int, seed: int = 3):  # type: ignore[no-untyped-def]
    cov = coverage(n_sources, per_source, seed=seed)
    claims = [c for s in cov.sources for c in source_claims(s)]
    return cov, claims


def _f1(groups, truth) -> float:  # type: ignore[no-untyped-def]
    found = {(min(a, b), max(a, b)) for g in groups for a, b in combinations(g, 2)}
    tp = len(found & truth)
    p, r = tp / max(len(found), 1), tp / max(len(truth), 1)
    return 2 * p * r / (p + r)


def test_synthetic_coverage_is_deterministic_and_has_truth() -> None:
    a, b = coverage(4, 12, seed=7), coverage(4, 12, seed=7)
    assert [s.text for s in a.sources] == [s.text for s in b.sources]
    assert coverage(4, 12, seed=8).sources[0].text != a.sources[0].text
    claims = [c for s in a.sources for c in source_claims(s)]
    assert len(claims) == 48
    assert a.truth_pairs(claims)


def test_blocking_keeps_quality_of_scoring_all_pairs() -> None:
    cov, claims = _claims(12, 25)
    truth = cov.truth_pairs(claims)
    src_ids: dict[str, int] = {}
    sources = np.asarray([src_ids.setdefault(c.source, len(src_ids)) for c in claims])
    prep = prepare_claims(claims)
    left, right = blocked_pairs(prep, sources)
    all_left, _ = all_cross_pairs(sources)
    assert len(left) < len(all_left) / 4
    assert all(sources[left] != sources[right]) and all(left < right)
    blocked = align_claims(claims, all_pairs_limit=0)
    reference, _, _ = all_pairs_groups(claims)
    assert _f1([a.members for a in blocked], truth) >= _f1(reference, truth) - 0.01


def test_skipping_unweighted_features_leaves_probabilities_bit_identical() -> None:
    _, claims = _claims(3, 10)
    prep = prepare_claims(claims)
    sources = np.asarray([int(c.source[1:]) for c in claims])
    left, right = all_cross_pairs(sources)
    model = load_model()
    assert model.unused  # the shipped model has zero-weight string scores
    full = model.probability(pair_features(prep, left, right))
    lean = model.probability(pair_features(prep, left, right, skip=model.unused))
    assert np.array_equal(full, lean)


def test_alignment_is_deterministic_with_blocking() -> None:
    _, claims = _claims(8, 20, seed=5)
    first = align_claims(claims, all_pairs_limit=0)
    assert first == align_claims(claims, all_pairs_limit=0)


def test_nltk_lite_leaves_the_real_nltk_importable() -> None:
    code = (
        "import sys\n"
        "from claimdiff.segment import split_sentences\n"
        "from claimdiff.textnorm import stem\n"
        "assert split_sentences('He left. She stayed.') == [(0, 8), (9, 20)]\n"
        "assert stem('running') == 'run'\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'nltk']\n"
        "import nltk\n"
        "assert hasattr(nltk, 'word_tokenize') and nltk.tokenize.punkt\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_extraction_on_a_process_pool_gives_the_same_report() -> None:
    from claimdiff.load import load_sources
    from claimdiff.pipeline import Options, compare_sources
    from claimdiff.render.json import render_json
    from tests.conftest import SAMPLES

    sources = load_sources([str(SAMPLES)])
    serial = render_json(compare_sources(sources, Options(workers=1)))
    assert render_json(compare_sources(sources, Options(workers=2))) == serial


def test_two_half_extraction_on_a_pool_gives_the_same_report() -> None:
    """Twelve sources on three workers: this process extracts the first tenth, the
    second half of extraction runs in two tasks while the first is aligned."""
    from benchmarks.synth import coverage
    from claimdiff.pipeline import Options, compare_sources
    from claimdiff.render.json import render_json

    sources = coverage(12, 10, seed=4).sources
    serial = compare_sources(sources, Options(workers=1))
    pooled = compare_sources(sources, Options(workers=3))
    assert any(c.attributions for c in pooled.claims)  # the second half did run
    assert render_json(pooled) == render_json(serial)


def test_a_bad_source_on_a_pool_stops_the_comparison_with_its_error() -> None:
    from dataclasses import replace

    import pytest

    from benchmarks.synth import coverage
    from claimdiff.errors import InputError
    from claimdiff.pipeline import Options, compare_sources

    sources = list(coverage(12, 10, seed=4).sources)
    sources[7] = replace(sources[7], text="Share on Facebook\n\nRead more\n")  # furniture only
    with pytest.raises(InputError, match="no sentences found"):
        compare_sources(sources, Options(workers=2))
