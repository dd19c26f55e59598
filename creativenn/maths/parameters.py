"""A network's weights and biases: one flat array, seen layer by layer as W_l and b_l.

``weights[l]`` is shaped (n_out, n_in), the matrix W of layer l+1 in
``a_l = σ(W_l a_{l-1} + b_l)`` (F1): row k holds the weights into neuron k;
``biases[l]`` is (n_out,). Both are views into one flat array, so an
optimizer updates the whole network with a few numpy calls, and a weight
changed in place (``net.weights[0][1, 0] = 2.0``) is the network's weight.
The gradient has a flat array of the same layout; ``Gradients`` is a copy of it
for the user.

``MLP`` (mlp.py) is these numbers and the maths that uses them; the tags (F1) …
name equations of the course notes, docs/maths.md.

Leaves out: what the numbers do.

>>> p = Parameters((2, 3, 1), "float64", seed=0)
>>> [w.shape for w in p.weights], p.n_parameters
([(3, 2), (1, 3)], 13)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .checks import as_array, require_finite


class Parameters:
    """The weights and biases of layers ``sizes``: Glorot-uniform weights from ``seed`` (He-uniform for
    the layers in ``feeds_relu``), biases 0."""

    def __init__(self, sizes: tuple[int, ...], dtype, seed: int | None = 0, feeds_relu=()):
        self.sizes, self.dtype = tuple(sizes), np.dtype(dtype)
        shapes = []
        for n_in, n_out in zip(self.sizes[:-1], self.sizes[1:], strict=True):
            shapes += [(n_out, n_in), (n_out,)]
        self._flat = np.zeros(sum(math.prod(s) for s in shapes), self.dtype)
        self._grad = np.zeros_like(self._flat)
        self._W, self._b = _views(self._flat, shapes)
        self._gW, self._gb = _views(self._grad, shapes)
        rng = np.random.default_rng(seed)
        for l, W in enumerate(self._W):
            n_out, n_in = W.shape
            # He-uniform before a ReLU, Glorot-uniform elsewhere: keeps signals' size steady
            limit = math.sqrt(6.0 / n_in) if l in feeds_relu else math.sqrt(6.0 / (n_in + n_out))
            W[...] = rng.uniform(-limit, limit, W.shape)

    @property
    def weights(self) -> list[np.ndarray]:
        """The weight matrices W_1 … W_L, each (n_out, n_in); views, change in place."""
        return list(self._W)

    @weights.setter
    def weights(self, new) -> None:
        self._assign(self._W, new, "weights")

    @property
    def biases(self) -> list[np.ndarray]:
        """The bias vectors b_1 … b_L, each (n_out,); views, change in place."""
        return list(self._b)

    @biases.setter
    def biases(self, new) -> None:
        self._assign(self._b, new, "biases")

    def _assign(self, views, new, name):
        new = list(new)
        if len(new) != len(views):
            raise ValueError(f"{name} needs {len(views)} arrays, got {len(new)}")
        arrays = [as_array(a, f"{name}[{i}]", self.dtype) for i, a in enumerate(new)]
        for i, (view, array) in enumerate(zip(views, arrays, strict=True)):
            if array.shape != view.shape:
                raise ValueError(f"{name}[{i}] must be shaped {view.shape}, got {array.shape}")
            require_finite(array, f"{name}[{i}]")
        for view, array in zip(views, arrays, strict=True):
            view[...] = array

    def parameters(self) -> np.ndarray:
        """Every weight and bias in one vector (a copy): W_1, b_1, W_2, b_2, …"""
        return self._flat.copy()

    def set_parameters(self, vector) -> None:
        """Load every weight and bias from one vector laid out as ``parameters()``."""
        vector = as_array(vector, "vector", self.dtype)
        if vector.shape != self._flat.shape:
            raise ValueError(f"vector must hold {self._flat.size} numbers for {self.sizes}, got shape "
                             f"{vector.shape}")
        require_finite(vector, "vector")
        self._flat[...] = vector

    @property
    def n_parameters(self) -> int:
        return self._flat.size


@dataclass
class Gradients:
    """∂C/∂W_l and ∂C/∂b_l for every layer (B4) and the loss C; with regularisation, of C + λR(W),
    and ``penalty`` is λR(W) (R1, R2)."""

    weights: list[np.ndarray]
    biases: list[np.ndarray]
    loss: float
    penalty: float = 0.0

    def norm(self) -> float:
        """|∇C|: the length of the whole gradient, every weight and bias together."""
        return float(np.sqrt(sum(float((g * g).sum()) for g in self.weights + self.biases)))


def _views(flat, shapes):
    views, start = [], 0
    for shape in shapes:
        size = math.prod(shape)
        views.append(flat[start : start + size].reshape(shape))
        start += size
    return views[0::2], views[1::2]
