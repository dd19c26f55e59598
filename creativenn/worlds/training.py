"""A network learning its data a few steps a frame: the training loop a sketch's draw() runs (G1, G2).

The tags (F1), (B4), (G1) … name equations of the course notes, docs/maths.md;
``creativenn maths B4`` prints one.

Each ``step`` takes ``batch_size`` samples at random (with replacement:
mini-batch descent; all of them is batch descent, 1 stochastic) and moves
every weight θ ← θ − η ∇C(θ) with the optimizer's rule. The loss over all
the data before each step is kept for the curve. A run that diverges (its
loss 4× its start, ``divergence``) raises DivergedError and the network goes
back to its last weights within that bound.

Leaves out: epochs in order (``MLP.fit`` does those, for notebooks).

>>> import creativenn as cnn
>>> X, Y = cnn.datasets.xor()
>>> run = Training(cnn.MLP([2, 4, 1], activation="tanh", loss="bce"), X, Y, cnn.Adam(0.05), batch_size=4)
>>> run.step(500); run.steps, run.losses[-1] < 0.1
(500, True)
"""

from __future__ import annotations

import numpy as np

from ..maths.mlp import MLP
from ..maths.optimizers import Optimizer


class Training:
    """A network, its data and optimizer, and the losses so far; ``step(n)`` trains it a little."""

    def __init__(self, net: MLP, X, Y, optimizer: Optimizer, batch_size: int = 16,
                 seed: int | np.random.Generator | None = 0):
        self.net, self.X, self.Y, self.optimizer = net, X, Y, optimizer
        self.batch_size = min(batch_size, len(X))
        self.rng = np.random.default_rng(seed)
        self.losses: list[float] = []

    @property
    def steps(self) -> int:
        return len(self.losses)

    @property
    def loss(self) -> float:
        """The loss over all the data before the last step (NaN before the first)."""
        return self.losses[-1] if self.losses else float("nan")

    @property
    def learning_rate(self) -> float:
        return self.optimizer.learning_rate

    @learning_rate.setter
    def learning_rate(self, value: float) -> None:
        self.optimizer.learning_rate = value

    def step(self, n: int = 1) -> None:
        """``n`` mini-batch steps (G2); DivergedError, last good weights back, if the run diverges."""
        for _ in range(n):
            batch = self.rng.integers(0, len(self.X), self.batch_size)
            self.losses.append(self.net.step(self.X, self.Y, self.optimizer, rows=batch))
