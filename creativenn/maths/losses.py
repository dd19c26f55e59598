"""Cost functions: one number for "how wrong" (C1–C4).

The tags (F1), (B4), (G1) … name equations of the course notes, docs/maths.md;
``creativenn maths B4`` prints one.

Each loss is written per element as ℓ(a, y) and averaged the way PyTorch's
losses do by default: over every output of every sample for ``mse``,
``half_mse``, ``mae`` and ``bce``; over samples only for ``cross_entropy``
(its per-sample value already sums over the classes).

For backpropagation each loss gives ``delta(a, y, z, activation)``, the
per-element ∂ℓ/∂z of the output layer (B4, first line): ∂ℓ/∂a ⊙ σ'(z).
Two pairs are fused because their product simplifies exactly and stays
finite where the separate factors would not: sigmoid with ``bce`` and
softmax with ``cross_entropy`` both give ``a − y``; their values are
computed from z (log-sum-exp), never from log(a).

Leaves out: class weights, label smoothing, reductions other than the mean.

>>> import numpy as np
>>> a, y = np.array([[0.5, 1.0]]), np.array([[1.0, 1.0]])
>>> float(get("mse").value(a, y, a, None))
0.125
>>> float(get("half_mse").value(a, y, a, None))  # (C3): 1/(2n) Σ e²
0.0625
"""

from __future__ import annotations

import numpy as np

NAMES = ("mse", "half_mse", "mae", "bce", "cross_entropy")


class Loss:
    """What every loss shares: the mean value, and ∂ℓ/∂z by the chain rule."""

    name = ""
    averages_outputs = True  # mean over every output (True) or over samples only
    needs = None  # the output activation it requires, if any

    def value(self, a, y, z, activation) -> float:
        """The mean loss over the batch, as PyTorch's default reduction takes it."""
        total = float(self.elementwise(a, y, z, activation).sum())
        return total / (a.size if self.averages_outputs else a.shape[0])

    def delta(self, a, y, z, activation):
        """∂ℓ/∂z = ∂ℓ/∂a ⊙ σ'(z)   (B4, output layer); through softmax's Jacobian if need be."""
        dl_da = self.grad_a(a, y)
        if activation.name == "softmax":
            return activation.backward(a, dl_da)
        return dl_da * activation.slope(z, a)

    def check_targets(self, y) -> None:
        """Raise a ValueError saying what is wrong if ``y`` (n, n_out) cannot be this loss's targets."""


class MSE(Loss):
    """(C2) mean of (a − y)²; punishes outliers."""

    name = "mse"

    def elementwise(self, a, y, z, activation):
        e = a - y
        return e * e

    def grad_a(self, a, y):
        return 2.0 * (a - y)


class HalfMSE(MSE):
    """(C3) the MLP course's cost C = 1/(2n) Σ e², e = a − d: the ½ cancels the 2."""

    name = "half_mse"

    def elementwise(self, a, y, z, activation):
        e = a - y
        return 0.5 * e * e

    def grad_a(self, a, y):
        return a - y  # (B1): the output error itself


class MAE(MSE):
    """(C1) mean of |a − y|; shrugs off outliers. Slope sign(e), 0 at e = 0."""

    name = "mae"

    def elementwise(self, a, y, z, activation):
        return np.abs(a - y)

    def grad_a(self, a, y):
        return np.sign(a - y)


class BCE(Loss):
    """(C4) −(y log a + (1 − y) log(1 − a)) with a = sigmoid(z).

    Computed from z as max(z, 0) − y z + log(1 + e^{−|z|}), which equals the
    formula above wherever that is finite and stays finite where it is not.
    """

    name = "bce"
    needs = "sigmoid"

    def elementwise(self, a, y, z, activation):
        return np.maximum(z, 0.0) - y * z + np.log1p(np.exp(-np.abs(z)))

    def delta(self, a, y, z, activation):
        return a - y  # ∂ℓ/∂a · σ'(z) = (a − y)/(a(1 − a)) · a(1 − a)

    def check_targets(self, y) -> None:
        if not (y.min() >= 0 and y.max() <= 1):
            raise ValueError("bce needs targets Y between 0 and 1 (probabilities)")


class CrossEntropy(Loss):
    """(C4) categorical cross-entropy −Σ_k y_k log a_k with a = softmax(z)."""

    name = "cross_entropy"
    averages_outputs = False
    needs = "softmax"

    def elementwise(self, a, y, z, activation):
        if a.min() > 0:  # log(a) is finite: the short way
            return -y * np.log(a)
        shifted = z - z.max(axis=-1, keepdims=True)  # a rounded to 0: log-sum-exp from z
        log_a = shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))
        return -y * log_a

    def delta(self, a, y, z, activation):
        return a - y  # the softmax Jacobian times −y/a, simplified (rows of y sum to 1)

    def check_targets(self, y) -> None:
        if not (y.min() >= 0 and np.abs(y.sum(axis=1) - 1.0).max() <= 1e-6):
            raise ValueError("cross_entropy needs each row of Y to be class probabilities summing to 1 "
                             "(one-hot), or Y to be class labels 0 … n_classes-1")


_ALL = {cls.name: cls for cls in (MSE, HalfMSE, MAE, BCE, CrossEntropy)}


def get(name: str):
    """The loss called ``name``; a ValueError listing the choices otherwise."""
    if not isinstance(name, str) or name not in _ALL:
        raise ValueError(f"unknown loss {name!r}: choose one of {', '.join(NAMES)}")
    return _ALL[name]()

