"""A cost surface in 3D (P3D): one retained mesh coloured by height, contour lines lifted onto it.

``Terrain3D`` samples a surface once on a grid, builds the mesh and the
contour lines as retained shapes (static: 19 ms a frame instead of 198 ms
rebuilt, see PY5.md), and maps model points to 3D world points with
``to_world`` (x right, y away, z up; heights on the surface's log relief).

Shapes are kept for as long as their sketch lives, one pair per surface
drawn (switching back to a surface reuses its mesh): a shape that is
garbage-collected has its GL buffers freed in whatever GL context is current
then, and when that was another sketch's the JVM crashed (glDeleteBuffers,
seen in the test process, which runs many sketches). See also
``render._OPENGL_SKETCHES``.

Leaves out: lighting (colour by height reads better than shading here).
"""

from __future__ import annotations

import numpy as np
import py5

from ..picture import colors
from ..picture.contours import contour_segments
from .base import cache


class Terrain3D:
    """``surface`` as a mesh of ``resolution``² points, ``size`` pixels wide and ``height`` tall."""

    def __init__(self, surface, resolution: int = 90, size: float = 500.0, height: float = 150.0,
                 levels: int = 16, sketch=None):
        self.surface, self.size, self.height = surface, float(size), float(height)
        xs, ys, heights = surface.grid(resolution)
        self.low, self.high = float(np.nanmin(heights)), float(np.nanmax(heights))
        shapes = cache(sketch or py5.get_current_sketch()).setdefault("terrain3d", {})
        key = (surface.name, surface.bounds, resolution, self.size, self.height, levels, heights.tobytes())
        if key not in shapes:
            relief = surface.relief(heights, self.low, self.high)
            shapes[key] = (self._mesh(xs, ys, heights, relief), self._contours(xs, ys, relief, levels))
        self.mesh, self.contours = shapes[key]

    def to_world(self, x, y, lift: float = 0.0, heights=None):
        """Model point(s) (x, y) → 3D (X, Y, Z): on the surface (or at ``heights``), plus ``lift``."""
        (x0, x1), (y0, y1) = self.surface.bounds
        span = max(x1 - x0, y1 - y0)
        h = self.surface.height(x, y) if heights is None else np.asarray(heights, dtype=float)
        X = (np.asarray(x) - (x0 + x1) / 2) / span * self.size
        Y = -(np.asarray(y) - (y0 + y1) / 2) / span * self.size
        Z = self.surface.relief(h, self.low, self.high) * self.height + lift
        return np.stack(np.broadcast_arrays(X, Y, Z), axis=-1)

    def draw(self, sketch=None) -> None:
        s = sketch or py5.get_current_sketch()
        s.shape(self.mesh)
        s.shape(self.contours)

    def draw_downhill_arrow(self, ball, color=colors.INK, sketch=None) -> None:
        """−∇f on the surface under ``ball``, longer where it is steeper (nothing where it is flat)."""
        s = sketch or py5.get_current_sketch()
        gx, gy = ball.gradient
        size = float(np.hypot(gx, gy))
        (x0, x1), _ = self.surface.bounds
        length = 0.09 * (x1 - x0) * float(self.surface.steepness(*ball.position))
        if size == 0 or length < 0.01 * (x1 - x0):
            return
        (x, y), (ux, uy) = ball.position, (-gx / size, -gy / size)
        tip = (x + ux * length, y + uy * length)
        side = 0.3 * length
        head = [(tip[0] - ux * side + uy * side * 0.6, tip[1] - uy * side - ux * side * 0.6),
                (tip[0] - ux * side - uy * side * 0.6, tip[1] - uy * side + ux * side * 0.6)]
        end = self.to_world(*tip, lift=3)
        s.stroke(*color)
        s.stroke_weight(2.5)
        s.line(*self.to_world(x, y, lift=3), *end)
        for hx, hy in head:
            s.line(*end, *self.to_world(hx, hy, lift=3))

    @staticmethod
    def draw_trail(points, color, weight: float = 2.5, sketch=None) -> None:
        """A path through world points (n, 3), as one open shape."""
        s = sketch or py5.get_current_sketch()
        s.no_fill()
        s.stroke(*color)
        s.stroke_weight(weight)
        s.begin_shape()
        s.vertices(np.asarray(points, dtype=np.float32))
        s.end_shape()

    @staticmethod
    def draw_ball(point, color, radius: float = 9, sketch=None) -> None:
        """A sphere at world point (X, Y, Z)."""
        s = sketch or py5.get_current_sketch()
        s.push_matrix()
        s.translate(*(float(v) for v in point))
        s.no_stroke()
        s.fill(*color)
        s.sphere(radius)
        s.pop_matrix()

    def _mesh(self, xs, ys, heights, relief):
        gx, gy = np.meshgrid(xs, ys)
        points = self.to_world(gx, gy, heights=heights)  # (rows, cols, 3)
        a, b = points[:-1, :-1], points[:-1, 1:]
        c, d = points[1:, 1:], points[1:, :-1]
        triangles = np.stack([a, b, c, a, c, d], axis=2).reshape(-1, 3)
        rgb = colors.height_colors(relief).astype(np.int64)
        packed = (0xFF << 24) | (rgb[..., 0] << 16) | (rgb[..., 1] << 8) | rgb[..., 2]
        pa, pb, pc, pd = packed[:-1, :-1], packed[:-1, 1:], packed[1:, 1:], packed[1:, :-1]
        fills = np.stack([pa, pb, pc, pa, pc, pd], axis=2).reshape(-1).astype(np.uint32).view(np.int32)
        shape = py5.create_shape()
        shape.begin_shape(py5.TRIANGLES)
        shape.no_stroke()
        shape.vertices(triangles.astype(np.float32))
        shape.end_shape()
        shape.set_fills(fills)
        return shape

    def _contours(self, xs, ys, relief, levels):
        segments = contour_segments(xs, ys, relief, np.linspace(0, 1, levels + 2)[1:-1])
        ends = np.concatenate([self.to_world(segments[:, 0], segments[:, 1], lift=0.6),
                               self.to_world(segments[:, 2], segments[:, 3], lift=0.6)], axis=1)
        shape = py5.create_shape()
        shape.begin_shape(py5.LINES)
        shape.stroke(*colors.INK, 70)
        shape.stroke_weight(1)
        shape.vertices(ends.reshape(-1, 3).astype(np.float32))
        shape.end_shape()
        return shape


def orbit(x: float, y: float, z: float, turn: float, tilt: float, sketch=None) -> None:
    """Look at a terrain from an angle: its centre at screen (x, y) and depth z, tilted back by
    ``tilt`` and turned by ``turn`` (radians). Call between push_matrix() and pop_matrix()."""
    s = sketch or py5.get_current_sketch()
    s.translate(x, y, z)
    s.rotate_x(tilt)
    s.rotate_z(turn)
