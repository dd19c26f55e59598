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
from ..picture import colors
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
    return Descent(surface, starts, optimizer, learning_rate).advance(positive_int(steps, "steps"))


class Descent:
    """Balls descending together, a few steps at a time: ``descend`` in as many pieces as you like
    (a sketch takes a few steps a frame). ``follow``: the indices of balls whose paths are kept.

    >>> from creativenn.worlds.surfaces import surface
    >>> s, starts = surface("himmelblau"), [[2.0, 1.0], [-2.0, 2.0]]
    >>> balls = Descent(s, starts, "sgd", 0.01, follow=[1])
    >>> _ = balls.advance(100); ends = balls.advance(200)
    >>> bool(np.array_equal(ends, descend(s, starts, "sgd", 0.01, 300)))  # in pieces, or in one go
    True
    >>> balls.steps, balls.trail(0).shape
    (300, (301, 2))
    """

    def __init__(self, surface: Surface, starts, optimizer: str = "sgd", learning_rate: float | None = None,
                 follow=()):
        self.p = as_array(starts, "starts").reshape(-1, 2).copy()
        self.rule = make(optimizer, learning_rate or learning_rate_for(optimizer, surface))
        self.memory = tuple(np.zeros_like(self.p) for _ in self.rule.state_names)
        self.surface, self.steps = surface, 0
        (x0, x1), (y0, y1) = surface.bounds
        self.reach = 10 * max(x1 - x0, y1 - y0)
        self.follow = np.asarray(follow, dtype=int)
        self.followed = [self.p[self.follow].copy()]  # the followed balls' positions, step by step

    def advance(self, steps: int) -> np.ndarray:
        """Take ``steps`` more steps, every ball at once; the positions now (NaN: flown off)."""
        rule, p, memory = self.rule, self.p, self.memory
        with np.errstate(all="ignore"):  # balls that fly off become NaN and stay so
            for _ in range(steps):
                gx, gy = self.surface.gradient(p[:, 0], p[:, 1])
                rule.steps += 1  # the rules read the step count (Adam's bias correction)
                p, memory = rule.rule(p, np.column_stack([gx, gy]), *memory)  # θ ← θ − η … (G1)
                gone = ~(np.abs(p) < self.reach).all(axis=1)
                p[gone] = np.nan
                if self.follow.size:
                    self.followed.append(p[self.follow])
        self.p, self.memory, self.steps = p, memory, self.steps + steps
        return p

    def trail(self, k: int, steps: int | None = None) -> np.ndarray:
        """The path of the k-th followed ball over its first ``steps`` steps (all so far if None),
        up to where it flew off."""
        points = np.array([at[k] for at in self.followed[: None if steps is None else steps + 1]])
        gone = np.flatnonzero(np.isnan(points).any(axis=1))
        return points[: gone[0]] if gone.size else points


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


class Sweep:
    """A map of basins, painted a few rows at a time: every start of a grid descends together,
    and its pixel takes the colour of the minimum it reaches (dark where it reaches none).

    >>> from creativenn.worlds.surfaces import surface
    >>> sweep = Sweep(surface("himmelblau"), columns=24)
    >>> while not sweep.done:
    ...     _ = sweep.paint(rows=8)
    >>> sorted(set(sweep.labels.tolist())), sweep.image.shape
    ([0, 1, 2, 3], (24, 24, 3))
    """

    NOT_YET = -2  # the label of a start not painted yet

    def __init__(self, surface: Surface, optimizer: str = "sgd", speed: float = 1.0, columns: int = 260,
                 steps: int = 400):
        (x0, x1), (y0, y1) = surface.bounds
        self.surface, self.optimizer, self.speed, self.steps = surface, optimizer, float(speed), steps
        self.columns = positive_int(columns, "columns")
        self.rows = max(1, round(columns * (y1 - y0) / (x1 - x0)))
        self.starts = start_grid(surface, self.columns, self.rows)
        heights = surface.height(self.starts[:, 0], self.starts[:, 1])
        self.shade = 1 - 0.5 * surface.relief(heights, heights.min(), heights.max())  # high ground darker
        self.labels = np.full(len(self.starts), self.NOT_YET)
        self.image = np.zeros((self.rows, self.columns, 3), np.uint8)
        self.row = 0  # rows painted so far, from the top
        self.band = self.last = None  # (its starts, their Descent): being painted; the last painted

    @property
    def learning_rate(self) -> float:
        return learning_rate_for(self.optimizer, self.surface, self.speed)

    @property
    def done(self) -> bool:
        return self.row >= self.rows

    def paint(self, rows: int) -> np.ndarray:
        """Descend from the next ``rows`` rows of starts, every step at once, and paint them; returns
        those starts."""
        painting = self._band(rows)
        self.work(rows, self.steps)
        return self.starts[painting]

    def work(self, rows: int, steps: int, follow: int = 0) -> None:
        """Some of the sweep: ``steps`` more steps for the band of ``rows`` rows being painted (a new
        band is started when none is), painted once its balls have taken all of theirs. ``follow``:
        how many of a new band's balls keep their paths (``trails``). A sketch calls this once a
        frame, so no frame has to wait for a whole band."""
        if self.done:
            return
        if self.band is None:
            painting = self._band(rows)
            n = painting.stop - painting.start
            chosen = np.arange(0, n, max(1, n // follow))[:follow] if follow else ()
            self.band = (painting, Descent(self.surface, self.starts[painting], self.optimizer,
                                           self.learning_rate, follow=chosen))
        painting, balls = self.band
        ends = balls.advance(min(steps, self.steps - balls.steps))
        if balls.steps < self.steps:
            return
        self.labels[painting] = basin_labels(self.surface, ends)
        fills = np.array([colors.class_color(k) for k in range(len(self.surface.minima))]
                         + [colors.BACKGROUND])  # ESCAPED (−1) is the last: dark
        self.image.reshape(-1, 3)[painting] = fills[self.labels[painting]] * self.shade[painting, None]
        self.row = painting.stop // self.columns
        self.band, self.last = None, balls

    def trails(self, steps: int) -> list[np.ndarray]:
        """The followed balls' paths over their first ``steps`` steps: the band being painted, or the
        last one painted."""
        balls = self.band[1] if self.band is not None else self.last
        return [] if balls is None else [balls.trail(k, steps) for k in range(balls.follow.size)]

    def _band(self, rows: int) -> slice:
        return slice(self.row * self.columns, min(self.row + rows, self.rows) * self.columns)

    def shares(self) -> tuple[list[float], float]:
        """Each minimum's share of the starts painted so far, and the share that escaped."""
        painted = self.labels[self.labels != self.NOT_YET]
        if not len(painted):
            return [0.0] * len(self.surface.minima), 0.0
        return ([float(np.mean(painted == k)) for k in range(len(self.surface.minima))],
                float(np.mean(painted == ESCAPED)))
