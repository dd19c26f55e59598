"""Contour lines of a height grid, traced by contourpy (numpy only; the tracer matplotlib uses).

``contour_lines`` gives, for each level, the lines where the height equals
it, each one joined polyline (a closed loop ends where it began); the two
saddle cells of marching squares are resolved by the cell's middle value.
That is what a pen plotter needs: one pen-down a line. ``contour_segments``
cuts the same lines into segments for one vectorized ``lines()`` call on
screen.

>>> import numpy as np
>>> xs = ys = np.linspace(-1, 1, 41)
>>> X, Y = np.meshgrid(xs, ys)
>>> [circle] = contour_lines(xs, ys, X**2 + Y**2, [0.25])[0]
>>> bool(np.all(np.abs(np.hypot(circle[:, 0], circle[:, 1]) - 0.5) < 0.01))
True
>>> bool((circle[0] == circle[-1]).all())  # a loop: it ends where it began
True
>>> contour_segments(xs, ys, X**2 + Y**2, [0.25]).shape[1]
4
"""

from __future__ import annotations

import numpy as np


def contour_lines(xs, ys, values, levels) -> list[list[np.ndarray]]:
    """For each level, its lines: (n, 2) arrays of (x, y) points, each one joined polyline.

    ``values[i, j]`` is the height at (xs[j], ys[i]); nan heights are left out
    (the lines stop at them).
    """
    import contourpy

    xs, ys, values = np.asarray(xs, float), np.asarray(ys, float), np.asarray(values, float)
    if values.shape != (ys.size, xs.size):
        raise ValueError(f"values must be shaped (len(ys), len(xs)) = {(ys.size, xs.size)}, "
                         f"got {values.shape}")
    heights = np.ma.masked_invalid(values) if np.isnan(values).any() else values
    tracer = contourpy.contour_generator(xs, ys, heights, line_type="Separate")
    return [[np.asarray(line, float) for line in tracer.lines(float(level))]
            for level in np.atleast_1d(levels)]


def contour_segments(xs, ys, values, levels) -> np.ndarray:
    """Segments (n, 4) as x1, y1, x2, y2 of the lines where ``values`` equals each level."""
    pieces = [np.column_stack([line[:-1], line[1:]]) for lines in contour_lines(xs, ys, values, levels)
              for line in lines if len(line) > 1]
    return np.concatenate(pieces) if pieces else np.empty((0, 4))


def path_length(line: np.ndarray) -> float:
    """The length of a polyline: the sum of its segments' lengths."""
    return float(np.hypot(*np.diff(np.asarray(line, float), axis=0).T).sum()) if len(line) > 1 else 0.0
