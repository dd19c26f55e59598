"""Activation functions σ and their slopes σ', the squashing step of (F1).

The tags (F1), (B4), (G1) … name equations of the course notes, docs/maths.md;
``creativenn maths B4`` prints one.

Each activation is a small object with two vectorized methods:

- ``value(z)``: σ(z), applied element by element (softmax: along each row);
- ``slope(z, a)``: σ'(z) element by element, given both z and a = σ(z), so
  that the cheap form can be used: sigmoid's ``a (1 - a)``, tanh's
  ``1 - a²`` (F2).

Softmax is not element by element: its Jacobian is a matrix per sample, so it
has ``backward(a, dC_da)`` instead of ``slope`` and the network calls that.

``sin``, ``gaussian`` and ``abs`` are the shapes a CPPN paints with
(repetition, a soft bump, mirror symmetry); they train like the others.

Leaves out: activations with learned parameters (PReLU), and the step
function, which has no useful slope (the perceptron uses it directly).

>>> import numpy as np
>>> get("sigmoid").value(np.array([0.0]))
array([0.5])
>>> get("relu").slope(np.array([-1.0, 2.0]), None)
array([0., 1.])
"""

from __future__ import annotations

import numpy as np

NAMES = ("sigmoid", "tanh", "relu", "leaky_relu", "linear", "softmax", "sin", "gaussian", "abs")


_EXP_LIMIT = {np.dtype(np.float64): 700.0, np.dtype(np.float32): 80.0}  # e^limit is finite (float16: 11)


class Sigmoid:
    """σ(z) = 1 / (1 + e^{−z}),  σ'(z) = a (1 − a)   (F2)."""

    name = "sigmoid"

    def value(self, z: np.ndarray) -> np.ndarray:
        # 1 / (1 + e^{−z}) in place, with −z capped where e^{−z} would overflow its float type (σ is
        # 0 to far below a pixel or a gradient there): twice as fast as the tanh form in float64
        z = np.asarray(z)
        t = np.negative(z, dtype=z.dtype if z.dtype.kind == "f" else float)
        if not t.ndim:  # one number: as it came, a number
            return 1.0 / (1.0 + np.exp(min(t, _EXP_LIMIT.get(t.dtype, 11.0))))
        np.minimum(t, _EXP_LIMIT.get(t.dtype, 11.0), out=t)
        np.exp(t, out=t)
        t += 1.0
        return np.reciprocal(t, out=t)

    def slope(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        return a * (1.0 - a)  # (F2), written from the output


class Tanh:
    """tanh(z),  slope 1 − a²   (F2)."""

    name = "tanh"

    def value(self, z: np.ndarray) -> np.ndarray:
        return np.tanh(z)

    def slope(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        return 1.0 - a * a


class ReLU:
    """max(0, z); slope 0 for z ≤ 0 and 1 above (F2), as PyTorch takes it at 0."""

    name = "relu"

    def value(self, z: np.ndarray) -> np.ndarray:
        return np.maximum(z, 0.0)

    def slope(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        return (z > 0).astype(z.dtype)


class LeakyReLU:
    """z for z > 0, else 0.01 z: a small slope keeps 'dead' neurons learning."""

    name = "leaky_relu"
    negative_slope = 0.01

    def value(self, z: np.ndarray) -> np.ndarray:
        return np.where(z > 0, z, self.negative_slope * z)

    def slope(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        return np.where(z > 0, 1.0, self.negative_slope).astype(z.dtype)


class Linear:
    """The identity: a = z, slope 1. For regression outputs."""

    name = "linear"

    def value(self, z: np.ndarray) -> np.ndarray:
        return z

    def slope(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        return np.ones_like(z)


class Softmax:
    """softmax(z)_k = e^{z_k} / Σ_j e^{z_j}, along each sample's row.

    Outputs are positive and sum to 1: probabilities of the classes (C4).
    """

    name = "softmax"

    def value(self, z: np.ndarray) -> np.ndarray:
        e = np.exp(z - z.max(axis=-1, keepdims=True))  # shifted: never overflows
        return e / e.sum(axis=-1, keepdims=True)

    def backward(self, a: np.ndarray, dC_da: np.ndarray) -> np.ndarray:
        """∂C/∂z from ∂C/∂a through the Jacobian ∂a_k/∂z_j = a_k (δ_kj − a_j)."""
        return a * (dC_da - (dC_da * a).sum(axis=-1, keepdims=True))


class Sin:
    """sin(z), slope cos(z): waves, so a CPPN's picture repeats."""

    name = "sin"

    def value(self, z: np.ndarray) -> np.ndarray:
        return np.sin(z)

    def slope(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        return np.cos(z)


class Gaussian:
    """e^{−z²}, slope −2 z a: a soft bump, 1 at z = 0 and 0 far away."""

    name = "gaussian"

    def value(self, z: np.ndarray) -> np.ndarray:
        return np.exp(-z * z)

    def slope(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        return -2.0 * z * a


class Abs:
    """|z|, slope sign(z) (0 at 0, as PyTorch takes it): mirror symmetry."""

    name = "abs"

    def value(self, z: np.ndarray) -> np.ndarray:
        return np.abs(z)

    def slope(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        return np.sign(z)


RANGES = {"sigmoid": (0.0, 1.0), "softmax": (0.0, 1.0), "tanh": (-1.0, 1.0), "sin": (-1.0, 1.0),
          "gaussian": (0.0, 1.0)}  # bounded outputs


def value_range(name: str):
    """(lowest, highest) value activation ``name`` can give, or None if it is unbounded."""
    return RANGES.get(name)


_ALL = {cls.name: cls for cls in (Sigmoid, Tanh, ReLU, LeakyReLU, Linear, Softmax, Sin, Gaussian, Abs)}


def get(name: str):
    """The activation called ``name``; a ValueError listing the choices otherwise."""
    if not isinstance(name, str) or name not in _ALL:
        raise ValueError(
            f"unknown activation {name!r}: choose one of {', '.join(NAMES)}"
        )
    return _ALL[name]()
