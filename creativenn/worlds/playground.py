"""The playground's world in plain numbers: data, a network built from settings, training.

The tags (F1), (B4), (G1) … name equations of the course notes, docs/maths.md;
``creativenn maths B4`` prints one.

``Playground`` holds the points (generated, clicked in or loaded from CSV),
which of them are held out for testing, a network built from ``Settings``
and its optimizer, and the train and test loss after every frame. The
playground sketch draws it and turns keys into ``change(...)`` calls; all
the logic is here, where it is tested without a window.

The task follows the data: whole-number labels make a classification (a
sigmoid output and ``bce`` for two classes, softmax and ``cross_entropy``
for more), values a regression (a linear output and ``mse``); ``mse`` and
``mae`` work for both. Points outside −1.5 … 1.5 are scaled into −1 … 1
(shape kept) when data are loaded, so any CSV trains with the same settings.

Beyond TensorFlow Playground's own controls — input features computed from
(x₁, x₂) (F3), L1/L2 regularisation with a rate (R1, R2), changed while it
trains — it has dropout (R3), an activation per hidden layer, accuracy
curves beside the losses, a confusion matrix, RMSE and R² for a regression
(M1, M2), and an optional stop when the test loss stops improving (M3).
``restart`` starts again from the same weights and the same batches, so a
run can be watched again step by step.

Nothing is lost on a mistake: a malformed file or a model that does not
fit the data raises ``ValueError`` and changes nothing; a diverging run
keeps its last good weights and says so in ``message``.

>>> p = Playground(Settings(dataset="blobs", classes=4, seed=1))
>>> p.classes, p.net.sizes, p.net.loss_name
(4, (2, 4, 4, 4), 'cross_entropy')
>>> p.train(steps=200)
>>> p.accuracy("train") > 0.9
True
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from ..maths import optimizers
from ..maths.checks import DivergedError, TooLarge
from ..maths.divergence import explain
from ..maths.features import NAMES as FEATURE_NAMES
from ..maths.features import Features
from ..maths.metrics import EarlyStop, confusion, r_squared, rmse
from ..maths.mlp import MLP
from . import csvdata, datasets

DATASETS = ("xor", "circles", "moons", "spirals", "blobs", "wave", "plane", "gaussians")
REGRESSIONS = ("wave", "plane", "gaussians")  # values to learn, not classes: a regression problem
OWN_POINTS = "your points"  # the data set's name for points clicked in (or loaded: they come with it)
ACTIVATIONS = ("tanh", "relu", "sigmoid", "leaky_relu", "linear", "sin")
REGULARIZATIONS = (None, "l1", "l2")
# TensorFlow Playground's regularisation rates, and dropout's usual range
REGULARIZATION_RATES = (0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
DROPOUTS = (0.0, 0.1, 0.2, 0.3, 0.5)
PATIENCES = (None, 10, 25, 50, 100)  # epochs without a better test loss before stopping (M3)
FEATURE_SETS = (("x1", "x2"), ("x1^2", "x2^2"), ("x1", "x2", "x1^2", "x2^2"), ("x1", "x2", "x1*x2"),
                ("x1", "x2", "sin(x1)", "sin(x2)"), FEATURE_NAMES)  # what f goes through (F3)
BATCH_SIZES = (1, 10, 32, None)  # None: every training point, batch gradient descent
REGRESSION_VALUES = (-1.0, -0.5, 0.0, 0.5, 1.0)  # what a click adds in a regression
OPTIONS = {  # what ``Playground.next`` goes through, setting by setting
    "classes": tuple(range(2, 6)), "noise": (0.0, 0.05, 0.1, 0.2, 0.3), "test_fraction": (0.0, 0.1, 0.3, 0.5),
    "activation": ACTIVATIONS, "optimizer": ("sgd", "momentum", "rmsprop", "adam"), "batch_size": BATCH_SIZES,
    "regularization": REGULARIZATIONS, "regularization_rate": REGULARIZATION_RATES, "dropout": DROPOUTS,
    "patience": PATIENCES, "features": FEATURE_SETS,
}
REACH = 1.5  # data beyond ±REACH are scaled into ±1 when loaded
# Limits that keep a run drawable, each with its reason (``check``): said before anything is made.
MOST_POINTS = csvdata.MOST_POINTS  # every point is trained on and drawn every frame
MOST_NEURONS, MOST_LAYERS = 32, 8  # the board draws every neuron's own field, a layer a column


@dataclass(frozen=True)
class Settings:
    """Everything a key changes. ``loss=None`` picks the task's natural loss."""

    dataset: str = "circles"
    noise: float = 0.1
    classes: int = 3  # for blobs and spirals
    points: int = 200
    test_fraction: float = 0.3
    hidden: tuple[int, ...] = (4, 4)
    activation: str = "tanh"
    loss: str | None = None
    optimizer: str = "adam"
    learning_rate: float = 0.03
    batch_size: int | None = 10
    seed: int = 0
    features: tuple[str, ...] = ("x1", "x2")  # the inputs, computed from each point (F3)
    layer_activations: tuple[str | None, ...] = ()  # per hidden layer; None (or none given): ``activation``
    regularization: str | None = None  # "l1", "l2" (R1, R2)
    regularization_rate: float = 0.0
    dropout: float = 0.0  # hidden neurons switched off in each training step (R3)
    patience: int | None = None  # stop when the test loss has not improved for this many epochs (M3)
    data_seed: int = 0  # which sample of the data set (and which points are held out for testing)

    def activations(self) -> list[str]:
        """Each hidden layer's activation: its own if it has one, else ``activation``."""
        own = list(self.layer_activations) + [None] * len(self.hidden)
        return [own[l] or self.activation for l in range(len(self.hidden))]


def losses_for(regression: bool, classes: int) -> tuple[str, ...]:
    """The losses that fit a task, the natural one first (C1–C4)."""
    if regression:
        return ("mse", "mae", "half_mse")
    return ("bce", "mse", "mae") if classes == 2 else ("cross_entropy", "mse", "mae")


def output_activation(loss: str, regression: bool) -> str:
    """Linear for values; sigmoid or softmax for classes, as the loss needs."""
    if regression:
        return "linear"
    return "softmax" if loss == "cross_entropy" else "sigmoid"


def fit_into_view(X) -> tuple[np.ndarray, str | None]:
    """``X`` scaled into −1 … 1 (same factor on both axes) if it reaches beyond ±REACH.

    Returns the points and a sentence saying what was done (None if nothing).
    """
    X = np.asarray(X, dtype=float)
    if not len(X) or np.abs(X).max() <= REACH:
        return X, None
    centre = (X.min(axis=0) + X.max(axis=0)) / 2
    radius = float(np.abs(X - centre).max()) or 1.0
    note = (f"points scaled into −1 … 1: x' = (x − ({centre[0]:.4g}, {centre[1]:.4g})) / {radius:.4g}")
    return (X - centre) / radius, note


@dataclass
class History:
    """After every frame: train and test loss, the penalty λR(W), accuracy (classes) or R² (values);
    steps taken and samples they used."""

    train: list[float] = field(default_factory=list)
    test: list[float] = field(default_factory=list)
    penalty: list[float] = field(default_factory=list)
    train_score: list[float] = field(default_factory=list)  # accuracy (M1), or R² for a regression (M2)
    test_score: list[float] = field(default_factory=list)
    steps: int = 0
    samples: int = 0


class Playground:
    """Data, network and training for the playground sketch (see the module's docstring)."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()
        self.message: list[str] | None = None
        self.chosen, self.layer = 0, 0  # what a click adds (a class, or a value's index); a hidden layer
        check(self.settings)  # before anything is made: a setting out of range says which
        self._rng = np.random.default_rng(self.settings.seed)
        self.new_data()

    # ---- data -----------------------------------------------------------------

    def new_data(self) -> None:
        """Points from the chosen data set, a test share held out, and a fresh network."""
        s = self.settings
        if s.dataset == OWN_POINTS:  # none yet: clicked in, or loaded from a file or a setup
            self._set_data(np.zeros((0, 2)), np.zeros((0, 1)), False)
            return
        if s.dataset not in DATASETS:
            raise ValueError(f"unknown data set {s.dataset!r}: choose one of {', '.join(DATASETS)}")
        make = getattr(datasets, s.dataset)
        if s.dataset in ("blobs", "spirals"):
            X, Y = make(n=s.points, classes=s.classes, seed=s.data_seed,
                        **({"spread": 0.1 + s.noise} if s.dataset == "blobs" else {"noise": s.noise}))
        else:
            X, Y = make(n=s.points, noise=s.noise, seed=s.data_seed)
        self._set_data(X, Y, csvdata.is_regression(Y) or s.dataset in REGRESSIONS)

    def _set_data(self, X, Y, regression: bool) -> None:
        self.X, self.Y, self.regression = np.asarray(X, float), np.asarray(Y, float), regression
        self.chosen = 0  # new points: a click adds class 0 (or the first value) until x says otherwise
        n_test = int(round(len(self.X) * self.settings.test_fraction)) if len(self.X) >= 5 else 0
        self.test = np.zeros(len(self.X), bool)
        self.test[np.random.default_rng(self.settings.data_seed).permutation(len(self.X))[:n_test]] = True
        self.rebuild()

    def load_csv(self, path) -> str | None:
        """Use the points in a CSV file (``csvdata``); returns a note if they were rescaled."""
        X, Y = csvdata.load_csv(path)  # raises ValueError and changes nothing if the file is bad
        X, note = fit_into_view(X)
        self.settings = replace(self.settings, dataset=Path(path).name)
        self._set_data(X, Y, csvdata.is_regression(Y))
        return note

    def use(self, args) -> str:
        """What the command line asks for: a data set by name and its classes (``blobs 4``), a setup
        (``setup.json``, ``worlds.setup``) or the points of a CSV file. Returns what was done;
        ValueError (nothing changed) if it can't be."""
        if args and str(args[0]).endswith(".json"):
            return self.use_setup(args[0])
        if args and args[0] in DATASETS:
            classes = int(args[1]) if len(args) > 1 and args[1].isdigit() else self.settings.classes
            self.change(dataset=args[0], classes=classes)
            return f"{args[0]}: values, a regression" if self.regression else \
                f"{args[0]}, {self.classes} classes"
        return self.load_csv(args[0]) or f"loaded {args[0]}"

    def use_setup(self, path) -> str:
        """Everything a setup file holds (``worlds.setup``): its settings, and its points and weights if
        it has them. A ValueError, and nothing changed, if it cannot be used."""
        from .setup import read_setup

        setup = read_setup(path)
        settings, data, weights = setup["settings"], setup["data"], setup["weights"]
        if data is None and settings.dataset not in DATASETS:
            raise ValueError(f"{Path(path).name} names the data {settings.dataset!r}, which is no data set "
                             "the playground makes, and carries no points: save it again with its data")
        trial = Playground(settings if data is None else replace(settings, dataset="circles"))
        if data is not None:
            trial.settings = settings
            trial._set_data(data["X"], data["Y"], data["regression"])
            trial.test = data["test"]
        if weights is not None:
            if tuple(weights["sizes"]) != trial.net.sizes:
                raise ValueError(f"{Path(path).name}: its weights are for a {weights['sizes']} network, its "
                                 f"settings make {list(trial.net.sizes)}")
            trial.net.set_parameters(weights["parameters"])
        self.__dict__.update(trial.__dict__)
        return f"loaded the setup {Path(path).name}"

    def save_setup(self, path, data: bool = False, weights: bool = False) -> Path:
        """Write this setup as JSON (``worlds.setup``): settings; the points if asked (or your own)."""
        from ..files import whole_file
        from .setup import setup_json

        path = Path(path)
        with whole_file(path, "w") as file:
            file.write(setup_json(self, data, weights))
        return path

    @property
    def classes(self) -> int:
        """How many classes the targets have (1 for a regression)."""
        if self.regression:
            return 1
        return self.Y.shape[1] if self.Y.ndim == 2 and self.Y.shape[1] > 1 else 2

    def labels(self) -> np.ndarray:
        """Each point's class number (for a regression, its value)."""
        if self.regression or len(self.Y) == 0:
            return self.Y.reshape(-1)
        return self.Y.argmax(axis=1) if self.Y.shape[1] > 1 else self.Y[:, 0].astype(int)

    def add_point(self, x: float, y: float, label: float) -> None:
        """A point of class ``label`` (or value, in a regression), for training.

        A class one past the last starts a new class, up to ``csvdata.MAX_CLASSES``;
        the network then gets an output more and starts again.
        """
        X = np.vstack([self.X.reshape(-1, 2), [[x, y]]])
        if self.regression:
            Y = np.vstack([self.Y.reshape(-1, 1), [[label]]])
        else:
            label = int(label)
            if not 0 <= label < csvdata.MAX_CLASSES:
                raise ValueError(f"class must be 0 … {csvdata.MAX_CLASSES - 1}, got {label}")
            labels = np.append(self.labels(), label).astype(int)
            Y = datasets.labels_to_targets(labels, max(self.classes, label + 1))
        self.X, self.Y, self.test = X, Y, np.append(self.test, False)
        if self.net.sizes[-1] != self._n_outputs():
            self.rebuild()

    def clear(self) -> None:
        """No points at all: click to add your own (class 0 first, x for the next)."""
        self.X, self.Y, self.test = np.zeros((0, 2)), np.zeros((0, 1)), np.zeros(0, bool)
        self.settings = replace(self.settings, dataset=OWN_POINTS)
        self.chosen = 0
        self.rebuild()

    def split(self, which: str) -> tuple[np.ndarray, np.ndarray]:
        """(X, Y) of the ``"train"`` or ``"test"`` points."""
        rows = ~self.test if which == "train" else self.test
        return self.X[rows], self.Y[rows]

    # ---- network --------------------------------------------------------------

    def _n_outputs(self) -> int:
        return 1 if self.regression or self.classes == 2 else self.classes

    def loss_name(self) -> str:
        choices = losses_for(self.regression, self.classes)
        return self.settings.loss if self.settings.loss in choices else choices[0]

    def rebuild(self) -> None:
        """A fresh network and optimizer for the settings and data, and empty histories: from the
        settings' seed, the same starting weights, dropout masks and batches every time (a replay)."""
        s, loss = self.settings, self.loss_name()
        features = Features(s.features)
        per_layer = s.activations() if any(s.layer_activations) else s.activation  # one name: every layer
        self.net = MLP([len(features), *s.hidden, self._n_outputs()], activation=per_layer,
                       output_activation=output_activation(loss, self.regression), loss=loss, seed=s.seed,
                       regularization=s.regularization, regularization_rate=s.regularization_rate,
                       dropout=s.dropout, features=features.names)
        self.optimizer = optimizers.make(s.optimizer, s.learning_rate)
        self._rng = np.random.default_rng(s.seed)  # the batches, in the same order as last time
        self.history = History()
        self.message = None
        self._stop = EarlyStop(s.patience) if s.patience else None
        self.best = None  # the weights with the lowest test loss so far, when stopping early

    def restart(self) -> None:
        """The same run again from its first step: the same weights, batches and dropout masks."""
        self.rebuild()

    def change(self, **changes) -> None:
        """New settings, and what they need made again: the data, the network, or neither.

        Data settings make new points (and a network); the network's shape,
        activation, loss or seed a new network; the optimizer a new optimizer
        (same weights) and the learning rate that suits it (``optimizers.START_RATES``) unless one is
        given; the learning rate and batch size only themselves.
        ``change()`` with nothing starts the network again.
        """
        if "optimizer" in changes and "learning_rate" not in changes:  # each optimizer its own η
            start = optimizers.START_RATES
            changes["learning_rate"] = start.get(changes["optimizer"], self.settings.learning_rate)
        if "activation" in changes and "layer_activations" not in changes:
            changes["layer_activations"] = ()  # one activation for every layer again
        old, new = self.settings, replace(self.settings, **changes)
        new = replace(new, layer_activations=tuple(new.layer_activations[: len(new.hidden)]))
        if any(int(width) < 1 for width in new.hidden):
            raise ValueError(f"every hidden layer needs at least 1 neuron, got {new.hidden}")
        check(new)  # a ValueError, and nothing changed, for a feature or activation that does not exist
        self.settings = new
        self.layer = min(self.layer, max(len(new.hidden) - 1, 0))

        def differ(*names):
            return any(getattr(old, n) != getattr(new, n) for n in names)

        if differ("dataset", "noise", "classes", "points", "data_seed") and new.dataset in DATASETS:
            self.new_data()  # (points from a file keep their noise and classes)
        elif differ("test_fraction"):
            self._set_data(self.X, self.Y, self.regression)
        elif differ("hidden", "activation", "layer_activations", "loss", "seed", "features") or not changes:
            self.rebuild()
        elif differ("patience"):  # counted from now, on the network as it is
            self._stop = EarlyStop(new.patience) if new.patience else None
            self.best, self.message = None, None
        elif differ("regularization", "regularization_rate", "dropout"):  # live, on the running network
            self.net.regularization, self.net.regularization_rate = new.regularization, \
                new.regularization_rate
            self.net.dropout, self.message = new.dropout, None
        elif differ("optimizer"):
            self.optimizer, self.message = optimizers.make(new.optimizer, new.learning_rate), None
        else:
            self.optimizer.learning_rate, self.message = new.learning_rate, None

    def save(self, model_path) -> tuple[Path, Path]:
        """Write the network (``MLP.save``) to ``model_path`` (.npz) and the points beside it (.csv)."""
        model_path = Path(model_path)
        model_path.parent.mkdir(parents=True, exist_ok=True)
        model = self.net.save(model_path)
        data = csvdata.save_csv(model_path.with_suffix(".csv"), self.X, self.Y, regression=self.regression)
        return model, data

    def load(self, model_path) -> Path:
        """The network and points saved by ``save`` (returns where from); a ValueError, and nothing
        changed, if they don't fit."""
        model_path = Path(model_path)
        if not model_path.is_file():
            raise ValueError(f"no saved model at {model_path}: press w to save one first")
        net = MLP.load(model_path)
        X, Y = csvdata.load_csv(model_path.with_suffix(".csv"))
        regression = csvdata.is_regression(Y) or net.output_activation == "linear"
        outputs = 1 if regression or Y.shape[1] == 1 else Y.shape[1]
        features = tuple(net.features.names) if net.features is not None else ("x1", "x2")
        if len(features) != net.sizes[0] or net.sizes[-1] != outputs:
            raise ValueError(f"the saved network {list(net.sizes)} does not fit the saved points "
                             f"(2 inputs, {outputs} outputs): save them again together")
        per_layer = isinstance(net.activation, list)
        self.settings = replace(
            self.settings, hidden=tuple(net.sizes[1:-1]), loss=net.loss_name,
            activation=net.activation[0] if per_layer and net.activation else
            (self.settings.activation if per_layer else net.activation),
            layer_activations=tuple(net.activation) if per_layer else (), features=features,
            regularization=net.regularization, regularization_rate=net.regularization_rate,
            dropout=net.dropout, dataset=model_path.with_suffix(".csv").name)
        self._set_data(X, Y, regression)
        self.net = net
        return model_path

    # ---- what the keys change -------------------------------------------------

    def next(self, name: str, step: int = 1) -> None:
        """Setting ``name`` to its next option (``OPTIONS``; the losses that suit the task)."""
        options = list(OPTIONS.get(name) or losses_for(self.regression, self.classes))
        value = self.net.loss_name if name == "loss" else getattr(self.settings, name)  # loss None: natural
        self.change(**{name: options[(options.index(value) + step) % len(options)]
                       if value in options else options[0]})

    def click_value(self) -> float:
        """What a click adds: class ``chosen``, or in a regression the value it picks."""
        return REGRESSION_VALUES[self.chosen % len(REGRESSION_VALUES)] if self.regression else self.chosen

    def click_choices(self) -> int:
        """How many things a click can add: each class there is and one new one (up to 8) — with no
        points, class 0 and class 1 — or, in a regression, each value."""
        if self.regression:
            return len(REGRESSION_VALUES)
        present = int(self.labels().max()) + 1 if len(self.X) else 0
        return min(max(present, 1) + 1, 8)

    def choose_click(self) -> None:
        """The next thing a click adds (see ``click_choices``)."""
        self.chosen = (self.chosen + 1) % self.click_choices()

    def choose_layer(self, step: int) -> None:
        """The hidden layer ``widen_chosen`` changes: the next (step 1) or the one before (−1)."""
        self.layer = (self.layer + step) % max(len(self.settings.hidden), 1)

    def toggle_feature(self, name: str) -> None:
        """An input feature on or off (F3), the others kept in their usual order; at least one stays."""
        on = set(self.settings.features) ^ {name}
        if on:
            self.change(features=tuple(n for n in FEATURE_NAMES if n in on))

    def next_layer_activation(self, step: int = 1) -> None:
        """The chosen hidden layer's own activation: the next one (the others keep theirs)."""
        if not self.settings.hidden:
            return
        own = list(self.settings.activations())
        own[self.layer] = ACTIVATIONS[(ACTIVATIONS.index(own[self.layer]) + step) % len(ACTIVATIONS)] \
            if own[self.layer] in ACTIVATIONS else ACTIVATIONS[0]
        self.change(layer_activations=tuple(own))

    def widen_chosen(self, by: int) -> None:
        self.widen(self.layer, by)

    def change_depth(self, by: int) -> None:
        """One hidden layer more (``by`` 1: as wide as the last, or 4) or fewer (−1: the last goes)."""
        hidden = self.settings.hidden
        if by > 0 and len(hidden) >= MOST_LAYERS:
            return  # the board has room for no more
        self.change(hidden=(*hidden, hidden[-1] if hidden else 4) if by > 0 else hidden[:-1])

    def widen(self, layer: int, by: int) -> None:
        """Hidden layer ``layer`` ``by`` neurons wider (narrower if negative, down to one)."""
        hidden = list(self.settings.hidden)
        if 0 <= layer < len(hidden):
            hidden[layer] = min(max(1, hidden[layer] + by), MOST_NEURONS)
            self.change(hidden=tuple(hidden))

    # ---- training -------------------------------------------------------------

    def train(self, steps: int = 1) -> None:
        """``steps`` mini-batch steps on the training points, then the losses are recorded.

        When the run diverges (``divergence``: the loss 4× its start) the
        weights go back to their last good values, ``message`` says what
        happened and what to do, and training waits for a change.
        """
        X, Y = self.split("train")
        if len(X) == 0 or self.message:
            return
        size = len(X) if self.settings.batch_size is None else min(self.settings.batch_size, len(X))
        try:
            for _ in range(steps):
                rows = self._rng.choice(len(X), size, replace=False)
                self.net.step(X, Y, self.optimizer, rows=rows)
                self.history.steps += 1
                self.history.samples += size
        except DivergedError as error:
            self.history.steps -= error.steps_back
            self.message = explain(error, self.settings.learning_rate)
        self.record()

    def record(self) -> None:
        """The losses, the penalty and the scores now; and, when stopping early, whether to stop (M3)."""
        self._measure()
        if self._stop is not None and self.test.any():
            self._check_stop(self.history.test[-1])

    def _measure(self) -> None:
        history = self.history
        history.train.append(self.net.loss(*self.split("train")))
        history.penalty.append(self.net.penalty())
        history.train_score.append(self.score("train"))
        if self.test.any():
            history.test.append(self.net.loss(*self.split("test")))
            history.test_score.append(self.score("test"))

    def _check_stop(self, test_loss: float) -> None:
        if self.best is None or test_loss < self.best[0]:
            self.best = (test_loss, self.net.parameters(), self.history.steps)
        reason = self._stop.update(self.epochs(), test_loss)
        if reason:
            self._stop = EarlyStop(self.settings.patience)  # if training goes on, patience counts from then
            self.net.set_parameters(self.best[1])
            self._measure()  # the curves end where the network now is: back at its best
            self.message = [f"Stopped: {reason}.",
                            f"The network is back at its best weights (step {self.best[2]}).",
                            "Change a setting (or raise the patience) to go on; r starts again."]

    def epochs(self) -> float:
        """Passes over the training points so far: samples used / training points (G2)."""
        n = int((~self.test).sum())
        return self.history.samples / n if n else 0.0

    def score(self, which: str = "train") -> float:
        """Accuracy for classes (M1), R² for values (M2), on ``which`` points (nan with none)."""
        if self.regression:
            X, Y = self.split(which)
            return r_squared(Y, self.net.forward(X)) if len(X) else float("nan")
        value = self.accuracy(which)
        return float("nan") if value is None else value

    def rmse(self, which: str = "test") -> float | None:
        """How far off a regression's values are, in their own units (M2); None for classes."""
        X, Y = self.split(which)
        return rmse(Y, self.net.forward(X)) if self.regression and len(X) else None

    def confusion(self, which: str = "test") -> np.ndarray | None:
        """The confusion matrix on ``which`` points (M1): row = true class, column = guess; None for a
        regression or no points."""
        X, Y = self.split(which)
        if self.regression or len(X) == 0:
            return None
        truth = Y.argmax(axis=1) if Y.shape[1] > 1 else Y[:, 0].astype(int)
        return confusion(truth, self.net.predict(X), classes=self.classes)

    def accuracy(self, which: str = "train") -> float | None:
        """The share of ``which`` points classified right (None for a regression or no points)."""
        X, Y = self.split(which)
        if self.regression or len(X) == 0:
            return None
        truth = Y.argmax(axis=1) if Y.shape[1] > 1 else Y[:, 0].astype(int)
        return float(np.mean(self.net.predict(X) == truth))

    def nudge(self, hover: dict | None, by: float) -> None:
        """The hovered weight (an edge) or bias (a neuron past the inputs) ``by`` more, as TensorFlow
        Playground lets you edit one: training goes on from there."""
        if not hover:
            return
        if hover["kind"] == "edge":
            self.net.weights[hover["layer"]][hover["to"], hover["from"]] += by
        elif hover["kind"] == "neuron" and hover["layer"] > 0:
            self.net.biases[hover["layer"] - 1][hover["neuron"]] += by

    def neuron_formula(self, layer: int, neuron: int, digits: int = 2) -> str:
        """A neuron's formula with its weights and bias plugged in, rounded: ``a = tanh(0.53 x₁² − 1.2
        h₁,₂ + 0.1)`` (F1). Inputs are named by feature; hidden neurons h_{layer,k}."""
        if not 1 <= layer < len(self.net.sizes):
            raise ValueError(f"layer must be 1 … {len(self.net.sizes) - 1} (0 is the inputs), got {layer}")
        W, b = self.net.weights[layer - 1][neuron], float(self.net.biases[layer - 1][neuron])
        names = Features(self.settings.features).labels if layer == 1 else \
            [f"h{_sub(layer - 1)},{_sub(j + 1)}" for j in range(len(W))]
        terms = ""
        for k, (w, name) in enumerate(zip(W, names, strict=True)):
            sign = "−" if w < 0 else ("+" if k else "")
            terms += f"{' ' if k else ''}{sign}{' ' if k else ''}{abs(w):.{digits}f} {name}"
        terms += f" {'−' if b < 0 else '+'} {abs(b):.{digits}f}"
        return f"a = {self.net.activation_of(layer)}({terms})"

    def neuron_values(self, layer: int, neuron: int, points) -> np.ndarray:
        """Activation a_{layer, neuron} at each of ``points`` (n, 2): that neuron's own field."""
        return self.net.activations(points)[layer][:, neuron]


def _sub(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))


def check(settings: Settings) -> None:
    """A ValueError that names what does not exist (a feature, an activation, a regularisation), or a
    setting out of its range: the setting, its value, the range and why (TooLarge past a limit)."""
    s = settings
    for name in ("points", "classes", "seed", "data_seed"):
        value = getattr(s, name)
        if isinstance(value, bool) or not isinstance(value, int | np.integer):
            raise ValueError(f"{name} must be a whole number, got {value!r}")
    if not 1 <= s.points <= MOST_POINTS:
        raise (TooLarge if s.points > MOST_POINTS else ValueError)(
            f"points={s.points:,}: a data set has 1 to {MOST_POINTS:,} points (each is trained on and drawn "
            "every frame); for more, train on a sample")
    if not 2 <= s.classes <= csvdata.MAX_CLASSES:
        raise ValueError(f"classes={s.classes}: 2 to {csvdata.MAX_CLASSES} (one colour each)")
    for name in ("seed", "data_seed"):
        if getattr(s, name) < 0:
            raise ValueError(f"{name}={getattr(s, name)}: a seed is a whole number 0 or more")
    if not isinstance(s.hidden, tuple | list) or not all(
            isinstance(w, int | np.integer) and not isinstance(w, bool) and w >= 1 for w in s.hidden):
        shown = list(s.hidden) if isinstance(s.hidden, tuple | list) else s.hidden
        raise ValueError(f"hidden lists each hidden layer's width, whole numbers 1 or more, got {shown!r}")
    if len(s.hidden) > MOST_LAYERS or any(w > MOST_NEURONS for w in s.hidden):
        raise TooLarge(f"hidden={list(s.hidden)}: the playground takes up to {MOST_LAYERS} hidden layers of "
                       f"up to {MOST_NEURONS} neurons (its board draws every neuron's own field); for a "
                       "larger network use creativenn.MLP in a notebook")
    numbers = {"noise": "a number 0 or more", "test_fraction": "a share from 0 to 0.9",
               "learning_rate": "a number above 0", "regularization_rate": "a number 0 or more"}
    for name, wanted in numbers.items():  # dropout: below
        value = getattr(s, name)
        if isinstance(value, bool) or not isinstance(value, int | float | np.floating) \
                or not math.isfinite(value) or value < 0 or (name == "learning_rate" and value == 0) \
                or (name == "test_fraction" and value > 0.9):
            raise ValueError(f"{name}={value!r}: give {wanted}")
    if s.batch_size is not None and (isinstance(s.batch_size, bool) or not isinstance(s.batch_size, int)
                                     or s.batch_size < 1):
        raise ValueError(f"batch_size={s.batch_size!r}: a whole number 1 or more, or none (every point)")
    Features(settings.features)
    for name in [settings.activation, *(a for a in settings.layer_activations if a)]:
        if name not in ACTIVATIONS:
            raise ValueError(f"unknown activation {name!r} for a hidden layer: choose one of "
                             f"{', '.join(ACTIVATIONS)}")
    if settings.regularization not in REGULARIZATIONS:
        raise ValueError(f"regularization must be l1, l2 or none, got {settings.regularization!r}")
    if not 0 <= settings.dropout < 1:
        raise ValueError(f"dropout={settings.dropout!r}: give a share 0 ≤ p < 1 of hidden neurons to switch "
                         "off")
    if settings.patience is not None and settings.patience <= 0:
        raise ValueError(f"patience must be a number of epochs above 0 (or none), got {settings.patience!r}")
