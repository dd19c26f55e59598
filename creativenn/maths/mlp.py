"""The multilayer perceptron: forward pass (F1), backpropagation (B4), one step down the gradient (G1).

The tags (F1), (B4), (G1) … name equations of the course notes, docs/maths.md;
``creativenn maths B4`` prints one. The weights and biases are in
parameters.py (``weights[l]`` is W_l, shaped (n_out, n_in)); what a network
may be made of is checked in layers.py, its data in checks.py; save/load in
modelfile.py. Batches are rows, ``X`` is (n_samples, n_inputs); one sample
may be 1-D and then comes back 1-D.

Leaves out: convolutions, batch normalisation, layers of other kinds.

>>> import numpy as np
>>> net = MLP([2, 3, 1], seed=0)
>>> [w.shape for w in net.weights], net.forward(np.zeros(2)).shape
([(3, 2), (1, 3)], (1,))
"""

from __future__ import annotations

import math

import numpy as np

from . import activations, layers, losses, modelfile, optimizers, regularization
from .checks import DivergedError, network_inputs, network_targets, positive_int, require_finite
from .divergence import guarded_step
from .optimizers import epoch_batches
from .parameters import Gradients, Parameters
from .regularization import Regularised


class MLP(Parameters, Regularised):
    """A fully connected network: one activation for its hidden layers, or a list, one a layer.

    ``output_activation`` defaults to what the loss expects (sigmoid for
    ``bce``, softmax for ``cross_entropy``), else the last hidden one.
    Weights start Glorot-uniform (He before ReLUs) from ``seed``, biases 0.
    ``regularization`` ("l2" R1, "l1" R2) with ``regularization_rate`` λ and
    ``dropout`` p (R3) may change between any two steps. With ``features``
    (F3) the network takes points (x₁, x₂) and its inputs are a_0 = φ(x).
    """

    def __init__(self, sizes, activation="sigmoid", output_activation=None, loss="mse", seed=0,
                 dtype=np.float64, regularization=None, regularization_rate=0.0, dropout=0.0, features=None):
        sizes, dtype = layers.layer_sizes(sizes), layers.number_type(dtype)
        self.features = layers.input_features(features, sizes)
        self._loss = losses.get(loss)
        hidden, output = layers.layer_activations(activation, output_activation, self._loss, sizes)
        self._acts = [*hidden, output]
        self.activation = [h.name for h in hidden] if isinstance(activation, list | tuple) \
            else activations.get(activation).name
        self.output_activation, self.loss_name = output.name, self._loss.name
        self.regularization, self.regularization_rate = regularization, regularization_rate
        self.dropout = dropout
        layers.fits_memory(sizes, dtype)
        relu = {l for l, a in enumerate(hidden) if a.name in ("relu", "leaky_relu")}
        super().__init__(sizes, dtype, seed, feeds_relu=relu)
        self.reseed(seed)  # dropout's masks
        self._checked_targets = None  # the last targets checked (step after step, the same array)

    # ---- forward ----------------------------------------------------------------------------

    def _forward(self, a, masks=None, kept=None):
        """The weighted sums z_l and activations a_l of every layer (F1); with dropout ``masks`` (R3) a
        hidden a_l is masked before the next layer takes it, ``kept`` getting σ(z_l) for the slopes."""
        zs, acts = [], [a]
        for l, (W, b, sigma) in enumerate(zip(self._W, self._b, self._acts, strict=True)):
            z = a @ W.T  # z_l = W_l a_{l-1} + b_l, one sample per row
            z += b
            a = sigma.value(z)  # a_l = σ(z_l)
            if masks is not None and l < len(self._W) - 1:
                kept.append(a)
                a = a * masks[l]  # a_l ⊙ m_l (R3)
            zs.append(z)
            acts.append(a)
        return zs, acts

    def forward(self, X) -> np.ndarray:
        """The network's outputs a_L for ``X``   (F1, applied layer after layer)."""
        X, single = network_inputs(X, self.sizes[0], self.features, self.dtype)
        out = self._forward(X)[1][-1]
        if not math.isfinite(out.sum()):
            require_finite(X, "X")
        return out[0] if single else out

    __call__ = forward

    def activations(self, X) -> list[np.ndarray]:
        """[a_0 = X (or φ(X), F3), a_1, …, a_L]: every layer's activations, for drawing neurons."""
        X, single = network_inputs(X, self.sizes[0], self.features, self.dtype)
        acts = self._forward(X)[1]
        return [a[0] for a in acts] if single else acts

    def predict(self, X) -> np.ndarray:
        """Class decisions: 0/1 for one sigmoid output (a ≥ 0.5), else the largest output."""
        out = self.forward(X)
        return (out >= 0.5).astype(int)[..., 0] if self.sizes[-1] == 1 else out.argmax(axis=-1)

    def loss(self, X, Y, masks=None) -> float:
        """The mean cost C over the samples (C1–C4), without λR(W); ``masks``: through dropout masks."""
        X, Y, _ = self._batch(X, Y)
        zs, acts = self._forward(X, masks, [])
        value = self._loss.value(acts[-1], Y, zs[-1], self._acts[-1])
        if not math.isfinite(value):
            self._blame_data(X, Y)
        return value

    # ---- backward ---------------------------------------------------------------------------

    def _output_delta(self, zs, acts, Y):
        """δ_L = ∂ℓ/∂z_L for each sample's own loss   (B4, first line)."""
        delta = self._loss.delta(acts[-1], Y, zs[-1], self._acts[-1])
        return delta / self.sizes[-1] if self._loss.averages_outputs else delta

    def _backward(self, zs, acts, Y, masks=None, kept=None) -> float:
        """The gradient buffer filled with ∂C/∂W_l, ∂C/∂b_l (+ λ∂R/∂W_l); returns C   (B4, R1–R3)."""
        loss = self._loss.value(acts[-1], Y, zs[-1], self._acts[-1])
        if not math.isfinite(loss):
            return loss
        delta = self._output_delta(zs, acts, Y) / Y.shape[0]  # the mean over samples
        for l in range(len(self._W) - 1, -1, -1):
            np.matmul(delta.T, acts[l], out=self._gW[l])  # ∂C/∂W_l = δ_l a_{l-1}ᵀ
            delta.sum(axis=0, out=self._gb[l])  # ∂C/∂b_l = δ_l
            if l:
                delta = delta @ self._W[l]  # W_lᵀ δ_l, one sample per row
                if masks is None:
                    delta *= self._acts[l - 1].slope(zs[l - 1], acts[l])  # ⊙ σ'(z_{l-1})
                else:  # a dropped neuron passed nothing forward, so it takes no blame back (R3)
                    delta *= masks[l - 1]
                    delta *= self._acts[l - 1].slope(zs[l - 1], kept[l - 1])
        regularization.add_gradient(self.regularization, self.regularization_rate, self._W, self._gW)
        return loss

    def gradients(self, X, Y, masks=None) -> Gradients:
        """∂C/∂W_l and ∂C/∂b_l for every layer by backpropagation (B4); the net is unchanged.
        With regularisation, of C + λR(W) (R1, R2); with ``masks``, through those (R3)."""
        X, Y, _ = self._batch(X, Y)
        kept = []
        zs, acts = self._forward(X, masks, kept)
        loss = self._backward(zs, acts, Y, masks, kept)
        if not math.isfinite(loss):
            self._blame_data(X, Y)
        return Gradients([g.copy() for g in self._gW], [g.copy() for g in self._gb], loss, self.penalty())

    # ---- training ---------------------------------------------------------------------------

    def step(self, X, Y, optimizer: optimizers.Optimizer, rows=None) -> float:
        """One step θ ← θ − η ∇C(θ) (G1) by the optimizer's rule; returns C over all of (X, Y) before it.

        The gradient is taken over ``rows`` (default all: batch descent; a
        few: mini-batch; one: stochastic, G2), down C + λR(W) (R1, R2),
        through fresh dropout masks (R3). When C climbs past its bound
        (``divergence``: 4× its start) or a step would overflow, DivergedError
        is raised and the weights go back to the last good ones.
        """
        X, Y, _ = self._batch(X, Y)
        return self._step(X, Y, optimizer, rows)

    def _step(self, X, Y, optimizer, rows=None) -> float:
        """``step`` on data already checked (``fit`` checks its data once, not every step)."""
        zs, acts = self._forward(X)
        masks = self.dropout_masks(len(X) if rows is None else len(rows))
        if rows is None and masks is None:
            loss = self._backward(zs, acts, Y)
        else:  # C of the whole with every neuron on; the gradient of the rows, through the masks
            loss = self._loss.value(acts[-1], Y, zs[-1], self._acts[-1])
            if math.isfinite(loss) and masks is None:
                rows = np.asarray(rows)
                self._backward([z[rows] for z in zs], [a[rows] for a in acts], Y[rows])
            elif math.isfinite(loss):
                Xg, Yg = (X, Y) if rows is None else (X[np.asarray(rows)], Y[np.asarray(rows)])
                kept = []
                self._backward(*self._forward(Xg, masks, kept), Yg, masks, kept)
        try:
            guarded_step(optimizer, [self._flat], [self._grad], loss, "the weights")
        except DivergedError:
            if not math.isfinite(loss):
                self._blame_data(X, Y)
            raise
        return loss

    def fit(self, X, Y, epochs=100, batch_size=None, optimizer=None, seed=0) -> list[float]:
        """Train for ``epochs`` passes over the data; returns each epoch's mean loss.

        ``batch_size`` None is batch descent, 1 stochastic, between them
        mini-batch (G2), the rows shuffled each epoch from ``seed``.
        ``optimizer``: an Optimizer or a name ("adam"); SGD(0.1) if none.
        """
        X, Y, _ = self._batch(X, Y)
        epochs, optimizer = positive_int(epochs, "epochs"), optimizers.chosen(optimizer)
        rng = np.random.default_rng(seed)
        history = []
        for _ in range(epochs):
            total = sum(self._step(X[rows], Y[rows], optimizer) * len(rows)
                        for rows in epoch_batches(len(X), batch_size, rng))
            history.append(total / len(X))
        return history

    # ---- data, copies, files --------------------------------------------------------------------

    def _batch(self, X, Y):
        X, single = network_inputs(X, self.sizes[0], self.features, self.dtype)
        Y = network_targets(Y, X.shape[0], single, self.sizes[-1], self.output_activation == "softmax",
                            self.dtype)
        if Y is not self._checked_targets:  # the same array as last step: checked then
            self._loss.check_targets(Y)
            self._checked_targets = Y
        return X, Y, single

    def _blame_data(self, X, Y):
        """Called when something came out not finite: was it the data?"""
        require_finite(X, "X")
        require_finite(Y, "Y")

    def activation_of(self, layer: int) -> str:
        """The activation of layer ``layer`` (0 is the inputs, passed on as they are: linear)."""
        if not 0 <= layer < len(self.sizes):
            raise ValueError(f"layer must be 0 … {len(self.sizes) - 1}, got {layer}")
        return "linear" if layer == 0 else self._acts[layer - 1].name

    def settings(self) -> dict:
        """What the network is made of, as ``MLP(**settings)`` takes it (and its model file keeps it)."""
        return {"sizes": list(self.sizes), "activation": self.activation,
                "output_activation": self.output_activation, "loss": self.loss_name, "dtype": self.dtype.name,
                "regularization": self.regularization, "regularization_rate": self.regularization_rate,
                "dropout": self.dropout, "features": None if self.features is None else self.features.names}

    def copy(self) -> MLP:
        """An independent network with the same settings and parameters (and dropout's masks)."""
        twin = MLP(**self.settings())
        twin._flat[...] = self._flat
        twin._rng.bit_generator.state = self._rng.bit_generator.state
        return twin

    def save(self, path):
        """Write the network to ``path`` (a .npz file numpy can read too): ``modelfile.save``."""
        return modelfile.save(self, path)

    @classmethod
    def load(cls, path) -> MLP:
        """A network saved by ``save``; a ValueError naming the file and what is wrong otherwise."""
        return modelfile.load(cls, path)

    def __repr__(self) -> str:
        """The settings that differ from a plain network's, and how many numbers it holds."""
        plain = {"regularization": None, "regularization_rate": 0.0, "dropout": 0.0, "features": None}
        told = [f"{k}={v!r}" for k, v in self.settings().items() if k not in ("sizes", "dtype")
                and plain.get(k, ...) != v and not (k == "regularization_rate" and not self.regularization)]
        return f"MLP({list(self.sizes)}, {', '.join(told)})  # {self.n_parameters} parameters"
