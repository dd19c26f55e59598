"""Networks drawn as generative pieces: weights as swaying Bézier curves (colour = sign, width = |w|,
the project's one vocabulary, so the picture stays honest) and neurons that breathe with their
activation. Draws on the sketch, on a ``create_graphics`` buffer, or into an SVG alike."""

from __future__ import annotations

import numpy as np
import py5

from ..picture import colors
from .base import LayerOnAThread, current_sketch


class LongExposure:
    """A canvas the size of the sketch that keeps what is drawn on it: faint marks, frame after frame,
    layer up like a long exposure (the history of a training run, say).

    ``add`` draws on a thread of its own (``LayerOnAThread``), so the sketch draws its frame on the
    other core meanwhile; ``draw`` waits for what was added, then pastes it. Give ``add`` the
    numbers to draw, worked out beforehand: the sketch goes on (and trains) while it draws.
    """

    def __init__(self, background=colors.BACKGROUND, sketch=None):
        s = current_sketch(sketch)
        self.background, self.layer = background, LayerOnAThread(s.width, s.height, s)
        self.clear()

    def clear(self) -> None:
        self.add(lambda g: g.background(*self.background))

    def add(self, draw) -> None:
        """``draw(g)`` onto the exposure, after what was added before: what it draws stays."""
        self.layer.add(draw)

    def draw(self) -> None:
        """The exposure so far (all that was added), over the whole sketch."""
        self.layer.paste()


def weight_curves(weights, positions, t: float, phases, sway: float, scale: float) -> list[tuple]:
    """Every edge as a cubic Bézier (w, x1, y1, cx1, cy1, cx2, cy2, x2, y2), weakest first (so the
    strong ones are drawn on top). At time ``t`` (radians) each swings by up to ``sway`` pixels in
    proportion to |w| / ``scale``, in its own ``phases[l][k, j]``."""
    found = []
    for l, W in enumerate(weights):
        for (k, j), w in np.ndenumerate(W):
            (x1, y1), (x2, y2) = positions[l][j], positions[l + 1][k]
            swing = sway * min(abs(w) / scale, 1.0) * np.sin(t + phases[l][k, j])
            dx = (x2 - x1) / 3
            found.append((w, x1, y1, x1 + dx, y1 + swing, x2 - dx, y2 - swing, x2, y2))
    return sorted(found, key=lambda c: abs(c[0]))


def draw_weight_curves(g, curves, scale: float, alpha: float = 255, thin: float = 1.0) -> None:
    """The curves on ``g`` (a sketch, a graphics buffer or an SVG): colour = sign, width = |w|."""
    g.no_fill()
    g.stroke_cap(py5.ROUND)
    ws = np.array([curve[0] for curve in curves], dtype=float)
    strokes = colors.weight_color(ws, scale).tolist()  # every colour at once: one by one was a third
    widths = (thin * colors.weight_width(ws, scale)).tolist()  # of weights_art's frame
    for (_, *points), stroke, width in zip(curves, strokes, widths, strict=True):
        g.stroke(*stroke, alpha)
        g.stroke_weight(width)
        g.bezier(*(float(p) for p in points))


def draw_breathing_neurons(positions, activations, breath: float, output_range=(0.0, 1.0), size: float = 18,
                           sketch=None) -> None:
    """Each neuron a soft glow and a core, lit by its activation (hidden: −1 … 1, the output
    ``output_range``), ``breath`` times its size."""
    s = current_sketch(sketch)
    s.no_stroke()
    rings = ((2.0, 0.15), (1.5, 0.35), (1.0, 1.0))  # a soft glow, then the core
    for l, (centres, a) in enumerate(zip(positions, activations, strict=True)):
        low, high = output_range if l == len(positions) - 1 else (-1.0, 1.0)
        fills = colors.activation_color(np.asarray(a, dtype=float), low, high)  # a layer's at once
        shades = [colors.mix(colors.BACKGROUND, fills, shade).tolist() for _, shade in rings]
        for k, (x, y) in enumerate(centres):
            for (ring, _), shaded in zip(rings, shades, strict=True):
                s.fill(*shaded[k])
                s.circle(x, y, size * ring * breath)


def cppn_keys(knobs, turn, *, palettes, zooms, warps) -> list:
    """The keys that turn a CPPN's knobs (``worlds.cppn.Knobs``): ``knobs()`` gives the current ones,
    ``turn(**change)`` turns them. Shape and detail, then colour and composition: palette, symmetry
    and its folds, warp, pan (a quarter of the view a press) and the latent point's path."""
    from ..worlds.cppn import MIXES, PATHS, SYMMETRIES
    from .controls import Key, cycle

    def pan(key):
        dx, dy = {"left": (-1, 0), "right": (1, 0), "up": (0, 1), "down": (0, -1)}[key]
        x, y, step = *knobs().pan, 0.25 * knobs().zoom
        turn(pan=(round(x + dx * step, 6), round(y + dy * step, 6)))

    def step(name: str, up: str, by=1):
        return lambda k: turn(**{name: getattr(knobs(), name) + (by if k == up else -by)})

    def next_of(name: str, options):
        return lambda k: turn(**{name: cycle(options, getattr(knobs(), name))})

    return [
        Key("m", "activation mix", next_of("mix", list(MIXES)), "mix"),
        Key("n / N", "next / previous seed", step("seed", "n"), "seed"),
        Key("[ ]", "fewer / more layers", step("depth", "]"), "layers"),
        Key(", .", "fewer / more neurons a layer", step("width", ".", 2), "neurons"),
        Key("+ / -", "more / less detail",
            lambda k: turn(detail=knobs().detail * (1.25 if k in "+=" else 0.8)), "detail"),
        Key("z", "zoom", next_of("zoom", zooms)),
        Key("c", "palette: " + " ".join(map(str, palettes)), next_of("palette", palettes)),
        Key("y", "symmetry: " + ", ".join(SYMMETRIES), next_of("symmetry", SYMMETRIES)),
        Key("f / F", "more / fewer folds (radial)", step("folds", "f"), "folds"),
        Key("w", "warp: the network's output moves its own coordinates", next_of("warp", warps)),
        Key("← → ↑ ↓", "pan the plane under the frame", pan),
        Key("l", "latent path: " + ", ".join(PATHS), next_of("path", PATHS)),
    ]


def draw_caption_bar(first: str, second: str, status: str, sketch=None) -> None:
    """A picture's caption: a dark bar along its foot, two lines on the left (what made it), a status
    on the right (mono, so numbers do not jump)."""
    from .base import label

    s = current_sketch(sketch)
    s.no_stroke()
    s.fill(*colors.BACKGROUND)
    s.rect(0, s.height - 52, s.width, 52)
    label(first, 14, s.height - 46, 14, colors.INK, kind="mono", sketch=s)
    label(second, 14, s.height - 25, 14, colors.MUTED, kind="mono", sketch=s)
    label(status, s.width - 14, s.height - 25, 14, colors.MUTED, align="right", kind="mono", sketch=s)
