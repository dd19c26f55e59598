"""Small 2-D data sets to learn and to draw, each made from a seed.

Every function returns ``(X, Y)``: X is (n, 2) with coordinates roughly in
[−1, 1]; Y is (n, 1) of 0/1 for two classes and one-hot (n, k) for k ≥ 3
classes, ready for ``bce`` or ``cross_entropy``. ``wave`` is a regression:
Y is (n, 1) of values of a smooth 2-D function. ``line`` returns one input
and one target column for fitting ``y = m x + c``. Samples come shuffled.

Leaves out: loading files (the playground reads CSV), images (digits come
with their own asset).

>>> X, Y = xor()
>>> X.tolist(), Y.ravel().tolist()
([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]], [0.0, 1.0, 1.0, 0.0])
>>> X, Y = blobs(n=30, classes=3)
>>> X.shape, Y.shape, Y.sum(axis=1).tolist() == [1.0] * 30
((30, 2), (30, 3), True)
"""

from __future__ import annotations

import zipfile

import numpy as np

from .. import resources
from ..maths.checks import positive_int
from ..picture.layout import resample

NAMES = ("xor", "circles", "moons", "spirals", "blobs", "wave", "plane", "gaussians", "line", "digits")


def _noise_level(noise: float) -> float:
    if not (np.isfinite(noise) and noise >= 0):
        raise ValueError(f"noise must be a number ≥ 0, got {noise!r}")
    return float(noise)


def labels_to_targets(labels, classes: int | None = None) -> np.ndarray:
    """Class numbers as targets: a 0/1 column for two classes, one-hot rows for more.

    ``classes`` defaults to the largest label + 1 (at least 2).
    """
    labels = np.asarray(labels).astype(int)
    classes = max(int(labels.max(initial=-1)) + 1, 2) if classes is None else classes
    return labels[:, None].astype(float) if classes == 2 else np.eye(classes)[labels]


def _finish(X, labels, classes: int, rng) -> tuple[np.ndarray, np.ndarray]:
    """Shuffle, and give the labels as targets."""
    order = rng.permutation(len(X))
    return X[order], labels_to_targets(labels[order], classes)


def xor(n: int | None = None, noise: float = 0.0, seed: int | None = 0):
    """XOR: the four corners (n=None), or n points in [−1, 1]² labelled 1 where x·y < 0.

    The classic problem a single perceptron cannot solve and a hidden layer can.
    """
    if n is None:
        return np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]), np.array(
            [[0.0], [1.0], [1.0], [0.0]]
        )
    n, noise = positive_int(n, "n"), _noise_level(noise)
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1.0, 1.0, (n, 2))
    X += np.sign(X) * 0.05  # a small gap along the axes, as TF Playground draws it
    labels = (X[:, 0] * X[:, 1] < 0).astype(int)
    X += rng.normal(0.0, noise, X.shape)
    return _finish(X, labels, 2, rng)


def circles(n: int = 200, noise: float = 0.05, factor: float = 0.5, seed: int | None = 0):
    """A ring (class 0, radius 1) around a smaller ring (class 1, radius ``factor``)."""
    n, noise = positive_int(n, "n"), _noise_level(noise)
    if not 0 < factor < 1:
        raise ValueError(f"factor must be between 0 and 1 (the inner ring's radius), got {factor!r}")
    rng = np.random.default_rng(seed)
    labels = np.arange(n) % 2
    angle = rng.uniform(0, 2 * np.pi, n)
    radius = np.where(labels == 1, factor, 1.0)
    X = np.column_stack([radius * np.cos(angle), radius * np.sin(angle)])
    X += rng.normal(0.0, noise, X.shape)
    return _finish(X, labels, 2, rng)


def moons(n: int = 200, noise: float = 0.1, seed: int | None = 0):
    """Two interleaved half circles, scaled into [−1, 1]."""
    n, noise = positive_int(n, "n"), _noise_level(noise)
    rng = np.random.default_rng(seed)
    labels = np.arange(n) % 2
    t = rng.uniform(0, np.pi, n)
    X = np.where(
        labels[:, None] == 0,
        np.column_stack([np.cos(t), np.sin(t)]),
        np.column_stack([1 - np.cos(t), 0.5 - np.sin(t)]),
    )
    X = (X - [0.5, 0.25]) / 1.5
    X += rng.normal(0.0, noise, X.shape)
    return _finish(X, labels, 2, rng)


def spirals(n: int = 200, classes: int = 2, noise: float = 0.05, turns: float = 1.5,
            seed: int | None = 0):
    """``classes`` spiral arms winding ``turns`` times around the centre."""
    n, noise, classes = positive_int(n, "n"), _noise_level(noise), positive_int(classes, "classes")
    if classes < 2:
        raise ValueError("spirals needs at least 2 classes")
    rng = np.random.default_rng(seed)
    labels = np.arange(n) % classes
    r = rng.uniform(0.05, 1.0, n)
    angle = 2 * np.pi * (turns * r + labels / classes)
    X = np.column_stack([r * np.cos(angle), r * np.sin(angle)])
    X += rng.normal(0.0, noise, X.shape)
    return _finish(X, labels, classes, rng)


def blobs(n: int = 200, classes: int = 3, spread: float = 0.15, seed: int | None = 0):
    """``classes`` round clouds of points, their centres evenly on a circle of radius 0.6."""
    n, classes = positive_int(n, "n"), positive_int(classes, "classes")
    if classes < 2:
        raise ValueError("blobs needs at least 2 classes")
    spread = _noise_level(spread)
    rng = np.random.default_rng(seed)
    labels = np.arange(n) % classes
    angle = 2 * np.pi * labels / classes + np.pi / 4
    X = 0.6 * np.column_stack([np.cos(angle), np.sin(angle)])
    X += rng.normal(0.0, spread, X.shape)
    return _finish(X, labels, classes, rng)


def wave(n: int = 200, noise: float = 0.05, seed: int | None = 0):
    """A regression: n points in [−1, 1]² with Y = sin(2x₁)·cos(2x₂) (+ noise), in −1 … 1.

    One hill, one valley and their slopes: a small network fits it with a
    linear output and the mse loss.
    """
    n, noise = positive_int(n, "n"), _noise_level(noise)
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1.0, 1.0, (n, 2))
    y = np.sin(2 * X[:, 0]) * np.cos(2 * X[:, 1]) + rng.normal(0.0, noise, n)
    return X, y[:, None]


def plane(n: int = 200, noise: float = 0.05, seed: int | None = 0):
    """A regression, TensorFlow Playground's "plane": Y = (x₁ + x₂) / 2 (+ noise), X in [−1, 1]².

    A tilted flat plane: one linear neuron fits it exactly, the first thing to
    try a regression on.
    """
    n, noise = positive_int(n, "n"), _noise_level(noise)
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1.0, 1.0, (n, 2))
    return X, ((X[:, 0] + X[:, 1]) / 2 + rng.normal(0.0, noise, n))[:, None]


GAUSSIANS = [(-0.6, 0.6, 1.0), (0.0, 0.6, -1.0), (0.6, 0.6, 1.0),  # TF Playground's "multi gaussian":
             (-0.6, -0.6, -1.0), (0.0, -0.6, 1.0), (0.6, -0.6, -1.0)]  # (x₁, x₂, height) of each bump


def gaussians(n: int = 200, noise: float = 0.05, seed: int | None = 0):
    """A regression, TensorFlow Playground's "multi gaussian": six bumps up and down, in −1 … 1.

    Y = Σ_k h_k exp(−|x − c_k|² / (2 · 0.25²)) (+ noise): hills and hollows a
    network must place one by one.
    """
    n, noise = positive_int(n, "n"), _noise_level(noise)
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1.0, 1.0, (n, 2))
    y = sum(h * np.exp(-((X[:, 0] - cx) ** 2 + (X[:, 1] - cy) ** 2) / (2 * 0.25**2))
            for cx, cy, h in GAUSSIANS)
    return X, (y + rng.normal(0.0, noise, n))[:, None]


def line(n: int = 40, slope: float = 2.0, intercept: float = 1.0, noise: float = 0.3,
         seed: int | None = 0):
    """Points near y = slope · x + intercept, x in [−1, 1]: X and Y each (n, 1)."""
    n, noise = positive_int(n, "n"), _noise_level(noise)
    rng = np.random.default_rng(seed)
    x = rng.uniform(-1.0, 1.0, n)
    y = slope * x + intercept + rng.normal(0.0, noise, n)
    return x[:, None], y[:, None]


def resize_images(images, size: int) -> np.ndarray:
    """Square images (n, h, w) resized to (n, size, size) by bilinear interpolation."""
    return resample(images, size, size)


def digits(wide: bool = False, seed: int | None = 0):
    """The 8×8 handwritten digits (UCI, 1,797 images), pixels scaled to 0 … 1.

    X is (n, 64), or (n, 784) with ``wide=True`` (upsampled to 28×28, the size
    of MNIST and of 3Blue1Brown's network); Y is one-hot (n, 10). Shuffled
    with ``seed``. Made by ``assets/make_digits.py``.
    """
    path = resources.asset("data/digits.npz")
    try:
        with np.load(path) as data:
            images, labels = data["images"] / 16.0, data["labels"].astype(int)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as error:
        raise resources.MissingFileError("data set data/digits.npz", path, f"is damaged ({error})") from None
    if wide:
        images = resize_images(images, 28)
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(labels))
    X = images.reshape(len(labels), -1)[order]
    return X, np.eye(10)[labels[order]]


def split(X, Y, test_fraction: float = 0.2, seed: int | None = 0):
    """(X_train, Y_train, X_test, Y_test): a shuffled split keeping ``test_fraction`` aside."""
    if not 0 < test_fraction < 1:
        raise ValueError(f"test_fraction must be between 0 and 1, got {test_fraction!r}")
    X, Y = np.asarray(X), np.asarray(Y)
    order = np.random.default_rng(seed).permutation(len(X))
    n_test = max(1, round(len(X) * test_fraction))
    test, train = order[:n_test], order[n_test:]
    return X[train], Y[train], X[test], Y[test]


def by_name(name: str, **options):
    """The data set called ``name`` (one of ``NAMES``), made with ``options``; a ValueError that lists
    the names if there is none by that name.

    >>> X, Y = by_name("moons", n=10)
    >>> X.shape, Y.shape
    ((10, 2), (10, 1))
    """
    if name not in NAMES:
        raise ValueError(f"there is no data set called {name!r}: choose one of {', '.join(NAMES)}")
    return globals()[name](**options)
