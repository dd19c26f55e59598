"""The one visual vocabulary: colours for weights, activations, classes (numpy only).

**Weights** use a diverging palette: orange for negative, blue for positive,
a dim slate at 0, reaching the full end colour at ``|w| ≥ scale``. The pair is
TF Playground's (``#f59322`` → ``#e8eaeb`` → ``#0877bd``) on purpose: orange
against blue is the hue pair that stays distinct under the three common
colour-vision deficiencies (protanopia, deuteranopia, tritanopia), and
learners who know TF Playground read it at once. Two things differ: the
middle is a dark slate, not a light grey, so near-zero weights sink into
the dark background (a weight you can hardly see is one that hardly
matters), and the mix is done in linear light so the halfway colour is
perceptually halfway. The ends have near-equal lightness, so sign is told by
hue alone and size by saturation and (in drawings) thickness.

**Activations** light neurons like bulbs: a dark "off" to a warm white "on".
**Errors** travelling back (backprop) are crimson, told from the orange of
negative weights by lightness as well as hue. **Classes** use the
Okabe–Ito palette (colour-blind safe), with class 0 orange and class 1 blue
to agree with the weights.

>>> weight_color(0.0), weight_color(5.0), weight_color(-5.0)
((62, 68, 82), (90, 170, 240), (242, 142, 43))
"""

from __future__ import annotations

import numpy as np

BACKGROUND = (21, 23, 28)
PANEL = (30, 33, 40)
INK = (230, 232, 235)  # text
MUTED = (140, 146, 158)  # secondary text, axes
NEGATIVE = (242, 142, 43)  # orange
NEUTRAL = (62, 68, 82)  # dim slate
POSITIVE = (90, 170, 240)  # blue, as light as the orange (CIE L* 67 vs 68)
OFF = (36, 40, 50)  # a neuron at its lowest activation
ON = (255, 236, 179)  # a neuron at its highest
ERROR = (232, 65, 115)  # blame travelling back: crimson, darker than the orange (L* 53 vs 68)
LOW_GROUND = (24, 28, 40)  # the lowest point of a cost surface
HIGH_GROUND = (150, 158, 178)  # the highest: a moonlit monochrome, so coloured balls stand out
OPTIMIZERS = {  # one colour per optimizer in every race (Okabe–Ito)
    "sgd": (230, 159, 0), "momentum": (86, 180, 233), "rmsprop": (0, 158, 115),
    "adam": (204, 121, 167),
}
CLASSES = (  # Okabe & Ito (2008), reordered so 0 and 1 match the weights
    (230, 159, 0), (86, 180, 233), (0, 158, 115), (240, 228, 66),
    (204, 121, 167), (213, 94, 0), (0, 114, 178), (153, 153, 153),
)


def _to_linear(rgb):
    c = np.asarray(rgb, dtype=float) / 255.0
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def _to_srgb(linear) -> np.ndarray:
    c = np.clip(linear, 0.0, 1.0)
    c = np.where(c <= 0.0031308, 12.92 * c, 1.055 * c ** (1 / 2.4) - 0.055)
    return np.rint(c * 255.0).astype(np.uint8)


def mix(a, b, t) -> np.ndarray:
    """Colours between ``a`` (t = 0) and ``b`` (t = 1), mixed in linear light.

    ``t`` may be an array; the result has shape ``t.shape + (3,)``, uint8.
    """
    t = np.clip(np.asarray(t, dtype=float), 0.0, 1.0)[..., None]
    return _to_srgb(_to_linear(a) * (1 - t) + _to_linear(b) * t)


def _out(colors: np.ndarray, scalar: bool):
    return tuple(int(c) for c in colors) if scalar else colors


def weight_color(w, scale: float = 1.0):
    """The colour of weight(s) ``w``: orange < 0 < blue, full at ``|w| ≥ scale``.

    A number gives an (r, g, b) tuple; an array gives an array of shape
    ``w.shape + (3,)`` (uint8).
    """
    if not scale > 0:
        raise ValueError(f"scale must be positive, got {scale!r}")
    w = np.asarray(w, dtype=float)
    t = np.minimum(np.abs(w) / scale, 1.0)
    colors = np.where((w < 0)[..., None], mix(NEUTRAL, NEGATIVE, t), mix(NEUTRAL, POSITIVE, t))
    return _out(colors, w.ndim == 0)


def weight_width(w, scale: float = 1.0, thinnest: float = 0.5, thickest: float = 6.0):
    """Stroke width for weight(s) ``w``: grows with |w|, ``thickest`` at ``|w| ≥ scale``."""
    t = np.minimum(np.abs(np.asarray(w, dtype=float)) / scale, 1.0)
    return thinnest + (thickest - thinnest) * t


def activation_color(a, low: float = 0.0, high: float = 1.0):
    """A neuron lit by its activation: ``low`` is dark, ``high`` is bright."""
    a = np.asarray(a, dtype=float)
    colors = mix(OFF, ON, (a - low) / (high - low))
    return _out(colors, a.ndim == 0)


def class_color(k: int) -> tuple[int, int, int]:
    """The colour of class ``k`` (0 orange, 1 blue, then Okabe–Ito's others)."""
    return CLASSES[int(k) % len(CLASSES)]


_LEVELS = 1025  # steps of the colour tables below (odd: 0.5 is a step of its own)


def _field_table(strength: float, classes: int) -> np.ndarray:
    """Colours for ``_LEVELS`` steps of 0 … 1, precomputed once (linear-light mixing is slow).

    One output: step k is output k/(L−1), class 0 … class 1 through the
    background. Several: row c, step k is class c at confidence k/(L−1).
    """
    key = (strength, classes)
    if key not in _TABLES:
        t = np.linspace(0.0, 1.0, _LEVELS)
        if classes == 1:
            sure = np.abs(2 * t - 1) * strength  # 0 at the boundary, `strength` when sure
            table = np.where((t >= 0.5)[:, None], mix(BACKGROUND, CLASSES[1], sure),
                             mix(BACKGROUND, CLASSES[0], sure))
        else:
            table = np.stack([mix(BACKGROUND, class_color(c), t * strength) for c in range(classes)])
        _TABLES[key] = table
    return _TABLES[key]


_TABLES: dict = {}


def field_colors(outputs, low: float = 0.0, high: float = 1.0, strength: float = 0.45):
    """Colours of a decision field from the network's outputs, shape (..., n_out).

    One output: class 0's colour at ``low``, class 1's at ``high``, the
    background colour halfway (the boundary). Several outputs: the winning
    class's colour, stronger where it is more confident. ``strength`` < 1
    keeps the field paler than the data points drawn on it. Colours come
    from a table of 1025 steps, so a 200×200 field costs one lookup a pixel.
    """
    outputs = np.asarray(outputs, dtype=float)
    n = outputs.shape[-1]
    if n == 1:
        steps = _steps((outputs[..., 0] - low) / (high - low))
        return np.take(_field_table(strength, 1), steps, axis=0)
    winner = outputs.argmax(axis=-1)
    confidence = (outputs.max(axis=-1) - 1 / n) / (1 - 1 / n)  # 0 when undecided
    return _field_table(strength, n)[winner, _steps(confidence)]


def _steps(t: np.ndarray) -> np.ndarray:
    """Values 0 … 1 as the nearest of the tables' steps (in place: fields are large)."""
    t = np.clip(t, 0.0, 1.0)
    t *= _LEVELS - 1
    t += 0.5
    return t.astype(np.int32)


def height_colors(t):
    """Ground colours for heights ``t`` scaled to 0 (lowest) … 1 (highest)."""
    return mix(LOW_GROUND, HIGH_GROUND, np.asarray(t, dtype=float) ** 1.5)


def hex_color(rgb) -> str:
    """'#rrggbb' for an (r, g, b) colour."""
    return "#{:02x}{:02x}{:02x}".format(*(int(c) for c in rgb))
