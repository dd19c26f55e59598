"""Cost surfaces for the ball to roll on (G1): the classic optimizer test functions.

The tags (F1), (B4), (G1) … name equations of the course notes, docs/maths.md;
``creativenn maths B4`` prints one.

Each surface gives its height f(x, y) and its exact gradient (∂f/∂x, ∂f/∂y),
both vectorized over arrays of points, the rectangle worth looking at
(``bounds``), and its known minima. ``surface(name)`` picks one; build a
``Surface`` yourself for your own function (the gradient is then taken by
central differences unless you give it).

``surface_from_heights`` turns a grid of heights (drawn with the mouse, or
an image's brightness via ``surface_from_image``: dark is low) into a
Surface: smoothed, interpolated, with gradients of the smoothed field.

Leaves out: surfaces in more than two dimensions (a network's loss over
its weights is in ``mlp.py``; a 2-D slice of it is in ``landscape.py``).

>>> s = surface("rosenbrock")
>>> float(s.height(1.0, 1.0)), s.gradient(1.0, 1.0) == (0.0, 0.0)
(0.0, True)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .. import resources

PI = np.pi


@dataclass
class Surface:
    """A height function over the plane, with its gradient and what is known of it."""

    name: str
    height_fn: Callable
    gradient_fn: Callable | None = None
    bounds: tuple[tuple[float, float], tuple[float, float]] = ((-2.0, 2.0), (-2.0, 2.0))
    minima: list[tuple[float, float]] = field(default_factory=list)
    start: tuple[float, float] = (0.0, 0.0)  # a start that makes a good race
    learning_rate: float = 0.01  # a learning rate that suits plain SGD here
    description: str = ""
    step_size: float | None = None  # a learning rate for RMSProp/Adam: about a step's length
    rates: dict = field(default_factory=dict)  # an optimizer's own η here, where those two do not suit

    def __post_init__(self):
        if self.step_size is None:
            (x0, x1), (y0, y1) = self.bounds
            self.step_size = 0.01 * max(x1 - x0, y1 - y0)

    def height(self, x, y):
        """f(x, y), element by element over arrays."""
        return self.height_fn(np.asarray(x, dtype=float), np.asarray(y, dtype=float))

    def gradient(self, x, y):
        """(∂f/∂x, ∂f/∂y) at (x, y), exact where the formula is known."""
        x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        if self.gradient_fn is not None:
            gx, gy = self.gradient_fn(x, y)
        else:
            h = 1e-6 * np.maximum(1.0, np.maximum(np.abs(x), np.abs(y)))
            gx = (self.height_fn(x + h, y) - self.height_fn(x - h, y)) / (2 * h)
            gy = (self.height_fn(x, y + h) - self.height_fn(x, y - h)) / (2 * h)
        if np.ndim(gx) == 0:
            return float(gx), float(gy)
        return np.broadcast_to(gx, np.broadcast(x, y).shape), np.broadcast_to(
            gy, np.broadcast(x, y).shape
        )

    def grid(self, n: int = 100):
        """Heights on an n×n grid over ``bounds``: (xs, ys, heights[row=y, col=x])."""
        (x0, x1), (y0, y1) = self.bounds
        xs, ys = np.linspace(x0, x1, n), np.linspace(y0, y1, n)
        X, Y = np.meshgrid(xs, ys)
        return xs, ys, self.height(X, Y)

    def random_start(self, rng, margin: float = 0.1) -> tuple[float, float]:
        """A random point of ``bounds``, kept ``margin`` (a share of the width) from the edges."""
        (x0, x1), (y0, y1) = self.bounds
        return (float(rng.uniform(x0 + margin * (x1 - x0), x1 - margin * (x1 - x0))),
                float(rng.uniform(y0 + margin * (y1 - y0), y1 - margin * (y1 - y0))))

    def typical_slope(self) -> float:
        """The median size of the gradient |∇f| over ``bounds``: what counts as steep here."""
        if getattr(self, "_typical_slope", None) is None:
            (x0, x1), (y0, y1) = self.bounds
            x, y = np.meshgrid(np.linspace(x0, x1, 31), np.linspace(y0, y1, 31))
            gx, gy = self.gradient(x, y)
            self._typical_slope = float(np.median(np.hypot(gx, gy))) or 1.0
        return self._typical_slope

    def highest(self) -> float:
        """The highest height over ``bounds`` (a 101² grid): a ball's divergence limit (G4)."""
        if getattr(self, "_highest", None) is None:
            self._highest = float(np.max(self.grid(101)[2]))
        return self._highest

    def steepness(self, x, y):
        """How steep the surface is at (x, y) on a 0 … 1 scale: tanh(|∇f| / typical slope).

        For drawing the way downhill: an arrow this long (times a largest
        length) compares across one surface, vanishes where it is flat and
        never grows without bound.
        """
        gx, gy = self.gradient(x, y)
        return np.tanh(np.hypot(gx, gy) / self.typical_slope())

    def relief(self, heights, low: float, high: float):
        """Heights scaled to 0 (``low``) … 1 (``high``) on a log scale, for drawing.

        Test surfaces span orders of magnitude (Rosenbrock 0 … 3600), so the
        scale is log(1 + h − low): valleys keep their detail.
        """
        return np.log1p(np.maximum(np.asarray(heights) - low, 0)) / np.log1p(high - low)


def _bowl():
    return Surface(
        "bowl", lambda x, y: x * x + y * y, lambda x, y: (2 * x, 2 * y),
        ((-2, 2), (-2, 2)), [(0.0, 0.0)], (-1.6, 1.3), 0.03,
        "x² + y²: one minimum, every path leads there",
    )


def _ravine():
    return Surface(
        "ravine", lambda x, y: 0.1 * x * x + 2 * y * y, lambda x, y: (0.2 * x, 4 * y),
        ((-3, 3), (-3, 3)), [(0.0, 0.0)], (-2.8, 1.5), 0.48,
        "0.1x² + 2y²: a long narrow valley; plain descent zig-zags across it, momentum glides along it",
        # SGD near its limit across the valley (η < 2/4) zig-zags; momentum's steps add up to
        # η/(1 − 0.9) on a steady slope, so a tenth of SGD's η already goes as far: it swings gently
        rates={"momentum": 0.04},
    )


def _saddle():
    return Surface(
        "saddle", lambda x, y: x * x - y * y, lambda x, y: (2 * x, -2 * y),
        ((-2, 2), (-2, 2)), [], (-1.8, 0.02), 0.05,
        "x² − y²: no minimum; a ball near the ridge lingers, then falls off",
    )


def _rosenbrock():
    def f(x, y):
        return (1 - x) ** 2 + 100 * (y - x * x) ** 2

    def g(x, y):
        return -2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)

    return Surface(
        "rosenbrock", f, g, ((-2, 2), (-1, 3)), [(1.0, 1.0)], (-1.5, 2.5), 0.0005,
        "(1 − x)² + 100(y − x²)²: a curved banana valley, easy to find, slow to follow",
    )


def _himmelblau():
    def f(x, y):
        return (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2

    def g(x, y):
        a, b = x * x + y - 11, x + y * y - 7
        return 4 * x * a + 2 * b, 2 * a + 4 * y * b

    minima = [
        (3.0, 2.0),
        (-2.805118086952745, 3.131312518250573),
        (-3.779310253377747, -3.2831859912861696),
        (3.5844283403304917, -1.8481265269644034),
    ]
    return Surface(
        "himmelblau", f, g, ((-5, 5), (-5, 5)), minima, (-0.3, -0.9), 0.01,
        "four equal minima: which one a ball finds depends on where it starts",
    )


def _beale():
    def f(x, y):
        return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y**2) ** 2 + (2.625 - x + x * y**3) ** 2

    def g(x, y):
        t1, t2, t3 = 1.5 - x + x * y, 2.25 - x + x * y**2, 2.625 - x + x * y**3
        gx = 2 * t1 * (y - 1) + 2 * t2 * (y**2 - 1) + 2 * t3 * (y**3 - 1)
        gy = 2 * t1 * x + 4 * t2 * x * y + 6 * t3 * x * y**2
        return gx, gy

    return Surface(
        "beale", f, g, ((-4.5, 4.5), (-4.5, 4.5)), [(3.0, 0.5)], (1.0, 1.5), 0.001,
        "flat plateaus and steep walls: adaptive steps (RMSProp, Adam) shine",
    )


def _rastrigin():
    def f(x, y):
        return 20 + x * x - 10 * np.cos(2 * PI * x) + y * y - 10 * np.cos(2 * PI * y)

    def g(x, y):
        return 2 * x + 20 * PI * np.sin(2 * PI * x), 2 * y + 20 * PI * np.sin(2 * PI * y)

    return Surface(
        "rastrigin", f, g, ((-5.12, 5.12), (-5.12, 5.12)), [(0.0, 0.0)], (3.2, -2.7), 0.002,
        "an egg box of local minima around one global minimum at the centre",
    )


def _six_hump_camel():
    def f(x, y):
        return (4 - 2.1 * x * x + x**4 / 3) * x * x + x * y + (-4 + 4 * y * y) * y * y

    def g(x, y):
        return 8 * x - 8.4 * x**3 + 2 * x**5 + y, x - 8 * y + 16 * y**3

    a, b = 0.08984201310031807, 0.7126564030207396
    c, d = 1.7036067149699805, 0.7960835686726251
    e, h = 1.6071047529201976, 0.5686514548841313
    minima = [(a, -b), (-a, b), (c, -d), (-c, d), (e, h), (-e, -h)]
    return Surface(
        "six_hump_camel", f, g, ((-2, 2), (-1.2, 1.2)), minima, (-1.9, -1.0), 0.01,
        "six minima, two of them global (height −1.0316)",
    )


def _booth():
    def f(x, y):
        return (x + 2 * y - 7) ** 2 + (2 * x + y - 5) ** 2

    def g(x, y):
        a, b = x + 2 * y - 7, 2 * x + y - 5
        return 2 * a + 4 * b, 4 * a + 2 * b

    return Surface(
        "booth", f, g, ((-4, 6), (-2, 8)), [(1.0, 3.0)], (-3.5, -1.5), 0.02,
        "a tilted bowl: gradients point across the valley, not along it",
    )


_BUILDERS = {
    "bowl": _bowl, "ravine": _ravine, "saddle": _saddle, "rosenbrock": _rosenbrock,
    "himmelblau": _himmelblau, "beale": _beale, "rastrigin": _rastrigin,
    "six_hump_camel": _six_hump_camel, "booth": _booth,
}
NAMES = tuple(_BUILDERS)


def surface(name: str) -> Surface:
    """The named test surface: one of ``NAMES``."""
    if not isinstance(name, str) or name not in _BUILDERS:
        raise ValueError(f"unknown surface {name!r}: choose one of {', '.join(NAMES)}")
    return _BUILDERS[name]()


def smooth(heights, sigma: float) -> np.ndarray:
    """``heights`` blurred by a Gaussian of ``sigma`` cells (edges extended), two 1-D passes."""
    heights = np.asarray(heights, dtype=float)
    if sigma <= 0:
        return heights.copy()
    radius = int(np.ceil(3 * sigma))
    taps = np.exp(-0.5 * (np.arange(-radius, radius + 1) / sigma) ** 2)
    taps /= taps.sum()
    out = heights
    for axis in (0, 1):
        padded = np.pad(out, [(radius, radius) if a == axis else (0, 0) for a in (0, 1)], mode="edge")
        out = sum(w * np.take(padded, np.arange(k, k + out.shape[axis]), axis=axis)
                  for k, w in enumerate(taps))
    return out


def surface_from_heights(heights, bounds=((-1.0, 1.0), (-1.0, 1.0)), sigma: float = 2.0,
                         name: str = "your landscape") -> Surface:
    """A Surface from a grid of heights (rows × columns, row 0 at the *top*, as in an image).

    The grid is smoothed by a Gaussian of ``sigma`` cells, so balls feel
    slopes rather than pixel steps; heights between cells are interpolated
    bilinearly, and the gradient is that of the smoothed field (central
    differences, interpolated the same way). Its lowest cell is its minimum.

    >>> h = np.ones((40, 40)); h[30, 10] = 0.0  # one dark pixel, low on the left
    >>> s = surface_from_heights(h, sigma=2)
    >>> [round(v, 2) for v in s.minima[0]]
    [-0.49, -0.54]
    """
    heights = np.asarray(heights, dtype=float)
    if heights.ndim != 2 or min(heights.shape) < 3:
        raise ValueError(f"heights must be a grid of at least 3 × 3 numbers, got shape {heights.shape}")
    if not np.isfinite(heights).all():
        raise ValueError("heights contains missing or infinite values: fill them in first")
    field_ = smooth(heights, sigma)[::-1]  # row 0 at the bottom: y grows upwards
    rows, columns = field_.shape
    (x0, x1), (y0, y1) = bounds
    dx, dy = (x1 - x0) / (columns - 1), (y1 - y0) / (rows - 1)
    slope_y, slope_x = np.gradient(field_, dy, dx)

    def sample(grid, x, y):
        """Bilinear interpolation of ``grid`` at model points (x, y), clamped to the edges."""
        u = np.clip((np.asarray(x, dtype=float) - x0) / dx, 0, columns - 1)
        v = np.clip((np.asarray(y, dtype=float) - y0) / dy, 0, rows - 1)
        i, j = np.minimum(v.astype(int), rows - 2), np.minimum(u.astype(int), columns - 2)
        t, s = v - i, u - j
        return ((1 - t) * ((1 - s) * grid[i, j] + s * grid[i, j + 1])
                + t * ((1 - s) * grid[i + 1, j] + s * grid[i + 1, j + 1]))

    lowest = np.unravel_index(int(np.argmin(field_)), field_.shape)
    minimum = (float(x0 + lowest[1] * dx), float(y0 + lowest[0] * dy))
    span = float(field_.max() - field_.min()) or 1.0
    return Surface(name, lambda x, y: sample(field_, x, y),
                   lambda x, y: (sample(slope_x, x, y), sample(slope_y, x, y)), tuple(map(tuple, bounds)),
                   [minimum], (0.0, 0.0), 0.02 * max(x1 - x0, y1 - y0) ** 2 / span,
                   "hills and valleys of your own")


def surface_from_image(image, bounds=((-1.0, 1.0), (-1.0, 1.0)), sigma: float = 2.0,
                       size: int = 160) -> Surface:
    """A Surface whose height is an image's brightness (dark = low): a path, or an array.

    A name with no folder that is not a file here is a bundled image
    (``"valleys"``, see ``resources.images()``). The image is turned grey and
    scaled to at most ``size`` cells a side; a file that is missing or not an
    image raises ValueError saying so.
    """
    if isinstance(image, np.ndarray):
        grey, name = (image.mean(axis=2) if image.ndim == 3 else image.astype(float)), "an image"
    else:
        from PIL import Image  # only when reading a file

        from ..files import small_picture

        try:
            image = resources.image(image)
        except FileNotFoundError as error:
            raise ValueError(str(error)) from None
        picture = small_picture(image, size, Image.Resampling.BICUBIC).convert("L")
        grey, name = np.asarray(picture, dtype=float), Path(image).name
    return surface_from_heights(grey / 255.0, bounds, sigma, name=name)
