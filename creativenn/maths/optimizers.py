"""Optimizers: the rule that turns a gradient into a step (G1), simplest first.

The tags (F1), (B4), (G1) … name equations of the course notes, docs/maths.md;
``creativenn maths B4`` prints one.

Each optimizer updates a list of parameter arrays in place from a matching
list of gradients, ``optimizer.step(params, grads)``, and keeps whatever it
remembers between steps (velocity, running averages, step count) inside
itself: one optimizer object per training run. The rules are PyTorch's
(``torch.optim`` SGD, SGD with momentum, RMSprop, Adam, default options), so a
number seen here matches one seen there.

A step whose new values are not all finite raises ``DivergedError`` and
changes nothing: neither the parameters nor the optimizer's memory. Each
optimizer also holds its run's ``bound``: ``divergence.guarded_step``, which
every model here trains through, uses it to catch a run whose cost climbs
and to go back to its last good values.

Leaves out: weight decay, Nesterov momentum, learning-rate schedules (change
``learning_rate`` between steps instead).

>>> import numpy as np
>>> p = [np.array([1.0])]
>>> SGD(learning_rate=0.1).step(p, [np.array([2.0])])
>>> p[0]
array([0.8])
"""

from __future__ import annotations

import math

import numpy as np

from .checks import DivergedError, positive_int
from .divergence import Bound


class Optimizer:
    """What every optimizer shares: the learning rate η, its memory between steps, and
    a step that changes nothing when it would diverge.

    A subclass writes its rule for one array, ``rule(p, g, *memory) -> (new_p,
    new_memory)``, and names what it remembers in ``state_names``.
    """

    state_names: tuple[str, ...] = ()  # what the rule remembers, per parameter array
    options: tuple[str, ...] = ()  # shown by repr

    def __init__(self, learning_rate: float):
        self.learning_rate = learning_rate
        self.state: list[tuple[np.ndarray, ...]] | None = None
        self.steps = 0
        self.bound = Bound()  # when this run has diverged, and its last good values (G4)

    def step(self, params: list[np.ndarray], grads: list[np.ndarray]) -> None:
        """θ ← rule(θ, g) for every array of ``params``, in place.

        Raises DivergedError, changing neither ``params`` nor the optimizer,
        when any new value would be NaN or infinite.
        """
        memory = _memory(self, params, grads)
        self.steps += 1
        results = [self.rule(p, g, *m) for p, g, m in zip(params, grads, memory, strict=True)]
        _commit_if_finite(self, params, results)

    @property
    def learning_rate(self) -> float:
        return self._learning_rate

    @learning_rate.setter
    def learning_rate(self, value: float) -> None:
        value = float(value)
        if not (math.isfinite(value) and value > 0):
            raise ValueError(f"learning_rate must be a positive number, got {value!r}")
        self._learning_rate = value

    def reset(self) -> None:
        """Forget everything remembered: the next step is a first step."""
        self.state, self.steps = None, 0
        self.bound.restart()

    def __repr__(self) -> str:
        extras = "".join(f", {k}={getattr(self, k)!r}" for k in self.options)
        return f"{type(self).__name__}(learning_rate={self.learning_rate!r}{extras})"


class SGD(Optimizer):
    """Plain gradient descent:  θ ← θ − η g   (G1)."""

    def rule(self, p, g):
        return p - self.learning_rate * g, ()


class Momentum(Optimizer):
    """Heavy ball:  v ← μ v + g,  θ ← θ − η v   (G5; torch.optim.SGD with momentum).

    The velocity v remembers past gradients, so steps grow along a steady
    slope and cancel across a zig-zag ravine. On the first step v = g.
    """

    state_names = ("velocity",)
    options = ("momentum",)

    def __init__(self, learning_rate: float, momentum: float = 0.9):
        super().__init__(learning_rate)
        if not 0 <= momentum < 1:
            raise ValueError(f"momentum must be in [0, 1), got {momentum!r}")
        self.momentum = momentum

    def rule(self, p, g, v):
        v = g.copy() if self.steps == 1 else self.momentum * v + g
        return p - self.learning_rate * v, (v,)


class RMSProp(Optimizer):
    """v ← α v + (1 − α) g²,  θ ← θ − η g / (√v + ε)   (G6; torch.optim.RMSprop).

    Each parameter's step is divided by its own recent gradient size, so
    steep and flat directions move at similar speeds.
    """

    state_names = ("square_avg",)
    options = ("alpha", "eps")

    def __init__(self, learning_rate: float, alpha: float = 0.99, eps: float = 1e-8):
        super().__init__(learning_rate)
        if not 0 <= alpha < 1:
            raise ValueError(f"alpha must be in [0, 1), got {alpha!r}")
        self.alpha, self.eps = alpha, eps

    def rule(self, p, g, v):
        v = self.alpha * v + (1.0 - self.alpha) * g * g
        return p - self.learning_rate * g / (np.sqrt(v) + self.eps), (v,)


class Adam(Optimizer):
    """Momentum and RMSProp together, bias-corrected   (G7; torch.optim.Adam).

    m ← β₁ m + (1 − β₁) g,  v ← β₂ v + (1 − β₂) g²,
    θ ← θ − η m̂ / (√v̂ + ε)  with  m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ).
    """

    state_names = ("exp_avg", "exp_avg_sq")
    options = ("betas", "eps")

    def __init__(self, learning_rate: float, betas=(0.9, 0.999), eps: float = 1e-8):
        super().__init__(learning_rate)
        beta1, beta2 = betas
        if not (0 <= beta1 < 1 and 0 <= beta2 < 1):
            raise ValueError(f"betas must both be in [0, 1), got {betas!r}")
        self.betas, self.eps = (beta1, beta2), eps

    def rule(self, p, g, m, v):
        beta1, beta2 = self.betas
        t = self.steps
        m = beta1 * m + (1.0 - beta1) * g
        v = beta2 * v + (1.0 - beta2) * g * g
        m_hat = m / (1.0 - beta1**t)
        v_hat = v / (1.0 - beta2**t)
        return p - self.learning_rate * m_hat / (np.sqrt(v_hat) + self.eps), (m, v)


NAMES = ("sgd", "momentum", "rmsprop", "adam")
_ALL = {"sgd": SGD, "momentum": Momentum, "rmsprop": RMSProp, "adam": Adam}


# an optimizer given by name only starts with this learning rate (for these small networks)
START_RATES = {"sgd": 0.1, "momentum": 0.1, "rmsprop": 0.01, "adam": 0.01}


def make(name: str, learning_rate: float) -> Optimizer:
    """An optimizer by name (``sgd``, ``momentum``, ``rmsprop``, ``adam``)."""
    if not isinstance(name, str) or name.lower() not in _ALL:
        raise ValueError(f"unknown optimizer {name!r}: choose one of {', '.join(NAMES)}")
    return _ALL[name.lower()](learning_rate)


def chosen(optimizer: Optimizer | str | None) -> Optimizer:
    """An Optimizer as given, or one by name at its ``START_RATES``; SGD(0.1) for None."""
    if isinstance(optimizer, Optimizer):
        return optimizer
    if optimizer is None or isinstance(optimizer, str):
        name = "sgd" if optimizer is None else optimizer.lower()
        return make(name, START_RATES.get(name, 0.1))
    raise ValueError(f"optimizer must be an Optimizer or one of {', '.join(NAMES)}, got {optimizer!r}")


def epoch_batches(n: int, batch_size: int | None, rng):
    """The rows of each step of one epoch over n samples (G2): ``batch_size`` None is batch descent
    (every row, in order, one step), 1 stochastic, between them mini-batch, shuffled with ``rng``."""
    size = n if batch_size is None else min(positive_int(batch_size, "batch_size"), n)
    order = rng.permutation(n) if size < n else np.arange(n)
    for start in range(0, n, size):
        yield order[start : start + size]


# ---- the parts of a step every rule shares ---------------------------------------------------

def _memory(optimizer: Optimizer, params, grads) -> list[tuple[np.ndarray, ...]]:
    """The optimizer's memory for ``params``, made on the first step; shapes checked."""
    if optimizer.state is None:
        optimizer.state = [tuple(np.zeros_like(p) for _ in optimizer.state_names) for p in params]
    shapes = [p.shape for p in params]
    remembered = [m[0].shape for m in optimizer.state] if optimizer.state_names else shapes
    if len(optimizer.state) != len(params) or remembered != shapes or [g.shape for g in grads] != shapes:
        raise ValueError(
            "params and grads must be lists of arrays with matching shapes, the same on "
            f"every step (make one optimizer per model): got params {shapes}"
            f" and grads {[g.shape for g in grads]}")
    return optimizer.state


def _commit_if_finite(optimizer: Optimizer, params, results) -> None:
    """Write the new values into ``params`` only if every one is finite."""
    if not all(math.isfinite(new_p.sum()) for new_p, _ in results):
        optimizer.steps -= 1
        raise DivergedError(
            f"{type(optimizer).__name__} step {optimizer.steps + 1} gave values that are not finite: "
            f"lower the learning rate (now {optimizer.learning_rate:g}); the parameters keep their "
            "values from before this step")
    for p, (new_p, _) in zip(params, results, strict=True):
        p[...] = new_p
    optimizer.state = [memory for _, memory in results]
