"""Input checks shared by the core: clear errors that say what came and what to do.

Leaves out: anything model-specific (shapes of a network's layers are
checked in ``mlp.py``).
"""

from __future__ import annotations

import numpy as np


class DivergedError(ArithmeticError):
    """A training step produced a loss or parameters that are not finite.

    The model (or ball, or line) that raised it keeps the values it had
    before that step; lower the learning rate and carry on.
    """

    undone = False  # whether a step that led here was taken back (``optimizers.guarded_step``)


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
