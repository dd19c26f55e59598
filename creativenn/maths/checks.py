"""Input checks shared by the core: clear errors that say what came and what to do.

A network's data (``network_inputs``, ``network_targets``) is checked here
too; what a network is made of is checked in ``layers.py``. The tags (F3) …
name equations of the course notes, docs/maths.md.
"""

from __future__ import annotations

import os

import numpy as np

from ..files import TooLarge, size_text


class DivergedError(ArithmeticError):
    """A run's cost climbed past its bound or left the finite numbers (see ``divergence``).

    The model (or ball, or line) that raised it went back to its last values
    whose cost was within the bound; lower the learning rate and carry on.
    """

    cost = float("nan")  # the cost that was found too high
    limit = float("inf")  # the bound it passed
    steps_back = 0  # how many steps were taken back (0: the values are as they were)
    reason = ""  # what the limit is, in a few words ("4× its start"; "the top of the map")


def as_array(values, name: str, dtype=np.float64) -> np.ndarray:
    """``values`` as a float array, or a ValueError naming ``name``."""
    try:
        array = np.asarray(values, dtype=dtype)
    except (TypeError, ValueError) as error:
        raise ValueError(f"{name} must be numbers, got {type(values).__name__}: {error}") from None
    return array


def require_finite(array: np.ndarray, name: str) -> None:
    """A ValueError pointing at the first NaN or infinity in ``array``, if any."""
    bad = ~np.isfinite(array)
    if bad.any():
        where = tuple(int(i) for i in np.argwhere(bad)[0])
        raise ValueError(
            f"{name} contains {array[where]} at index {where if len(where) > 1 else where[0]}: "
            "remove or replace missing and infinite values before training"
        )


def positive_int(value, name: str) -> int:
    """``value`` as an int ≥ 1, or a ValueError."""
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 1:
        raise ValueError(f"{name} must be a whole number ≥ 1, got {value!r}")
    return int(value)


def available_memory() -> int:
    """Bytes of memory free for new work: Linux's MemAvailable; elsewhere the physical memory."""
    try:
        with open("/proc/meminfo") as info:
            for line in info:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return 4 << 30


def check_memory(needed: float, what: str, fix: str) -> None:
    """TooLarge, before anything is allocated, where ``needed`` bytes are more than half the memory
    free (the rest is for the picture, Java and what else runs): it says ``what`` asked for it, how
    much each is, and ``fix``."""
    free = available_memory()
    if needed > free / 2:
        raise TooLarge(f"{what} would need about {size_text(needed)} of memory, and this machine has "
                          f"{size_text(free)} free (half of it is the most creativenn takes): {fix}")



def network_inputs(X, n_inputs: int, features, dtype) -> tuple[np.ndarray, bool]:
    """A network's inputs as rows (n_samples, n_inputs), and whether one sample came (1-D).

    With ``features`` (F3) the network takes points (x₁, x₂) and its inputs are their features φ(x)."""
    X = as_array(X, "X", dtype)
    single = X.ndim == 1
    rows = X[None, :] if single else X
    if features is not None:  # points (x1, x2) → their features, a_0 = φ(x)   (F3)
        if rows.ndim != 2 or rows.shape[1] != 2 or rows.shape[0] == 0:
            raise ValueError(f"X must be points shaped (n_samples, 2), or (2,) for one: this network "
                             f"computes its inputs {', '.join(features.names)} from (x1, x2); got {X.shape}")
        return features(rows).astype(dtype), single
    if rows.ndim != 2 or rows.shape[1] != n_inputs or rows.shape[0] == 0:
        raise ValueError(f"X must be shaped (n_samples, {n_inputs}), or ({n_inputs},) for one sample, got "
                         f"{X.shape}")
    return rows, single


def network_targets(Y, n: int, single: bool, n_out: int, labels_allowed: bool, dtype) -> np.ndarray:
    """A network's targets as rows (n, n_out) to match n samples; class labels 0 … n_out − 1 one-hot
    when ``labels_allowed`` (a softmax output)."""
    Y = np.asarray(Y)
    if Y.ndim == 1 and not single and n_out > 1 and Y.shape[0] == n and labels_allowed:
        if not (np.issubdtype(Y.dtype, np.number) and np.all(Y == np.round(Y))
                and Y.min() >= 0 and Y.max() < n_out):
            raise ValueError(f"Y given as class labels must be whole numbers 0 … {n_out - 1}, got {Y!r}")
        Y = np.eye(n_out, dtype=dtype)[Y.astype(int)]  # one-hot
    Y = as_array(Y, "Y", dtype)
    if single and Y.ndim == 1:
        Y = Y[None, :]
    elif Y.ndim == 1 and n_out == 1:
        Y = Y[:, None]
    if Y.shape != (n, n_out):
        raise ValueError(f"Y must be shaped ({n}, {n_out}) to match X and the {n_out} output neurons, "
                         f"got {Y.shape}")
    return Y
