"""The perceptron: one neuron with a step activation and its learning rule (P1).

The tags (F1), (B4), (G1) … name equations of the course notes, docs/maths.md;
``creativenn maths B4`` prints one.

``guess = sign(w · x + b)``; learn one sample at a time with
``w ← w + η (target − guess) x`` and ``b ← b + η (target − guess)``. It
separates classes that a straight line (a plane) can separate, and for two
inputs its boundary ``w_0 x + w_1 y + b = 0`` is a line to draw.

Leaves out: the pocket algorithm and margins; for curved boundaries use an MLP.

>>> p = Perceptron(2, learning_rate=0.1, seed=0)
>>> p.train([1.0, 1.0], target=1) in (0, 2)
True
"""

from __future__ import annotations

import numpy as np

from ..maths.checks import as_array, positive_int, require_finite


class Perceptron:
    """One step-activated neuron: ``weights`` (n_inputs,), ``bias``, ``learning_rate``."""

    def __init__(self, n_inputs: int, learning_rate: float = 0.01, seed: int | None = 0):
        self.n_inputs = positive_int(n_inputs, "n_inputs")
        if not (np.isfinite(learning_rate) and learning_rate > 0):
            raise ValueError(f"learning_rate must be a positive number, got {learning_rate!r}")
        self.learning_rate = float(learning_rate)
        rng = np.random.default_rng(seed)
        self.weights = rng.uniform(-1.0, 1.0, self.n_inputs)  # as The Nature of Code starts
        self.bias = float(rng.uniform(-1.0, 1.0))
        self.steps = 0

    def _inputs(self, X) -> np.ndarray:
        X = as_array(X, "X")
        if X.shape[-1:] != (self.n_inputs,) or X.ndim > 2:
            raise ValueError(
                f"X must be shaped (n_samples, {self.n_inputs}) or ({self.n_inputs},), got {X.shape}"
            )
        require_finite(X, "X")
        return X

    def weighted_sum(self, X) -> np.ndarray:
        """w · x + b for each sample (F1 with no squashing)."""
        return self._inputs(X) @ self.weights + self.bias

    def predict(self, X):
        """+1 or −1 for each sample: sign(w · x + b), +1 on the boundary   (P1)."""
        guess = np.where(self.weighted_sum(X) >= 0, 1, -1)
        return int(guess) if guess.ndim == 0 else guess

    def train(self, x, target: int) -> int:
        """Learn from one sample; returns the error target − guess (0, or ±2)   (P1)."""
        if target not in (1, -1):
            raise ValueError(f"target must be +1 or -1, got {target!r}")
        x = self._inputs(x)
        if x.ndim != 1:
            raise ValueError("train takes one sample at a time (the perceptron rule is online)")
        error = target - self.predict(x)
        self.weights += self.learning_rate * error * x  # w ← w + η (target − guess) x
        self.bias += self.learning_rate * error
        self.steps += 1
        return int(error)

    def accuracy(self, X, targets) -> float:
        """The share of samples whose guess equals the target."""
        return float(np.mean(self.predict(X) == np.asarray(targets)))

    def boundary_y(self, x):
        """For two inputs: the y of the boundary w_0 x + w_1 y + b = 0 at ``x``.

        Returns NaN when w_1 = 0 (the boundary is vertical: x = −b / w_0).
        """
        if self.n_inputs != 2:
            raise ValueError("boundary_y is for a perceptron with 2 inputs")
        w0, w1 = self.weights
        x = np.asarray(x, dtype=float)
        if w1 == 0:
            return np.full_like(x, np.nan)
        return -(w0 * x + self.bias) / w1

    def __repr__(self) -> str:
        return f"Perceptron(weights={np.round(self.weights, 4).tolist()}, bias={self.bias:.4f})"
