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

Balls and arrows are not drawn in 3D: ``mark_ball`` and ``mark_downhill_arrow``
note where they land on screen, and ``draw_marks`` draws them flat on top,
shaded, crisp and the same size wherever they are (a sphere in a far pit was
a few jagged pixels, and an arrow's lines broke up against the mesh).

Leaves out: lighting (colour by height reads better than shading here).
"""

from __future__ import annotations

import numpy as np
import py5

from ..picture import colors
from ..picture.contours import contour_segments
from .base import cache, projector_place


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
        self.marks: list = []  # balls and arrows seen this frame, to draw flat on top (``draw_marks``)

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

    def downhill_arrow(self, ball) -> np.ndarray | None:
        """The way downhill (−∇f) from where ``ball`` stands, as world points: shaft start, tip and
        the two ends of its head, (4, 3); None where it is flat. Long where it is steep."""
        gx, gy = ball.gradient
        size = float(np.hypot(gx, gy))
        (x0, x1), _ = self.surface.bounds
        length = 0.09 * (x1 - x0) * float(self.surface.steepness(*ball.position))
        if size == 0 or length < 0.01 * (x1 - x0):
            return None
        (x, y), (ux, uy) = ball.position, (-gx / size, -gy / size)
        tip = (x + ux * length, y + uy * length)
        side = 0.3 * length
        xs = [x, tip[0], tip[0] - ux * side + uy * side * 0.6, tip[0] - ux * side - uy * side * 0.6]
        ys = [y, tip[1], tip[1] - uy * side - ux * side * 0.6, tip[1] - uy * side + ux * side * 0.6]
        return self.to_world(np.array(xs), np.array(ys), lift=3)

    def mark_ball(self, point, color, diameter: float = 20, sketch=None) -> tuple[float, float]:
        """Note a ball at world ``point`` (where it lands on screen now, returned) for ``draw_marks``."""
        x, y = self.on_screen([point], sketch)[0]
        self.marks.append(("ball", (x, y), color, diameter))
        return float(x), float(y)

    def mark_downhill_arrow(self, ball, color=colors.INK, sketch=None) -> None:
        """Note the way downhill from ``ball`` (``downhill_arrow``) for ``draw_marks``."""
        arrow = self.downhill_arrow(ball)
        if arrow is not None:
            self.marks.append(("arrow", self.on_screen(arrow, sketch), color, 2.5))

    def draw_marks(self, sketch=None) -> None:
        """The balls and arrows marked this frame, flat on top of the scene (call after the camera's
        pop_matrix): every arrow, then every ball, so no arrow crosses a ball. Then forgets them."""
        for kind, where, color, size in sorted(self.marks, key=lambda mark: mark[0] == "ball"):
            if kind == "arrow":
                draw_flat_arrow(where, color, size, sketch)
            else:
                draw_sphere(*where, size, color, sketch)
        self.marks = []

    @staticmethod
    def on_screen(points, sketch=None) -> np.ndarray:
        """Where world points (n, 3) land on screen, (n, 2), as the camera now sees them: to draw
        balls and arrows flat on top of the scene afterwards, crisp and never hidden by it."""
        s = sketch or py5.get_current_sketch()
        factor, left, top = projector_place()  # the window's pixels back in the sketch's own units
        return np.array([((s.screen_x(*p) - left) / factor, (s.screen_y(*p) - top) / factor)
                         for p in np.asarray(points, dtype=float)])

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


def draw_sphere(x: float, y: float, diameter: float, color, sketch=None) -> None:
    """A ball at screen (x, y), shaded as if lit from the top left, with a dark rim: it reads as a
    sphere over any part of a surface. Its centre is ``color`` itself."""
    s = sketch or py5.get_current_sketch()
    s.no_stroke()
    shade, light = colors.mix(color, colors.BACKGROUND, 0.45), colors.mix(color, (255, 255, 255), 0.55)
    for tone, scale, shift in ((colors.BACKGROUND, 1.0, 0.0), (shade, 0.84, 0.0), (color, 0.7, -0.07),
                               (light, 0.26, -0.2)):
        s.fill(*(int(c) for c in tone))
        s.circle(x + shift * diameter, y + shift * diameter, diameter * scale)


def draw_flat_arrow(points, color=colors.INK, weight: float = 2.5, sketch=None) -> None:
    """An arrow from screen points (4, 2): shaft start, tip, the two ends of its head (``on_screen``
    of ``Terrain3D.downhill_arrow``), drawn whole."""
    s = sketch or py5.get_current_sketch()
    (ax, ay), (tx, ty), (h1x, h1y), (h2x, h2y) = points
    segments = np.array([[ax, ay, tx, ty], [tx, ty, h1x, h1y], [tx, ty, h2x, h2y]], dtype=np.float32)
    for stroke, width in ((colors.BACKGROUND, weight + 2.5), (color, weight)):  # a dark edge under the line:
        s.stroke(*stroke)  # it reads on light and dark ground
        s.stroke_weight(width)
        s.lines(segments)
