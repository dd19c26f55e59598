"""A landscape you paint: a grid of heights, dug and raised under a soft round brush, with balls
rolling down it by gradient descent with momentum (G1, G5).

The tags (F1), (B4), (G1) … name equations of the course notes, docs/maths.md;
``creativenn maths B4`` prints one.

The heights live on a cells × cells grid over the square −1 … 1 (row 0 at
the top, as in an image). The balls roll on ``surface``: the heights
smoothed (``surfaces.surface_from_heights``), so they feel slopes, not
cells. A change marks the surface out of date; ``update()`` remakes it once
however many strokes came before.

Leaves out: undo, and brushes other than a Gaussian bump.

>>> world = PaintedLandscape(cells=40, balls=2, seed=0)
>>> for _ in range(30):
...     world.paint(0.5, -0.4, -1, brush=0.12)
>>> world.update(); [round(v, 1) for v in world.surface.minima[0]]
[0.5, -0.4]
"""

from __future__ import annotations

import numpy as np

from ..maths.checks import DivergedError
from ..maths.optimizers import Momentum
from .ball import Ball
from .surfaces import surface_from_heights, surface_from_image

BOUNDS = ((-1.0, 1.0), (-1.0, 1.0))


class PaintedLandscape:
    """Heights you paint, the smoothed surface they make, and balls rolling on it."""

    def __init__(self, cells: int = 120, smoothing: float = 2.5, balls: int = 6, depth: float = 0.04,
                 learning_rate: float = 0.02, momentum: float = 0.9, seed: int = 0):
        self.cells, self.smoothing, self.depth = cells, smoothing, depth
        self.learning_rate, self.momentum, self.ball_count = learning_rate, momentum, balls
        self.rng = np.random.default_rng(seed)
        self.balls: list[Ball] = []
        self.flatten()
        self.update()
        self.new_balls()

    def flatten(self) -> None:
        """A gentle bowl to begin from: balls have somewhere to go before you paint."""
        y, x = np.mgrid[-1:1:self.cells * 1j, -1:1:self.cells * 1j]
        self.heights, self.dirty = 0.15 * (x * x + y * y), True

    def load_image(self, path) -> None:
        """An image's brightness as the heights (dark is low); ValueError if it is not an image."""
        image = surface_from_image(path, sigma=0)
        xs = np.linspace(-1, 1, self.cells)
        gx, gy = np.meshgrid(xs, xs[::-1])  # row 0 at the top
        self.heights, self.dirty = image.height(gx, gy), True

    def paint(self, x: float, y: float, sign: int, brush: float) -> None:
        """Dig (sign −1) or raise (+1) a soft round patch of radius ``brush`` around model point (x, y)."""
        gy, gx = np.mgrid[1:-1:self.cells * 1j, -1:1:self.cells * 1j]  # row 0 at the top
        self.heights += sign * self.depth * np.exp(-((gx - x) ** 2 + (gy - y) ** 2) / (2 * brush * brush))
        self.dirty = True

    def update(self) -> None:
        """The surface from the painted heights (smoothed): remade only after a change."""
        if self.dirty:
            self.surface = surface_from_heights(self.heights, BOUNDS, self.smoothing)
            for ball in self.balls:
                ball.surface = self.surface
            self.dirty = False

    def new_balls(self) -> None:
        self.balls = [Ball(self.surface, self.surface.random_start(self.rng),
                           Momentum(self.learning_rate, self.momentum)) for _ in range(self.ball_count)]

    def roll(self) -> None:
        """One step of every ball; one that flies or rolls off the map starts again somewhere."""
        for ball in self.balls:
            try:
                ball.step()
            except DivergedError:
                ball.reset(self.surface.random_start(self.rng))
            if not (np.abs(ball.position) <= 1).all():
                ball.reset(self.surface.random_start(self.rng))
