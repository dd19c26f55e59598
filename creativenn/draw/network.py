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

from .. import colors
from ..layout import edge_segments, neuron_positions, neuron_radius
from .base import current_sketch, label

LEVELS = 16
_RANGES = {"sigmoid": (0.0, 1.0), "softmax": (0.0, 1.0), "tanh": (-1.0, 1.0)}


def activation_range(activation: str, values: np.ndarray) -> tuple[float, float]:
    """The (low, high) that maps a layer's activations to dark … bright."""
    if activation in _RANGES:
        return _RANGES[activation]
    top = max(1.0, float(np.max(np.abs(values)))) if values.size else 1.0
    return (-top, top) if np.min(values, initial=0.0) < 0 else (0.0, top)


def edge_buckets(weights, positions, scale: float):
    """[(color, width, segments (n, 4))] for every non-empty bucket, weakest first."""
    segments = np.concatenate([edge_segments(positions, l).reshape(-1, 4) for l in range(len(weights))])
    w = np.concatenate([W.ravel() for W in weights])
    level = np.minimum((np.abs(w) / scale * LEVELS).astype(int), LEVELS - 1)
    key = level * 2 + (w > 0)
    order = np.argsort(key, kind="stable")
    keys, starts = np.unique(key[order], return_index=True)
    buckets = []
    for k, start, stop in zip(keys, starts, [*starts[1:], len(order)], strict=True):
        middle = (k // 2 + 0.5) / LEVELS * scale * (1 if k % 2 else -1)
        buckets.append((colors.weight_color(middle, scale), float(colors.weight_width(middle, scale)),
                        segments[order[start:stop]]))
    return buckets


def draw_network(net, x: float, y: float, w: float, h: float, sample=None, *, scale: float = 2.0,
                 labels: bool = False, radius: float | None = None, sketch=None) -> list[np.ndarray]:
    """Draw ``net`` inside (x, y, w, h); light the neurons with ``sample``'s activations.

    Returns the neuron positions (one (n, 2) array per layer), for hit-testing.
    """
    s = current_sketch(sketch)
    r = radius
    positions = neuron_positions(net.sizes, x, y, w, h)
    if r is None:
        r = neuron_radius(positions)
        positions = neuron_positions(net.sizes, x + r, y + r, w - 2 * r, h - 2 * r)
    s.stroke_cap(py5.ROUND)
    for color, width, segments in edge_buckets(net.weights, positions, scale):
        s.stroke(*color)
        s.stroke_weight(width)
        s.lines(segments.astype(np.float32))
    layer_activations = net.activations(sample) if sample is not None else None
    names = ["linear"] + [net.activation] * (len(net.sizes) - 2) + [net.output_activation]
    s.stroke(*colors.MUTED)
    s.stroke_weight(1.5)
    for l, centres in enumerate(positions):
        if layer_activations is None:
            fills = np.tile(np.array(colors.OFF, np.uint8), (len(centres), 1))
        else:
            a = layer_activations[l]
            fills = colors.activation_color(a, *activation_range(names[l], a))
        for (cx, cy), fill in zip(centres, fills, strict=True):
            s.fill(*(int(c) for c in fill))
            s.circle(cx, cy, 2 * r)
        if labels and layer_activations is not None and r >= 11:
            for (cx, cy), a in zip(centres, layer_activations[l], strict=True):
                text_color = colors.BACKGROUND if a > sum(activation_range(names[l], a)) / 2 else colors.INK
                label(f"{a:.2f}", cx, cy - 6, 10, text_color, align="center", sketch=s)
    return positions
