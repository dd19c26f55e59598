"""One training step taken apart, stage by stage: what the backprop sketch animates.

The tags (F1), (B4), (G1) … name equations of the course notes, docs/maths.md;
``creativenn maths B4`` prints one.

``trace_step`` runs one sample through a network and keeps every number a
picture of that step needs: the signal each edge carries forward
(W_kj a_j, F1), the output error (B1), the blame each edge carries back
under one of three rules, each neuron's share, and the update every weight
gets (G1). It changes nothing; ``StepTrace.apply`` takes the step.

The three rules (``errors`` computes the neurons' side of them):

- ``"chain"`` — the exact chain rule (B4): δ_{l-1} = (W_lᵀ δ_l) ⊙ σ'(z_{l-1});
  the update is ΔW_l = −η δ_l a_{l-1}ᵀ, exactly −η ∂C/∂W_l.
- ``"proportional"`` — the course's "blame shared by weight" (B2):
  e_{l-1,j} = Σ_k e_{l,k} W_kj / Σ_i W_ki, from e_L = a_L − d (B1).
- ``"transpose"`` — its approximation without the denominators (B3):
  e_{l-1} ≈ W_lᵀ e_l.

For the two teaching rules each layer's update is the course's:
ΔW_l = −η (e_l ⊙ σ'(z_l)) a_{l-1}ᵀ, the error times the slope of the
activation times the input (B5's shape). ``agreement`` says how closely
two rules' updates point the same way.

Leaves out: batches (one sample is what the animation shows), softmax
outputs for the teaching rules (their blame is the plain error a − d).

>>> import numpy as np
>>> from creativenn import MLP
>>> net = MLP([2, 3, 1], activation="sigmoid", loss="half_mse", seed=1)
>>> x, d = np.array([1.0, 0.0]), np.array([1.0])
>>> exact = trace_step(net, x, d, "chain", learning_rate=0.5)
>>> g = net.gradients(x, d)
>>> bool(np.allclose(exact.weight_updates[0], -0.5 * g.weights[0]))
True
>>> round(agreement(exact, trace_step(net, x, d, "transpose", 0.5)), 2)  # close, not equal
0.85
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import activations as activation_functions
from .checks import as_array
from .mlp import MLP

RULES = ("chain", "proportional", "transpose")  # how blame travels back: B4, B2, B3


def blame_shares(W: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    """W_kj / Σ_i W_ki: the share of neuron k's error sent back to input j (B2).

    Where a row's sum is smaller in size than ``eps``, its sum of sizes
    Σ_i |W_ki| divides instead (shares by weight size); an all-zero row
    shares nothing.
    """
    sums, sizes = W.sum(axis=1), np.abs(W).sum(axis=1)
    denominators = np.where(np.abs(sums) >= eps, sums, sizes)
    return np.divide(W, denominators[:, None], out=np.zeros_like(W), where=denominators[:, None] != 0)


def errors(net: MLP, X, Y, rule: str = "chain", eps: float = 1e-6) -> list[np.ndarray]:
    """Each layer's error, [e_0, e_1, …, e_L], aligned with ``net.activations``.

    ``rule`` says how the output error travels back:

    - ``"chain"``: the exact deltas δ_l = ∂C_i/∂z_l of each sample's own
      loss C_i (B4); e_0 = W_1ᵀ δ_1 is the blame reaching the inputs.
    - ``"transpose"``: e_L = a_L − y (B1), e_{l-1} = W_lᵀ e_l (B3).
    - ``"proportional"``: e_L = a_L − y, and each neuron's blame shared by
      weight, e_{l-1,j} = Σ_k e_{l,k} W_kj / Σ_i W_ki (B2). Where a row's
      sum Σ_i W_ki is smaller in size than ``eps``, its sum of sizes
      Σ_i |W_ki| divides instead (shares by weight size), and an all-zero
      row passes back no blame.
    """
    if rule not in RULES:
        raise ValueError(f"unknown rule {rule!r}: choose one of {', '.join(RULES)}")
    X, Y, single = net._batch(X, Y)
    zs, acts = net._forward(X)
    if rule == "chain":
        e = net._output_delta(zs, acts, Y)
    else:
        e = acts[-1] - Y  # (B1)
    errors_ = [e]
    for l in range(len(net.weights) - 1, -1, -1):
        W = net.weights[l]
        if rule == "proportional":
            e = e @ blame_shares(W, eps)  # (B2)
        else:
            e = e @ W  # (B3), and the first half of (B4)
            if rule == "chain" and l:
                e = e * activation_functions.get(net.activation_of(l)).slope(zs[l - 1], acts[l])
        errors_.insert(0, e)
    return [e[0] for e in errors_] if single else errors_


@dataclass
class StepTrace:
    """Every number of one training step on one sample; layer lists are indexed like ``net.weights``.

    ``activations`` and ``errors`` run over the layers 0 … L (inputs first);
    ``signals[l]`` and ``blame[l]`` are shaped like ``weights[l]``, (n_out, n_in):
    what edge (k, j) carries forward, W_kj a_j, and back, e_k's share for
    neuron j; ``weight_updates[l]`` is ΔW of that layer.
    """

    rule: str
    learning_rate: float
    x: np.ndarray
    target: np.ndarray
    activations: list[np.ndarray]
    output_error: np.ndarray  # e = a_L − d   (B1)
    errors: list[np.ndarray]
    signals: list[np.ndarray]
    blame: list[np.ndarray]
    weight_updates: list[np.ndarray]
    bias_updates: list[np.ndarray]
    loss: float

    def apply(self, net: MLP) -> None:
        """Take the step: W_l ← W_l + ΔW_l, b_l ← b_l + Δb_l   (G1)."""
        for W, b, dW, db in zip(net.weights, net.biases, self.weight_updates, self.bias_updates,
                                strict=True):
            W += dW
            b += db

    def update_vector(self) -> np.ndarray:
        """Every ΔW and Δb in one vector, laid out as ``net.parameters()``."""
        return np.concatenate([a.ravel() for pair in zip(self.weight_updates, self.bias_updates,
                                                         strict=True) for a in pair])


def trace_step(net: MLP, x, target, rule: str = "chain", learning_rate: float = 0.5) -> StepTrace:
    """Take one sample's training step apart (see the module's docstring); ``net`` is unchanged."""
    if rule not in RULES:
        raise ValueError(f"unknown rule {rule!r}: choose one of {', '.join(RULES)}")
    if not (np.isfinite(learning_rate) and learning_rate > 0):
        raise ValueError(f"learning_rate must be a positive number, got {learning_rate!r}")
    x = as_array(x, "x", net.dtype)
    if x.ndim != 1:
        raise ValueError(
            f"trace_step takes one sample: x must be 1-D, shaped ({net.sizes[0]},), got {x.shape}"
        )
    acts = net.activations(x)
    target = as_array(target, "target", net.dtype).reshape(-1)
    errors_ = errors(net, x, target, rule)  # checks the target's shape too
    output_error = acts[-1] - target  # (B1)
    W = net.weights
    signals = [W[l] * acts[l][None, :] for l in range(len(W))]  # W_kj a_j: the terms of z (F1)
    blame, weight_updates, bias_updates = [], [], []
    for l in range(len(W)):
        e = errors_[l + 1]
        if rule == "proportional":
            blame.append(e[:, None] * blame_shares(W[l]))  # (B2), term by term
        else:
            blame.append(e[:, None] * W[l])  # (B3) / the first half of (B4), term by term
        if rule == "chain" or net.activation_of(l + 1) == "softmax":
            g = e  # δ_l already holds σ'(z_l)   (B4)
        else:
            z = W[l] @ acts[l] + net.biases[l]
            g = e * activation_functions.get(net.activation_of(l + 1)).slope(z, acts[l + 1])  # e_l ⊙ σ'(z_l)
        weight_updates.append(-learning_rate * np.outer(g, acts[l]))  # −η g_l a_{l-1}ᵀ   (G1, B4)
        bias_updates.append(-learning_rate * g)
    return StepTrace(rule, float(learning_rate), x, target, acts, output_error, errors_, signals, blame,
                     weight_updates, bias_updates, net.loss(x, target))


def agreement(a: StepTrace, b: StepTrace) -> float:
    """The cosine between two traces' updates: 1 same direction, 0 unrelated, −1 opposite."""
    u, v = a.update_vector(), b.update_vector()
    norms = float(np.linalg.norm(u) * np.linalg.norm(v))
    return float(u @ v / norms) if norms > 0 else 1.0


class Walkthrough:
    """One training step at a time, in stages: forward layer by layer, the output error, the blame
    back layer by layer, the update; then the next sample. What the backprop sketch plays.

    ``traces`` holds this sample's step under every rule (the sketch compares
    them); the step taken is ``rule``'s, at ``learning_rate``.

    >>> import numpy as np
    >>> from creativenn import MLP
    >>> walk = Walkthrough(MLP([2, 3, 1], activation="sigmoid", loss="half_mse"), np.eye(2), np.ones((2, 1)))
    >>> [kind for kind, layer in walk.stages]
    ['forward', 'forward', 'error', 'backward', 'update']
    >>> for _ in walk.stages:
    ...     stepped = walk.next_stage()
    >>> stepped, walk.sample, len(walk.losses)
    (True, 1, 2)
    """

    def __init__(self, net: MLP, X, D, rule: str = "chain", learning_rate: float = 0.5):
        self.net, self.X, self.D = net, X, D
        self.rule, self.learning_rate, self.sample = rule, learning_rate, 0
        L = len(net.sizes) - 1
        self.stages = ([("forward", l) for l in range(1, L + 1)] + [("error", L)]
                       + [("backward", l) for l in range(L, 1, -1)] + [("update", L)])
        self.stage, self.clock = 0, 0  # the stage shown, and how many frames it has been shown
        self.losses = [net.loss(X, D)]  # the cost over every sample, after each step
        self.retrace()

    @property
    def stage_kind(self) -> str:
        return self.stages[self.stage][0]

    @property
    def stage_layer(self) -> int:
        return self.stages[self.stage][1]

    @property
    def trace(self) -> StepTrace:
        return self.traces[self.rule]

    def retrace(self) -> None:
        """This sample's step under every rule, at this learning rate."""
        x, d = self.X[self.sample], self.D[self.sample]
        self.traces = {r: trace_step(self.net, x, d, r, self.learning_rate) for r in RULES}

    def next_stage(self) -> bool:
        """The next stage; after the update the step is taken and the next sample comes (True then)."""
        stepped = self.stage_kind == "update"
        if stepped:
            self.trace.apply(self.net)
            self.losses.append(self.net.loss(self.X, self.D))
            self.sample = (self.sample + 1) % len(self.X)
            self.retrace()
        self.stage, self.clock = (self.stage + 1) % len(self.stages), 0
        return stepped

    def advance(self, stage_frames: int, auto: bool = True) -> float:
        """One frame on: a stage lasts ``stage_frames`` frames; on a timer (``auto``) the next one
        follows, else the stage waits at its end. Returns how far into it we are, 0 … 1."""
        self.clock = min(self.clock + 1, stage_frames)
        if auto and self.clock == stage_frames:
            self.next_stage()
        return self.clock / stage_frames

    def next_sample(self) -> None:
        """The next sample, from the first stage, no step taken."""
        self.sample, self.stage, self.clock = (self.sample + 1) % len(self.X), 0, 0
        self.retrace()

    def next_rule(self) -> None:
        self.rule = RULES[(RULES.index(self.rule) + 1) % len(RULES)]
