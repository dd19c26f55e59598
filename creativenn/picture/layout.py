"""Where things go on screen: panels on a grid, neuron positions, one mapping from model to screen.

Pure arithmetic (numpy only), so it is tested without a window. Screen
coordinates follow py5: x to the right, y *down*, in pixels. Model
coordinates follow maths: y *up*. ``Mapping`` is the single place where one
becomes the other (manim's ``coords_to_point``).

A sketch places its panels by name (as CSS's grid-template-areas does), not
by hand-tuned pixels:

>>> boxes = grid(page(800, 800), '''
...     field  network
...     loss   loss
... ''', heights=[360, None])
>>> boxes["field"], boxes["loss"].w
(Box(x=30, y=90, w=355, h=360), 740)
>>> grid(page(800, 800), "map text / loss loss", widths=[490, None], heights=[490, None])["text"]
Box(x=550, y=90, w=220, h=490)

>>> m = Mapping(bounds=((-1, 1), (-1, 1)), rect=(0, 0, 200, 100))
>>> m.to_screen(0.0, 0.0), m.to_screen(1.0, 1.0)
((100.0, 50.0), (200.0, 0.0))
>>> m.to_model(100.0, 50.0)
(0.0, 0.0)
"""

from __future__ import annotations

import functools
from typing import NamedTuple

import numpy as np

MARGIN = 30  # pixels between the canvas's edge and anything drawn
HEADER = 90  # the title band: a title, and a line under it
FOOTER = 56  # the footer band: the keys' reminder, and notes


class Box(NamedTuple):
    """A rectangle on screen, (x, y, w, h) in pixels: ``*box`` passes it where a rect goes."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def inset(self, dx: float, dy: float | None = None) -> Box:
        """The box shrunk by ``dx`` pixels left and right and ``dy`` (default ``dx``) top and bottom."""
        dy = dx if dy is None else dy
        return Box(self.x + dx, self.y + dy, self.w - 2 * dx, self.h - 2 * dy)

    def rows(self, n: int, gap: float = 0) -> list[Box]:
        """``n`` boxes of equal height, top to bottom, ``gap`` pixels apart."""
        h = (self.h - gap * (n - 1)) / n
        return [Box(self.x, self.y + i * (h + gap), self.w, h) for i in range(n)]

    def contains(self, sx: float, sy: float) -> bool:
        return self.x <= sx <= self.right and self.y <= sy <= self.bottom

    def overlaps(self, other: Box) -> bool:
        return (self.x < other.right and other.x < self.right
                and self.y < other.bottom and other.y < self.bottom)


def page(width: float, height: float, margin: float = MARGIN, header: float = HEADER,
         footer: float = FOOTER) -> Box:
    """The body of a canvas: what is left between the title band, the footer band and the margins."""
    return Box(margin, header, width - 2 * margin, height - header - footer)


def _sizes(total: float, count: int, sizes, gap: float) -> list[float]:
    """Track sizes: numbers are pixels, None shares what is left equally."""
    sizes = list(sizes) if sizes is not None else [None] * count
    if len(sizes) != count:
        raise ValueError(f"{count} tracks in the grid but {len(sizes)} sizes given: {sizes!r}")
    free = total - gap * (count - 1) - sum(v for v in sizes if v is not None)
    shares = sum(v is None for v in sizes)
    if free < 0 or (shares and free / shares < 1):
        raise ValueError(f"the sizes {sizes!r} with gaps of {gap} do not fit in {total:g} pixels")
    return [v if v is not None else free / shares for v in sizes]


def grid(box: Box, areas: str, gap: float | tuple[float, float] = MARGIN, widths=None,
         heights=None) -> dict[str, Box]:
    """Named panels in ``box``: ``areas`` draws the grid in words, a row a line (or rows parted by
    " / " on one line), a name a cell.

    A name repeated across a row or down a column spans those cells (a
    rectangle, as in CSS's grid-template-areas); "." leaves a cell empty.
    ``widths`` and ``heights`` give each column's and row's size in pixels,
    None for an equal share of what is left; ``gap`` is the space between
    them (or (between columns, between rows)). Coordinates are whole pixels.
    """
    gap_x, gap_y = gap if isinstance(gap, tuple) else (gap, gap)
    table = [line.split() for line in areas.replace(" / ", "\n").strip().splitlines() if line.strip()]
    if not table or len({len(row) for row in table}) != 1:
        raise ValueError(f"every row of the grid needs the same number of cells:\n{areas}")
    ws = _sizes(box.w, len(table[0]), widths, gap_x)
    hs = _sizes(box.h, len(table), heights, gap_y)
    xs = [box.x + sum(ws[:i]) + gap_x * i for i in range(len(ws))]
    ys = [box.y + sum(hs[:i]) + gap_y * i for i in range(len(hs))]
    boxes = {}
    for name in {cell for row in table for cell in row} - {"."}:
        cells = [(r, c) for r, row in enumerate(table) for c, cell in enumerate(row) if cell == name]
        (r0, c0), (r1, c1) = min(cells), max(cells)
        if len(cells) != (r1 - r0 + 1) * (c1 - c0 + 1):
            raise ValueError(f"the panel {name!r} must be a rectangle of cells:\n{areas}")
        x, y = xs[c0], ys[r0]
        boxes[name] = Box(round(x), round(y), round(xs[c1] + ws[c1] - x), round(ys[r1] + hs[r1] - y))
    return boxes


def neuron_positions(sizes, x: float, y: float, w: float, h: float,
                     max_spacing: float | None = None) -> list[np.ndarray]:
    """Centres of every neuron, one (n_l, 2) array per layer, inside rect (x, y, w, h).

    Layers are columns spread evenly from left (inputs) to right (outputs);
    a layer's neurons are spread evenly down its column and centred, at most
    ``max_spacing`` apart (default: the layers' own spacing, so small layers
    do not stretch).
    """
    sizes = [int(n) for n in sizes]
    if len(sizes) < 1 or min(sizes) < 1:
        raise ValueError(f"sizes must be positive layer sizes, got {sizes!r}")
    if w <= 0 or h <= 0:
        raise ValueError(f"the rectangle must have a positive size, got {w!r}×{h!r}")
    columns = len(sizes)
    xs = [x + w / 2] if columns == 1 else list(np.linspace(x, x + w, columns))
    column_gap = w / max(columns - 1, 1)
    spacing_cap = max_spacing if max_spacing is not None else max(column_gap * 0.6, 1.0)
    positions = []
    for cx, n in zip(xs, sizes, strict=True):
        spacing = min(h / max(n - 1, 1), spacing_cap) if n > 1 else 0.0
        top = y + h / 2 - spacing * (n - 1) / 2
        ys = top + spacing * np.arange(n)
        positions.append(np.column_stack([np.full(n, cx), ys]))
    return positions


def edge_segments(positions: list[np.ndarray], l: int) -> np.ndarray:
    """Line segments of the edges into layer l+1, shape (n_out, n_in, 4): x1, y1, x2, y2.

    Entry [k, j] is the edge of weight W[k, j], from neuron j of layer l to
    neuron k of layer l+1, so it lines up with ``net.weights[l]``.
    """
    src, dst = positions[l], positions[l + 1]
    n_out, n_in = len(dst), len(src)
    segments = np.empty((n_out, n_in, 4))
    segments[..., 0:2] = src[None, :, :]
    segments[..., 2:4] = dst[:, None, :]
    return segments


def neuron_radius(positions: list[np.ndarray], largest: float = 18.0, smallest: float = 2.0) -> float:
    """A radius that keeps the most crowded column's neurons from touching."""
    gaps = [np.min(np.diff(p[:, 1])) for p in positions if len(p) > 1]
    if not gaps:
        return float(largest)
    return float(np.clip(min(gaps) * 0.42, smallest, largest))


def diagram_layout(sizes, x: float, y: float, w: float, h: float):
    """Neuron centres and one radius per layer for a network diagram in rect (x, y, w, h).

    Each layer's neurons are as large as its own spacing allows (at most 18
    px), and the rectangle is inset by the largest radius so no circle
    sticks out. Returns (positions, radii).
    """
    first = neuron_positions(sizes, x, y, w, h)
    inset = max(neuron_radius([p], smallest=1.0) for p in first)
    positions = neuron_positions(sizes, x + inset, y + inset, w - 2 * inset, h - 2 * inset)
    return positions, [neuron_radius([p], smallest=1.0) for p in positions]


def neuron_at(positions: list[np.ndarray], radii, sx: float, sy: float, slack: float = 3.0):
    """(layer, neuron) of the neuron under screen point (sx, sy), or None.

    ``radii`` is one radius per layer (``diagram_layout``'s); a point within
    ``slack`` pixels of a circle's edge still counts, for small neurons.
    """
    best = None
    for l, (centres, r) in enumerate(zip(positions, radii, strict=True)):
        distance = np.hypot(centres[:, 0] - sx, centres[:, 1] - sy)
        k = int(np.argmin(distance))
        if distance[k] <= r + slack and (best is None or distance[k] < best[0]):
            best = (float(distance[k]), l, k)
    return None if best is None else best[1:]


def edge_at(positions: list[np.ndarray], sx: float, sy: float, tolerance: float = 4.0):
    """(l, k, j) of the edge of weight ``weights[l][k, j]`` nearest (sx, sy), or None.

    Only edges passing within ``tolerance`` pixels count; the distance is to
    the segment between the two neurons' centres.
    """
    best = None
    for l in range(len(positions) - 1):
        segments = edge_segments(positions, l)  # (n_out, n_in, 4)
        a, b = segments[..., :2], segments[..., 2:]
        ab = b - a
        t = np.clip(((sx - a[..., 0]) * ab[..., 0] + (sy - a[..., 1]) * ab[..., 1])
                    / np.maximum((ab ** 2).sum(axis=-1), 1e-12), 0.0, 1.0)
        distance = np.hypot(a[..., 0] + t * ab[..., 0] - sx, a[..., 1] + t * ab[..., 1] - sy)
        k, j = np.unravel_index(int(np.argmin(distance)), distance.shape)
        if distance[k, j] <= tolerance and (best is None or distance[k, j] < best[0]):
            best = (float(distance[k, j]), l, int(k), int(j))
    return None if best is None else best[1:]


class Mapping:
    """From a model-space rectangle ``bounds`` to a screen rectangle ``rect``.

    ``bounds`` is ((x_min, x_max), (y_min, y_max)) in model units; ``rect`` is
    (x, y, width, height) in pixels. Model y grows upwards, screen y downwards.
    """

    def __init__(self, bounds, rect):
        (x0, x1), (y0, y1) = bounds
        if not (x1 > x0 and y1 > y0):
            raise ValueError(
                f"bounds must be ((x_min, x_max), (y_min, y_max)) with min < max, got {bounds!r}"
            )
        rx, ry, rw, rh = rect
        if not (rw > 0 and rh > 0):
            raise ValueError(f"rect must have a positive width and height, got {rect!r}")
        self.bounds = ((float(x0), float(x1)), (float(y0), float(y1)))
        self.rect = (float(rx), float(ry), float(rw), float(rh))

    def to_screen(self, x, y):
        """Screen (sx, sy) of model point(s) (x, y)."""
        (x0, x1), (y0, y1) = self.bounds
        rx, ry, rw, rh = self.rect
        sx = rx + (np.asarray(x, dtype=float) - x0) / (x1 - x0) * rw
        sy = ry + (y1 - np.asarray(y, dtype=float)) / (y1 - y0) * rh
        return (float(sx), float(sy)) if np.ndim(sx) == 0 else (sx, sy)

    def to_model(self, sx, sy):
        """Model (x, y) under screen point(s) (sx, sy)."""
        (x0, x1), (y0, y1) = self.bounds
        rx, ry, rw, rh = self.rect
        x = x0 + (np.asarray(sx, dtype=float) - rx) / rw * (x1 - x0)
        y = y1 - (np.asarray(sy, dtype=float) - ry) / rh * (y1 - y0)
        return (float(x), float(y)) if np.ndim(x) == 0 else (x, y)

    def pick(self, xs, ys, sx: float, sy: float, within: float = 12.0) -> int | None:
        """The index of the model point (xs[i], ys[i]) drawn nearest screen point (sx, sy), if it is
        within ``within`` pixels and inside ``rect``; else None. For picking a point up with the mouse."""
        if not len(xs) or not self.contains(sx, sy):
            return None
        px, py = self.to_screen(np.asarray(xs, dtype=float), np.asarray(ys, dtype=float))
        distance = np.hypot(px - sx, py - sy)
        nearest = int(np.argmin(distance))
        return nearest if distance[nearest] < within else None

    def contains(self, sx: float, sy: float) -> bool:
        """Whether screen point (sx, sy) lies inside ``rect``."""
        rx, ry, rw, rh = self.rect
        return rx <= sx <= rx + rw and ry <= sy <= ry + rh

    def grid(self, columns: int, rows: int) -> np.ndarray:
        """Model points at the centres of a columns × rows pixel grid over ``rect``.

        Shape (rows * columns, 2), row by row from the top: ready for one
        vectorized forward pass, and to reshape into an image (rows, columns).
        """
        (x0, x1), (y0, y1) = self.bounds
        xs = x0 + (np.arange(columns) + 0.5) / columns * (x1 - x0)
        ys = y1 - (np.arange(rows) + 0.5) / rows * (y1 - y0)
        gx, gy = np.meshgrid(xs, ys)
        return np.column_stack([gx.ravel(), gy.ravel()])


@functools.lru_cache(maxsize=32)
def _interpolation_matrix(n_from: int, n_to: int) -> np.ndarray:
    """The (n_to, n_from) matrix of linear interpolation weights between cell centres."""
    at = np.clip((np.arange(n_to) + 0.5) * n_from / n_to - 0.5, 0, n_from - 1)
    low = np.floor(at).astype(int)
    high = np.minimum(low + 1, n_from - 1)
    t = at - low
    matrix = np.zeros((n_to, n_from))
    np.add.at(matrix, (np.arange(n_to), low), 1 - t)
    np.add.at(matrix, (np.arange(n_to), high), t)
    matrix.flags.writeable = False  # shared by every call: cached
    return matrix


def resample(values, rows: int, columns: int) -> np.ndarray:
    """A grid (..., h, w) resampled to (..., rows, columns) by bilinear interpolation.

    Samples are taken at the new cells' centres, so a coarse field computed at
    cell centres (``Mapping.grid``) lines up with the fine one. Done as two
    small matrix products (rows × h)·values·(w × columns): a 90² field to 360²
    costs a fraction of a millisecond.
    """
    values = np.asarray(values, dtype=float)
    h, w = values.shape[-2:]
    return _interpolation_matrix(h, rows) @ values @ _interpolation_matrix(w, columns).T
