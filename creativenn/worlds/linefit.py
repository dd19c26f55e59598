"""Fitting a line y = m x + c by gradient descent (G3), and the closed form.

The tags (F1), (B4), (G1) … name equations of the course notes, docs/maths.md;
``creativenn maths B4`` prints one.

The cost is the mean squared error over the points,
``C(m, c) = 1/N Σ (m x_i + c − y_i)²``, with
``∂C/∂m = 2/N Σ (m x_i + c − y_i) x_i`` and ``∂C/∂c = 2/N Σ (m x_i + c − y_i)``.
Setting both to 0 gives ``least_squares``: what descent should arrive at.

Leaves out: more than one input (that is an MLP with a linear output).

>>> fit = LineFit()
>>> x, y = [0.0, 1.0, 2.0], [1.0, 3.0, 5.0]
>>> for _ in range(2000):
...     _ = fit.step(x, y, learning_rate=0.1)
>>> round(fit.slope, 6), round(fit.intercept, 6)
(2.0, 1.0)
>>> least_squares(x, y)
(2.0, 1.0)
"""

from __future__ import annotations

import numpy as np

from ..maths.checks import DivergedError, as_array, require_finite
from ..maths.divergence import guarded_step
from ..maths.optimizers import SGD


def _points(x, y) -> tuple[np.ndarray, np.ndarray]:
    x, y = as_array(x, "x"), as_array(y, "y")
    for name, v in (("x", x), ("y", y)):
        if v.ndim == 2 and v.shape[1] == 1:
            continue
        if v.ndim > 1:
            raise ValueError(f"{name} must be 1-D (or one column), got shape {v.shape}")
    x, y = x.reshape(-1), y.reshape(-1)
    if x.size != y.size or x.size == 0:
        raise ValueError(f"x and y must hold the same number (≥ 1) of values, got {x.size} and {y.size}")
    require_finite(x, "x")
    require_finite(y, "y")
    return x, y


class LineFit:
    """The line y = m x + c with ``slope`` m and ``intercept`` c, fitted by descent."""

    def __init__(self, slope: float = 0.0, intercept: float = 0.0):
        self._mc = np.array([slope, intercept], dtype=float)  # θ = (m, c), stepped in place
        self._sgd = SGD(1.0)  # plain descent (G1); its learning rate is set on every step

    @property
    def slope(self) -> float:
        return float(self._mc[0])

    @property
    def intercept(self) -> float:
        return float(self._mc[1])

    @property
    def steps(self) -> int:
        return self._sgd.steps

    def predict(self, x):
        """m x + c."""
        return self.slope * np.asarray(x, dtype=float) + self.intercept

    def cost(self, x, y) -> float:
        """C = 1/N Σ (m x_i + c − y_i)², the mean squared error   (C2, G3)."""
        x, y = _points(x, y)
        e = self.slope * x + self.intercept - y
        return float(np.mean(e * e))

    def gradient(self, x, y) -> tuple[float, float]:
        """(∂C/∂m, ∂C/∂c) = (2/N Σ e_i x_i, 2/N Σ e_i), e_i = m x_i + c − y_i   (G3)."""
        x, y = _points(x, y)
        e = self.slope * x + self.intercept - y
        return float(2.0 * np.mean(e * x)), float(2.0 * np.mean(e))

    def step(self, x, y, learning_rate: float, rows=None) -> float:
        """One step m ← m − η ∂C/∂m, c ← c − η ∂C/∂c (G1); returns the cost before it.

        The gradient is taken over ``rows`` of the points (default: all of
        them): all for batch descent, one for stochastic, a few for
        mini-batch (G2); the cost returned, and watched, is always over all the
        points. When the cost climbs past its bound (``divergence``: 4× its
        start) or a step would overflow, DivergedError is raised and the line
        goes back to its last slope and intercept within the bound.
        """
        self._sgd.learning_rate = learning_rate  # checked: a positive number
        x, y = _points(x, y)
        cost = self.cost(x, y)
        used = slice(None) if rows is None else np.asarray(rows)
        gradient = np.array(self.gradient(x[used], y[used]))
        guarded_step(self._sgd, [self._mc], [gradient], cost, "the line's slope and intercept")
        return cost

    def new_points(self) -> None:
        """The points changed: the divergence bound starts again from the next step's cost."""
        self._sgd.bound.restart()

    def __repr__(self) -> str:
        return f"LineFit(slope={self.slope:.6g}, intercept={self.intercept:.6g})"


def least_squares(x, y) -> tuple[float, float]:
    """The closed-form best line: both derivatives of (G3) set to 0.

    m = Σ (x − x̄)(y − ȳ) / Σ (x − x̄)²,  c = ȳ − m x̄.
    """
    x, y = _points(x, y)
    dx = x - x.mean()
    spread = float(dx @ dx)
    if spread == 0:
        raise ValueError("least_squares needs at least two different x values")
    slope = float(dx @ (y - y.mean())) / spread
    return slope, float(y.mean() - slope * x.mean())


def cost_grid(x, y, slopes, intercepts) -> np.ndarray:
    """C(m, c) on a grid: rows follow ``intercepts``, columns ``slopes``   (G3).

    Exact for these very points, computed from their sums:
    C = m² Σx²/N + 2mc x̄ + c² − 2m Σxy/N − 2c ȳ + Σy²/N.
    """
    m, c = np.meshgrid(as_array(slopes, "slopes"), as_array(intercepts, "intercepts"))
    return cost_surface(x, y).height(m, c)


def cost_surface(x, y, margin: float = 3.0):
    """The cost C(m, c) of fitting these very points, as a Surface to draw and roll on.

    Exact (G3): C = m² Σx²/N + 2mc x̄ + c² − 2m Σxy/N − 2c ȳ + Σy²/N, with
    ∂C/∂m = 2(m Σx²/N + c x̄ − Σxy/N) and ∂C/∂c = 2(m x̄ + c − ȳ). Its bounds are
    the closed-form minimum ± ``margin`` in both m and c.
    """
    from .surfaces import Surface

    x, y = _points(x, y)
    sxx, sx, sxy, sy, syy = (float(np.mean(v)) for v in (x * x, x, x * y, y, y * y))
    m0, c0 = least_squares(x, y)

    def height(m, c):
        return m * m * sxx + 2 * m * c * sx + c * c - 2 * m * sxy - 2 * c * sy + syy

    def gradient(m, c):
        return 2 * (m * sxx + c * sx - sxy), 2 * (m * sx + c - sy)

    return Surface("line fit cost C(m, c)", height, gradient,
                   ((m0 - margin, m0 + margin), (c0 - margin, c0 + margin)), [(m0, c0)],
                   (m0 - 0.8 * margin, c0 + 0.6 * margin), 0.1,
                   "the mean squared error of the line y = m x + c over the points")


BATCH_MODES = ("batch", "stochastic", "mini-batch")


def rows_for(mode: str, n: int, rng, mini_batch: int = 8) -> np.ndarray:
    """The points one step of ``mode`` descent uses (G2): all n, one at random, or ``mini_batch``."""
    if mode not in BATCH_MODES:
        raise ValueError(f"mode must be one of {', '.join(BATCH_MODES)}, got {mode!r}")
    if mode == "batch":
        return np.arange(n)
    return rng.choice(n, 1 if mode == "stochastic" else min(mini_batch, n), replace=False)


class Fitting:
    """Points, a line fitted to them step by step, and the cost map C(m, c) it moves on (G3).

    ``trail`` is where the line has been on the map, ``used`` the points of the
    last step. Moving a point makes the map again (the exact cost of the new
    points); the line carries on from where it is.

    >>> run = Fitting([0.0, 1.0, 2.0], [1.0, 3.0, 5.0])
    >>> for _ in range(300):
    ...     run.step("batch", 0.1)
    >>> [round(v, 2) for v in (run.fit.slope, run.fit.intercept)], len(run.trail)
    ([2.0, 1.0], 301)
    """

    def __init__(self, x, y, seed: int | None = 0):
        self.x, self.y = np.array(x, dtype=float), np.array(y, dtype=float)
        self.cost = cost_surface(self.x, self.y)
        self.rng = np.random.default_rng(seed)
        self.restart(self.cost.start)

    def restart(self, at=None) -> None:
        """The line again at (slope, intercept) = ``at`` (default: where it last started)."""
        self.start = tuple(float(v) for v in at) if at is not None else self.start
        self.fit, self.trail, self.used = LineFit(*self.start), [self.start], np.arange(0)

    def step(self, mode: str, learning_rate: float, mini_batch: int = 8) -> None:
        """One step of ``mode`` descent (G2); if it diverges, DivergedError and the line
        and its trail go back to the last place within the bound."""
        self.used = rows_for(mode, len(self.x), self.rng, mini_batch)
        try:
            self.fit.step(self.x, self.y, learning_rate, rows=self.used)
        except DivergedError as error:
            del self.trail[max(1, len(self.trail) - error.steps_back):]
            raise
        self.trail.append((self.fit.slope, self.fit.intercept))

    def move_point(self, i: int, x: float, y: float) -> None:
        """Point i to (x, y), and the cost map made again for the points as they now are."""
        self.x[i], self.y[i] = x, y
        self.cost = cost_surface(self.x, self.y)
        self.fit.new_points()

    def numbers(self) -> dict:
        """Where the fit stands, as plain numbers: step, line, cost and the gradient's size."""
        dm, dc = self.fit.gradient(self.x, self.y)
        return {"step": self.fit.steps, "slope": self.fit.slope, "intercept": self.fit.intercept,
                "cost": self.fit.cost(self.x, self.y), "gradient_norm": float(np.hypot(dm, dc))}
