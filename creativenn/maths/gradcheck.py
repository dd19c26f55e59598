"""Checking backpropagation against the definition of a derivative.

The tags (F1), (B4), (G1) … name equations of the course notes, docs/maths.md;
``creativenn maths B4`` prints one.

Each parameter is nudged by ±ε and the loss's change measured:
``∂C/∂θ ≈ (C(θ + ε) − C(θ − ε)) / 2ε`` (central differences, error O(ε²)).
Backprop (B4) should agree with it to many digits; if it does not, the
chain rule was written wrong somewhere. The cost nudged is the one a step
goes down: C + λR(W) with regularisation (R1, R2), through the same dropout
``masks`` (R3) when they are given.

Leaves out: checking second derivatives.

>>> from creativenn.maths.mlp import MLP
>>> import numpy as np
>>> net = MLP([2, 3, 1], activation="tanh", loss="mse", seed=1)
>>> X, Y = np.random.default_rng(0).normal(size=(5, 2)), np.ones((5, 1))
>>> gradient_check(net, X, Y) < 1e-6
True
"""

from __future__ import annotations

import numpy as np


def numerical_gradient(net, X, Y, eps: float = 1e-6, masks=None) -> np.ndarray:
    """∂C/∂θ for every parameter by central differences, laid out as ``parameters()``."""
    theta = net.parameters()
    grad = np.empty_like(theta)
    try:
        for i in range(theta.size):
            nudged = theta.copy()
            nudged[i] = theta[i] + eps
            net.set_parameters(nudged)
            up = net.loss(X, Y, masks) + net.penalty()
            nudged[i] = theta[i] - eps
            net.set_parameters(nudged)
            down = net.loss(X, Y, masks) + net.penalty()
            grad[i] = (up - down) / (2 * eps)
    finally:
        net.set_parameters(theta)
    return grad


def gradient_check(net, X, Y, eps: float = 1e-6, masks=None) -> float:
    """The largest relative difference between backprop's and the numerical gradient.

    For each parameter ``|a − n| / max(|a|, |n|, 1e-4)``: relative where the
    gradient is sizeable, absolute (scaled) where it is near 0. Below 1e-6
    means they agree.
    """
    g = net.gradients(X, Y, masks)
    pairs = zip(g.weights, g.biases, strict=True)
    analytic = np.concatenate([np.concatenate([w.ravel(), b]) for w, b in pairs])
    numeric = numerical_gradient(net, X, Y, eps, masks)
    scale = np.maximum(np.maximum(np.abs(analytic), np.abs(numeric)), 1e-4)
    return float(np.max(np.abs(analytic - numeric) / scale))
