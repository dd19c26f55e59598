"""Regularisation: a price on the weights' size, added to the cost (R1, R2), and dropout's masks (R3).

The tags (F1), (B4), (R1) … name equations of the course notes, docs/maths.md;
``creativenn maths R1`` prints one.

With a rate λ the network minimises ``C + λ R(W)`` instead of C alone:

- L2 (R1): ``R = ½ Σ w²``, so ``∂R/∂w = w``: each step pulls every weight
  towards 0 in proportion to its size ("weight decay": PyTorch's
  ``weight_decay``, TensorFlow Playground's L2).
- L1 (R2): ``R = Σ |w|``, so ``∂R/∂w = sign(w)``: the same pull on every
  weight whatever its size, so small weights reach 0 and stay there — a
  sparse network, its unneeded edges gone.

Only weights are penalised, not biases (as TensorFlow Playground does: a
bias moves the boundary, it does not make it wiggle).

Dropout (R3) switches each hidden neuron off with probability p while
training, a new choice every step, and scales the ones kept by 1/(1 − p)
("inverted dropout"), so that with every neuron on — testing, drawing —
each layer's input is the same size on average and nothing else changes.

Leaves out: per-layer rates, max-norm constraints, DropConnect.

>>> import numpy as np
>>> W = [np.array([[3.0, -4.0]])]
>>> penalty("l2", 0.5, W), penalty("l1", 0.5, W)   # ½·0.5·25, 0.5·7
(6.25, 3.5)
>>> grads = [np.zeros((1, 2))]
>>> add_gradient("l1", 0.1, W, grads); grads[0]
array([[ 0.1, -0.1]])
"""

from __future__ import annotations

import math

import numpy as np

KINDS = ("l1", "l2")


class Setting:
    """A network's setting checked whenever it is set (``net.dropout = 0.2`` between two steps)."""

    def __init__(self, check, doc: str):
        self.check, self.__doc__ = check, doc

    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __get__(self, net, owner=None):
        return self if net is None else getattr(net, self.name)

    def __set__(self, net, value):
        setattr(net, self.name, self.check(value))


def check_kind(kind: str | None) -> str | None:
    """The regularisation asked for, checked: None, "l1" or "l2"."""
    if kind is not None:
        kind = str(kind).lower()
        if kind in ("none", ""):
            kind = None
        elif kind not in KINDS:
            raise ValueError(f"regularization must be 'l1', 'l2' or None, got {kind!r}")
    return kind


def check_rate(rate: float) -> float:
    """λ checked: a number ≥ 0."""
    try:
        rate = float(rate)
    except (TypeError, ValueError):
        raise ValueError(f"regularization_rate must be a number, got {rate!r}") from None
    if not (math.isfinite(rate) and rate >= 0):
        raise ValueError(f"regularization_rate must be 0 or more (0.001 is a usual start), got {rate!r}")
    return rate


def penalty(kind: str | None, rate: float, weights) -> float:
    """λ R(W): what regularisation adds to the cost   (R1: ½ λ Σ w², R2: λ Σ |w|)."""
    if kind is None or rate == 0:
        return 0.0
    if kind == "l2":
        return 0.5 * rate * sum(float((W * W).sum()) for W in weights)  # (R1)
    return rate * sum(float(np.abs(W).sum()) for W in weights)  # (R2)


def add_gradient(kind: str | None, rate: float, weights, grads) -> None:
    """Add λ ∂R/∂W to each weight gradient, in place   (R1: λ w, R2: λ sign(w))."""
    if kind is None or rate == 0:
        return
    for W, g in zip(weights, grads, strict=True):
        if kind == "l2":
            g += rate * W  # (R1)
        else:
            g += rate * np.sign(W)  # (R2)


def check_dropout(p: float) -> float:
    try:
        p = float(p)
    except (TypeError, ValueError):
        raise ValueError(f"dropout must be a number 0 ≤ p < 1, got {p!r}") from None
    if not 0 <= p < 1:
        raise ValueError(f"dropout must be 0 ≤ p < 1 (the share of hidden neurons switched off while "
                         f"training; 0.1–0.5 are usual), got {p!r}")
    return p


def dropout_masks(n: int, sizes, p: float, rng, dtype=np.float64) -> list[np.ndarray]:
    """One mask a hidden layer, (n, size): 0 for a neuron dropped, 1/(1 − p) for one kept   (R3)."""
    return [(rng.random((n, size)) >= p).astype(dtype) / (1.0 - p) for size in sizes]


class Regularised:
    """A network's regularisation (R1, R2) and dropout (R3): set when it is made, or between two steps.

    For a network with ``_W`` (its weight views), ``sizes`` and ``dtype`` (``MLP``)."""

    regularization = Setting(check_kind, "None, 'l2' (R1) or 'l1' (R2): a price on the weights' size")
    regularization_rate = Setting(check_rate, "λ: how much that price counts against the loss (0: none)")
    dropout = Setting(check_dropout, "p: the share of hidden neurons off in each training step (R3)")

    def penalty(self) -> float:
        """λ R(W), what regularisation adds to the cost now   (R1, R2)."""
        return penalty(self.regularization, self.regularization_rate, self._W)

    def reseed(self, seed: int | None) -> None:
        """Start dropout's masks again from ``seed``: the same seed, the same masks step by step."""
        self._rng = np.random.default_rng(seed)

    def dropout_masks(self, n: int) -> list[np.ndarray] | None:
        """Masks for a training step on ``n`` samples, one a hidden layer (R3); None without dropout."""
        if not self.dropout or len(self.sizes) < 3:
            return None
        return dropout_masks(n, self.sizes[1:-1], self.dropout, self._rng, self.dtype)
