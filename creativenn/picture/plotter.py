"""Drawings for pen plotters: SVG sized in millimetres, one layer a pen, one path a pen-down (numpy only).

A plotter (AxiDraw, HP 7475A, iDraw…) follows each SVG path from end to end
with the pen down and lifts it between paths; Inkscape's layers (a ``<g>``
with ``inkscape:groupmode="layer"``) are what plotter software draws one at
a time, changing the pen between them. So here every line is one ``<path>``
(a polyline, or a cubic Bézier ``Cubic``), lines of one colour share a
layer, there is no background and no fill, and the page has its size in mm.

``write_plot`` maps the drawing's own units (a picture's plane, a sketch's
pixels) onto the page, keeping its proportions, and returns what a plotter
user asks before plotting: how many lines and how long the pen travels
drawing (pen-up moves are not counted).

>>> import tempfile, pathlib
>>> square = np.array([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]], float)
>>> report = write_plot(pathlib.Path(tempfile.mkdtemp()) / "a.svg", [Pen("ink", (0, 0, 0), [square])],
...                     bounds=(0, 1, 0, 1), size_mm=(120, 120), margin_mm=10)
>>> report.lines, round(report.length_mm, 6)
(1, 400.0)

Leaves out: ordering lines to shorten pen-up travel, and hatching fills.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import quoteattr

import numpy as np

from ..files import whole_file

SVG_NS, INKSCAPE_NS = "http://www.w3.org/2000/svg", "http://www.inkscape.org/namespaces/inkscape"


@dataclass(frozen=True)
class Cubic:
    """A cubic Bézier curve: its four points (start, control, control, end), (4, 2)."""

    points: np.ndarray

    def sample(self, n: int = 64) -> np.ndarray:
        """``n`` points along the curve, as a polyline (for its length)."""
        t = np.linspace(0.0, 1.0, n)[:, None]
        p0, p1, p2, p3 = np.asarray(self.points, float)
        return (1 - t) ** 3 * p0 + 3 * (1 - t) ** 2 * t * p1 + 3 * (1 - t) * t ** 2 * p2 + t ** 3 * p3


@dataclass
class Pen:
    """One layer of a plot: its name, its colour (r, g, b), its lines (polylines (n, 2) or Cubic) and,
    where it differs from the page's, its nib's width in mm (what the preview draws)."""

    name: str
    color: tuple[int, int, int]
    lines: list
    width_mm: float | None = None


@dataclass(frozen=True)
class PlotReport:
    """What was written: the file, the lines in all (one pen-down each), the drawn length in mm, and
    each pen's (name, lines, mm)."""

    path: Path
    lines: int
    length_mm: float
    pens: list

    def __str__(self) -> str:  # short enough for a note on screen
        drawing = f"{self.lines} lines, {self.length_mm / 1000:.2f} m of drawing"
        return f"{self.path}: {drawing}, {len(self.pens)} pens"

    def summary(self) -> str:
        pens = ", ".join(f"{name} {lines} lines {mm / 1000:.2f} m" for name, lines, mm in self.pens)
        return f"{self.lines} lines, {self.length_mm / 1000:.2f} m of drawing ({pens})"


def write_plot(path, pens: list[Pen], bounds=None, size_mm=(210.0, 210.0), margin_mm: float = 15.0,
               pen_mm: float = 0.3, flip_y: bool = True) -> PlotReport:
    """Write the pens' lines as a plotter SVG at ``path`` (whole or not at all).

    ``bounds`` = (x0, x1, y0, y1) of the drawing's own units (None: just
    around its lines), fitted into the page (``size_mm``, width × height)
    inside ``margin_mm``, centred, its proportions kept; ``flip_y``: y grows
    up in those units (a plane), not down (pixels). ``pen_mm`` is the line
    width the preview shows.
    """
    if bounds is None:
        points = np.concatenate([np.asarray(line.points if isinstance(line, Cubic) else line, float)
                                 for pen in pens for line in pen.lines] or [np.zeros((1, 2))])
        (x0, y0), (x1, y1) = points.min(axis=0), points.max(axis=0)
        bounds = (x0, max(x1, x0 + 1e-9), y0, max(y1, y0 + 1e-9))
    (x0, x1, y0, y1), (width, height) = map(float, bounds), map(float, size_mm)
    if not (x1 > x0 and y1 > y0):
        raise ValueError(f"bounds must be (x0, x1, y0, y1) with x1 > x0 and y1 > y0, got {bounds!r}")
    if not (width > 2 * margin_mm and height > 2 * margin_mm and margin_mm >= 0):
        raise ValueError(f"a {width:g} × {height:g} mm page has no room inside margins of {margin_mm:g} mm")
    scale = min((width - 2 * margin_mm) / (x1 - x0), (height - 2 * margin_mm) / (y1 - y0))
    left = (width - scale * (x1 - x0)) / 2
    top = (height - scale * (y1 - y0)) / 2

    def to_page(points) -> np.ndarray:
        points = np.asarray(points, float)
        x = left + (points[:, 0] - x0) * scale
        y = top + ((y1 - points[:, 1]) if flip_y else (points[:, 1] - y0)) * scale
        return np.column_stack([x, y])

    body, counted = [], []
    for number, pen in enumerate(pens, start=1):
        color = "#" + "".join(f"{int(v):02x}" for v in pen.color)
        label = quoteattr(f"{number} {pen.name} {color}")
        body.append(f'  <g inkscape:groupmode="layer" inkscape:label={label} id="pen{number}" fill="none" '
                    f'stroke="{color}" stroke-width="{pen.width_mm or pen_mm:g}" stroke-linecap="round" '
                    f'stroke-linejoin="round">')
        lines, length = 0, 0.0
        for line in pen.lines:
            if isinstance(line, Cubic):
                p = to_page(line.points)
                d = f"M{_xy(p[0])} C{_xy(p[1])} {_xy(p[2])} {_xy(p[3])}"
                drawn = to_page(line.sample())
            else:
                drawn = to_page(line)
                if len(drawn) < 2:
                    continue
                closed = len(drawn) > 2 and np.array_equal(drawn[0], drawn[-1])
                ends = " Z" if closed else ""  # a loop closes on its start: no doubled point
                d = "M" + " L".join(_xy(q) for q in (drawn[:-1] if closed else drawn)) + ends
            body.append(f'    <path d="{d}"/>')
            lines += 1
            length += float(np.hypot(*np.diff(drawn, axis=0).T).sum())
        body.append("  </g>")
        counted.append((pen.name, lines, length))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with whole_file(path, "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        f.write(f'<svg xmlns="{SVG_NS}" xmlns:inkscape="{INKSCAPE_NS}" width="{width:g}mm" '
                f'height="{height:g}mm" viewBox="0 0 {width:g} {height:g}">\n')
        f.write("\n".join(body) + "\n</svg>\n")
    return PlotReport(path, sum(c[1] for c in counted), sum(c[2] for c in counted), counted)


def weight_pens(curves, positions, scale: float, neuron_size: float = 18.0) -> list[Pen]:
    """A network drawn as ``draw.art`` draws it (``curves`` from ``weight_curves``: (w, four Bézier
    points) in pixels; neurons at ``positions``), as pens for ``write_plot``: the project's colours on
    paper, a pen for each sign of weight and strength (|w| ≥ scale / 2 a thick nib, below it a fine
    one: thicker is larger |w|, as on screen), and the neurons as circles in ink.

    >>> pens = weight_pens([(-1.5, 0, 0, 1, 0, 2, 0, 3, 0), (0.2, 0, 0, 1, 1, 2, 1, 3, 0)],
    ...                    [[(0, 0)], [(3, 0)]], scale=2.0)
    >>> [(p.name, len(p.lines), p.width_mm) for p in pens]
    [('w < 0, strong', 1, 0.8), ('w > 0, weak', 1, 0.3), ('neurons', 2, 0.5)]
    """
    from .colors import NEGATIVE, POSITIVE

    groups = {}
    for w, *points in curves:
        strong = abs(w) >= scale / 2
        key = ("w < 0" if w < 0 else "w > 0", strong)
        groups.setdefault(key, []).append(Cubic(np.reshape(np.asarray(points, float), (4, 2))))
    order = [(sign, strong) for sign in ("w < 0", "w > 0") for strong in (False, True)]
    pens = [Pen(f"{sign}, {'strong' if strong else 'weak'}", NEGATIVE if sign == "w < 0" else POSITIVE,
                groups[(sign, strong)], 0.8 if strong else 0.3)
            for sign, strong in order if (sign, strong) in groups]
    angles = np.linspace(0.0, 2 * np.pi, 49)
    ring = np.column_stack([np.cos(angles), np.sin(angles)]) * neuron_size / 2
    rings = [ring + (x, y) for layer in positions for x, y in layer]
    rings = [np.vstack([r[:-1], r[:1]]) for r in rings]  # closed exactly on its start
    return [*pens, Pen("neurons", INK_ON_PAPER, rings, 0.5)]


INK_ON_PAPER = (29, 34, 48)  # a plot is drawn on white paper: the screen's light ink would not show


def _xy(point) -> str:
    return f"{point[0]:.2f},{point[1]:.2f}"  # a hundredth of a millimetre: finer than any pen
