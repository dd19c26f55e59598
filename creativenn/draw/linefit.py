"""The line-fitting pictures (G3, in docs/maths.md): the points with their residuals (each a square of
area e²) and the line, and the read-out of the line, its cost and its gradient beside least squares."""

from __future__ import annotations

import numpy as np

from ..picture import colors
from ..picture.layout import Mapping
from ..worlds.linefit import LineFit, least_squares
from .base import current_sketch, label
from .plots import draw_axis_names, draw_rings


def draw_points_and_line(fit: LineFit, x, y, view: Mapping, used=(), squares: bool = True,
                         sketch=None) -> None:
    """The points, each joined to the line by its residual e = m x + c − y (orange below, blue above),
    with a square of side |e| if ``squares`` (the squares' mean area is the cost); ``used``: the points
    of this step, ringed."""
    s = current_sketch(sketch)
    s.no_stroke()
    s.fill(*colors.PANEL)
    s.rect(*view.rect)
    e = fit.predict(x) - y
    sx, sy = view.to_screen(x, y)
    _, sy_line = view.to_screen(x, fit.predict(x))
    if squares:
        s.clip(*view.rect)  # a square bigger than the panel (a far-off start) stays inside it
        for px, top, bottom, error in zip(sx, sy, sy_line, e, strict=True):
            side = abs(bottom - top)
            s.fill(*(colors.NEGATIVE if error < 0 else colors.POSITIVE), 60)
            s.rect(px, min(top, bottom), side if px + side < view.rect[0] + view.rect[2] else -side, side)
        s.no_clip()
    s.stroke_weight(2)
    for sign, color in ((-1, colors.NEGATIVE), (1, colors.POSITIVE)):
        mine = np.sign(e) == sign
        s.stroke(*color)
        s.lines(np.column_stack([sx[mine], sy[mine], sx[mine], sy_line[mine]]).astype(np.float32))
    (x0, x1), _ = view.bounds
    lx, ly = view.to_screen(np.array([x0, x1]), fit.predict([x0, x1]))
    s.stroke(*colors.ON)
    s.stroke_weight(3)
    s.line(lx[0], ly[0], lx[1], ly[1])
    for color, weight in ((colors.BACKGROUND, 11), (colors.INK, 8)):
        s.stroke(*color)
        s.stroke_weight(weight)
        s.points(np.column_stack([sx, sy]).astype(np.float32))
    draw_axis_names(view, "x", "y", sketch=s)
    if 0 < len(used) < len(x):
        draw_rings(np.asarray(x)[used], np.asarray(y)[used], view, 20, weight=2, sketch=s)


def draw_line_readout(fit: LineFit, x, y, left: float, top: float, sketch=None) -> None:
    """The line and least squares, the cost, its gradient and the step, in the course's notation."""
    s = current_sketch(sketch)
    dm, dc = fit.gradient(x, y)
    m0, c0 = least_squares(x, y)
    lines = [
        f"y = {fit.slope:.3f} x + {fit.intercept:.3f}      least squares: y = {m0:.3f} x + {c0:.3f}",
        f"C = 1/N Σ (m xᵢ + c − yᵢ)² = {fit.cost(x, y):.4f}   (the squares' mean area)",
        f"∂C/∂m = 2/N Σ eᵢ xᵢ = {dm:+.4f}     ∂C/∂c = 2/N Σ eᵢ = {dc:+.4f}",
        "m ← m − η ∂C/∂m      c ← c − η ∂C/∂c",
    ]
    for i, text in enumerate(lines):
        label(text, left, top + i * 30, 15, kind="mono", sketch=s)
