"""What a network is made of, checked before it is made: layers, activations, features, dtype, memory.

``MLP`` (mlp.py) and the model file (modelfile.py) both check what they are
given here, so a network read from a file is held to what a new one is.

The tags (F3) … name equations of the course notes, docs/maths.md.

Leaves out: the numbers themselves (parameters.py) and what they do (mlp.py).
"""

from __future__ import annotations

import numpy as np

from . import activations
from .checks import check_memory, positive_int
from .features import Features

DTYPES = ("float64", "float32")


def layer_sizes(sizes) -> tuple[int, ...]:
    """``sizes`` checked: a list of at least two positive layer sizes.

    >>> layer_sizes([2, 3, 1])
    (2, 3, 1)
    """
    sizes = list(sizes) if isinstance(sizes, list | tuple) else sizes
    if not isinstance(sizes, list) or len(sizes) < 2:
        raise ValueError(f"sizes must be a list of at least two layer sizes, like [2, 4, 1], got {sizes!r}")
    for i, n in enumerate(sizes):
        positive_int(n, f"sizes[{i}] (neurons in layer {i})")
    return tuple(int(n) for n in sizes)


def n_parameters(sizes) -> int:
    """How many weights and biases a network of ``sizes`` holds: Σ (n_in + 1) n_out."""
    return sum((n_in + 1) * n_out for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=True))


def number_type(dtype) -> np.dtype:
    """float64 or float32; a ValueError for anything else."""
    if np.dtype(dtype).name not in DTYPES:
        raise ValueError(f"dtype must be {' or '.join(DTYPES)}, got {np.dtype(dtype).name}")
    return np.dtype(dtype)


def fits_memory(sizes: tuple[int, ...], dtype) -> None:
    """TooLarge (checks) before a network of ``sizes`` is made that would not fit: its numbers, their
    gradients, the last good copy and an optimizer's two averages, five arrays as long."""
    count = n_parameters(sizes)
    itemsize = np.dtype(dtype).itemsize if str(dtype) in DTYPES else 8
    check_memory(5 * count * itemsize, f"a network of layers {list(sizes)} ({count:,} weights and biases)",
                 "give it fewer or narrower layers")


def layer_activations(activation, output_activation: str | None, loss, sizes):
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


def input_features(names, sizes) -> Features | None:
    """The input features a network computes from (x₁, x₂) (F3), one an input neuron; None for none."""
    if names is None:
        return None
    features = Features(names)
    if len(features) != sizes[0]:
        raise ValueError(f"{len(features)} input features ({', '.join(features.names)}) need "
                         f"{len(features)} input neurons: sizes[0] is {sizes[0]}")
    return features
