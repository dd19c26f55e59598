"""Vector output: drawings saved as SVG for plotters and print (py5's SVG renderer).

``save_svg(path, draw)`` gives ``draw`` an SVG graphics to draw on with the
usual py5 calls; every line, curve and circle becomes an SVG element, so a
network diagram comes out as one ``<line>`` (or ``<path>``, for curves) per
edge. ``save_network_svg`` does it for ``draw_network``. Sketches that
define ``save_svg(path)`` support ``creativenn export --svg``.

Leaves out: raster parts (decision fields, CPPN pictures) — they have no
vector form; text is written as SVG text in the font's name.
"""

from __future__ import annotations

from pathlib import Path

import py5

from ..picture import colors
from .base import current_sketch
from .network import draw_network


def save_svg(path, draw, width: int | None = None, height: int | None = None, background=colors.BACKGROUND,
             sketch=None) -> Path:
    """Call ``draw(g)`` on a fresh SVG graphics of the given size (the sketch's by default); write ``path``.

    ``background=None`` leaves the page blank, as a plotter wants it.
    """
    s = current_sketch(sketch)
    path = Path(path).resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    g = s.create_graphics(int(width or s.width), int(height or s.height), py5.SVG, str(path))
    g.begin_draw()
    if background is not None:
        g.background(*background)
    draw(g)
    g.end_draw()
    return path


def save_network_svg(path, net, sample=None, *, scale=2.0, size=(800, 600), margin: float = 40,
                     background=colors.BACKGROUND, sketch=None) -> Path:
    """The network diagram as an SVG: one line per edge in its weight's exact colour and width."""
    w, h = size
    return save_svg(path, lambda g: draw_network(net, margin, margin, w - 2 * margin, h - 2 * margin,
                                                 sample, scale=scale, vector=True, sketch=g),
                    w, h, background, sketch=current_sketch(sketch))
