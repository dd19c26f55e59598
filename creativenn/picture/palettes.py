"""Palettes for generative pictures: a number t in 0 … 1 → a colour (numpy only; Pillow for images).

Three kinds, each one small definition:

- ``Cosine(a, b, c, d)``: colour(t) = a + b · cos(2π (c · t + d)), each of
  a, b, c, d an (r, g, b) triple: offset, amplitude, frequency and phase.
  Inigo Quilez's "procedural color palettes" (2007); four triples give a
  whole smooth gradient, and changing d shifts its hues.
- ``Stops(colours)``: colours at evenly spaced t, mixed linearly between
  neighbours (in sRGB, as design tools blend a gradient).
- ``from_image(path, count)``: the ``count`` colours of an artist's picture
  (Pillow's median cut), ordered dark to light, as Stops.

``colors(t)`` gives floats in 0 … 1, (..., 3); ``to_uint8`` / ``to_uint16``
quantise them for 8-bit screens and 16-bit print files (a smooth gradient
has 65,536 levels a channel there, not 256: no banding).

>>> p = NAMED["rainbow"]
>>> [round(float(v), 3) for v in p.colors(0.0)]  # a + b cos(2π d)
[1.0, 0.259, 0.259]
>>> [tuple(map(int, c)) for c in Stops(["#000000", "#ffffff"]).to_uint8([0.0, 0.5, 1.0])]
[(0, 0, 0), (128, 128, 128), (255, 255, 255)]

Leaves out: perceptual (OKLab) interpolation and palettes that vary over
the picture; one t per pixel maps to one colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np


class Palette:
    """t in 0 … 1 → colour; subclasses define ``colors``."""

    name = "palette"

    def colors(self, t) -> np.ndarray:  # pragma: no cover - each kind its own
        raise NotImplementedError

    def to_uint8(self, t) -> np.ndarray:
        return np.rint(np.clip(self.colors(t), 0.0, 1.0) * 255.0).astype(np.uint8)

    def to_uint16(self, t) -> np.ndarray:
        return np.rint(np.clip(self.colors(t), 0.0, 1.0) * 65535.0).astype(np.uint16)

    def swatch_at(self, t: float) -> tuple[int, int, int]:
        """The 8-bit colour at ``t``."""
        return tuple(int(v) for v in self.to_uint8(float(t)))

    def swatch(self, count: int = 8) -> list[tuple[int, int, int]]:
        """``count`` colours evenly along the palette, 8-bit: to show it, or to write it down."""
        return [tuple(int(v) for v in c) for c in self.to_uint8(np.linspace(0.0, 1.0, count))]


@dataclass(frozen=True)
class Cosine(Palette):
    """colour(t) = a + b · cos(2π (c · t + d)), per channel (Quilez 2007); clipped to 0 … 1."""

    a: tuple[float, float, float]
    b: tuple[float, float, float]
    c: tuple[float, float, float]
    d: tuple[float, float, float]
    name: str = "cosine"

    def __post_init__(self):
        for part in "abcd":
            value = np.asarray(getattr(self, part), float)
            if value.shape != (3,) or not np.isfinite(value).all():
                raise ValueError(f"a cosine palette's {part} must be three numbers (r, g, b), "
                                 f"got {getattr(self, part)!r}")

    def colors(self, t) -> np.ndarray:
        t = np.asarray(t, float)[..., None]
        a, b, c, d = (np.asarray(getattr(self, part), float) for part in "abcd")
        return np.clip(a + b * np.cos(2 * np.pi * (c * t + d)), 0.0, 1.0)


class Stops(Palette):
    """Colours at evenly spaced t (the first at 0, the last at 1), mixed linearly between them."""

    def __init__(self, colors, name: str = "stops"):
        stops = [_rgb(c) for c in colors]
        if not stops:
            raise ValueError("a palette needs at least one colour, got none")
        self.stops, self.name = np.array(stops, float) / 255.0, name
        if len(self.stops) == 1:
            self.stops = np.repeat(self.stops, 2, axis=0)  # one colour: a flat palette

    def colors(self, t) -> np.ndarray:
        t = np.clip(np.asarray(t, float), 0.0, 1.0) * (len(self.stops) - 1)
        k = np.minimum(t.astype(int), len(self.stops) - 2)
        f = (t - k)[..., None]
        return self.stops[k] * (1 - f) + self.stops[k + 1] * f

    def __repr__(self) -> str:
        hexes = ["#" + "".join(f"{v:02x}" for v in c) for c in self.swatch(len(self.stops))]
        return f"Stops({hexes}, name={self.name!r})"


def _rgb(color) -> tuple[int, int, int]:
    """'#rrggbb' or (r, g, b) in 0 … 255 → a checked triple."""
    if isinstance(color, str):
        text = color.strip().lstrip("#")
        if len(text) != 6 or any(ch not in "0123456789abcdefABCDEF" for ch in text):
            raise ValueError(f"a colour is written #rrggbb, got {color!r}")
        return tuple(int(text[i:i + 2], 16) for i in (0, 2, 4))
    values = tuple(color)
    if len(values) != 3 or not all(0 <= v <= 255 for v in values):
        raise ValueError(f"a colour is three numbers 0 … 255 (r, g, b), got {color!r}")
    return tuple(int(v) for v in values)


def from_image(path, count: int = 6) -> Stops:
    """The ``count`` main colours of the picture at ``path`` (median cut), dark to light, as Stops.

    An unreadable file, or a picture with no opaque pixel, is a ValueError
    that says which file and what to do.
    """
    from PIL import Image

    from ..files import small_picture

    if not 1 <= int(count) <= 64:
        raise ValueError(f"a palette from an image takes 1 to 64 colours, got {count}")
    path = Path(path)
    picture = small_picture(path, 128, Image.Resampling.NEAREST, "for a palette")  # sampled, not blended
    rgba = np.asarray(picture.convert("RGBA"))
    pixels = rgba[rgba[..., 3] > 0][:, :3]
    if not len(pixels):
        raise ValueError(f"{path} has no colours to take: every pixel is transparent")
    strip = Image.fromarray(pixels.reshape(1, -1, 3).astype(np.uint8), "RGB")
    quantized = strip.quantize(colors=int(count), method=Image.Quantize.MEDIANCUT)
    used = sorted({index for _, index in quantized.getcolors()})
    table = quantized.getpalette()[: 3 * (max(used) + 1)]
    colours = [tuple(table[3 * i:3 * i + 3]) for i in used]
    colours.sort(key=lambda c: 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2])  # dark to light
    return Stops(colours, name=path.stem)


NAMED: dict[str, Palette] = {  # curated: the cosine ones are Quilez's published parameters
    "rainbow": Cosine((0.5, 0.5, 0.5), (0.5, 0.5, 0.5), (1.0, 1.0, 1.0), (0.0, 0.33, 0.67), "rainbow"),
    "dusk": Cosine((0.5, 0.5, 0.5), (0.5, 0.5, 0.5), (1.0, 1.0, 1.0), (0.3, 0.2, 0.2), "dusk"),
    "lagoon": Cosine((0.5, 0.5, 0.5), (0.5, 0.5, 0.5), (1.0, 1.0, 0.5), (0.8, 0.9, 0.3), "lagoon"),
    "copper": Cosine((0.5, 0.5, 0.5), (0.5, 0.5, 0.5), (1.0, 0.7, 0.4), (0.0, 0.15, 0.2), "copper"),
    "ink": Stops(["#f4efe6", "#c9c2b6", "#5b6270", "#1d2230"], "ink"),  # paper to ink
    "riso": Stops(["#f3ead8", "#ff48b0", "#0078bf", "#1d1d3b"], "riso"),  # risograph pink and blue
    "ember": Stops(["#120b1e", "#5a1a46", "#c8433a", "#f5a13a", "#fbe7b5"], "ember"),
    "glacier": Stops(["#0b1d2e", "#1f5673", "#5ba3b5", "#cfe8ea", "#ffffff"], "glacier"),
}
RAW = "rgb"  # no palette: the network's three outputs are red, green and blue


def get(name) -> Palette | None:
    """A palette by name, a picture's file name (its colours), or None for ``"rgb"`` (raw outputs)."""
    if name is None or isinstance(name, Palette):
        return name
    if name == RAW:
        return None
    if name in NAMED:
        return NAMED[name]
    if Path(name).suffix.lower() in {".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".tif", ".tiff"}:
        return from_image(name)
    raise ValueError(f"no palette {name!r}: choose one of {', '.join([RAW, *NAMED])}, or give a picture's "
                     "file (its colours become the palette)")
