"""The line-fitting pictures (G3, in docs/maths.md): the points with their residuals (each a square of
area e²) and the line, and the read-out of the line, its cost and its gradient beside least squares."""

from __future__ import annotations

import numpy as np

from ..picture import colors
from ..picture.layout import Mapping
from ..picture.numbers import fixed, term
from ..worlds.linefit import LineFit, least_squares
from .base import clipped, current_sketch, label
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
    with clipped(view.rect, s):  # a line far off (a far start, a high η) and its squares stay in the panel
        if squares:
            for px, top, bottom, error in zip(sx, sy, sy_line, e, strict=True):
                side = abs(bottom - top)
                s.fill(*(colors.NEGATIVE if error < 0 else colors.POSITIVE), 60)
                s.rect(px, min(top, bottom), side if px + side < view.rect[0] + view.rect[2] else -side, side)
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


def line_equation(slope: float, intercept: float) -> str:
    """``1.500 x + 0.300``: y = m x + c with both numbers kept to a fixed width."""
    return f"{fixed(slope, 6).strip()} x {term(intercept)}"


def draw_line_readout(fit: LineFit, x, y, left: float, top: float, sketch=None) -> None:
    """The line and least squares, the cost, its gradient and the step, in the course's notation."""
    s = current_sketch(sketch)
    dm, dc = fit.gradient(x, y)
    m0, c0 = least_squares(x, y)
    lines = [  # each number kept to its width: a line far off (a high η) cannot push text off the page
        f"y = {line_equation(fit.slope, fit.intercept)}      least squares: y = {line_equation(m0, c0)}",
        f"C = 1/N Σ (m xᵢ + c − yᵢ)² = {fixed(fit.cost(x, y), 8, 4)}   (the squares' mean area)",
        f"∂C/∂m = 2/N Σ eᵢ xᵢ = {fixed(dm, 8, 4, True)}     ∂C/∂c = 2/N Σ eᵢ = {fixed(dc, 8, 4, True)}",
        "m ← m − η ∂C/∂m      c ← c − η ∂C/∂c",
    ]
    for i, text in enumerate(lines):
        label(text, left, top + i * 30, 15, kind="mono", sketch=s)
