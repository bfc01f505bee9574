"""The calibrated model that turns pair features into a probability of "same claim".

Weights are fitted by ``benchmarks/calibrate.py`` on the training split of the
labelled pairs in ``benchmarks/data/pairs/`` and shipped as JSON.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
from numpy.typing import NDArray

from claimdiff.align.features import FEATURES

WEIGHTS_FILE = "align_weights.json"


@dataclass(frozen=True)
class Model:
    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float  # decision threshold on the probability, chosen on held-out pairs

    def probability(self, x: NDArray[np.float64]) -> NDArray[np.float64]:
        if x.shape[0] == 0:
            return np.zeros(0)
        # Column by column, not ``x @ w``: a BLAS product may round a row differently
        # depending on where it sits in the batch, and a pair's probability must not
        # depend on which other pairs are scored with it.
        z = np.full(x.shape[0], self.bias)
        for j, w in enumerate(self.weights):
            if w != 0.0:
                z += x[:, j] * w
        return np.asarray(1.0 / (1.0 + np.exp(-z)), dtype=np.float64)

    @property
    def unused(self) -> frozenset[str]:
        """Features with zero weight: computing them cannot change a probability."""
        return frozenset(f for f, w in zip(self.features, self.weights) if w == 0.0)

    def to_json(self) -> str:
        data = {
            "features": list(self.features),
            "weights": [round(w, 6) for w in self.weights],
            "bias": round(self.bias, 6),
            "threshold": round(self.threshold, 4),
        }
        return json.dumps(data, indent=2) + "\n"


@lru_cache(maxsize=1)
def load_model() -> Model:
    text = (resources.files("claimdiff") / "data" / WEIGHTS_FILE).read_text(encoding="utf-8")
    data = json.loads(text)
    if tuple(data["features"]) != FEATURES:
        raise RuntimeError(f"{WEIGHTS_FILE} was fitted for other features; rerun make calibrate")
    return Model(tuple(data["features"]), tuple(data["weights"]), data["bias"], data["threshold"])


def fit_logistic(
    x: NDArray[np.float64],
    y: NDArray[np.float64],
    *,
    l2: float = 1.0,
    signs: tuple[int, ...] | None = None,
    sample_weight: NDArray[np.float64] | None = None,
    sweeps: int = 300,
) -> tuple[NDArray[np.float64], float]:
    """L2-regularised logistic regression with sign constraints on the weights.

    A similarity signal must never lower the probability of a match (sign +1),
    a mismatch signal never raise it (-1); 0 leaves a weight free. Solved by
    cyclic coordinate descent with one Newton step per coordinate, projected
    onto the allowed sign: convex, deterministic, and small enough to need no
    optimisation library.
    """
    n, d = x.shape
    sw = np.ones(n) if sample_weight is None else sample_weight
    xb = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(d + 1)
    bounds = [*signs, 0] if signs is not None else [0] * (d + 1)
    z = xb @ w
    for _ in range(sweeps):
        biggest = 0.0
        for k in range(d + 1):
            p = 1.0 / (1.0 + np.exp(-z))
            reg = l2 if k < d else 0.0
            grad = xb[:, k] @ (sw * (p - y)) + reg * w[k]
            hess = (xb[:, k] ** 2) @ (sw * p * (1 - p)) + reg + 1e-12
            new = w[k] - grad / hess
            if bounds[k] > 0:
                new = max(new, 0.0)
            elif bounds[k] < 0:
                new = min(new, 0.0)
            step = new - w[k]
            if step:
                z += step * xb[:, k]
                w[k] = new
                biggest = max(biggest, abs(step))
        if biggest < 1e-7:
            break
    return w[:-1], float(w[-1])
