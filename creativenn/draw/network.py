"""The network diagram: neurons lit by their activations, edges coloured by their weights.

Edges follow ``colors.weight_color`` (orange negative, blue positive,
full colour at ``|w| ≥ scale``) and ``colors.weight_width``. For speed they
are drawn in buckets: |w| is cut into ``LEVELS`` steps per sign, and each
bucket is one vectorized ``lines()`` call in one colour and width, weakest
first so strong edges lie on top. A bucket's colour and width are those of
its middle, so no edge is off by more than 1/(2·LEVELS) of ``scale``.
"""

from __future__ import annotations

import numpy as np
import py5

from ..maths import activations
from ..picture import colors
from ..picture.layout import diagram_layout, edge_segments
from .base import LayerOnAThread, cache, current_sketch, draw_segments, label

LEVELS = 16
DENSE = 1000  # more edges than this are drawn aliased, offscreen: 15× faster (bench/dense_diagram.py)
STRIP = 4.0  # a layer whose neurons are closer than this (pixels) is drawn as a strip of colour
CROWDED = 1000  # a layer with more edges than this draws them all 1 px wide: thicker ones
#                 would hide the rest, so there colour alone tells a weight's sign and size


def activation_range(activation: str, values: np.ndarray) -> tuple[float, float]:
    """The (low, high) that maps a layer's activations to dark … bright."""
    bounded = activations.value_range(activation)
    if bounded:
        return bounded
    top = max(1.0, float(np.max(np.abs(values)))) if values.size else 1.0
    return (-top, top) if np.min(values, initial=0.0) < 0 else (0.0, top)


def edge_buckets(weights, positions, scale):
    """[(color, width, segments (n, 4))] for every non-empty bucket, weakest first.

    ``scale`` is the |w| that gets the full colour and width: one number for
    the whole network, or one per layer (to see the structure of a layer
    whose weights are all small, like the 784 inputs of a digit network).
    """
    segments = np.concatenate([edge_segments(positions, l).reshape(-1, 4) for l in range(len(weights))])
    w = np.concatenate([W.ravel() for W in weights])
    scales = np.broadcast_to(np.asarray(scale, dtype=float), (len(weights),))
    sizes = [W.size for W in weights]
    t = np.abs(w) / np.repeat(scales, sizes)  # 1 = full colour
    crowded = np.repeat([n > CROWDED for n in sizes], sizes)
    level = np.minimum((t * LEVELS).astype(int), LEVELS - 1)
    key = level * 4 + crowded * 2 + (w > 0)
    order = np.argsort(key, kind="stable")
    keys, starts = np.unique(key[order], return_index=True)
    styles = _bucket_styles()
    return [(*styles[k], segments[order[start:stop]])
            for k, start, stop in zip(keys, starts, [*starts[1:], len(order)], strict=True)]


_STYLES: list = []


def _bucket_styles() -> list:
    """(colour, width) of every bucket key, computed once: the colour of each level's middle."""
    if not _STYLES:
        for k in range(LEVELS * 4):
            middle = (k // 4 + 0.5) / LEVELS * (1 if k % 2 else -1)
            width = 1.0 if k // 2 % 2 else float(colors.weight_width(middle))
            _STYLES.append((colors.weight_color(middle), width))
    return _STYLES


class EdgeLayer:
    """A network's edges drawn on a thread of their own, while the sketch draws the rest of its frame.

    ``start(net)`` early in ``draw()`` works out this frame's edges (from the weights as they are
    now) and has them drawn, antialiased, into a transparent layer over the diagram's box (x, y,
    w, h) on a second thread; ``draw_network(..., edges=layer)`` later waits for them and pastes
    them under the neurons. The picture is the one ``draw_network`` draws by itself; the two
    cores draw it. (JPype lets go of Python's lock while Java rasterizes.)
    """

    PAD = 12  # pixels around the box: round caps of the widest edges reach past a neuron's centre

    def __init__(self, x: float, y: float, w: float, h: float):
        self.box, self.layer, self._started = (x, y, w, h), None, False

    def start(self, net, scale=2.0, sketch=None) -> None:
        """Draw ``net``'s edges into the layer, on the other thread (see ``edge_buckets`` for ``scale``)."""
        s = current_sketch(sketch)
        if self.layer is None or self.layer.sketch is not s:  # made on the first frame, by the running sketch
            w, h = (int(np.ceil(v)) + 2 * self.PAD for v in self.box[2:])
            self.layer = LayerOnAThread(w, h, s)
        self._started = sum(W.size for W in net.weights) <= DENSE  # draw_network pastes those its own way
        if not self._started:
            return
        buckets = edge_buckets(net.weights, diagram_layout(net.sizes, *self.box)[0], scale)  # from now
        left, top = self.box[0] - self.PAD, self.box[1] - self.PAD

        def paint(g):
            g.clear()
            g.translate(-left, -top)
            g.stroke_cap(py5.ROUND)
            for color, width, segments in buckets:
                g.stroke(*color)
                g.stroke_weight(width)
                draw_segments(g, segments)

        self.layer.add(paint)

    def paste(self) -> bool:
        """The edges started last, under what is drawn next; False if there are none to paste."""
        if not self._started:
            return False
        self._started = False
        self.layer.paste(self.box[0] - self.PAD, self.box[1] - self.PAD)
        return True


def draw_network(net, x: float, y: float, w: float, h: float, sample=None, *, scale=2.0,
                 labels: bool = False, radius: float | None = None, vector: bool = False,
                 edges: EdgeLayer | None = None, sketch=None) -> list[np.ndarray]:
    """Draw ``net`` inside (x, y, w, h); light the neurons with ``sample``'s activations.

    Dense networks (more than ``DENSE`` edges, like 3Blue1Brown's 784-16-16-10)
    have their edges drawn without antialiasing into an offscreen image, and
    layers too crowded for circles (neurons closer than ``STRIP`` pixels)
    drawn as a strip of their colours: every edge and neuron is still drawn
    in its own colour, at 20× the speed. ``scale``: see ``edge_buckets``.
    ``vector=True`` (for SVG, see ``save_svg``) draws every edge as a line of
    its own exact colour and width and every neuron as a circle, at any size.
    ``edges``: an ``EdgeLayer`` started earlier in the frame, whose edges are pasted
    instead of drawn here.
    Returns the neuron positions (one (n, 2) array per layer), for hit-testing.
    """
    s = current_sketch(sketch)
    positions, radii = diagram_layout(net.sizes, x, y, w, h)
    if radius is not None:
        radii = [radius] * len(positions)
    if vector:
        _draw_edges_exactly(s, net.weights, positions, scale)
    elif edges is not None and edges.paste():
        pass  # drawn meanwhile, on the other thread
    elif sum(W.size for W in net.weights) > DENSE:
        _draw_edges_offscreen(s, edge_buckets(net.weights, positions, scale), x, y, w, h)
    else:
        s.stroke_cap(py5.ROUND)
        for color, width, segments in edge_buckets(net.weights, positions, scale):
            s.stroke(*color)
            s.stroke_weight(width)
            draw_segments(s, segments)
    layer_activations = net.activations(sample) if sample is not None else None
    for l, (centres, r) in enumerate(zip(positions, radii, strict=True)):
        if layer_activations is None:
            fills = np.tile(np.array(colors.OFF, np.uint8), (len(centres), 1))
        else:
            a = layer_activations[l]
            fills = colors.activation_color(a, *activation_range(net.activation_of(l), a))
        spacing = np.min(np.diff(centres[:, 1])) if len(centres) > 1 else np.inf
        if spacing < STRIP and not vector:
            _draw_strip(s, centres, fills)
            continue
        s.stroke(*colors.MUTED)
        s.stroke_weight(1.5 if r > 4 else 0.75)
        for (cx, cy), fill in zip(centres, fills, strict=True):
            s.fill(*(int(c) for c in fill))
            s.circle(cx, cy, 2 * r)
        features = getattr(net, "features", None)  # inputs computed from (x1, x2): named
        if l == 0 and features is not None and not vector:
            for (cx, cy), text in zip(centres, features.labels, strict=True):
                label(text, cx - r - 6, cy - 8, 13, colors.INK, align="right", sketch=s)
        if labels and layer_activations is not None and r >= 11:
            for (cx, cy), a in zip(centres, layer_activations[l], strict=True):
                middle = sum(activation_range(net.activation_of(l), a)) / 2
                text_color = colors.BACKGROUND if a > middle else colors.INK
                label(f"{a:.2f}", cx, cy - 6, 10, text_color, align="center", sketch=s)
    return positions


def _draw_edges_exactly(s, weights, positions, scale):
    """One line per edge in its weight's own colour and width, weakest first (for vector output)."""
    scales = np.broadcast_to(np.asarray(scale, dtype=float), (len(weights),))
    s.stroke_cap(py5.ROUND)
    edges = [(abs(w) / k, w, k, segment) for l, (W, k) in enumerate(zip(weights, scales, strict=True))
             for w, segment in zip(W.ravel(), edge_segments(positions, l).reshape(-1, 4), strict=True)]
    for _, w, k, (x1, y1, x2, y2) in sorted(edges, key=lambda edge: edge[0]):
        s.stroke(*colors.weight_color(w, k))
        s.stroke_weight(float(colors.weight_width(w, k)))
        s.line(float(x1), float(y1), float(x2), float(y2))


def _draw_edges_offscreen(s, buckets, x, y, w, h):
    """Edges drawn aliased into a transparent image the size of the diagram, then pasted."""
    store, key = cache(s), ("edges", round(w), round(h))
    if key not in store:
        g = s.create_graphics(int(np.ceil(w)), int(np.ceil(h)))
        g.no_smooth()
        store[key] = g
    g = store[key]
    g.begin_draw()
    g.clear()
    g.stroke_cap(py5.SQUARE)
    for color, width, segments in buckets:
        g.stroke(*color)
        g.stroke_weight(width)
        draw_segments(g, segments - [x, y, x, y])
    g.end_draw()
    s.image(g, x, y)


def _draw_strip(s, centres, fills):
    """A crowded layer as a 4-pixel-wide strip, one band of colour per neuron."""
    store, key = cache(s), ("strip", len(centres))
    image = np.ascontiguousarray(fills[:, None, :])  # (n, 1, 3): one pixel per neuron
    store[key] = s.create_image_from_numpy(image, bands="RGB", dst=store.get(key))
    top, bottom = centres[0, 1], centres[-1, 1]
    step = (bottom - top) / max(len(centres) - 1, 1)
    s.image(store[key], centres[0, 0] - STRIP / 2, top - step / 2, STRIP, bottom - top + step)


def draw_weight_legend(x: float, y: float, scale: float, sketch=None) -> None:
    """What an edge's colour and width say: a short line of each sign, and "thicker = larger |w|"."""
    s = current_sketch(sketch)
    s.stroke_weight(5)
    for i, (w, text) in enumerate([(-scale, "negative weight"), (scale, "positive weight")]):
        s.stroke(*colors.weight_color(w, scale))
        s.line(x + i * 200, y + 8, x + 30 + i * 200, y + 8)
        label(text, x + 40 + i * 200, y, 14, sketch=s)
    label("thicker = larger |w|", x + 400, y, 14, colors.MUTED, sketch=s)
