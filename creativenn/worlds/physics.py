"""The heavy ball for real: x'' = −∇f(x) − γ x', and the momentum method it becomes (G8).

The tags (F1), (B4), (G1) … name equations of the course notes, docs/maths.md;
``creativenn maths B4`` prints one.

A ball of unit mass on a cost surface f feels the slope, −∇f, and a friction
−γ x' against its velocity. ``HeavyBall`` follows that motion closely (RK4
on fine substeps of each time step Δt). Gradient descent with momentum is
the same equation taken in steps of Δt: from v_{k+1} = v_k + Δt(−∇f(x_k) − γ v_k),
x_{k+1} = x_k + Δt v_{k+1} comes

    x_{k+1} = x_k − Δt² ∇f(x_k) + (1 − γΔt)(x_k − x_{k−1}),

Polyak's heavy-ball method, i.e. ``Momentum`` with learning rate α = Δt² and
momentum β = 1 − γΔt (``matching_momentum``). For small Δt the two paths
agree, and the gap shrinks in proportion to Δt: the "ball" picture of
momentum is a discretisation, and a large step is where it stops being one.

Leaves out: mass other than 1, rolling (a sliding point mass), a curved
surface's geometry (the motion is that of the shadow in the plane).

>>> from creativenn.worlds.surfaces import surface
>>> matching_momentum(friction=2.0, dt=0.1)
(0.010000000000000002, 0.8)
>>> ball = HeavyBall(surface("bowl"), start=(1.0, 0.0), friction=2.0, dt=0.1)
>>> ball.step(); bool(ball.position[0] < 1.0)
True
"""

from __future__ import annotations

import numpy as np

from ..maths.checks import DivergedError, as_array, require_finite
from ..maths.optimizers import Momentum
from .ball import Ball
from .surfaces import Surface


def matching_momentum(friction: float, dt: float) -> tuple[float, float]:
    """(learning rate α = Δt², momentum β = 1 − γΔt): the momentum method that is this ball in steps of Δt."""
    if not (dt > 0 and friction >= 0 and friction * dt < 1):
        raise ValueError(
            f"need dt > 0 and 0 ≤ friction · dt < 1 (so that β = 1 − γΔt stays in [0, 1)), got "
            f"friction {friction!r}, dt {dt!r}"
        )
    return dt * dt, 1.0 - friction * dt


class HeavyBall:
    """A point mass sliding on ``surface`` with friction γ: x'' = −∇f(x) − γ x'.

    Each ``step`` advances time by ``dt`` with ``substeps`` classical
    Runge–Kutta steps, so the path is the continuous motion's to plotting
    accuracy, whatever Δt is. The ball starts at rest.
    """

    def __init__(self, surface: Surface, start, friction: float = 1.0, dt: float = 0.1,
                 substeps: int = 16):
        self.surface = surface
        self.friction, self.dt, self.substeps = float(friction), float(dt), int(substeps)
        matching_momentum(self.friction, self.dt)  # checks dt and friction
        self.reset(start)

    def reset(self, start) -> None:
        start = as_array(start, "start")
        if start.shape != (2,):
            raise ValueError(f"start must be a point (x, y), got shape {start.shape}")
        require_finite(start, "start")
        self.x, self.v, self.time = start.copy(), np.zeros(2), 0.0
        self._trail, self._fine = [start.copy()], [start.copy()]

    def _acceleration(self, x, v):
        gx, gy = self.surface.gradient(x[0], x[1])
        return -np.array([gx, gy]) - self.friction * v  # x'' = −∇f(x) − γ x'

    def step(self) -> None:
        """Advance the motion by Δt (RK4 on ``substeps`` pieces); a ball flung to infinity raises."""
        x, v, h = self.x.copy(), self.v.copy(), self.dt / self.substeps
        fine = []
        for _ in range(self.substeps):
            k1x, k1v = v, self._acceleration(x, v)
            k2x, k2v = v + h / 2 * k1v, self._acceleration(x + h / 2 * k1x, v + h / 2 * k1v)
            k3x, k3v = v + h / 2 * k2v, self._acceleration(x + h / 2 * k2x, v + h / 2 * k2v)
            k4x, k4v = v + h * k3v, self._acceleration(x + h * k3x, v + h * k3v)
            x = x + h / 6 * (k1x + 2 * k2x + 2 * k3x + k4x)
            v = v + h / 6 * (k1v + 2 * k2v + 2 * k3v + k4v)
            fine.append(x)
        if not (np.isfinite(x).all() and np.isfinite(v).all()):
            raise DivergedError(f"the ball flew off {self.surface.name}: it stays where it was")
        self.x, self.v, self.time = x, v, self.time + self.dt
        self._trail.append(x.copy())
        self._fine += fine

    @property
    def position(self) -> np.ndarray:
        return self.x.copy()

    @property
    def trail(self) -> np.ndarray:
        """Every position at the ends of the time steps, start first: (steps + 1, 2)."""
        return np.array(self._trail)

    @property
    def fine_trail(self) -> np.ndarray:
        """Every substep's position: the continuous path, to draw as a smooth curve."""
        return np.array(self._fine)

    @property
    def energy(self) -> float:
        """Kinetic plus potential energy, ½|x'|² + f(x): friction only ever lowers it."""
        return float(0.5 * self.v @ self.v + self.surface.height(*self.x))


class BallAndMethod:
    """The heavy ball and the momentum method that matches it, side by side from one start.

    ``step()`` moves the ball on by Δt and the method by one step, and keeps
    ``gaps``, how far apart they are. Changing Δt or γ starts both again.

    >>> from creativenn.worlds.surfaces import surface
    >>> pair = BallAndMethod(surface("bowl"), beta=0.9)
    >>> pair.step(); pair.method.steps, pair.method.optimizer.momentum
    (1, 0.9)
    """

    def __init__(self, surface: Surface, beta: float = 0.9, start=None):
        self.surface = surface
        self.dt = float(0.5 * np.sqrt(surface.learning_rate))  # α = Δt²: a quarter of the rate for SGD
        self.friction = (1 - beta) / self.dt  # γ that gives momentum β at this Δt
        self.restart(surface.start if start is None else start)

    def restart(self, start=None) -> None:
        """Both back at ``start`` (default: the last start), at rest, with this Δt and γ."""
        self.start = tuple(start) if start is not None else self.start
        self.ball = HeavyBall(self.surface, self.start, friction=self.friction, dt=self.dt)
        self.method = Ball(self.surface, self.start, Momentum(*matching_momentum(self.friction, self.dt)))
        self.gaps: list[float] = []

    def step(self) -> None:
        """Δt of the motion, and one step of the method; DivergedError if the method flies off."""
        self.ball.step()
        self.method.step()
        self.gaps.append(float(np.linalg.norm(self.ball.position - self.method.position)))

    def numbers(self) -> dict:
        """Where both stand, as plain numbers: time, step, places, gap, height and slope, Δt and γ."""
        ball, gx_gy = self.ball, self.surface.gradient(*self.ball.position)
        return {"time": ball.time, "step": self.method.steps, "ball": ball.position.tolist(),
                "momentum": self.method.position.tolist(), "gap": self.gaps[-1] if self.gaps else 0.0,
                "height": float(self.surface.height(*ball.position)),
                "gradient_norm": float(np.hypot(*gx_gy)), "dt": self.dt, "friction": self.friction}

    def scale_dt(self, factor: float) -> None:
        """Δt times ``factor``, friction kept below 1/Δt (β = 1 − γΔt ≥ 0); both start again."""
        self.dt *= factor
        self.friction = min(self.friction, 0.99 / self.dt)
        self.restart()

    def scale_friction(self, factor: float) -> None:
        """γ times ``factor`` (at most 0.99/Δt); both start again."""
        self.friction = min(self.friction * factor, 0.99 / self.dt)
        self.restart()
