"""Fit the aligner's pair model on the training pairs and report dev quality.

    python -m benchmarks.calibrate          # fit, print the evaluation, write the weights
    python -m benchmarks.calibrate --check  # evaluate the shipped weights only

The pair model is fitted on labelled training pairs (plus random cross-story
negatives); the default threshold is then chosen on synthetic comparisons built
from training pairs only. Dev pairs and dev comparisons are never used to fit.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

from benchmarks import comparisons as cmp
from benchmarks.pairs import best_threshold, features, load_pairs, prf, split
from claimdiff.align.features import FEATURES, SIGNS, FloatArray
from claimdiff.align.model import WEIGHTS_FILE, Model, fit_logistic, load_model

WEIGHTS_PATH = Path(__file__).resolve().parent.parent / "claimdiff" / "data" / WEIGHTS_FILE
BASELINES = ("token_set", "token_sort", "ratio", "partial", "cosine")


def _single(name: str) -> Callable[[FloatArray], FloatArray]:
    k = FEATURES.index(name)
    return lambda x: x[:, k]


def evaluate(model: Model) -> tuple[list[tuple[str, float, float, float, float]], ...]:
    """Dev rows (method, threshold, P, R, F1): labelled pairs, then whole comparisons."""
    train, dev = split(load_pairs())
    xt, yt = features(train)
    xd, yd = features(dev)
    labelled = np.asarray([p.kind != "random" for p in dev])
    pd_ = model.probability(xd)
    pair_rows = [
        ("combined model", model.threshold, *prf(pd_ >= model.threshold, yd)),
        ("  labelled pairs only", model.threshold, *prf(pd_[labelled] >= model.threshold, yd[labelled])),
    ]
    for name in BASELINES:
        k = FEATURES.index(name)
        t = best_threshold(xt[:, k], yt)
        pair_rows.append((f"{name} alone", t, *prf(xd[:, k] >= t, yd)))
    ct = cmp.build(train, count=30, seed=1)
    cd = cmp.build(dev, count=30, seed=2)
    doc_rows = [("combined model", model.threshold, *cmp.score(cd, model.probability, model.threshold))]
    for name in BASELINES:
        t = cmp.best_threshold(ct, _single(name))
        doc_rows.append((f"{name} alone", t, *cmp.score(cd, _single(name), t)))
    return pair_rows, doc_rows


def fit() -> Model:
    train, _ = split(load_pairs())
    x, y = features(train)
    w, b = fit_logistic(x, y, l2=1.0, signs=SIGNS)
    model = Model(FEATURES, tuple(float(v) for v in w), b, 0.5)
    threshold = cmp.best_threshold(cmp.build(train, count=30, seed=1), model.probability)
    return Model(FEATURES, model.weights, model.bias, threshold)


def main(argv: list[str]) -> int:
    if "--check" not in argv:
        model = fit()
        WEIGHTS_PATH.write_text(model.to_json(), encoding="utf-8")
        load_model.cache_clear()
        print(f"wrote {WEIGHTS_PATH.name}: threshold {model.threshold:.3f}")
    model = load_model()
    train, dev = split(load_pairs())
    print(f"labelled + random pairs: {len(train)} train, {len(dev)} dev (split by story)")
    pair_rows, doc_rows = evaluate(model)
    for title, rows in (("dev pairs", pair_rows), ("dev comparisons (2 outlets, traps)", doc_rows)):
        print(f"\n{title}\n{'method':28} {'thresh':>7} {'P':>6} {'R':>6} {'F1':>6}")
        for name, t, p, r, f in rows:
            print(f"{name:28} {t:7.3f} {p:6.3f} {r:6.3f} {f:6.3f}")
    print("\nweights: " + ", ".join(f"{n}={w:+.2f}" for n, w in zip(model.features, model.weights)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
