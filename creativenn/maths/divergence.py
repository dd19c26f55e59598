"""When a training run has diverged (G4), and the last good values it goes back to.

The tags (F1), (B4), (G1) … name equations of the course notes, docs/maths.md;
``creativenn maths G4`` prints one.

Too large a learning rate makes each step overshoot further than the last: the
cost climbs, slowly and then fast, until the numbers overflow. A run here is
called diverged as soon as its cost has climbed well past where it started,
while the numbers are still sane, not only once they are infinite:

    diverged when  C is not finite,  or  C̄ > floor + FACTOR · (C₀ − floor)

- C̄ is the cost averaged over the last few steps (an exponential average in
  which the newest step weighs SMOOTHING = 0.2, about the last ten steps), so
  one unlucky sample in stochastic descent is not taken for divergence;
- C₀ is the cost the run started with (the cost of its first step);
- floor is the lowest the cost can go: 0 for every loss here.

With FACTOR = 4 and floor 0 that reads: the cost, averaged, has reached four
times its start. A ball rolling on a surface has a fixed limit instead, its
``ceiling``: the highest point of its map. One still over the map, however
high it climbed, has not flown off; one above all of it has.

The parameters then go back to the last ones whose own cost was within that
limit (never to ones with a huge or infinite cost), and DivergedError says
what happened and what to do. A run's optimizer holds its
Bound, so every model trained through ``guarded_step`` (MLP, LineFit, Ball)
is watched the same way.

Leaves out: restarting from a checkpoint on disk; gradient clipping, which
hides divergence rather than showing it.

>>> import numpy as np
>>> from creativenn.maths.optimizers import SGD
>>> x, sgd = [np.array([1.0])], SGD(2.5)   # C(x) = x², ∇C = 2x: η = 2.5 overshoots, ×(−4) a step
>>> try:
...     for _ in range(5):
...         guarded_step(sgd, x, [2 * x[0]], cost=float(x[0][0] ** 2))   # x: 1, −4, 16, …
... except DivergedError as error:
...     print(*str(error).split(": "), sep=":\\n")
diverged:
the cost climbed to 256, past 4 (4× its start, 1):
the parameters went back 2 steps, to where the cost was 1; lower the learning rate (now 2.5) and carry on
>>> x[0], sgd.steps
(array([1.]), 0)
"""

from __future__ import annotations

import math

import numpy as np

from .checks import DivergedError

FACTOR = 4.0  # a run has diverged when its averaged cost is FACTOR × its start (above the floor)
SMOOTHING = 0.2  # how much the newest step weighs in that average (about the last 1/0.2 = 5–10 steps)


class Bound:
    """The limit a run's cost must stay under (see the module docstring), and the last good values.

    >>> bound = Bound()
    >>> bound.exceeded(2.0), bound.limit
    (False, 8.0)
    >>> [bound.exceeded(c) for c in (4.0, 9.0, 30.0)]   # one step at 9 is not enough: the average is
    [False, False, True]
    """

    def __init__(self, floor: float = 0.0, factor: float = FACTOR, ceiling: float | None = None):
        self.floor, self.factor, self.ceiling = float(floor), float(factor), ceiling
        self.start: float | None = None  # C₀
        self.average: float | None = None  # C̄
        self.good = None  # (copies of the parameters, the optimizer's memory, its step count, their cost)

    @property
    def limit(self) -> float:
        """floor + FACTOR · (C₀ − floor), or the ceiling where there is one: an averaged cost above
        it has diverged."""
        if self.ceiling is not None:
            return self.ceiling
        if self.start is None:
            return math.inf
        return self.floor + self.factor * max(self.start - self.floor, 1e-12)

    @property
    def reason(self) -> str:
        """What the limit is, in a few words: for a message."""
        return "the top of the map" if self.ceiling is not None else f"{self.factor:g}× its start"

    def exceeded(self, cost: float) -> bool:
        """Take in one step's cost; True when the run has now diverged."""
        if not math.isfinite(cost):
            return True
        if self.start is None:
            self.start = cost
        self.average = cost if self.average is None else self.average + SMOOTHING * (cost - self.average)
        return self.average > self.limit

    def remember(self, params, state, steps: int, cost: float) -> None:
        """Keep these as the last good values: the parameters copied (into the same arrays each
        step, so a step allocates nothing), the optimizer's memory as it is (its rules make new
        arrays rather than change these), its step count and their cost."""
        saved = self.good[0] if self.good is not None else None
        if saved is None or [a.shape for a in saved] != [p.shape for p in params]:
            saved = [p.copy() for p in params]
        else:
            for old, p in zip(saved, params, strict=True):
                np.copyto(old, p)
        self.good = (saved, state, steps, cost)

    def restart(self) -> None:
        """Forget the start: the next cost is a new run's first (after new data, say)."""
        self.start = self.average = self.good = None


def guarded_step(optimizer, params: list[np.ndarray], grads: list[np.ndarray], cost: float,
                 what: str = "the parameters", ceiling: float | None = None) -> None:
    """One step from a cost and its gradient, watched by the optimizer's Bound (G4).

    ``cost`` is the cost at ``params`` as they are, before this step. Where it
    is within the bound, these values are remembered as the last good ones and
    the step is taken; where the run has diverged (module docstring), every
    array of ``params`` and the optimizer's memory go back to the last good
    values and DivergedError is raised: its ``steps_back`` says how many steps
    were taken back (0: there was nothing to go back to). ``ceiling``, a
    fixed limit instead of 4× the start (a ball's map), is read on a run's first step.
    """
    bound = optimizer.bound
    if bound.start is None:
        bound.ceiling = ceiling
    if bound.exceeded(cost):
        raise _go_back(optimizer, params, cost, what)
    if cost <= bound.limit:
        bound.remember(params, optimizer.state, optimizer.steps, cost)
    try:
        optimizer.step(params, grads)  # raises, changing nothing, if a new value would not be finite
    except DivergedError:
        raise _go_back(optimizer, params, cost, what, "a step from here would overflow") from None


def _go_back(optimizer, params, cost: float, what: str, why: str = "") -> DivergedError:
    """Put the last good values back; the error that says so."""
    bound, eta = optimizer.bound, optimizer.learning_rate
    if not why and not math.isfinite(cost):
        why = f"the cost is {cost:.4g}"
    elif not why:
        start = "" if bound.ceiling is not None else f", {bound.start:.4g}"
        above = "" if bound.floor == 0 else f" above the lowest point, {bound.floor:.4g}"
        why = f"the cost climbed to {cost:.4g}, past {bound.limit:.4g} ({bound.reason}{start}{above})"
    steps_back, kept = 0, None
    if bound.good is not None:
        saved, optimizer.state, steps, kept = bound.good
        for p, old in zip(params, saved, strict=True):
            p[...] = old
        steps_back, optimizer.steps = optimizer.steps - steps, steps
    bound.average = None  # the next step starts the average again, from the good values
    then = (f"{what} went back {steps_back} step{'s' * (steps_back != 1)}, to where the cost was {kept:.4g}"
            if kept is not None else f"{what} are unchanged")
    error = DivergedError(f"diverged: {why}: {then}; lower the learning rate (now {eta:g}) and carry on")
    error.cost, error.limit, error.steps_back = cost, bound.limit, steps_back
    error.reason = bound.reason if bound.start is not None else ""  # none: the first cost was not finite
    return error


def explain(error: DivergedError, learning_rate: float, what: str = "network",
            kept: str = "weights") -> list[str]:
    """What a sketch shows when a run diverged, in four short lines: what happened, why, what was
    kept, what to do.

    >>> error = DivergedError("…"); error.cost, error.limit, error.steps_back = 9.5, 2.8, 3
    >>> error.reason = "4× its start"
    >>> print(*explain(error, 17.3), sep="\\n")
    Training diverged: the cost reached 9.5, past 2.8 (4× its start).
    The learning rate η = 17.3 was too large for this network.
    The weights went back 3 steps, to their last values within that bound.
    Press - to lower η, then space to go on (or r to start again).
    """
    happened = ("the cost became infinite" if not math.isfinite(error.cost) else
                f"the cost reached {error.cost:.3g}, past {error.limit:.3g}"
                + (f" ({error.reason})" if error.reason else ""))
    n = error.steps_back
    back = (f"went back {n} step{'s' * (n != 1)}, to their last values within that bound" if n else
            "are as they were before the step")
    return [f"Training diverged: {happened}.",
            f"The learning rate η = {learning_rate:.3g} was too large for this {what}.",
            f"The {kept} {back}.",
            "Press - to lower η, then space to go on (or r to start again)."]
