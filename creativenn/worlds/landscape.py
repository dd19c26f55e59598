"""A 2-D slice of a network's loss landscape, and training paths projected onto it.

The tags (F1), (B4), (G1) … name equations of the course notes, docs/maths.md;
``creativenn maths B4`` prints one.

A network's loss lives over all its parameters θ at once; to look at it,
take a plane through weight space, θ(α, β) = θ₀ + α d₁ + β d₂, and compute
the loss at every (α, β) of a grid. With d₁, d₂ the two main directions (PCA)
of recorded training paths, the plane is the one those paths move in most,
and each path's projection onto it is where it went. With d₁, d₂ random but
filter-normalised (Li et al. 2018, "Visualizing the loss landscape of neural
nets"), each row of a direction's weight matrices — the weights into one
neuron — is scaled to the size of that neuron's own weights, so a step of
α = 1 changes every neuron by as much as it already is: maps of different
networks compare, whatever their weights' scale.

Leaves out: batch-norm (there is none), and 3-D slices.

>>> import numpy as np
>>> path = np.array([[0.0, 0.0, 0.0], [1.0, 0.1, 0.0], [2.0, 0.0, 0.3]])
>>> d1, d2 = pca_directions(path - path[0])
>>> abs(float(d1 @ [1, 0, 0])) > 0.98  # the path goes mostly along the first axis
True
"""

from __future__ import annotations

import numpy as np

from ..maths.checks import DivergedError
from ..maths.mlp import epoch_batches
from ..maths.optimizers import SGD, make


def pca_directions(steps) -> tuple[np.ndarray, np.ndarray]:
    """The two unit directions of the plane through 0 closest to the rows of ``steps`` (θ − θ₀).

    Principal directions taken about θ₀ itself (not the mean), so the plane
    passes through the start and the paths leave it as little as possible.
    """
    steps = np.asarray(steps, dtype=float)
    if steps.ndim != 2 or steps.shape[0] < 2:
        raise ValueError("pca_directions needs a path of at least 2 points, as rows")
    _, _, vt = np.linalg.svd(steps, full_matrices=False)
    if vt.shape[0] < 2:
        raise ValueError("the path must span at least two directions")
    return vt[0], vt[1]


def filter_normalized_directions(net, seed: int | None = 0) -> tuple[np.ndarray, np.ndarray]:
    """Two random directions through weight space, filter-normalised (Li et al. 2018).

    Each is laid out like ``net.parameters()``: Gaussian weights, then every
    row (the weights into one neuron, a "filter") rescaled to the norm of
    that row of the network's own W; the biases' part is zero, as in the
    paper. Fixed by ``seed``, so several optimizers' runs share one map.
    """
    rng = np.random.default_rng(seed)
    directions = []
    for _ in range(2):
        parts = []
        for W, b in zip(net.weights, net.biases, strict=True):
            d = rng.normal(size=W.shape)
            d *= (np.linalg.norm(W, axis=1) / np.maximum(np.linalg.norm(d, axis=1), 1e-12))[:, None]
            parts += [d.ravel(), np.zeros(b.size)]
        directions.append(np.concatenate(parts))
    return directions[0], directions[1]


def project(path, origin, d1, d2) -> np.ndarray:
    """(α, β) of each point of ``path`` in the plane origin + α d₁ + β d₂ (least squares)."""
    basis = np.column_stack([d1, d2])
    coefficients, *_ = np.linalg.lstsq(basis, (np.asarray(path) - origin).T, rcond=None)
    return coefficients.T


def plane_losses(net, X, Y, origin, d1, d2, alphas, betas) -> np.ndarray:
    """The loss at θ₀ + α d₁ + β d₂ for every α in ``alphas`` (columns), β in ``betas`` (rows).

    The network's own parameters are put back afterwards.
    """
    a, b = np.meshgrid(alphas, betas)
    return plane_losses_at(net, X, Y, origin, d1, d2, a.ravel(), b.ravel()).reshape(a.shape)


def record_training(net, X, Y, optimizer, epochs: int, batch_size: int | None = None,
                    seed: int | None = 0, every: int = 1):
    """Train ``net`` and keep where it went: (parameters after every ``every``-th step, rows;
    the full-data loss after each epoch; the epoch it diverged in, or None).

    The first row is the start. ``batch_size`` as in ``MLP.fit``: None is batch
    descent, 1 stochastic, between mini-batch (G2). The network is trained
    in place. A run that diverges (G4) goes back to its last good weights and
    stays there: its path and losses carry on, unchanged, to the last epoch.
    """
    X, Y = np.asarray(X, float), np.asarray(Y, float)
    rng = np.random.default_rng(seed)
    path, losses, step, diverged = [net.parameters()], [net.loss(X, Y)], 0, None
    for epoch in range(epochs):
        for rows in epoch_batches(len(X), batch_size, rng):
            if diverged is None:
                try:
                    net.step(X, Y, optimizer, rows=rows)
                except DivergedError:
                    diverged = epoch + 1
            step += 1
            if step % every == 0:
                path.append(net.parameters())
        losses.append(net.loss(X, Y))
    return np.array(path), np.array(losses), diverged


def plane_surface(net, X, Y, origin, d1, d2, bounds):
    """The loss over the plane θ₀ + α d₁ + β d₂ as a Surface (for drawing its map)."""
    from .surfaces import Surface

    def height(alpha, beta):
        alpha, beta = np.broadcast_arrays(alpha, beta)
        flat = plane_losses_at(net, X, Y, origin, d1, d2, alpha.ravel(), beta.ravel())
        return flat.reshape(alpha.shape) if alpha.ndim else float(flat[0])

    return Surface("loss slice", height, None, bounds, [], (0.0, 0.0), 0.1,
                   "the loss over a plane through weight space")


def plane_losses_at(net, X, Y, origin, d1, d2, alphas, betas) -> np.ndarray:
    """The loss at θ₀ + αᵢ d₁ + βᵢ d₂ for each pair (αᵢ, βᵢ); the network is put back."""
    saved = net.parameters()
    try:
        out = np.empty(len(alphas))
        for i, (alpha, beta) in enumerate(zip(alphas, betas, strict=True)):
            net.set_parameters(origin + alpha * d1 + beta * d2)
            out[i] = net.loss(X, Y)
    finally:
        net.set_parameters(saved)
    return out


class Run:
    """One optimizer training its own copy of a network: the path its parameters take, its losses."""

    def __init__(self, start, X, Y, optimizer, seed: int, batch_size: int):
        self.net, self.optimizer = start.copy(), optimizer
        self.X, self.Y, self.batch_size = X, Y, batch_size
        self.rng = np.random.default_rng(seed)
        self.path, self.losses = [start.parameters()], [start.loss(X, Y)]
        self.diverged = False  # once it has (G4), it stays at its last good weights

    def step(self) -> None:
        """One mini-batch step θ ← θ − η ∇C(θ) (G1, G2), and where it went."""
        batch = self.rng.integers(0, len(self.X), self.batch_size)
        if not self.diverged:
            try:
                self.net.step(self.X, self.Y, self.optimizer, rows=batch)
            except DivergedError:
                self.diverged = True
        self.path.append(self.net.parameters())
        self.losses.append(self.net.loss(self.X, self.Y))


class Landscape:
    """Several optimizers training copies of one network, and the plane of weight space they are
    seen on: PCA of the runs themselves (rehearsed with the same seeds), or random, filter-normalised.

    ``surface`` is the loss over the plane; ``positions(run)`` where a run is on it.
    """

    def __init__(self, start, X, Y, learning_rates: dict, steps: int, batch_size: int = 16,
                 directions: str = "pca", speed: float = 1.0, seed: int = 0):
        self.start, self.X, self.Y, self.steps = start, X, Y, steps
        self.directions, self.speed, self.seed = directions, speed, seed
        self.learning_rates, self.batch_size = learning_rates, batch_size
        theta0 = start.parameters()
        if directions == "pca":  # the plane the runs move in most: rehearse them (same seeds) and ask
            rehearsal = list(self.new_runs().values())
            for run in rehearsal:
                for _ in range(steps):
                    run.step()
            self.d1, self.d2 = pca_directions(np.concatenate([np.array(r.path) - theta0 for r in rehearsal]))
            reach = 1.3 * max(np.abs(project(r.path, theta0, self.d1, self.d2)).max() for r in rehearsal)
        else:
            self.d1, self.d2 = filter_normalized_directions(start, seed=seed)
            reach = 1.0
        self.bounds = ((-reach, reach), (-reach, reach))
        self.surface = plane_surface(start, X, Y, theta0, self.d1, self.d2, self.bounds)
        self.runs = self.new_runs()

    def new_runs(self) -> dict:
        """A run per optimizer from the start network, each with its own seed: the same every time."""
        return {name: Run(self.start, self.X, self.Y, make(name, rate * self.speed), self.seed + i,
                          self.batch_size)
                for i, (name, rate) in enumerate(self.learning_rates.items())}

    @property
    def step_count(self) -> int:
        return len(next(iter(self.runs.values())).path) - 1

    def step(self) -> None:
        """One step of every run, until ``steps`` are done."""
        if self.step_count < self.steps:
            for run in self.runs.values():
                run.step()

    def numbers(self) -> dict:
        """Where every run stands, as plain numbers: its place on the plane, its loss, |∇C|, and how
        much of its path the plane shows."""
        record = {"step": self.step_count, "directions": self.directions}
        for name, run in self.runs.items():
            ab, shown = self.positions(run)
            record[name] = {"alpha": float(ab[-1, 0]), "beta": float(ab[-1, 1]), "loss": run.losses[-1],
                            "gradient_norm": run.net.gradients(self.X, self.Y).norm(), "plane_shows": shown}
        return record

    def positions(self, run: Run) -> tuple[np.ndarray, float]:
        """(α, β) of the run's path on the plane, and the share of its movement the plane shows."""
        path = np.array(run.path)
        ab = project(path, path[0], self.d1, self.d2)
        moved = np.linalg.norm(path[-1] - path[0])
        in_plane = np.linalg.norm(ab[-1, 0] * self.d1 + ab[-1, 1] * self.d2) if moved else 0.0
        return ab, (in_plane / moved if moved else 1.0)


class ThreeWays:
    """One network trained from the same start by batch, mini-batch and stochastic descent (G2),
    recorded, and the plane of weight space their paths move in most (PCA), with its loss.

    ``paths[mode]`` are (α, β) on that plane, ``losses[mode]`` the full-data loss after each epoch;
    ``diverged[mode]`` the epoch a mode diverged in (G4), for those that did.

    >>> import creativenn as cnn
    >>> X, Y = cnn.datasets.moons(n=40, seed=0)
    >>> ways = ThreeWays(lambda: cnn.MLP([2, 3, 1], activation="tanh", loss="bce"), X, Y, 0.2, epochs=5)
    >>> sorted(ways.paths), [len(ways.losses[mode]) for mode in ways.MODES]
    (['batch', 'mini-batch', 'stochastic'], [6, 6, 6])
    """

    MODES = {"batch": None, "mini-batch": 16, "stochastic": 1}  # samples per step

    def __init__(self, make_net, X, Y, learning_rate: float, epochs: int, seed: int = 0):
        self.X, self.Y, self.epochs = X, Y, epochs
        runs = {mode: record_training(make_net(), X, Y, SGD(learning_rate), epochs, batch_size, seed=seed,
                                      every=max(1, len(X) // (batch_size or len(X)) // 10))
                for mode, batch_size in self.MODES.items()}
        start = runs["batch"][0][0]
        d1, d2 = pca_directions(np.concatenate([path - start for path, _, _ in runs.values()]))
        self.paths = {mode: project(path, start, d1, d2) for mode, (path, _, _) in runs.items()}
        self.losses = {mode: epoch_losses for mode, (_, epoch_losses, _) in runs.items()}
        self.diverged = {mode: epoch for mode, (_, _, epoch) in runs.items() if epoch}  # mode: epoch
        every_point = np.concatenate(list(self.paths.values()))
        low, high = every_point.min(axis=0), every_point.max(axis=0)
        pad = 0.15 * (high - low).max()
        self.bounds = ((low[0] - pad, high[0] + pad), (low[1] - pad, high[1] + pad))
        self.surface = plane_surface(make_net(), X, Y, start, d1, d2, self.bounds)

    def steps_per_epoch(self, mode: str) -> int:
        return -(-len(self.X) // (self.MODES[mode] or len(self.X)))

    def shown(self, mode: str, epoch: int) -> np.ndarray:
        """The part of ``mode``'s path done by the end of ``epoch``."""
        path = self.paths[mode]
        return path[: 1 + len(path) * epoch // self.epochs]
