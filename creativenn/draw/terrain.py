"""Cost surfaces from above: a shaded height map with contour lines, balls, trails, arrows.

The map (heights and contours) is drawn once into an offscreen image per
place on screen, then pasted every frame; only the balls and trails are
drawn anew. A new surface in the same place (a dragged point, a painted
hill) is drawn into the same image, so memory does not grow with edits.
"""

from __future__ import annotations

import numpy as np

from ..picture import colors
from ..picture.contours import contour_segments
from ..picture.layout import Mapping
from .base import cache, clipped, current_sketch, draw_segments


def terrain(surface, mapping: Mapping, resolution: int = 200, levels: int = 16):
    """(RGB image rows × cols × 3, contour segments in model space) of ``surface``.

    Heights are taken at the centres of a resolution × resolution grid over
    ``mapping.bounds``, shaded on ``surface.relief``'s log scale, and cut by
    ``levels`` contour lines evenly spaced on that scale.
    """
    points = mapping.grid(resolution, resolution)  # row by row from the top
    heights = surface.height(points[:, 0], points[:, 1]).reshape(resolution, resolution)
    relief = surface.relief(heights, float(heights.min()), float(heights.max()))
    xs, ys = points[:resolution, 0], points[::resolution, 1]
    segments = contour_segments(xs, ys, relief, np.linspace(0, 1, levels + 2)[1:-1])
    return colors.height_colors(relief), segments


def draw_terrain(surface, mapping: Mapping, resolution: int = 200, levels: int = 16,
                 sketch=None) -> None:
    """The height map of ``surface`` with contour lines, filling ``mapping``'s rectangle."""
    s = current_sketch(sketch)
    x, y, w, h = mapping.rect
    store, key = cache(s), ("terrain", mapping.bounds, mapping.rect, resolution, levels)
    if key not in store or store[key][0] is not surface:  # a new surface (a painted one: every stroke)
        rgb, segments = terrain(surface, mapping, resolution, levels)
        g, picture = store[key][1:] if key in store else (s.create_graphics(int(w), int(h)), None)
        picture = s.create_image_from_numpy(rgb, bands="RGB", dst=picture)  # the same image, refilled
        g.begin_draw()
        g.clear()
        g.image(picture, 0, 0, w, h)
        local = Mapping(mapping.bounds, (0, 0, w, h))
        sx1, sy1 = local.to_screen(segments[:, 0], segments[:, 1])
        sx2, sy2 = local.to_screen(segments[:, 2], segments[:, 3])
        g.stroke(*colors.INK, 60)
        g.stroke_weight(1)
        g.lines(np.column_stack([sx1, sy1, sx2, sy2]).astype(np.float32))
        g.end_draw()
        store[key] = (surface, g, picture)
    s.image(store[key][1], x, y)


def draw_cross(x, y, mapping: Mapping, color=colors.INK, size: float = 7, outline=None, sketch=None) -> None:
    """A × at model point(s) (x, y): where a minimum is, or a guess that is wrong; on a dark
    ``outline`` to read on any colour."""
    s = current_sketch(sketch)
    sx, sy = (np.atleast_1d(v) for v in mapping.to_screen(x, y))
    arms = np.concatenate([np.column_stack([sx - size, sy - size, sx + size, sy + size]),
                           np.column_stack([sx - size, sy + size, sx + size, sy - size])])
    for stroke, weight in ([(outline, 5)] if outline else []) + [(color, 2.5 if outline else 2)]:
        s.stroke(*stroke)
        s.stroke_weight(weight)
        draw_segments(s, arms)


def draw_trail(points, mapping: Mapping, color, weight: float = 2.5, dots: float = 0, sketch=None) -> None:
    """A path through model points (n, 2), as one vectorized ``lines()`` call; with ``dots``, each
    point also marked, that many pixels wide (the steps of a method, say). Clipped to the map: a
    path that runs off it (a diverging run) stops at its edge."""
    s = current_sketch(sketch)
    points = np.asarray(points, dtype=float)
    sx, sy = mapping.to_screen(points[:, 0], points[:, 1]) if len(points) else (np.zeros(0), np.zeros(0))
    s.stroke(*color)
    with clipped(mapping.rect, s):
        if len(points) >= 2:
            s.stroke_weight(weight)
            draw_segments(s, np.column_stack([sx[:-1], sy[:-1], sx[1:], sy[1:]]))
        if dots and len(points):
            s.stroke_weight(dots)
            s.points(np.column_stack([sx, sy]).astype(np.float32))


def draw_ball(x: float, y: float, mapping: Mapping, color, diameter: float = 16, sketch=None) -> None:
    """A ball at model point (x, y), with a dark rim; clipped to the map (a ball off it is not drawn
    over the next panel)."""
    s = current_sketch(sketch)
    sx, sy = mapping.to_screen(x, y)
    s.stroke(*colors.BACKGROUND)
    s.stroke_weight(2.5)
    s.fill(*color)
    with clipped(mapping.rect, s):
        s.circle(sx, sy, diameter)


def draw_arrow(x1: float, y1: float, x2: float, y2: float, color, weight: float = 2.5,
               head: float = 9, sketch=None) -> None:
    """An arrow on screen from (x1, y1) to (x2, y2)."""
    s = current_sketch(sketch)
    length = float(np.hypot(x2 - x1, y2 - y1))
    if length < 1e-6:
        return
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    s.stroke(*color)
    s.stroke_weight(weight)
    s.line(x1, y1, x2, y2)
    s.no_stroke()
    s.fill(*color)
    s.triangle(x2, y2, x2 - head * ux + head * 0.5 * uy, y2 - head * uy - head * 0.5 * ux,
               x2 - head * ux - head * 0.5 * uy, y2 - head * uy + head * 0.5 * ux)


def draw_downhill_arrow(ball, mapping: Mapping, color, longest: float = 50, sketch=None) -> None:
    """The way downhill, −∇f, at ``ball``: longer where the slope is steeper, gone when flat.

    The length is ``longest`` times the surface's ``steepness`` there, so
    arrows on one surface compare; clipped to the map.
    """
    gx, gy = ball.gradient
    length = longest * float(ball.surface.steepness(*ball.position))
    if not (np.isfinite(length) and length >= 4):
        return
    sx, sy = mapping.to_screen(*ball.position)
    (x0, x1), (y0, y1) = mapping.bounds
    # −∇f in screen directions: x scales by width/Δx, y flips and scales by height/Δy
    dx, dy = -gx * mapping.rect[2] / (x1 - x0), gy * mapping.rect[3] / (y1 - y0)
    norm = float(np.hypot(dx, dy))
    with clipped(mapping.rect, sketch) as s:  # a ball off the map (diverging): the arrow cut at its edge
        draw_arrow(sx, sy, sx + dx / norm * length, sy + dy / norm * length, color, sketch=s)
