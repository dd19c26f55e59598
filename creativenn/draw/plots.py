"""The data side: the decision field over the input plane, the points, the loss curve, a boundary
line, rings and pixel images. Tags like (P1) name equations of docs/maths.md."""

from __future__ import annotations

import numpy as np
import py5

from ..maths import activations
from ..picture import colors
from ..picture.layout import Mapping, resample
from .base import cache, clipped, current_sketch, font, label, panel


def field_image(net, mapping: Mapping, resolution: int = 100, low=None, high=None,
                size: tuple[int, int] | None = None, neuron: tuple[int, int] | None = None,
                discrete: bool = False) -> np.ndarray:
    """The decision field as an RGB image (rows × columns × 3, uint8).

    The network's output at the centre of each of resolution × resolution
    cells, in one vectorized forward pass; resampled bilinearly to ``size``
    (columns, rows) when given, so the boundary is smooth at any size; then
    coloured by ``colors.field_colors``. ``neuron=(layer, k)`` paints that
    one neuron's activation instead: its own field, over its activation's range.
    ``discrete``: each place in its guess's full colour, no shades of how sure
    (TensorFlow Playground's "discretize output"): the largest output, or one
    output above or below the middle of its range.
    """
    points = mapping.grid(resolution, resolution)
    if neuron is None:
        outputs, name = net.forward(points), net.output_activation
    else:
        layer, k = neuron
        outputs, name = net.activations(points)[layer][:, [k]], net.activation_of(layer)
    if outputs.shape[1] == 1 and (low is None or high is None):
        low, high = activations.value_range(name) or (outputs.min(), outputs.max() + 1e-12)
    grid = outputs.reshape(resolution, resolution, -1)
    if size is not None:
        grid = np.moveaxis(resample(np.moveaxis(grid, -1, 0), size[1], size[0]), 0, -1)
    low, high = low if low is not None else 0.0, high if high is not None else 1.0
    if discrete and grid.shape[-1] > 1:
        grid = (grid == grid.max(axis=-1, keepdims=True)).astype(float)  # one-hot: the guess, sure
    elif discrete:
        grid = np.where(grid >= (low + high) / 2, high, low)
    return colors.field_colors(grid, low, high)


def draw_decision_field(net, mapping: Mapping, resolution: int = 100, low=None, high=None,
                        neuron: tuple[int, int] | None = None, discrete: bool = False,
                        sketch=None) -> np.ndarray:
    """Paint the network's output (or one ``neuron``'s) over ``mapping``'s rectangle; returns the image.

    Computed at resolution × resolution and resampled to the rectangle's
    pixels, so it is drawn 1:1 (py5 would scale it without interpolation).
    """
    s = current_sketch(sketch)
    x, y, w, h = mapping.rect
    rgb = field_image(net, mapping, resolution, low, high, size=(int(w), int(h)), neuron=neuron,
                      discrete=discrete)
    images, key = cache(s), ("field", int(w), int(h))
    images[key] = s.create_image_from_numpy(rgb, bands="RGB", dst=images.get(key))
    s.image(images[key], x, y)
    return rgb


def class_labels(Y) -> np.ndarray:
    """Each sample's class: argmax of one-hot rows, or a single column thresholded."""
    Y = np.asarray(Y)
    if Y.ndim == 2 and Y.shape[1] > 1:
        return Y.argmax(axis=1)
    y = Y.reshape(-1)
    return (y > (0.5 if y.min() >= 0 else 0.0)).astype(int)


def draw_points(X, Y, mapping: Mapping, size: float = 9, *, test=None, values=None,
                sketch=None) -> None:
    """Data points coloured by class, with a dark outline so they read on any field.

    ``test``: a boolean mask of the points held out for testing, drawn with a
    light outline instead. ``values=(low, high)``: Y holds values of a
    regression, coloured like a one-output decision field over that range.

    The points are drawn once into a transparent offscreen image and pasted
    on later frames until the data (or the mapping) changes: antialiased
    circles are slow to rasterize, pasting is not.
    """
    s = current_sketch(sketch)
    X, Y = np.asarray(X, dtype=float).reshape(-1, 2), np.asarray(Y, dtype=float)
    test = np.zeros(len(X), bool) if test is None else np.asarray(test, bool)
    store = cache(s)
    key = ("points", X.tobytes(), Y.tobytes(), test.tobytes(), values, mapping.bounds, mapping.rect, size)
    x, y, w, h = mapping.rect
    pad = size + 4
    if store.get("points key") != key:
        g = store.get("points layer")
        if g is None or (g.width, g.height) != (int(w + 2 * pad), int(h + 2 * pad)):
            g = store["points layer"] = s.create_graphics(int(w + 2 * pad), int(h + 2 * pad))
        local = Mapping(mapping.bounds, (pad, pad, w, h))
        g.begin_draw()
        g.clear()
        if len(X):
            _points(g, X, Y, test, values, local, size)
        g.end_draw()
        store["points key"] = key
    s.image(store["points layer"], x - pad, y - pad)


def _points(g, X, Y, test, values, mapping: Mapping, size: float) -> None:
    sx, sy = mapping.to_screen(X[:, 0], X[:, 1])
    points = np.column_stack([sx, sy]).astype(np.float32)
    g.stroke_cap(py5.ROUND)
    for outline, where in ((colors.BACKGROUND, ~test), (colors.INK, test)):
        g.stroke(*outline)
        g.stroke_weight(size + 3)
        if where.any():
            g.points(points[where])
    g.stroke_weight(size)
    if values is not None:  # a regression: one colour per point, drawn only when the data change
        fills = colors.field_colors(Y.reshape(-1, 1), *values, strength=1.0)
        for (px, py), fill in zip(points, fills, strict=True):
            g.stroke(*(int(c) for c in fill))
            g.point(float(px), float(py))
        return
    labels = class_labels(Y)
    for k in np.flatnonzero(np.bincount(labels)):  # the classes present (np.unique would import numpy.ma)
        g.stroke(*colors.class_color(k))
        g.points(points[labels == k])


def moving_average(values, window: int) -> np.ndarray:
    """The mean of each value and the ``window - 1`` before it (fewer at the start)."""
    values = np.asarray(values, dtype=float)
    sums = np.cumsum(np.concatenate([[0.0], values]))
    i = np.arange(1, values.size + 1)
    start = np.maximum(i - window, 0)
    return (sums[i] - sums[start]) / (i - start)


def draw_loss_curve(history, x: float, y: float, w: float, h: float, *, log: bool = True,
                    title: str = "loss", color=colors.ON, smooth: int | None = None,
                    limits: tuple[float, float] | None = None, steps: str = "steps", first: int = 1,
                    sketch=None) -> None:
    """The loss over training steps (log scale by default), raw and smoothed.

    Mini-batch losses are noisy; the raw curve is drawn faint and a moving
    average of ``smooth`` steps (default: 1/40 of the history) bright, and
    the smoothed latest value is written at the top right. ``limits`` fixes
    the (lowest, highest) loss shown, so several curves can share one scale.
    """
    draw_loss_curves([("", history, color)], x, y, w, h, log=log, title=title, smooth=smooth,
                     limits=limits, steps=steps, first=first, sketch=current_sketch(sketch))


def draw_loss_curves(curves, x: float, y: float, w: float, h: float, *, log: bool = True,
                     title: str = "loss", smooth: int | None = None,
                     limits: tuple[float, float] | None = None, steps: str = "steps", first: int = 1,
                     sketch=None) -> None:
    """Several loss curves on one scale, with axes: ``curves`` is a list of (name, history, colour).

    Each is drawn raw (faint) and as a moving average of ``smooth`` points
    (bright; default 1/40 of the history); their latest smoothed values are
    written at the top right, each in its colour after its name (train and
    test loss, say). The left axis is ticked at powers of ten (``log``) or
    at round values; the bottom axis counts the points, named by ``steps``,
    from ``first`` (1: a loss per step; 0: a history that starts with the
    value before any step). ``limits`` fixes the (lowest, highest) value shown, so
    several charts can share one scale. Everything stays inside (x, y, w, h).
    """
    s = current_sketch(sketch)
    label(title, x, y, 13, colors.MUTED, sketch=s)
    series = []
    for name, history, color in curves:
        values = np.asarray(history, dtype=float)
        values = values[np.isfinite(values)]
        if values.size >= 2:
            series.append((name, values, color, moving_average(values, smooth or max(1, values.size // 40))))

    def height(v):
        return np.log10(np.maximum(v, 1e-12)) if log else v

    if limits:
        lo, hi = (float(v) for v in height(np.array(limits)))
    elif series:
        lo = min(float(height(values).min()) for _, values, _, _ in series)
        hi = max(float(height(values).max()) for _, values, _, _ in series)
    else:
        lo, hi = 0.0, 1.0
    hi = hi if hi > lo else lo + 1
    left, top, bottom = x + AXIS_GUTTER, y + 30, y + h - 18  # room for the tick labels and the step axis
    s.stroke(*colors.NEUTRAL)
    s.stroke_weight(1)
    s.line(left, bottom, x + w, bottom)
    ticks = axis_ticks(lo, hi, log)
    if len(ticks) >= 2:  # a short chart: every k-th tick, so their labels (12 px) never touch
        gap = float(np.diff([v for v, _ in ticks]).min()) / (hi - lo) * (bottom - top)
        ticks = ticks[:: max(1, int(np.ceil(17 / max(gap, 1e-9))))]
    for value, text in ticks:
        ty = bottom - (value - lo) / (hi - lo) * (bottom - top)
        s.stroke(*colors.mix(colors.BACKGROUND, colors.NEUTRAL, 0.45))
        s.line(left, ty, x + w, ty)
        label(text, left - 6, ty - 7, 12, colors.MUTED, align="right", kind="mono", sketch=s)
    longest = max((values.size for _, values, _, _ in series), default=0)
    label(str(first), left, bottom + 3, 12, colors.MUTED, kind="mono", sketch=s)
    last = first + max(longest - 1, 0)
    label(f"{last} {steps}", x + w, bottom + 3, 12, colors.MUTED, align="right", kind="mono", sketch=s)
    right = x + w
    for name, values, color, smoothed in reversed(series):
        # antialiased segments cost ~8 µs each to rasterize: the noisy curve gets one every
        # 3 pixels, the smooth one every 6, where neither looks any different
        span = (left, left + (x + w - left) * (values.size - 1) / max(longest - 1, 1))
        raw = values[np.linspace(0, values.size - 1, min(values.size, int(w / 3))).astype(int)]
        keep = np.linspace(0, values.size - 1, min(values.size, int(w / 6))).astype(int)
        faint = tuple(int(c) for c in colors.mix(colors.BACKGROUND, color, 0.3))  # not alpha: slow
        for points, stroke, weight in ((raw, faint, 1), (smoothed[keep], color, 2.5)):
            px = np.linspace(*span, points.size)
            py = bottom - (np.clip(height(points), lo, hi) - lo) / (hi - lo) * (bottom - top)
            s.stroke(*stroke)
            s.stroke_weight(weight)
            s.lines(np.column_stack([px[:-1], py[:-1], px[1:], py[1:]]).astype(np.float32))
        last = smoothed[-1]
        value = f"{last:.4f}" if abs(last) >= 1e-3 or last == 0 else f"{last:.2e}"  # tiny losses: 3.1e-05
        text = f"{name} {value}" if name else value
        right -= label(text, right, y, 13, colors.INK if not name else color, align="right", kind="mono",
                       sketch=s).w + 18


AXIS_GUTTER = 44  # pixels left of a chart for its tick labels


def _draw_map_ticks(mapping: Mapping, s, name_width: float = 110) -> None:
    """Round values along a map's bottom and left edges, each at a short tick mark; none where the
    axis names go (the bottom right, ``name_width`` pixels of it; the top left)."""
    x, y, w, h = mapping.rect
    (x0, x1), (y0, y1) = mapping.bounds
    s.stroke(*colors.MUTED)
    s.stroke_weight(1)
    for value, text in axis_ticks(x0, x1, log=False):
        sx = mapping.to_screen(value, y0)[0]
        if x + 10 <= sx <= x + w - name_width - 20:
            s.line(sx, y + h, sx, y + h + 4)
            label(text, sx, y + h + 5, 12, colors.MUTED, align="center", kind="mono", sketch=s)
    for value, text in axis_ticks(y0, y1, log=False):
        sy = mapping.to_screen(x0, value)[1]
        if y + 30 <= sy <= y + h - 10:  # inside the map, on a dark plate: it reads over any colour
            s.text_font(font(12, "mono", s), 12)
            panel(x, sy - 9, s.text_width(text) + 10, 18, colors.BACKGROUND, 3, sketch=s)
            label(text, x + 5, sy - 8, 12, colors.INK, kind="mono", sketch=s)


def axis_ticks(lo: float, hi: float, log: bool) -> list[tuple[float, str]]:
    """(where, what to write) for a chart's left axis between lo and hi: powers of ten on a log
    scale (1, 2, 5 of a decade when less shows; round values when even those are too far apart),
    else two to five round values."""
    if log:
        decades = range(int(np.ceil(lo - 1e-9)), int(np.floor(hi + 1e-9)) + 1)
        if len(decades) >= 2:
            every = -(-len(decades) // 5)  # at most about five, evenly
            return [(float(k), _power(10.0 ** k)) for k in decades if k % every == 0]
        # 1, 2 and 5 of each decade: near-even steps on a log axis
        steps = [(t, _power(10 ** t)) for k in range(int(np.floor(lo)), int(np.ceil(hi)) + 1)
                 for t in (k + np.log10((1, 2, 5))) if lo - 1e-9 <= t <= hi + 1e-9]
        if len(steps) >= 2:
            return steps
        return [(float(np.log10(v)), text) for v, text in axis_ticks(10 ** lo, 10 ** hi, log=False) if v > 0]
    step = 10 ** np.floor(np.log10((hi - lo) / 4))
    step = next(step * m for m in (1, 2, 5, 10) if (hi - lo) / (step * m) <= 5)
    values = np.arange(np.ceil(lo / step), np.floor(hi / step + 1e-9) + 1) * step  # whole steps: 0 is 0
    return [(float(v), f"{v + 0.0:.10g}") for v in values]  # + 0.0: never "-0"


def _power(v: float) -> str:
    """A tick value short: 0.01 … 1000 as they are, else 1e-5, 2e+06."""
    return f"{v:g}" if 1e-2 <= v < 1e4 else f"{v:.0e}".replace("e-0", "e-").replace("e+0", "e")


def draw_pixels(values, x: float, y: float, size: int, sketch=None) -> None:
    """A small grey image (rows × columns, 0 … 1: an input digit, say) drawn ``size`` pixels wide,
    every value a crisp square: each one is an input neuron, and should look like one."""
    s = current_sketch(sketch)
    values = np.asarray(values, dtype=float)
    rows, columns = values.shape
    scale = -(-size // columns)
    grey = (np.clip(values, 0, 1) * 255).astype(np.uint8)
    big = np.repeat(np.repeat(grey, scale, axis=0), scale, axis=1)[: rows * size // columns, :size]
    store, rgb = cache(s), np.ascontiguousarray(np.stack([big] * 3, axis=-1))
    store["pixels"] = s.create_image_from_numpy(rgb, bands="RGB", dst=store.get("pixels"))  # refilled
    s.image(store["pixels"], x, y)


def draw_boundary(a: float, b: float, c: float, mapping: Mapping, color=colors.ON, weight: float = 3,
                  dashed: bool = False, sketch=None) -> None:
    """The line a x + b y + c = 0 across ``mapping``'s rectangle (clipped to it): a perceptron's
    boundary w₀ x + w₁ y + b = 0 (P1, docs/maths.md), or a rule, ``dashed``."""
    s = current_sketch(sketch)
    (x0, x1), (y0, y1) = mapping.bounds
    if abs(b) > 1e-12:
        xs = np.array([x0, x1])
        ends = mapping.to_screen(xs, -(a * xs + c) / b)
    elif abs(a) > 1e-12:  # vertical: x = −c / a
        ends = mapping.to_screen(np.full(2, -c / a), np.array([y0, y1]))
    else:
        return  # 0 = c: no line to draw
    (sx0, sx1), (sy0, sy1) = ends
    with clipped(mapping.rect, s):
        s.stroke(*color)
        s.stroke_weight(weight)
        if dashed:
            t = np.arange(0, 1, 0.04)[:, None]
            dash = np.hstack([sx0 + (sx1 - sx0) * t, sy0 + (sy1 - sy0) * t,
                              sx0 + (sx1 - sx0) * (t + 0.02), sy0 + (sy1 - sy0) * (t + 0.02)])
            s.lines(dash.astype(np.float32))
        else:
            s.line(sx0, sy0, sx1, sy1)


def draw_rings(xs, ys, mapping: Mapping, diameter: float = 22, color=colors.ON, weight: float = 2.5,
               sketch=None) -> None:
    """A ring around each model point (xs[i], ys[i]): the sample being shown, the points of a step."""
    s = current_sketch(sketch)
    s.no_fill()
    s.stroke(*color)
    s.stroke_weight(weight)
    for sx, sy in zip(*(np.atleast_1d(v) for v in mapping.to_screen(xs, ys)), strict=True):
        s.circle(float(sx), float(sy), diameter)


def draw_class_legend(mapping: Mapping, names=("class 0", "class 1"), size: float = 13, sketch=None) -> None:
    """Which colour is which class: a dot of each class's colour and its name, in one line under the
    map's bottom left (where ``draw_axis_names`` leaves room: it writes x₁ at the right)."""
    s = current_sketch(sketch)
    x, y, _, h = mapping.rect
    for k, name in enumerate(names):
        s.no_stroke()
        s.fill(*colors.class_color(k))
        s.circle(x + 6, y + h + 6 + size * 0.55, size * 0.8)
        x = label(name, x + 6 + size * 0.8, y + h + 5, size, colors.MUTED, sketch=s).right + 14


def draw_value_legend(mapping: Mapping, low: float, high: float, strength: float = 0.45, size: float = 13,
                      sketch=None) -> None:
    """Which colour is which value, for a one-output field over (low, high): "low", a strip of the
    field's colours, "high", under the map's bottom left (where a class legend would be)."""
    s = current_sketch(sketch)
    x, y, _, h = mapping.rect
    right = label(f"{low:+.2f}", x, y + h + 5, size, colors.MUTED, kind="mono", sketch=s).right + 6
    steps = colors.field_colors(np.linspace(low, high, 40)[:, None], low, high, strength)
    s.no_stroke()
    for k, color in enumerate(steps):  # 40 opaque rectangles: cheap to rasterise
        s.fill(*(int(c) for c in color))
        s.rect(right + 3 * k, y + h + 7, 3, size - 2)
    label(f"{high:+.2f}", right + 126, y + h + 5, size, colors.MUTED, kind="mono", sketch=s)


def draw_axis_names(mapping: Mapping, x_name: str, y_name: str, classes=None, ticks: bool = False,
                    sketch=None) -> None:
    """What a map's two axes are: "x_name →" under its bottom right, "y_name ↑" inside its top left;
    with ``classes`` (their names, or how many), which colour is which under its bottom left; with
    ``ticks``, round values along both axes (under the bottom edge, inside the left one)."""
    s = current_sketch(sketch)
    if ticks:
        s.text_font(font(12, "sans", s), 12)
        _draw_map_ticks(mapping, s, max(90.0, s.text_width(f"{x_name} →")))
    if classes:
        names = [f"class {k}" for k in range(classes)] if isinstance(classes, int) else classes
        draw_class_legend(mapping, names, sketch=s)
    x, y, w, h = mapping.rect
    label(f"{x_name} →", x + w, y + h + 5, 12, colors.MUTED, align="right", sketch=s)
    label(f"{y_name} ↑", x + 4, y + 4, 12, colors.INK, sketch=s)
