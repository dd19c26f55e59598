"""Contour lines of a height grid, by marching squares (vectorized, numpy only).

For each level, every grid cell is classified by which of its four corners
lie above the level (16 cases); the line crosses the cell's edges where the
height, interpolated linearly along the edge, equals the level. The result
is a list of segments ready for one vectorized ``lines()`` call.

Leaves out: joining segments into polylines, and resolving the two saddle
cases (5 and 10) by the cell's centre value; at the resolutions drawn here
neither is visible.

>>> import numpy as np
>>> xs = ys = np.linspace(-1, 1, 41)
>>> X, Y = np.meshgrid(xs, ys)
>>> seg = contour_segments(xs, ys, X**2 + Y**2, [0.25])
>>> r = np.hypot(seg[:, 0], seg[:, 1])
>>> bool(np.all(np.abs(r - 0.5) < 0.01))
True
"""

from __future__ import annotations

import numpy as np

# corners: top-left 8, top-right 4, bottom-right 2, bottom-left 1 ("top" = first row)
# edges: 0 top (tl–tr), 1 right (tr–br), 2 bottom (bl–br), 3 left (tl–bl)
_CASES = {
    1: [(3, 2)], 2: [(2, 1)], 3: [(3, 1)], 4: [(0, 1)], 5: [(3, 2), (0, 1)], 6: [(0, 2)],
    7: [(3, 0)], 8: [(3, 0)], 9: [(0, 2)], 10: [(3, 0), (2, 1)], 11: [(0, 1)], 12: [(3, 1)],
    13: [(2, 1)], 14: [(3, 2)],
}


def _crossing(a, b, level):
    """Where along an edge from value a to value b the level is met (0 … 1)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        t = (level - a) / (b - a)
    return np.clip(np.nan_to_num(t, nan=0.5), 0.0, 1.0)


def contour_segments(xs, ys, values, levels) -> np.ndarray:
    """Segments (n, 4) as x1, y1, x2, y2 of the lines where ``values`` equals each level.

    ``values[i, j]`` is the height at (xs[j], ys[i]).
    """
    xs, ys, values = np.asarray(xs, float), np.asarray(ys, float), np.asarray(values, float)
    if values.shape != (ys.size, xs.size):
        raise ValueError(f"values must be shaped (len(ys), len(xs)) = {(ys.size, xs.size)}, "
                         f"got {values.shape}")
    tl, tr, br, bl = values[:-1, :-1], values[:-1, 1:], values[1:, 1:], values[1:, :-1]
    x0, x1 = np.meshgrid(xs[:-1], ys[:-1])[0], np.meshgrid(xs[1:], ys[:-1])[0]
    y0, y1 = np.meshgrid(xs[:-1], ys[:-1])[1], np.meshgrid(xs[:-1], ys[1:])[1]
    out = []
    for level in np.atleast_1d(levels):
        case = (tl > level) * 8 + (tr > level) * 4 + (br > level) * 2 + (bl > level) * 1
        t_top, t_right = _crossing(tl, tr, level), _crossing(tr, br, level)
        t_bottom, t_left = _crossing(bl, br, level), _crossing(tl, bl, level)
        points = [  # the crossing on each edge: (x, y)
            (x0 + t_top * (x1 - x0), y0),
            (x1, y0 + t_right * (y1 - y0)),
            (x0 + t_bottom * (x1 - x0), y1),
            (x0, y0 + t_left * (y1 - y0)),
        ]
        for c, pairs in _CASES.items():
            cells = case == c
            if not cells.any():
                continue
            for a, b in pairs:
                out.append(np.column_stack([points[a][0][cells], points[a][1][cells],
                                            points[b][0][cells], points[b][1][cells]]))
    return np.concatenate(out) if out else np.empty((0, 4))
