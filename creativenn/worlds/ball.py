"""A ball rolling down a cost surface: gradient descent seen as motion (G1).

The tags (F1), (B4), (G1) … name equations of the course notes, docs/maths.md;
``creativenn maths B4`` prints one.

The ball's position is the parameter vector θ = (x, y); each ``step`` asks the
surface for the gradient there and lets the optimizer move the ball, so the
ball *is* the optimizer, and its trail is the path descent takes.

Leaves out: real physics (mass, friction in time); the heavy-ball ODE that
momentum discretises comes with its own sketch.

>>> from creativenn.maths.optimizers import SGD
>>> from creativenn.worlds.surfaces import surface
>>> ball = Ball(surface("bowl"), start=(1.0, 0.0), optimizer=SGD(0.25))
>>> ball.step()  # returns the height before the step
1.0
>>> ball.position
array([0.5, 0. ])
"""

from __future__ import annotations

import numpy as np

from ..maths.checks import DivergedError, as_array, require_finite
from ..maths.divergence import guarded_step
from ..maths.optimizers import SGD, Optimizer, make
from .surfaces import Surface, surface


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

        A ball that climbs above everything on its map (``divergence``: its
        limit is the surface's highest point over its bounds) or would fly to
        infinity raises DivergedError and goes back to its last good place;
        its trail too.
        """
        height, gradient = self.height, self.gradient
        if not np.isfinite(gradient).all():
            height = float("inf")  # no way on from here: as good as infinitely high
        try:
            guarded_step(self.optimizer, [self._position], [gradient], height, "the ball",
                         ceiling=self.surface.highest())
        except DivergedError as error:
            self._length = max(1, self._length - error.steps_back)  # the trail goes back with the ball
            raise
        if self._length == len(self._trail):
            self._trail = np.concatenate([self._trail, np.empty_like(self._trail)])
        self._trail[self._length] = self._position
        self._length += 1
        return height

    def __repr__(self) -> str:
        x, y = self._position
        return f"Ball({self.surface.name}, at=({x:.4g}, {y:.4g}), {self.optimizer!r})"


def learning_rate_for(name: str, surface: Surface, speed: float = 1.0) -> float:
    """A learning rate that suits optimizer ``name`` on ``surface``, times ``speed``.

    SGD and Momentum take the surface's ``learning_rate`` (a step is η times
    the gradient, so it depends on how steep the surface is); RMSProp and
    Adam take its ``step_size`` (their steps are about η long, whatever the
    slope, so it depends on how wide the surface is). A surface may name its
    own η for an optimizer in ``rates``, where neither suits (the ravine's momentum).
    """
    base = surface.rates.get(name) or (surface.step_size if name in ("rmsprop", "adam")
                                       else surface.learning_rate)
    return base * speed


class Race:
    """One ball per optimizer, all from one start: the classic optimizer race.

    ``step()`` moves every ball still running; a ball whose step diverges, or
    that rolls off far beyond the surface's bounds, stops there and its
    reason is kept in ``stopped``. ``speed`` scales every learning rate.

    >>> from creativenn.worlds.surfaces import surface
    >>> race = Race(surface("bowl"))
    >>> sorted(race.balls), race.balls["adam"].optimizer
    (['adam', 'momentum', 'rmsprop', 'sgd'], Adam(learning_rate=0.04, betas=(0.9, 0.999), eps=1e-08))
    >>> race.step(100); race.steps, race.stopped
    (100, {})
    """

    NAMES = ("sgd", "momentum", "rmsprop", "adam")

    def __init__(self, surface: Surface, start=None, names=NAMES, speed: float = 1.0):
        self.surface, self.names, self._speed = surface, tuple(names), float(speed)
        self.restart(surface.start if start is None else start)

    def restart(self, start) -> None:
        """Every ball back to ``start``, trails and optimizer memories cleared."""
        self.start = tuple(float(v) for v in start)
        self.balls = {name: Ball(self.surface, self.start,
                                 make(name, learning_rate_for(name, self.surface, self._speed)))
                      for name in self.names}
        self.stopped: dict[str, str] = {}
        self.steps = 0

    @property
    def speed(self) -> float:
        return self._speed

    @speed.setter
    def speed(self, value: float) -> None:
        self._speed = float(value)
        for name, ball in self.balls.items():
            ball.optimizer.learning_rate = learning_rate_for(name, self.surface, self._speed)

    def step(self, n: int = 1) -> None:
        """``n`` steps of every ball still running."""
        (x0, x1), (y0, y1) = self.surface.bounds
        w, h = x1 - x0, y1 - y0
        for _ in range(n):
            for name, ball in self.balls.items():
                if name in self.stopped:
                    continue
                try:
                    ball.step()
                except DivergedError:
                    self.stopped[name] = "diverged"
                    continue
                x, y = ball.position
                if not (x0 - w <= x <= x1 + w and y0 - h <= y <= y1 + h):
                    self.stopped[name] = "off the map"
            self.steps += 1

    def numbers(self) -> dict:
        """Where the race stands, as plain numbers: step, and each ball's position, height, |∇f|."""
        return {"step": self.steps, "surface": self.surface.name,
                "balls": {name: {"position": ball.position.tolist(), "height": ball.height,
                                 "gradient_norm": float(np.linalg.norm(ball.gradient)),
                                 "stopped": self.stopped.get(name)}
                          for name, ball in self.balls.items()}}


class Racetrack:
    """A race and what a sketch changes about it: the surface, which optimizers, how fast, the start.

    The race sketches (from above, and in 3D) share it: each key changes one
    thing and the race starts again.

    >>> track = Racetrack("bowl")
    >>> track.next_optimizers(); track.race.names
    ('sgd',)
    >>> track.use("ravine"); track.surface.name, track.race.names
    ('ravine', ('sgd',))
    """

    CHOICES = (Race.NAMES, *((name,) for name in Race.NAMES))  # all of them, then one at a time

    def __init__(self, surface_name: str, seed: int = 0):
        self.rng = np.random.default_rng(seed)
        self.choice, self.speed = 0, 1.0
        self.use(surface_name)

    def use(self, surface_name: str, start=None) -> None:
        """A surface by name (``surfaces.NAMES``), and the race on it from ``start`` (its own)."""
        self.surface = surface(surface_name)
        self.race = Race(self.surface, start, names=self.CHOICES[self.choice], speed=self.speed)

    def next_optimizers(self) -> None:
        """All optimizers, then each alone, in turn; from the same start."""
        self.choice = (self.choice + 1) % len(self.CHOICES)
        self.use(self.surface.name, self.race.start)

    def faster(self, factor: float) -> None:
        """Every learning rate times ``factor``."""
        self.speed *= factor
        self.race.speed = self.speed

    def restart(self, start=None) -> None:
        """Every ball back to ``start`` (default: where they started), at rest."""
        self.race.restart(self.race.start if start is None else start)

    def new_start(self) -> None:
        """Every ball to one new random start on the surface."""
        self.race.restart(self.surface.random_start(self.rng))
