"""Basins of attraction: where does descent end, from every start at once?

The tags (F1), (B4), (G1) … name equations of the course notes, docs/maths.md;
``creativenn maths B4`` prints one.

Thousands of balls start on a grid over a surface and all descend together,
one vectorized optimizer step for all of them (the rules of
``creativenn.maths.optimizers``, applied to an (n, 2) array of positions). Each
start is then labelled by the known minimum its ball ended near: painting
the grid by label shows each minimum's basin, and how an optimizer and its
learning rate redraw the borders (momentum carries balls over ridges; a
large step throws them into another basin).

Leaves out: surfaces without known minima (label by clustering the ends
yourself: ``descend`` gives them).

>>> from creativenn.worlds.surfaces import surface
>>> s = surface("himmelblau")
>>> ends = descend(s, [[2.0, 1.0], [-2.0, 2.0]], "sgd", 0.01, steps=300)
>>> basin_labels(s, ends).tolist()  # the minima near (3, 2) and (−2.8, 3.1)
[0, 1]
"""

from __future__ import annotations

import numpy as np

from ..maths.checks import as_array, positive_int
from ..maths.optimizers import make
from .ball import learning_rate_for
from .surfaces import Surface

ESCAPED = -1  # the label of a start whose ball flew off or settled nowhere known


def descend(surface: Surface, starts, optimizer: str = "sgd", learning_rate: float | None = None,
            steps: int = 400) -> np.ndarray:
    """Where each of ``starts`` (n, 2) ends after ``steps`` steps; NaN where its ball flew off.

    Every ball runs the same optimizer from rest (its own memory per ball,
    since the rules work element by element); ``learning_rate`` defaults to
    ``ball.learning_rate_for(optimizer, surface)``.
    """
    p = as_array(starts, "starts").reshape(-1, 2).copy()
    steps = positive_int(steps, "steps")
    rule = make(optimizer, learning_rate or learning_rate_for(optimizer, surface))
    memory = tuple(np.zeros_like(p) for _ in rule.state_names)
    (x0, x1), (y0, y1) = surface.bounds
    reach = 10 * max(x1 - x0, y1 - y0)
    with np.errstate(all="ignore"):  # balls that fly off become NaN and stay so
        for _ in range(steps):
            gx, gy = surface.gradient(p[:, 0], p[:, 1])
            rule.steps += 1  # the rules read the step count (Adam's bias correction)
            p, memory = rule.rule(p, np.column_stack([gx, gy]), *memory)  # θ ← θ − η … (G1)
            gone = ~(np.abs(p) < reach).all(axis=1)
            p[gone] = np.nan
    return p


def basin_labels(surface: Surface, ends, tolerance: float | None = None) -> np.ndarray:
    """The index in ``surface.minima`` each end is nearest to, or ESCAPED if none is within ``tolerance``.

    ``tolerance`` defaults to 3% of the surface's wider side.
    """
    if not surface.minima:
        raise ValueError(f"{surface.name} has no known minima to label by")
    ends = np.asarray(ends, dtype=float).reshape(-1, 2)
    (x0, x1), (y0, y1) = surface.bounds
    tolerance = 0.03 * max(x1 - x0, y1 - y0) if tolerance is None else tolerance
    minima = np.asarray(surface.minima, dtype=float)
    distance = np.linalg.norm(ends[:, None, :] - minima[None, :, :], axis=2)
    with np.errstate(invalid="ignore"):
        nearest = np.nanargmin(np.where(np.isnan(distance), np.inf, distance), axis=1)
        close = distance[np.arange(len(ends)), nearest] <= tolerance
    return np.where(close, nearest, ESCAPED)


def start_grid(surface: Surface, columns: int, rows: int) -> np.ndarray:
    """Starts at the centres of a columns × rows grid over ``surface.bounds``, row by row from the top."""
    (x0, x1), (y0, y1) = surface.bounds
    xs = x0 + (np.arange(columns) + 0.5) / columns * (x1 - x0)
    ys = y1 - (np.arange(rows) + 0.5) / rows * (y1 - y0)
    gx, gy = np.meshgrid(xs, ys)
    return np.column_stack([gx.ravel(), gy.ravel()])
