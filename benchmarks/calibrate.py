"""Fit the aligner's pair model and choose its threshold; report held-out quality.

    python -m benchmarks.calibrate          # fit, write claimdiff/data/align_weights.json, evaluate
    python -m benchmarks.calibrate --check  # evaluate the shipped weights only

Training data: every candidate pair of the calibration stories (labelled by
their ground-truth alignment: the realistic mix, where almost every negative is
another sentence about the same event) plus the training split of the
hand-written labelled pairs at a lower weight (more kinds of paraphrase and
hard negative than a few stories hold). The threshold maximises alignment F1
on the calibration stories. Held-out stories and the dev split of the pairs
are never used to fit anything.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

from benchmarks import stories as st
from benchmarks.pairs import features, load_pairs, prf, split
from claimdiff.align.features import FEATURES, SIGNS, FloatArray
from claimdiff.align.model import WEIGHTS_FILE, Model, fit_logistic, load_model

WEIGHTS_PATH = Path(__file__).resolve().parent.parent / "claimdiff" / "data" / WEIGHTS_FILE
BASELINES = ("token_set", "token_sort", "ratio", "partial", "cosine", "containment")
PAIR_WEIGHT = 0.1  # labelled pairs count a tenth of a story pair
L2 = 1.0

Row = tuple[str, float, float, float, float]


def _single(name: str) -> Callable[[FloatArray], FloatArray]:
    k = FEATURES.index(name)
    return lambda x: x[:, k]


def story_xy(stories: list[st.Story]) -> tuple[FloatArray, FloatArray]:
    x = np.vstack([s.x for s in stories])
    y = np.concatenate(
        [
            [
                1.0 if (min(a, b), max(a, b)) in s.truth else 0.0
                for a, b in zip(s.left.tolist(), s.right.tolist())
            ]
            for s in stories
        ]
    )
    return x, y


def fit() -> Model:
    calibration = st.load_stories(st.CALIBRATION)
    xs, ys = story_xy(calibration)
    train, _ = split(load_pairs())
    xp, yp = features([p for p in train if p.kind != "random"])
    weights = np.concatenate([np.ones(len(ys)), np.full(len(yp), PAIR_WEIGHT)])
    w, b = fit_logistic(
        np.vstack([xs, xp]), np.concatenate([ys, yp]), l2=L2, signs=SIGNS, sample_weight=weights
    )
    model = Model(FEATURES, tuple(float(v) for v in w), b, 0.5)
    return Model(
        FEATURES, model.weights, model.bias, st.best_threshold(calibration, model.probability)
    )


def evaluate(model: Model) -> tuple[list[Row], list[Row], list[Row]]:
    """Rows (method, threshold, P, R, F1): calibration stories, held-out stories, dev pairs."""
    calibration = st.load_stories(st.CALIBRATION)
    held_out = st.load_stories(exclude=st.CALIBRATION)
    cal_rows: list[Row] = [
        (
            "combined model",
            model.threshold,
            *st.score(calibration, model.probability, model.threshold),
        )
    ]
    test_rows: list[Row] = [
        ("combined model", model.threshold, *st.score(held_out, model.probability, model.threshold))
    ]
    for name in BASELINES:
        t = st.best_threshold(
            calibration, _single(name)
        )  # each baseline gets its own best threshold
        cal_rows.append((f"{name} alone", t, *st.score(calibration, _single(name), t)))
        test_rows.append((f"{name} alone", t, *st.score(held_out, _single(name), t)))
    _, dev = split(load_pairs())
    dev = [p for p in dev if p.kind != "random"]
    xd, yd = features(dev)
    pair_rows: list[Row] = [
        ("combined model", model.threshold, *prf(model.probability(xd) >= model.threshold, yd))
    ]
    return cal_rows, test_rows, pair_rows


def main(argv: list[str]) -> int:
    if "--check" not in argv:
        model = fit()
        WEIGHTS_PATH.write_text(model.to_json(), encoding="utf-8")
        load_model.cache_clear()
        print(f"wrote {WEIGHTS_PATH.name}: threshold {model.threshold:.2f}")
    model = load_model()
    held = sorted(
        p.name for p in st.STORIES.iterdir() if p.name not in st.CALIBRATION and p.is_dir()
    )
    titles = (
        f"calibration stories ({', '.join(st.CALIBRATION)})",
        f"HELD-OUT stories ({', '.join(held)})",
        "dev split of labelled pairs (hard negatives by design)",
    )
    for title, rows in zip(titles, evaluate(model)):
        print(f"\n{title}\n{'method':24} {'thresh':>6} {'P':>6} {'R':>6} {'F1':>6}")
        for name, t, p, r, f in rows:
            print(f"{name:24} {t:6.2f} {p:6.3f} {r:6.3f} {f:6.3f}")
    print("\nweights: " + ", ".join(f"{n}={w:+.2f}" for n, w in zip(model.features, model.weights)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
