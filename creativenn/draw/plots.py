"""The data side: the decision field over the input plane, the points, the loss curve."""

from __future__ import annotations

import numpy as np
import py5

from .. import colors
from ..layout import Mapping
from .base import cache, current_sketch, label

_OUTPUT_RANGES = {"sigmoid": (0.0, 1.0), "tanh": (-1.0, 1.0)}


def field_image(net, mapping: Mapping, resolution: int = 100, low=None, high=None) -> np.ndarray:
    """The decision field as an RGB image (resolution × resolution × 3, uint8).

    The network's output at the centre of every cell, in one vectorized
    forward pass, coloured by ``colors.field_colors``.
    """
    outputs = net.forward(mapping.grid(resolution, resolution))
    if outputs.shape[1] == 1 and (low is None or high is None):
        low, high = _OUTPUT_RANGES.get(net.output_activation, (outputs.min(), outputs.max() + 1e-12))
    rgb = colors.field_colors(outputs, low if low is not None else 0.0, high if high is not None else 1.0)
    return rgb.reshape(resolution, resolution, 3)


def draw_decision_field(net, mapping: Mapping, resolution: int = 100, low=None, high=None,
                        sketch=None) -> np.ndarray:
    """Paint the network's output over ``mapping``'s rectangle; returns the image drawn."""
    s = current_sketch(sketch)
    rgb = field_image(net, mapping, resolution, low, high)
    images, key = cache(s), ("field", resolution)
    images[key] = s.create_image_from_numpy(rgb, bands="RGB", dst=images.get(key))
    x, y, w, h = mapping.rect
    s.image(images[key], x, y, w, h)
    return rgb


def class_labels(Y) -> np.ndarray:
    """Each sample's class: argmax of one-hot rows, or a single column thresholded."""
    Y = np.asarray(Y)
    if Y.ndim == 2 and Y.shape[1] > 1:
        return Y.argmax(axis=1)
    y = Y.reshape(-1)
    return (y > (0.5 if y.min() >= 0 else 0.0)).astype(int)


def draw_points(X, Y, mapping: Mapping, size: float = 9, sketch=None) -> None:
    """Data points coloured by class, with a dark outline so they read on any field."""
    s = current_sketch(sketch)
    sx, sy = mapping.to_screen(np.asarray(X)[:, 0], np.asarray(X)[:, 1])
    points = np.column_stack([sx, sy]).astype(np.float32)
    labels = class_labels(Y)
    s.stroke_cap(py5.ROUND)
    s.stroke(*colors.BACKGROUND)
    s.stroke_weight(size + 3)
    s.points(points)
    s.stroke_weight(size)
    for k in np.unique(labels):
        s.stroke(*colors.class_color(k))
        s.points(points[labels == k])


def moving_average(values, window: int) -> np.ndarray:
    """The mean of each value and the ``window - 1`` before it (fewer at the start)."""
    values = np.asarray(values, dtype=float)
    sums = np.cumsum(np.concatenate([[0.0], values]))
    i = np.arange(1, values.size + 1)
    start = np.maximum(i - window, 0)
    return (sums[i] - sums[start]) / (i - start)


def draw_loss_curve(history, x: float, y: float, w: float, h: float, *, log: bool = True,
                    title: str = "loss", color=colors.ON, smooth: int | None = None,
                    limits: tuple[float, float] | None = None, sketch=None) -> None:
    """The loss over training steps (log scale by default), raw and smoothed.

    Mini-batch losses are noisy; the raw curve is drawn faint and a moving
    average of ``smooth`` steps (default: 1/40 of the history) bright, and
    the smoothed latest value is written at the top right. ``limits`` fixes
    the (lowest, highest) loss shown, so several curves can share one scale.
    """
    s = current_sketch(sketch)
    label(title, x, y, 13, colors.MUTED, sketch=s)
    top, bottom = y + 22, y + h
    s.stroke(*colors.NEUTRAL)
    s.stroke_weight(1)
    s.line(x, bottom, x + w, bottom)
    values = np.asarray(history, dtype=float)
    values = values[np.isfinite(values)]
    if values.size < 2:
        return
    smoothed = moving_average(values, smooth or max(1, values.size // 40))
    if values.size > w:  # one point per pixel column at most
        keep = np.linspace(0, values.size - 1, int(w)).astype(int)
        values, smoothed_shown = values[keep], smoothed[keep]
    else:
        smoothed_shown = smoothed

    def height(v):
        return np.log10(np.maximum(v, 1e-12)) if log else v

    lo, hi = (float(v) for v in height(np.array(limits))) if limits else (
        float(height(values).min()), float(height(values).max()))
    hi = hi if hi > lo else lo + 1
    px = x + np.linspace(0, w, values.size)
    for series, stroke, weight in ((values, (*color, 70), 1), (smoothed_shown, color, 2.5)):
        py = bottom - (height(series) - lo) / (hi - lo) * (bottom - top)
        s.stroke(*stroke)
        s.stroke_weight(weight)
        s.lines(np.column_stack([px[:-1], py[:-1], px[1:], py[1:]]).astype(np.float32))
    label(f"{smoothed[-1]:.4f}", x + w, y, 13, colors.INK, align="right", kind="mono", sketch=s)
