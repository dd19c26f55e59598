"""A ball rolling down a cost surface: gradient descent seen as motion (G1).

The ball's position is the parameter vector θ = (x, y); each ``step`` asks the
surface for the gradient there and lets the optimizer move the ball, so the
ball *is* the optimizer, and its trail is the path descent takes.

Leaves out: real physics (mass, friction in time); the heavy-ball ODE that
momentum discretises comes with its own sketch.

>>> from creativenn.optimizers import SGD
>>> from creativenn.surfaces import surface
>>> ball = Ball(surface("bowl"), start=(1.0, 0.0), optimizer=SGD(0.25))
>>> ball.step()  # returns the height before the step
1.0
>>> ball.position
array([0.5, 0. ])
"""

from __future__ import annotations

import numpy as np

from .checks import DivergedError, as_array, require_finite
from .optimizers import SGD, Optimizer
from .surfaces import Surface


class Ball:
    """One optimizer's run on one surface, with its ``trail`` of positions."""

    def __init__(self, surface: Surface, start=None, optimizer: Optimizer | None = None):
        if not isinstance(surface, Surface):
            raise ValueError(f"surface must be a Surface (see creativenn.surface), got {surface!r}")
        self.surface = surface
        self.optimizer = optimizer if optimizer is not None else SGD(surface.learning_rate)
        self.reset(surface.start if start is None else start)

    def reset(self, start) -> None:
        """Put the ball at ``start`` (x, y), forget its trail and its optimizer's memory."""
        start = as_array(start, "start")
        if start.shape != (2,):
            raise ValueError(f"start must be a point (x, y), got shape {start.shape}")
        require_finite(start, "start")
        self._position = start.copy()
        self._trail = np.empty((64, 2))
        self._trail[0] = start
        self._length = 1
        self.optimizer.reset()

    @property
    def position(self) -> np.ndarray:
        """Where the ball is: (x, y), a copy."""
        return self._position.copy()

    @property
    def height(self) -> float:
        """The cost at the ball: f(x, y)."""
        return float(self.surface.height(*self._position))

    @property
    def gradient(self) -> np.ndarray:
        """∇f at the ball: the uphill direction; the ball steps against it."""
        return np.array(self.surface.gradient(*self._position))

    @property
    def trail(self) -> np.ndarray:
        """Every position so far, start first: shape (steps + 1, 2)."""
        return self._trail[: self._length].copy()

    @property
    def steps(self) -> int:
        return self._length - 1

    def step(self) -> float:
        """One optimizer step against the gradient (G1); returns the height before it.

        A step that would take the ball to infinity raises DivergedError and
        the ball stays where it was; one that took it where the height is
        infinite is taken back.
        """
        height, gradient = self.height, self.gradient
        if not (np.isfinite(height) and np.isfinite(gradient).all()):
            self.optimizer.undo()
            self._length = max(1, self._length - 1)
            self._position[...] = self._trail[self._length - 1]
            raise DivergedError(
                f"the ball flew off {self.surface.name} (height {height:g}): lower the "
                f"learning rate (now {self.optimizer.learning_rate:g}); it went back one step"
            )
        self.optimizer.step([self._position], [gradient])
        if self._length == len(self._trail):
            self._trail = np.concatenate([self._trail, np.empty_like(self._trail)])
        self._trail[self._length] = self._position
        self._length += 1
        return height

    def __repr__(self) -> str:
        x, y = self._position
        return f"Ball({self.surface.name}, at=({x:.4g}, {y:.4g}), {self.optimizer!r})"
