"""Labelled sentence pairs for calibrating and evaluating the aligner.

The pairs in ``benchmarks/data/pairs/*.jsonl`` were written for this project
(general news in many domains; nothing from the sample story). Pairs that share
a sentence belong to one story, and a story goes wholly to train or to dev, so
the dev score is not inflated by sentences seen in training.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from claimdiff.align import prepare_claims
from claimdiff.align.features import FloatArray, pair_features
from claimdiff.extract import extract_text

DATA = Path(__file__).parent / "data" / "pairs"
DEV_SHARE = 0.3


@dataclass(frozen=True)
class Pair:
    id: str
    a: str
    b: str
    label: int
    kind: str


def load_pairs() -> list[Pair]:
    pairs = []
    for path in sorted(DATA.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                pairs.append(Pair(d["id"], d["a"], d["b"], int(d["label"]), d["kind"]))
    return pairs


RANDOM_PER_SENTENCE = 3


def split(pairs: list[Pair]) -> tuple[list[Pair], list[Pair]]:
    """Story-wise split: pairs linked by a shared sentence stay on the same side.

    Each side also gets random cross-story pairs (label 0): in a real comparison
    most candidate pairs are unrelated sentences, and a model that never saw
    them would learn that low surface similarity means "paraphrase".
    """
    story = _stories(pairs)
    train, dev = [], []
    for p in pairs:
        digest = hashlib.sha256(story[p.a].encode()).digest()
        (dev if digest[0] / 256 < DEV_SHARE else train).append(p)
    return train + _random_negatives(train, story), dev + _random_negatives(dev, story)


def _random_negatives(pairs: list[Pair], story: dict[str, str]) -> list[Pair]:
    sentences = sorted({s for p in pairs for s in (p.a, p.b)})
    rng = np.random.default_rng(20261122)
    out = []
    for i, a in enumerate(sentences):
        for k in rng.choice(len(sentences), size=RANDOM_PER_SENTENCE, replace=False):
            b = sentences[int(k)]
            if story[a] != story[b]:
                out.append(Pair(f"random-{i}-{k}", a, b, 0, "random"))
    return out


def _stories(pairs: list[Pair]) -> dict[str, str]:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p in pairs:
        ra, rb = find(p.a), find(p.b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {s: find(s) for p in pairs for s in (p.a, p.b)}


def features(pairs: list[Pair]) -> tuple[FloatArray, FloatArray]:
    """Feature matrix and labels; idf comes from all sentences of the given pairs."""
    sentences = sorted({s for p in pairs for s in (p.a, p.b)})
    index = {s: i for i, s in enumerate(sentences)}
    claims = [extract_text(s) for s in sentences]
    prep = prepare_claims(claims)
    left = np.asarray([index[p.a] for p in pairs], dtype=np.int64)
    right = np.asarray([index[p.b] for p in pairs], dtype=np.int64)
    y = np.asarray([p.label for p in pairs], dtype=np.float64)
    return pair_features(prep, left, right), y


def prf(pred: np.ndarray, y: np.ndarray) -> tuple[float, float, float]:
    tp = float(np.sum(pred & (y == 1)))
    fp = float(np.sum(pred & (y == 0)))
    fn = float(np.sum(~pred & (y == 1)))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def best_threshold(scores: np.ndarray, y: np.ndarray) -> float:
    """The threshold maximising F1 (ties: the higher threshold, fewer false merges)."""
    best, best_f = 0.5, -1.0
    for t in np.unique(np.round(scores, 4)):
        f = prf(scores >= t, y)[2]
        if f >= best_f:
            best, best_f = float(t), f
    return best
