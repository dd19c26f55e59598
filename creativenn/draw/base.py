"""What every drawing helper shares: the sketch to draw on, fonts, text, panels, help.

Helpers draw on the sketch that is running: in module mode the py5 module's
sketch, in class mode the ``self`` of the method that called them (or pass
``sketch=`` explicitly).
"""

from __future__ import annotations

import functools
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import NamedTuple

import numpy as np
import py5
from jpype import JString

from .. import resources
from ..picture import colors
from ..picture.layout import MARGIN, Box
from ..tools.worker import CLEAN, EXPORT_DRAWS, HEADLESS, PROJECTOR


def cache(sketch) -> dict:
    """A dict that lives as long as ``sketch``: for fonts and images made once per sketch."""
    store = getattr(sketch, "_creativenn_cache", None)
    if store is None:
        store = sketch._creativenn_cache = {}
    return store


def current_sketch(sketch=None):
    """The sketch to draw on: ``sketch`` if given, else the calling class-mode sketch, else py5's."""
    if sketch is not None:
        return sketch
    frame = sys._getframe(1)
    for _ in range(10):
        if frame is None:
            break
        candidate = frame.f_locals.get("self")
        if isinstance(candidate, py5.Sketch):
            return candidate
        frame = frame.f_back
    return py5.get_current_sketch()


def draw_segments(s, segments) -> None:
    """Line segments (n, 4) as x1, y1, x2, y2, in the current stroke.

    ``lines()`` costs ~0.3 ms a call before it draws anything, ``line()`` ~0.05
    ms a segment (measured under Xvfb): a few segments go one by one.
    """
    if len(segments) < 8:
        for x1, y1, x2, y2 in segments:
            s.line(float(x1), float(y1), float(x2), float(y2))
    else:
        s.lines(np.asarray(segments, dtype=np.float32))


class LayerOnAThread:
    """An offscreen canvas (``create_graphics``) drawn on a thread of its own while the sketch draws
    its frame: Java lets go of Python's lock while it rasterizes, so both cores draw.

    ``add(draw)`` has ``draw(g)`` drawn onto the canvas, after what was added before; ``paste(x, y)``
    waits for all of it (raising its error, if drawing failed) and pastes the canvas. Give ``draw``
    numbers worked out beforehand: the sketch goes on (and trains) meanwhile.
    """

    def __init__(self, width: int, height: int, sketch=None):
        self.sketch = current_sketch(sketch)
        self.canvas = self.sketch.create_graphics(width, height)
        self._painter = ThreadPoolExecutor(1, thread_name_prefix="creativenn-layer")
        self._pending = None

    def add(self, draw) -> None:
        def paint(before):
            if before is not None:
                before.result()  # in order, and an earlier error is not lost
            self.canvas.begin_draw()
            draw(self.canvas)
            self.canvas.end_draw()

        self._pending = self._painter.submit(paint, self._pending)

    def paste(self, x: float = 0, y: float = 0) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.result()
        self.sketch.image(self.canvas, x, y)


def pointer_inside(sketch=None) -> bool:
    """Whether the mouse pointer is over the sketch's window now. py5's mouse_x and mouse_y keep
    their last values when the pointer leaves, so a hover read-out would stay; this asks the window
    (JAVA2D: AWT's getMousePosition). Where the window cannot say (P2D/P3D), True."""
    s = current_sketch(sketch)
    try:
        return s.get_surface().get_native().getMousePosition() is not None
    except Exception:  # noqa: BLE001 - no AWT window (OpenGL's NEWT, or none yet): cannot tell
        return True


def projector_place() -> tuple[float, float, float]:
    """(factor, left, top) of the sketch in its window: (1, 0, 0) but in projector mode
    (``creativenn run --scale`` / ``--fullscreen``, tools/projector.py)."""
    place = os.environ.get(PROJECTOR)
    return tuple(float(v) for v in place.split(",")) if place else (1.0, 0.0, 0.0)


def _opengl(s) -> bool:
    """Whether ``s`` draws with OpenGL (P2D/P3D), where text is a texture: there glyphs are made at
    twice the size and read back point by point (measured: as sharp as JAVA2D's, where at 1× and
    smoothed they were grey and soft). Set once per sketch, before any glyph is drawn."""
    store = cache(s)
    if "opengl" not in store:
        try:
            g = s._instance.g
            store["opengl"] = "opengl" in str(g.getClass().getName())
            if store["opengl"]:
                g.textureSampling(2)  # Processing's POINT sampling
        except Exception:  # noqa: BLE001 - an offscreen graphics, or no Java renderer: plain fonts
            store["opengl"] = False
    return store["opengl"]


def font(size: float, kind: str = "sans", sketch=None):
    """The project's font (DejaVu, shipped in assets/) for ``size`` pixels, made once; use it as
    ``text_font(font(size), size)``. In projector mode (``creativenn run --scale``) it is made as big
    as it will be drawn, so text stays sharp in P2D/P3D too."""
    s = current_sketch(sketch)
    fonts = cache(s)
    drawn = round(size * projector_place()[0] * (2 if _opengl(s) else 1))
    key = ("font", kind, drawn)
    if key not in fonts:
        fonts[key] = s.create_font(font_file(kind), drawn)
    return fonts[key]


@functools.cache
def font_file(kind: str = "sans") -> str:
    """The path of a bundled font, checked once a process (``resources.font``)."""
    return str(resources.font(kind))


def label(text: str, x: float, y: float, size: float = 14, color=colors.INK, *,
          align: str = "left", kind: str = "sans", sketch=None) -> Box:
    """Text at (x, y) (its top edge), left, centre or right aligned; returns the box it covers.

    Every label of a frame is remembered with its box (``labels_drawn``), so
    a check can find text that is clipped by the canvas or overlaps other text.
    """
    s = current_sketch(sketch)
    s.text_font(font(size, kind, s), size)
    text = str(text)
    lines = [JString(line) for line in text.split("\n")]  # made Java strings once, not per call
    widths = [s.text_width(line) for line in lines]
    w = max(widths)
    left = {"left": x, "center": x - w / 2, "right": x - w}[align]
    if not drawing_clean():  # export --clean: the picture alone, for prints and art
        s.fill(*color)
        s.text_align(py5.LEFT, py5.TOP)
        leading = (s.text_ascent() + s.text_descent()) * 1.275 if len(lines) > 1 else 0  # Processing's
        for i, (line, width) in enumerate(zip(lines, widths, strict=True)):  # each line on whole pixels:
            spare = w - width  # crisp in P2D/P3D too
            shift = {"left": 0, "center": spare / 2, "right": spare}[align]
            s.text(line, round(left + shift), round(y + i * leading))
    box = Box(left, y, w, size * 1.25 * len(lines))
    store = cache(s)
    drawn = store.setdefault("labels", [None, []])
    if drawn[0] != s.frame_count:
        drawn[0], drawn[1] = s.frame_count, []
    drawn[1].append(Drawn(text, box, size, store.get("layer", "page")))
    return box


def draw_panel_title(text: str, box, sketch=None) -> Box:
    """A panel's title, small and muted, just above its box (x, y, w, h)."""
    return label(text, box[0], box[1] - 26, 14, colors.MUTED, sketch=current_sketch(sketch))


class Drawn(NamedTuple):
    """A piece of text drawn this frame: what, where (the box it covers), how big, and on which layer
    ("page", or "overlay" for help and messages, which cover the page on purpose)."""

    text: str
    box: Box
    size: float
    layer: str


def export_draws() -> int | None:
    """How many frames the export running this sketch will draw (frames × every), or None when it
    is not being exported: a loop can be made that long, a story fitted in."""
    draws = os.environ.get(EXPORT_DRAWS)
    return int(draws) if draws else None


def headless() -> bool:
    """Whether this sketch runs in the export worker, where no one sees a frame as it is drawn (a
    message on screen reaches nobody: what stops the export must be said on the terminal)."""
    return bool(os.environ.get(HEADLESS))


def drawing_clean() -> bool:
    """Whether this export is ``--clean``: no titles, legends, footers or help, only the picture."""
    return bool(os.environ.get(CLEAN))


def labels_drawn(sketch=None) -> list[Drawn]:
    """This frame's labels so far, each with the box it covers (for checks of clipping and overlap)."""
    s = current_sketch(sketch)
    frame, drawn = cache(s).get("labels", [None, []])
    return list(drawn) if frame == s.frame_count else []


@contextmanager
def clipped(rect, sketch=None):
    """Drawing inside is cut at ``rect`` (x, y, w, h): a path, ball or line that runs off its panel
    (a far start, a diverging run) is not drawn over the next one."""
    s = current_sketch(sketch)
    s.clip(*rect)
    try:
        yield s
    finally:
        s.no_clip()


@contextmanager
def overlay(sketch=None):
    """Text drawn inside is on the overlay layer: meant to cover the page (help, a message)."""
    store = cache(current_sketch(sketch))
    before, store["layer"] = store.get("layer", "page"), "overlay"
    try:
        yield
    finally:
        store["layer"] = before


def wrapped(text: str, size: float, width: float, kind: str = "sans", sep: str = " ",
            sketch=None) -> list[str]:
    """``text`` broken at ``sep`` (spaces; the footer's " · ") into lines that each fit ``width``
    pixels at ``size``."""
    s = current_sketch(sketch)
    s.text_font(font(size, kind, s), size)
    lines = [""]
    for part in (str(text).split() if sep == " " else str(text).split(sep)):
        wider = f"{lines[-1]}{sep}{part}" if lines[-1] else part
        if lines[-1] and s.text_width(wider) > width:
            lines.append(part)
        else:
            lines[-1] = wider
    return lines


def draw_title(title: str, subtitle: str | None = None, status: str | None = None,
               subtitle_color=colors.MUTED, sketch=None) -> None:
    """The heading of a sketch: its title top left, a line under it, its status (step, paused) top right."""
    s = current_sketch(sketch)
    room = s.width - 2 * MARGIN
    if status:
        box = label(status, s.width - MARGIN, 28, 15, colors.MUTED, align="right", kind="mono", sketch=s)
        room -= box.w + 20
    label(title, MARGIN, 22, fitting(title, 22, room, sketch=s), sketch=s)
    if subtitle:
        size = fitting(subtitle, 14, s.width - 2 * MARGIN, sketch=s)
        label(subtitle, MARGIN, 56, size, subtitle_color, sketch=s)


def fitting(text: str, size: float, width: float, kind: str = "sans", smallest: float = 11,
            sketch=None) -> float:
    """``size``, or the largest smaller size (down to ``smallest``) at which ``text`` fits in ``width``."""
    s = current_sketch(sketch)
    while size > smallest:
        s.text_font(font(size, kind, s), size)
        if s.text_width(text) <= width:
            break
        size -= 1
    return size


def draw_rows(rows, x: float, y: float, line: float = 26, size: float = 14, sketch=None) -> float:
    """A legend: each row a colour dot (or None) and its text, in the mono font; returns the y below it."""
    s = current_sketch(sketch)
    for i, (color, text) in enumerate(rows):
        top = y + i * line
        if color is not None:
            s.no_stroke()
            s.fill(*color)
            s.circle(x + 7, top + size * 0.6, 13)
        label(text, x + (22 if color is not None else 0), top, size, kind="mono", sketch=s)
    return y + len(rows) * line


def panel(x: float, y: float, w: float, h: float, color=colors.PANEL, radius: float = 8,
          sketch=None) -> None:
    """A rounded background rectangle for a group of elements."""
    s = current_sketch(sketch)
    s.no_stroke()
    s.fill(*color)
    s.rect(x, y, w, h, radius)


def draw_help(keys, title: str = "keys", sketch=None) -> None:
    """The key-help overlay: ``keys`` is a list of (key, what it does), drawn centred, measured to fit."""
    s = current_sketch(sketch)
    line, size = 24, 15
    s.text_font(font(size, "mono", s), size)
    key_width = max(s.text_width(k) for k, _ in keys) + 20
    s.text_font(font(size, "sans", s), size)
    w = 40 + key_width + max(s.text_width(d) for _, d in keys)
    h = 56 + line * len(keys)
    x, y = (s.width - w) / 2, (s.height - h) / 2
    s.fill(*colors.BACKGROUND, 200)
    s.no_stroke()
    s.rect(0, 0, s.width, s.height)
    panel(x, y, w, h, sketch=s)
    with overlay(s):
        label(title, x + 20, y + 16, 16, colors.MUTED, sketch=s)
        for i, (key, description) in enumerate(keys):
            label(key, x + 20, y + 46 + i * line, size, colors.ON, kind="mono", sketch=s)
            label(description, x + 20 + key_width, y + 46 + i * line, size, sketch=s)


def draw_message(lines, color=colors.NEGATIVE, sketch=None) -> None:
    """A centred box with a few lines of text: for what went wrong and how to recover. A line too
    long for the canvas is broken at its spaces."""
    s = current_sketch(sketch)
    size, line = 16, 24
    lines = [part for text in lines for part in wrapped(text, size, s.width - 2 * MARGIN - 40, sketch=s)]
    s.text_font(font(size, "sans", s), size)
    w = 40 + max(s.text_width(t) for t in lines)
    h = 32 + line * len(lines)
    x, y = (s.width - w) / 2, (s.height - h) / 2
    panel(x, y, w, h, sketch=s)
    s.no_fill()
    s.stroke(*color)
    s.stroke_weight(2)
    s.rect(x, y, w, h, 8)
    with overlay(s):
        for i, text in enumerate(lines):
            label(text, x + 20, y + 16 + i * line, size, color if i == 0 else colors.INK, sketch=s)
