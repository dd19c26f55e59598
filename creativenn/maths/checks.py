"""Input checks shared by the core: clear errors that say what came and what to do.

Leaves out: anything model-specific (shapes of a network's layers are
checked in ``mlp.py``).
"""

from __future__ import annotations

import numpy as np


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
