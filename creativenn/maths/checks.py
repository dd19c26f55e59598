"""Input checks shared by the core: clear errors that say what came and what to do.

Leaves out: anything model-specific (shapes of a network's layers are
checked in ``mlp.py``).
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

