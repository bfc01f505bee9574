"""Fit the aligner's pair model and choose its threshold; measure how well that works.

    python -m benchmarks.calibrate          # fit on all stories, write the weights, evaluate
    python -m benchmarks.calibrate --check  # evaluate only (the shipped weights are untouched)

Training data: every candidate pair of the hand-labelled multi-outlet stories in
``benchmarks/data/stories/``, labelled by their ground-truth alignment. That is
the realistic mix: almost every negative is another sentence about the same
event. The threshold maximises alignment F1 on the training stories.

Quality is measured by leave-one-story-out cross-validation: for each story,
the model and threshold are fitted on the other stories only and the story is
aligned with them, so no score is measured on data it was fitted on. Single
signals get the same treatment (their own best threshold on the other stories).
The hand-written labelled pairs (``benchmarks/data/pairs/``, full of hard
negatives by design) are reported as a second, pair-level view.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np

from benchmarks import stories as st
from benchmarks.pairs import features, load_pairs, prf, split
from claimdiff.align.features import FEATURES, SIGNS, FloatArray
from claimdiff.align.model import WEIGHTS_FILE, Model, fit_logistic, load_model

WEIGHTS_PATH = Path(__file__).resolve().parent.parent / "claimdiff" / "data" / WEIGHTS_FILE
BASELINES = ("token_set", "token_sort", "ratio", "word_lcs", "cosine", "dice")
L2 = 0.5

Scorer = Callable[[FloatArray], FloatArray]
Row = tuple[str, float, float, float]


def story_xy(stories: list[st.Story]) -> tuple[FloatArray, FloatArray]:
    x = np.vstack([s.x for s in stories])
    y = np.concatenate(
        [
            [
                float((min(a, b), max(a, b)) in s.truth)
                for a, b in zip(s.left.tolist(), s.right.tolist())
            ]
            for s in stories
        ]
    )
    return x, y


def fit(stories: list[st.Story], signs: tuple[int, ...] = SIGNS) -> Model:
    x, y = story_xy(stories)
    w, b = fit_logistic(x, y, l2=L2, signs=signs)
    model = Model(FEATURES, tuple(float(v) for v in w), b, 0.5)
    return Model(FEATURES, model.weights, model.bias, st.best_threshold(stories, model.probability))


def _single(name: str) -> Callable[[list[st.Story]], tuple[Scorer, float]]:
    return _single_column(FEATURES.index(name))


def _single_column(k: int) -> Callable[[list[st.Story]], tuple[Scorer, float]]:
    def train(stories: list[st.Story]) -> tuple[Scorer, float]:
        def scorer(x: FloatArray) -> FloatArray:
            return x[:, k]

        return scorer, st.best_threshold(stories, scorer)

    return train


def _combined(stories: list[st.Story]) -> tuple[Scorer, float]:
    model = fit(stories)
    return model.probability, model.threshold


def _with_partial(stories: list[st.Story]) -> tuple[Scorer, float]:
    model = fit(stories, signs=(*SIGNS, 1))
    return model.probability, model.threshold


def partial_ratio_stories(stories: list[st.Story]) -> list[st.Story]:
    """The stories with rapidfuzz's partial_ratio appended as a last column. The
    shipped model uses word_lcs instead; these rows show what that trade costs."""
    from rapidfuzz import fuzz, process

    from claimdiff.align import prepare_claims

    out = []
    for s in stories:
        texts = prepare_claims(s.claims).texts
        x, y = [texts[i] for i in s.left], [texts[j] for j in s.right]
        col = np.asarray(process.cpdist(x, y, scorer=fuzz.partial_ratio, workers=-1)) / 100.0
        out.append(replace(s, x=np.column_stack([s.x, col])))
    return out


def leave_one_out(
    stories: list[st.Story], train: Callable[[list[st.Story]], tuple[Scorer, float]]
) -> Row:
    tp = fp = fn = 0
    for k, held in enumerate(stories):
        scorer, threshold = train([s for i, s in enumerate(stories) if i != k])
        found = st.predicted_pairs(held, scorer(held.x), threshold)
        tp += len(found & held.truth)
        fp += len(found - held.truth)
        fn += len(held.truth - found)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return ("", p, r, 2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str]) -> int:
    stories = st.load_stories()
    if "--check" not in argv:
        model = fit(stories)
        WEIGHTS_PATH.write_text(model.to_json(), encoding="utf-8")
        load_model.cache_clear()
        print(
            f"wrote {WEIGHTS_PATH.name}: fitted on all {len(stories)} stories, "
            f"threshold {model.threshold:.2f}"
        )
    model = load_model()
    pairs = sum(len(s.truth) for s in stories)
    print(
        f"\nleave-one-story-out alignment quality ({len(stories)} stories, "
        f"{sum(len(s.claims) for s in stories)} claims, {pairs} true pairs)"
    )
    print(f"{'method':26} {'P':>6} {'R':>6} {'F1':>6}")
    rows = [("combined model", _combined)] + [(f"{b} alone", _single(b)) for b in BASELINES]
    for name, train in rows:
        _, p, r, f = leave_one_out(stories, train)
        print(f"{name:26} {p:6.3f} {r:6.3f} {f:6.3f}")
    with_partial = partial_ratio_stories(stories)
    for name, train in (
        ("model + partial_ratio", _with_partial),
        ("partial_ratio alone", _single_column(len(FEATURES))),
    ):
        _, p, r, f = leave_one_out(with_partial, train)
        print(f"{name:26} {p:6.3f} {r:6.3f} {f:6.3f}")
    print(f"\nshipped weights, threshold {model.threshold:.2f}, per story (in-sample):")
    for s in stories:
        p, r, f = st.score([s], model.probability, model.threshold)
        print(f"  {s.name:26} P {p:5.3f}  R {r:5.3f}  F1 {f:5.3f}")
    _, dev = split(load_pairs())
    dev = [p for p in dev if p.kind != "random"]
    xd, yd = features(dev)
    p, r, f = prf(model.probability(xd) >= model.threshold, yd)
    print(
        f"\nlabelled pairs, dev split ({len(dev)} pairs, hard negatives by design): "
        f"P {p:.3f} R {r:.3f} F1 {f:.3f}"
    )
    print("\nweights: " + ", ".join(f"{n}={w:+.2f}" for n, w in zip(model.features, model.weights)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
