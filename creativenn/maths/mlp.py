"""The multilayer perceptron: forward pass (F1), backpropagation (B4), one step (G1).

The tags (F1), (B4), (G1) … name equations of the course notes, docs/maths.md;
``creativenn maths B4`` prints one.

``weights[l]`` is shaped (n_out, n_in), the matrix W of layer l+1 in
``a_l = σ(W_l a_{l-1} + b_l)``: row k holds the weights into neuron k.
``biases[l]`` is (n_out,). Batches are rows, ``X`` is (n_samples, n_inputs);
a single sample may be 1-D and then comes back 1-D.

All parameters live in one flat array, and ``weights``/``biases`` are views
into it: an optimizer updates the whole network with a few numpy calls,
and a weight changed in place (``net.weights[0][1, 0] = 2.0``) is the
network's weight.

Regularisation (``regularization="l2"`` or ``"l1"`` with a
``regularization_rate``: R1, R2) and dropout (``dropout=p``, hidden layers,
training steps only: R3) can be set when the network is made or changed
between any two steps; each hidden layer may have its own activation
(``activation=["relu", "tanh"]``).

Leaves out: convolutions, batch normalisation, layers of other kinds.

>>> import numpy as np
>>> net = MLP([2, 3, 1], seed=0)
>>> [w.shape for w in net.weights], [b.shape for b in net.biases]
([(3, 2), (1, 3)], [(3,), (1,)])
>>> net.forward(np.zeros(2)).shape
(1,)
"""

from __future__ import annotations

import json
import math
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..files import whole_file
from . import activations, losses, optimizers, regularization
from .checks import DivergedError, TooLarge, as_array, check_memory, positive_int, require_finite
from .divergence import guarded_step
from .features import Features
from .optimizers import Optimizer

DTYPES = ("float64", "float32")
# fit(optimizer="adam"): the learning rate a name starts with (for these small networks)
START_RATES = {"sgd": 0.1, "momentum": 0.1, "rmsprop": 0.01, "adam": 0.01}


@dataclass
class Gradients:
    """∂C/∂W_l and ∂C/∂b_l for every layer (B4), and the loss C they belong to. With regularisation the
    gradients are of C + λR(W) and ``penalty`` is λR(W) (R1, R2); ``loss`` is C alone."""

    weights: list[np.ndarray]
    biases: list[np.ndarray]
    loss: float
    penalty: float = 0.0

    def norm(self) -> float:
        """|∇C|: the length of the whole gradient, every weight and bias together."""
        return float(np.sqrt(sum(float((g * g).sum()) for g in self.weights + self.biases)))


def epoch_batches(n: int, batch_size: int | None, rng):
    """The rows of each step of one epoch over n samples (G2).

    ``batch_size=None`` is batch descent (every row, in order, one step); 1 is
    stochastic; anything between mini-batch, the rows shuffled with ``rng``.
    """
    size = n if batch_size is None else min(positive_int(batch_size, "batch_size"), n)
    order = rng.permutation(n) if size < n else np.arange(n)
    for start in range(0, n, size):
        yield order[start : start + size]


class MLP:
    """A fully connected network: one activation for its hidden layers, or one for each.

    ``output_activation`` defaults to what the loss expects: sigmoid for
    ``bce``, softmax for ``cross_entropy``, otherwise the (last) hidden
    activation (the course's all-sigmoid network). Weights start
    Glorot-uniform (He-uniform for ReLUs) from ``seed``; biases start at 0;
    dropout's masks are drawn from a generator seeded with ``seed`` too.
    With ``features`` (F3) the network takes points (x₁, x₂) and its input
    layer is those features of them: a_0 = φ(x).
    """

    def __init__(
        self,
        sizes,
        activation: str = "sigmoid",
        output_activation: str | None = None,
        loss: str = "mse",
        seed: int | None = 0,
        dtype=np.float64,
        regularization: str | None = None,
        regularization_rate: float = 0.0,
        dropout: float = 0.0,
        features=None,
    ):
        self.sizes = _layer_sizes(sizes)
        self.features = None if features is None else Features(features)
        if self.features is not None and len(self.features) != self.sizes[0]:
            raise ValueError(f"{len(self.features)} input features ({', '.join(self.features.names)}) need "
                             f"{len(self.features)} input neurons: sizes[0] is {self.sizes[0]}")
        self._loss = losses.get(loss)
        hidden, output = _activations(activation, output_activation, self._loss, self.sizes)
        # one name for every hidden layer, or the list given (one a layer)
        self.activation = [h.name for h in hidden] if isinstance(activation, list | tuple) \
            else activations.get(activation).name
        self.output_activation, self.loss_name = output.name, self._loss.name
        if np.dtype(dtype).name not in DTYPES:
            raise ValueError(f"dtype must be {' or '.join(DTYPES)}, got {np.dtype(dtype).name}")
        self.dtype = np.dtype(dtype)
        _check_memory(self.sizes, self.dtype)
        self._acts = [*hidden, output]
        self._checked_targets = None  # the last targets checked (step after step, the same array)
        self.regularization, self.regularization_rate = regularization, regularization_rate
        self.dropout = dropout
        self.reseed(seed)
        self._allocate(seed)

    # ---- regularisation and dropout (R1–R3): settable between any two steps ------

    @property
    def regularization(self) -> str | None:
        """None, ``"l2"`` (R1) or ``"l1"`` (R2): the penalty on the weights' size."""
        return self._regularization

    @regularization.setter
    def regularization(self, kind) -> None:
        self._regularization, _ = regularization.check(kind, 0.0)

    @property
    def regularization_rate(self) -> float:
        """λ, how much the penalty counts against the loss (0: none)."""
        return self._regularization_rate

    @regularization_rate.setter
    def regularization_rate(self, rate) -> None:
        _, self._regularization_rate = regularization.check(None, rate)

    @property
    def dropout(self) -> float:
        """p, the share of hidden neurons switched off in each training step (R3); 0: none."""
        return self._dropout

    @dropout.setter
    def dropout(self, p) -> None:
        self._dropout = regularization.check_dropout(p)

    def penalty(self) -> float:
        """λ R(W), what regularisation adds to the cost now   (R1, R2)."""
        return regularization.penalty(self._regularization, self._regularization_rate, self._W)

    def reseed(self, seed: int | None) -> None:
        """Start dropout's masks again from ``seed``: the same seed, the same masks step by step."""
        self._rng = np.random.default_rng(seed)

    def dropout_masks(self, n: int) -> list[np.ndarray] | None:
        """Masks for a training step on ``n`` samples, one a hidden layer (R3); None without dropout."""
        if not self._dropout or len(self.sizes) < 3:
            return None
        return regularization.dropout_masks(n, self.sizes[1:-1], self._dropout, self._rng, self.dtype)

    # ---- forward -----------------------------------------------------------

    def _forward(self, a, masks=None, kept=None):
        """The weighted sums z_l and activations a_l of every layer   (F1).

        With dropout ``masks`` (R3) each hidden layer's a_l is multiplied by its mask before the next
        layer takes it; ``kept`` (a list) then receives each hidden σ(z_l) before masking, for the
        slopes."""
        zs, activations_ = [], [a]
        last = len(self._W) - 1
        for l, (W, b, sigma) in enumerate(zip(self._W, self._b, self._acts, strict=True)):
            z = a @ W.T  # z_l = W_l a_{l-1} + b_l, one sample per row
            z += b
            a = sigma.value(z)  # a_l = σ(z_l)
            if masks is not None and l < last:
                kept.append(a)
                a = a * masks[l]  # a_l ⊙ m_l (R3)
            zs.append(z)
            activations_.append(a)
        return zs, activations_

    def forward(self, X) -> np.ndarray:
        """The network's outputs a_L for ``X``   (F1, applied layer after layer)."""
        X, single = self._inputs(X)
        out = self._forward(X)[1][-1]
        if not math.isfinite(out.sum()):
            require_finite(X, "X")
        return out[0] if single else out

    __call__ = forward

    def activations(self, X) -> list[np.ndarray]:
        """[a_0 = X (or φ(X), F3), a_1, …, a_L]: every layer's activations, for drawing neurons."""
        X, single = self._inputs(X)
        acts = self._forward(X)[1]
        return [a[0] for a in acts] if single else acts

    def predict(self, X) -> np.ndarray:
        """Class decisions: 0/1 for one sigmoid output (a ≥ 0.5), else the largest output."""
        out = self.forward(X)
        if self.sizes[-1] == 1:
            return (out >= 0.5).astype(int)[..., 0]
        return out.argmax(axis=-1)

    def loss(self, X, Y, masks=None) -> float:
        """The mean cost C over the samples, as PyTorch reduces it   (C1–C4); without λR(W) (``penalty``).

        ``masks``: dropout masks (``dropout_masks``) to compute it with, as a training step does."""
        X, Y, _ = self._batch(X, Y)
        zs, acts = self._forward(X, masks, [])
        value = self._loss.value(acts[-1], Y, zs[-1], self._acts[-1])
        if not math.isfinite(value):
            self._blame_data(X, Y)
        return value

    # ---- backward ------------------------------------------------------------

    def _output_delta(self, zs, acts, Y):
        """δ_L = ∂ℓ/∂z_L for each sample's own loss   (B4, first line)."""
        delta = self._loss.delta(acts[-1], Y, zs[-1], self._acts[-1])
        return delta / self.sizes[-1] if self._loss.averages_outputs else delta

    def _backward(self, zs, acts, Y, masks=None, kept=None) -> float:
        """Fill the gradient buffer with ∂C/∂W_l, ∂C/∂b_l, and λ∂R/∂W_l with regularisation; return the
        loss C   (B4, R1–R3)."""
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
        regularization.add_gradient(self._regularization, self._regularization_rate, self._W, self._gW)
        return loss

    def gradients(self, X, Y, masks=None) -> Gradients:
        """∂C/∂W_l and ∂C/∂b_l for every layer, by backpropagation (B4); the net is unchanged.

        With regularisation, of C + λR(W) (R1, R2); with ``masks``, through those dropout masks (R3)."""
        X, Y, _ = self._batch(X, Y)
        kept = []
        zs, acts = self._forward(X, masks, kept)
        loss = self._backward(zs, acts, Y, masks, kept)
        if not math.isfinite(loss):
            self._blame_data(X, Y)
        return Gradients([g.copy() for g in self._gW], [g.copy() for g in self._gb], loss, self.penalty())

    def errors(self, X, Y, rule: str = "chain", eps: float = 1e-6) -> list[np.ndarray]:
        """Each layer's error as the blame travels back by ``rule`` (B4, B3, B2): ``backprop.errors``."""
        from .backprop import errors  # the teaching rules live with the backprop sketch's maths

        return errors(self, X, Y, rule, eps)

    # ---- training --------------------------------------------------------------

    def step(self, X, Y, optimizer: Optimizer, rows=None) -> float:
        """One gradient-descent step; returns the loss over all of (X, Y) before it.

        θ ← θ − η ∇C(θ) (G1) with the optimizer's rule, the gradient taken over
        ``rows`` of the samples (default: all of them, batch descent; a few
        chosen at random, mini-batch; one, stochastic: G2). With regularisation
        the step is down C + λR(W) (R1, R2); with dropout, through fresh masks
        (R3). The loss returned, and watched, is C over every sample, every
        neuron on: when it climbs past its bound
        (``divergence``: 4× its start) or a step would overflow, DivergedError
        is raised and every weight goes back to the last ones within the bound.
        The targets' values are checked the first time an array is given, not
        again while the same array comes back step after step.
        """
        X, Y, _ = self._batch(X, Y)
        return self._step(X, Y, optimizer, rows)

    def _step(self, X, Y, optimizer: Optimizer, rows=None) -> float:
        """``step`` on data already checked (``fit`` checks its data once, not every step)."""
        zs, acts = self._forward(X)
        masks = self.dropout_masks(len(X) if rows is None else len(rows))
        if rows is None and masks is None:
            loss = self._backward(zs, acts, Y)
        else:  # the loss of the whole with every neuron on; the gradient of the rows, through the masks
            loss = self._loss.value(acts[-1], Y, zs[-1], self._acts[-1])
            if math.isfinite(loss):
                if masks is None:
                    rows = np.asarray(rows)
                    self._backward([z[rows] for z in zs], [a[rows] for a in acts], Y[rows])
                else:
                    Xg, Yg = (X, Y) if rows is None else (X[np.asarray(rows)], Y[np.asarray(rows)])
                    kept = []
                    zs_g, acts_g = self._forward(Xg, masks, kept)
                    self._backward(zs_g, acts_g, Yg, masks, kept)
        try:
            guarded_step(optimizer, [self._flat], [self._grad], loss, "the weights")
        except DivergedError:
            if not math.isfinite(loss):
                self._blame_data(X, Y)
            raise
        return loss

    def fit(
        self,
        X,
        Y,
        epochs: int = 100,
        batch_size: int | None = None,
        optimizer: Optimizer | str | None = None,
        seed: int | None = 0,
    ) -> list[float]:
        """Train for ``epochs`` passes over the data; returns each epoch's mean loss.

        ``batch_size=None`` is batch gradient descent (every sample per step),
        ``1`` stochastic, anything between mini-batch (G2); samples are
        shuffled each epoch with ``seed``. ``optimizer`` is an Optimizer or a
        name (``"adam"``: then it starts from ``START_RATES``); SGD(0.1) if none.
        """
        X, Y, _ = self._batch(X, Y)
        epochs = positive_int(epochs, "epochs")
        if optimizer is None or isinstance(optimizer, str):
            name = "sgd" if optimizer is None else optimizer.lower()
            optimizer = optimizers.make(name, START_RATES.get(name, 0.1))
        elif not isinstance(optimizer, Optimizer):
            raise ValueError(f"optimizer must be an Optimizer or one of {', '.join(optimizers.NAMES)}, "
                             f"got {optimizer!r}")
        rng = np.random.default_rng(seed)
        history = []
        for _ in range(epochs):
            total = sum(self._step(X[rows], Y[rows], optimizer) * len(rows)
                        for rows in epoch_batches(len(X), batch_size, rng))
            history.append(total / len(X))
        return history

    # ---- parameters -------------------------------------------------------

    @property
    def weights(self) -> list[np.ndarray]:
        """The weight matrices W_1 … W_L, each (n_out, n_in); views, change in place."""
        return list(self._W)

    @weights.setter
    def weights(self, new) -> None:
        self._assign(self._W, new, "weights")

    @property
    def biases(self) -> list[np.ndarray]:
        """The bias vectors b_1 … b_L, each (n_out,); views, change in place."""
        return list(self._b)

    @biases.setter
    def biases(self, new) -> None:
        self._assign(self._b, new, "biases")

    def _assign(self, views, new, name):
        new = list(new)
        if len(new) != len(views):
            raise ValueError(f"{name} needs {len(views)} arrays, got {len(new)}")
        arrays = [as_array(a, f"{name}[{i}]", self.dtype) for i, a in enumerate(new)]
        for i, (view, array) in enumerate(zip(views, arrays, strict=True)):
            if array.shape != view.shape:
                raise ValueError(f"{name}[{i}] must be shaped {view.shape}, got {array.shape}")
            require_finite(array, f"{name}[{i}]")
        for view, array in zip(views, arrays, strict=True):
            view[...] = array

    def parameters(self) -> np.ndarray:
        """Every weight and bias in one vector (a copy): W_1, b_1, W_2, b_2, …"""
        return self._flat.copy()

    def set_parameters(self, vector) -> None:
        """Load every weight and bias from one vector laid out as ``parameters()``."""
        vector = as_array(vector, "vector", self.dtype)
        if vector.shape != self._flat.shape:
            raise ValueError(
                f"vector must hold {self._flat.size} numbers for {self.sizes}, got shape "
                f"{vector.shape}"
            )
        require_finite(vector, "vector")
        self._flat[...] = vector

    def activation_of(self, layer: int) -> str:
        """The activation of layer ``layer`` (0 is the inputs, passed on as they are: linear)."""
        if not 0 <= layer < len(self.sizes):
            raise ValueError(f"layer must be 0 … {len(self.sizes) - 1}, got {layer}")
        return "linear" if layer == 0 else self._acts[layer - 1].name

    @property
    def n_parameters(self) -> int:
        return self._flat.size

    def copy(self) -> MLP:
        """An independent network with the same shape, settings and parameters."""
        twin = MLP(self.sizes, self.activation, self.output_activation, self.loss_name, 0, self.dtype,
                   self._regularization, self._regularization_rate, self._dropout,
                   None if self.features is None else self.features.names)
        twin._flat[...] = self._flat
        twin._rng = np.random.default_rng()
        twin._rng.bit_generator.state = self._rng.bit_generator.state  # the same masks from here on
        return twin

    def _allocate(self, seed) -> None:
        """One flat array for every parameter (and one for the gradient), with per-layer views;
        weights drawn Glorot-uniform (He-uniform before a ReLU) from ``seed``, biases 0."""
        shapes = []
        for n_in, n_out in zip(self.sizes[:-1], self.sizes[1:], strict=True):
            shapes += [(n_out, n_in), (n_out,)]
        self._flat = np.zeros(sum(math.prod(s) for s in shapes), self.dtype)
        self._grad = np.zeros_like(self._flat)
        self._W, self._b = self._views(self._flat, shapes)
        self._gW, self._gb = self._views(self._grad, shapes)

        rng = np.random.default_rng(seed)
        for l, W in enumerate(self._W):
            n_out, n_in = W.shape
            feeds_relu = l < len(self._W) - 1 and self._acts[l].name in ("relu", "leaky_relu")
            # He-uniform before a ReLU, Glorot-uniform elsewhere: keeps signals' size steady
            limit = math.sqrt(6.0 / n_in) if feeds_relu else math.sqrt(6.0 / (n_in + n_out))
            W[...] = rng.uniform(-limit, limit, W.shape)

    @staticmethod
    def _views(flat, shapes):
        views, start = [], 0
        for shape in shapes:
            size = math.prod(shape)
            views.append(flat[start : start + size].reshape(shape))
            start += size
        return views[0::2], views[1::2]

    # ---- data checks -------------------------------------------------------

    def _inputs(self, X):
        X = as_array(X, "X", self.dtype)
        if self.features is not None:  # points (x1, x2) → their features, a_0 = φ(x)   (F3)
            single = X.ndim == 1
            points = X[None, :] if single else X
            if points.ndim != 2 or points.shape[1] != 2 or points.shape[0] == 0:
                raise ValueError(f"X must be points shaped (n_samples, 2), or (2,) for one: this network "
                                 f"computes its inputs {', '.join(self.features.names)} from (x1, x2); got "
                                 f"{X.shape}")
            X = self.features(points).astype(self.dtype)
            return X, single
        shape, single = X.shape, X.ndim == 1
        if single:
            X = X[None, :]
        if X.ndim != 2 or X.shape[1] != self.sizes[0] or X.shape[0] == 0:
            raise ValueError(
                f"X must be shaped (n_samples, {self.sizes[0]}), or ({self.sizes[0]},) for one "
                f"sample, got {shape}"
            )
        return X, single

    def _targets(self, Y, n: int, single: bool):
        n_out = self.sizes[-1]
        Y = np.asarray(Y)
        if (
            Y.ndim == 1 and not single and n_out > 1 and Y.shape[0] == n
            and self.output_activation == "softmax"
        ):
            labels = Y
            if not (np.issubdtype(labels.dtype, np.number) and np.all(labels == np.round(labels))
                    and labels.min() >= 0 and labels.max() < n_out):
                raise ValueError(
                    f"Y given as class labels must be whole numbers 0 … {n_out - 1}, got {labels!r}"
                )
            Y = np.eye(n_out, dtype=self.dtype)[labels.astype(int)]  # one-hot
        Y = as_array(Y, "Y", self.dtype)
        if single and Y.ndim == 1:
            Y = Y[None, :]
        elif Y.ndim == 1 and n_out == 1:
            Y = Y[:, None]
        if Y.shape != (n, n_out):
            raise ValueError(
                f"Y must be shaped ({n}, {n_out}) to match X and the {n_out} output neurons, "
                f"got {Y.shape}"
            )
        if Y is not self._checked_targets:  # the same array as last step: checked then
            self._loss.check_targets(Y)
            self._checked_targets = Y
        return Y

    def _batch(self, X, Y):
        X, single = self._inputs(X)
        return X, self._targets(Y, X.shape[0], single), single

    def _blame_data(self, X, Y):
        """Called when something came out not finite: was it the data?"""
        require_finite(X, "X")
        require_finite(Y, "Y")

    # ---- saving ----------------------------------------------------------------

    def save(self, path) -> Path:
        """Write the network to ``path`` (a .npz file numpy can read too)."""
        path = Path(path)
        if path.suffix != ".npz":
            path = path.with_suffix(path.suffix + ".npz")
        meta = {
            "format": "creativenn.MLP/1",
            "sizes": list(self.sizes),
            "activation": self.activation,
            "output_activation": self.output_activation,
            "loss": self.loss_name,
            "dtype": self.dtype.name,
            "regularization": self._regularization,
            "regularization_rate": self._regularization_rate,
            "dropout": self._dropout,
            "features": None if self.features is None else self.features.names,
        }
        with whole_file(path) as file:  # an old model stays whole if this one cannot be written
            np.savez(file, meta=np.array(json.dumps(meta)), parameters=self._flat)
        return path

    @classmethod
    def load(cls, path) -> MLP:
        """A network saved by ``save``; a ValueError naming the file and what is wrong otherwise."""
        path = Path(path)

        def bad(why: str) -> ValueError:
            return ValueError(f"{path} is not a creativenn model file: {why}")

        if not path.is_file():
            raise FileNotFoundError(f"no model file at {path}")
        if path.stat().st_size == 0:
            raise bad("it is empty")
        try:
            data = np.load(path, allow_pickle=False)
            if not isinstance(data, np.lib.npyio.NpzFile):
                raise bad("it holds one array, not a saved model")
            with data:
                missing = sorted({"meta", "parameters"} - set(data.files))
                if missing:
                    raise bad(f"it has no {' or '.join(missing)} (saved by something else?)")
                for name, most in (("meta", 1 << 16), ("parameters", None)):
                    shape = _stored_shape(data, name)
                    if most is not None and math.prod(shape) > most:
                        raise bad(f"its {name} holds {math.prod(shape):,} items, not a description")
                meta = _meta(str(data["meta"]), bad)
                try:
                    sizes = _layer_sizes(meta["sizes"])
                except ValueError as error:
                    raise bad(f"its sizes: {error}") from None
                try:
                    _check_memory(sizes, meta["dtype"])
                except TooLarge as error:
                    raise TooLarge(f"{path} cannot be loaded: {error}") from None
                expected = sum((n_in + 1) * n_out for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=True))
                if shape != (expected,):  # said before the numbers are read: they might not fit memory
                    raise bad(f"its description says layers {list(sizes)}, {expected:,} weights and biases, "
                              f"and it holds {math.prod(shape):,} numbers (shape {shape})")
                vector = data["parameters"]
        except ValueError as error:
            if str(error).startswith(str(path)) or isinstance(error, TooLarge):
                raise
            raise bad(f"numpy cannot read it ({error})") from None
        except (OSError, EOFError, KeyError, zipfile.BadZipFile) as error:
            raise bad(f"it is cut off or damaged ({type(error).__name__}: {error})") from None
        if meta["dtype"] not in DTYPES or vector.dtype.kind != "f":
            raise bad(f"its numbers are {meta['dtype']} / {vector.dtype}; creativenn models use "
                      f"{' or '.join(DTYPES)}")
        try:
            net = cls(meta["sizes"], meta["activation"], meta["output_activation"], meta["loss"], 0,
                      meta["dtype"], meta.get("regularization"), meta.get("regularization_rate", 0.0),
                      meta.get("dropout", 0.0), meta.get("features"))
            net.set_parameters(vector)
        except (ValueError, TypeError) as error:
            raise bad(str(error)) from None
        return net

    def __repr__(self) -> str:
        extra = ""
        if self._regularization:
            extra += (f", regularization={self._regularization!r}, "
                      f"regularization_rate={self._regularization_rate:g}")
        if self._dropout:
            extra += f", dropout={self._dropout:g}"
        if self.features is not None:
            extra += f", features={self.features.names}"
        return (
            f"MLP({list(self.sizes)}, activation={self.activation!r}, "
            f"output_activation={self.output_activation!r}, loss={self.loss_name!r}{extra})"
            f"  # {self.n_parameters} parameters"
        )


def _meta(text: str, bad) -> dict:
    """A model file's description, checked for the fields ``load`` needs (``bad(why)``: its error)."""
    try:
        meta = json.loads(text)
    except json.JSONDecodeError:
        raise bad("its description (meta) is not JSON") from None
    if not isinstance(meta, dict) or meta.get("format") != "creativenn.MLP/1":
        found = meta.get("format") if isinstance(meta, dict) else meta
        raise bad(f"its format is {found!r}, not 'creativenn.MLP/1'")
    fields = {"sizes": list, "activation": str | list, "output_activation": str, "loss": str, "dtype": str}
    for name, kind in fields.items():
        if not isinstance(meta.get(name), kind):
            raise bad(f"its description has no {name} (or a wrong one: {meta.get(name)!r})")
    return meta


def _stored_shape(data, name: str) -> tuple[int, ...]:
    """The shape of array ``name`` in an .npz, read from its header: nothing else is read."""
    with data.zip.open(f"{name}.npy") as file:
        version = np.lib.format.read_magic(file)
        form = np.lib.format
        read = form.read_array_header_1_0 if version == (1, 0) else form.read_array_header_2_0
        return tuple(read(file)[0])


def _check_memory(sizes: tuple[int, ...], dtype) -> None:
    """TooLarge (checks) before a network of ``sizes`` is made that would not fit: its numbers, their
    gradients, the last good copy and an optimizer's two averages, five arrays as long."""
    count = sum((n_in + 1) * n_out for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=True))
    itemsize = np.dtype(dtype).itemsize if str(dtype) in DTYPES else 8
    check_memory(5 * count * itemsize, f"a network of layers {list(sizes)} ({count:,} weights and biases)",
                 "give it fewer or narrower layers")


def _layer_sizes(sizes) -> tuple[int, ...]:
    """``sizes`` checked: a list of at least two positive layer sizes."""
    sizes = list(sizes) if isinstance(sizes, list | tuple) else sizes
    if not isinstance(sizes, list) or len(sizes) < 2:
        raise ValueError(f"sizes must be a list of at least two layer sizes, like [2, 4, 1], got {sizes!r}")
    for i, n in enumerate(sizes):
        positive_int(n, f"sizes[{i}] (neurons in layer {i})")
    return tuple(int(n) for n in sizes)


def _activations(activation, output_activation: str | None, loss, sizes):
    """([one activation a hidden layer], output), checked against each other and the loss. ``activation``
    is one name for every hidden layer, or a list of names, one a hidden layer."""
    n_hidden = len(sizes) - 2
    if isinstance(activation, list | tuple):
        if len(activation) != n_hidden:
            raise ValueError(f"activation lists one name a hidden layer: {n_hidden} for {list(sizes)}, got "
                             f"{len(activation)} ({list(activation)})")
        names = list(activation)
    else:
        names = [activation] * n_hidden
    hidden = [activations.get(name) for name in names]
    if output_activation is None:  # what the loss expects, else the (last) hidden one
        output_activation = loss.needs or (names[-1] if names else activation)
    output = activations.get(output_activation)
    if any(activations.get(name).name == "softmax" for name in names + [activation] * (not names)):
        raise ValueError("softmax is for the output layer only: pick another activation")
    if loss.needs and output.name != loss.needs:
        raise ValueError(
            f"loss {loss.name!r} needs output_activation={loss.needs!r}, got "
            f"{output.name!r}: change one of them (mse and mae work with any output)"
        )
    if output.name == "softmax" and sizes[-1] < 2:
        raise ValueError("softmax needs at least 2 output neurons (one per class)")
    return hidden, output
