"""A 2-D slice of a network's loss landscape, and training paths projected onto it.

A network's loss lives over all its parameters θ at once; to look at it,
take a plane through weight space, θ(α, β) = θ₀ + α d₁ + β d₂, and compute
the loss at every (α, β) of a grid. With d₁, d₂ the two main directions (PCA)
of recorded training paths, the plane is the one those paths move in most,
and each path's projection onto it is where it went.

Leaves out: filter-normalised random directions (Li et al. 2018), which come
with the landscape sketch.

>>> import numpy as np
>>> path = np.array([[0.0, 0.0, 0.0], [1.0, 0.1, 0.0], [2.0, 0.0, 0.3]])
>>> d1, d2 = pca_directions(path - path[0])
>>> abs(float(d1 @ [1, 0, 0])) > 0.98  # the path goes mostly along the first axis
True
"""

from __future__ import annotations

import numpy as np


def pca_directions(steps) -> tuple[np.ndarray, np.ndarray]:
    """The two unit directions along which the rows of ``steps`` (θ − θ₀) vary most."""
    steps = np.asarray(steps, dtype=float)
    if steps.ndim != 2 or steps.shape[0] < 2:
        raise ValueError("pca_directions needs a path of at least 2 points, as rows")
    _, _, vt = np.linalg.svd(steps - steps.mean(axis=0), full_matrices=False)
    if vt.shape[0] < 2:
        raise ValueError("the path must span at least two directions")
    return vt[0], vt[1]


def project(path, origin, d1, d2) -> np.ndarray:
    """(α, β) of each point of ``path`` in the plane origin + α d₁ + β d₂ (least squares)."""
    basis = np.column_stack([d1, d2])
    coefficients, *_ = np.linalg.lstsq(basis, (np.asarray(path) - origin).T, rcond=None)
    return coefficients.T


def plane_losses(net, X, Y, origin, d1, d2, alphas, betas) -> np.ndarray:
    """The loss at θ₀ + α d₁ + β d₂ for every α in ``alphas`` (columns), β in ``betas`` (rows).

    The network's own parameters are put back afterwards.
    """
    saved = net.parameters()
    losses = np.empty((len(betas), len(alphas)))
    try:
        for i, beta in enumerate(betas):
            for j, alpha in enumerate(alphas):
                net.set_parameters(origin + alpha * d1 + beta * d2)
                losses[i, j] = net.loss(X, Y)
    finally:
        net.set_parameters(saved)
    return losses
