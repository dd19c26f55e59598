"""A compositional pattern-producing network (CPPN): a random network that paints.

The tags (F1), (B4), (G1) … name equations of the course notes, docs/maths.md;
``creativenn maths B4`` prints one.

Every pixel's coordinates go through one random network, all pixels at
once: the inputs are (x, y), the distance from the centre r = √(x² + y²)
and a latent point (z₁, z₂); each hidden neuron has its own activation,
picked from a ``mix`` (waves from sin, bumps from gaussian, mirrors from
abs, soft edges from tanh); three sigmoid outputs are the pixel's red,
green and blue. It is the forward pass (F1), a_l = σ(W_l a_{l-1} + b_l),
with the batch being every pixel of the picture.

Moving the latent point morphs the picture; ``latent_at`` moves it round
a closed ``path`` (a circle, or a figure of eight), so an animation of one
period loops without a seam.

Composition happens to the coordinates before the network sees them:
``symmetry`` folds the plane (``mirror`` left onto right, ``quad`` into a
quarter, ``radial`` into a wedge of 360°/``folds``, mirrored: a
kaleidoscope), ``pan`` moves the network's plane under that frame, and
``warp`` feeds the network's own first two outputs back into its
coordinates (domain warping: x ← x + warp·(2a₁ − 1), y ← y + warp·(2a₂ − 1),
then a second pass). The outputs become colours as red, green and blue, or
through a ``palette`` (``picture.palettes``): the first output is t.
``bands`` renders a picture of any size a band of rows at a time, so a
poster needs the memory of one band (``poster`` writes it to PNG).

Leaves out: evolving or training the network (NEAT, picbreeder); the core
MLP trains with the same activations.

>>> c = CPPN(seed=1)
>>> image = c.image(64, 48, c.latent_at(0.0))
>>> image.shape, image.dtype
((48, 64, 3), dtype('uint8'))
>>> bool((c.image(64, 48, c.latent_at(1.0)) == image).all())  # one period later: the same
True
"""

from __future__ import annotations

import functools
import math
import os
import threading
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from ..files import check_room, write_png_rows
from ..maths import activations
from ..maths.checks import positive_int
from ..picture import palettes

MIXES = {  # the activation mixes the sketch cycles through
    "waves": ("sin", "tanh"),
    "bumps": ("gaussian", "tanh"),
    "mirror": ("abs", "sin", "gaussian"),
    "soft": ("tanh", "sigmoid"),
    "all": ("sin", "gaussian", "abs", "tanh"),
}
INPUTS = 5  # x, y, r, z₁, z₂
SYMMETRIES = ("none", "mirror", "quad", "radial")
PATHS = ("circle", "eight")  # closed paths of the latent point
# Pixels per band: 16k, so that a layer's activations (a MB of floats) stay in the processor's cache:
# a 400² picture is computed 1.5× faster in bands of this size than in one piece, and a poster of
# any size needs a few MB. The bands of a picture on screen are shared among THREADS threads.
BAND_PIXELS = 1 << 14
THREADS = min(4, os.cpu_count() or 1)


class CPPN:
    """A random network from (x, y, r, z₁, z₂) to RGB; see the module's docstring.

    ``width`` neurons in each of ``depth`` hidden layers; weights and
    biases drawn at random from ``seed``, then each layer's rescaled so its
    weighted sums z spread ``scale`` (standard deviation) over the picture:
    larger is busier. (Calibrating each layer on sample inputs is LSUV
    initialisation, Mishkin & Matas 2016; without it, abs and sin layers
    blow up or fade out.) ``zoom`` is how far the plane reaches (x from
    −zoom to zoom across the wider side); ``latent_radius`` how far the
    latent point wanders. ``palette``, ``symmetry``, ``folds``, ``pan``,
    ``warp`` and ``path``: see the module's docstring; they change how the
    network is looked at, not the network (the same seed, the same weights).
    """

    def __init__(self, width: int = 16, depth: int = 4, mix=MIXES["all"], seed: int = 0,
                 scale: float = 2.0, zoom: float = 1.5, latent_radius: float = 0.8, *, palette=None,
                 symmetry: str = "none", folds: int = 6, pan=(0.0, 0.0), warp: float = 0.0,
                 path: str = "circle"):
        self.width, self.depth = positive_int(width, "width"), positive_int(depth, "depth")
        self.palette = palettes.get(palette)
        self.symmetry, self.folds, self.path = composition(symmetry, folds, path)
        self.pan = tuple(float(v) for v in pan)
        self.warp = float(warp)
        if len(self.pan) != 2 or not all(map(math.isfinite, (*self.pan, self.warp))):
            raise ValueError(f"pan must be two finite numbers and warp one, got pan={pan!r}, warp={warp!r}")
        mix = MIXES[mix] if isinstance(mix, str) and mix in MIXES else tuple(mix)
        self.functions = [activations.get(name) for name in mix]  # checks every name
        self.mix, self.seed, self.zoom, self.latent_radius = mix, seed, float(zoom), float(latent_radius)
        rng = np.random.default_rng(seed)
        sizes = [INPUTS] + [self.width] * self.depth + [3]
        self.weights = [rng.normal(0.0, 1.0, (n_out, n_in)).astype(np.float32)
                        for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=True)]
        self.biases = [rng.normal(0.0, 0.5, n_out).astype(np.float32) for n_out in sizes[1:]]
        # each hidden neuron's activation, drawn at random; then each layer's neurons put in order of
        # their function (the rows of W_l and b_l, the columns of W_l+1: the same network), so that
        # each function's neurons are one slice of columns, not a gather and a scatter (3× faster)
        self.parts = []
        for l, choice in enumerate([rng.integers(0, len(mix), self.width) for _ in range(self.depth)]):
            order = np.argsort(choice, kind="stable")
            self.weights[l], self.biases[l] = self.weights[l][order], self.biases[l][order]
            self.weights[l + 1] = np.ascontiguousarray(self.weights[l + 1][:, order])
            edges = np.concatenate([[0], np.cumsum(np.bincount(choice, minlength=len(mix)))])
            self.parts.append([slice(int(a), int(b)) for a, b in zip(edges[:-1], edges[1:], strict=True)])
        self.phase = rng.uniform(0, 2 * np.pi)  # where on its circle the latent point starts
        self._calibrate(float(scale))

    def _calibrate(self, scale: float) -> None:
        """Rescale each layer so its z spreads ``scale`` over a 48² picture at 8 latent points (on the
        plain plane and circle: the weights do not depend on how the picture is composed)."""
        angles = self.phase + np.arange(8) / 4 * np.pi
        circle = [(self.latent_radius * math.cos(a), self.latent_radius * math.sin(a)) for a in angles]
        a = np.concatenate([self._inputs(48, 48, range(48), z, composed=False) for z in circle])
        a = a.T  # a neuron per row, as forward() computes
        for l, (W, b) in enumerate(zip(self.weights, self.biases, strict=True)):
            gain = scale / max(float((weighted_sums(W, a) + b[:, None]).std()), 1e-6)
            W *= gain
            b *= gain
            if l < self.depth:
                a = self._hidden(weighted_sums(W, a) + b[:, None], l)

    def latent_at(self, t: float) -> tuple[float, float]:
        """The latent point after ``t`` periods, once round its path a period, so t and t + 1 agree: a
        circle, or a figure of eight (Gerono's lemniscate, sin θ and sin θ cos θ)."""
        angle, radius = self.phase + 2 * np.pi * t, self.latent_radius
        if self.path == "eight":
            return radius * math.sin(angle), radius * math.sin(angle) * math.cos(angle)
        return radius * math.cos(angle), radius * math.sin(angle)

    def _inputs(self, width: int, height: int, rows, latent, composed: bool = True,
                columns=slice(None)) -> np.ndarray:
        """The network's inputs (x, y, r, z₁, z₂) for the pixel centres of ``rows`` (and ``columns``,
        all by default), (n, 5) float32.

        x runs from −zoom to zoom across the wider side, y likewise, up the
        picture, so the same network paints any size the same picture; then
        (``composed``) the symmetry folds the plane and the pan moves it.
        """
        side = max(width, height) / 2
        xs = ((np.arange(width)[columns] + 0.5 - width / 2) / side * self.zoom).astype(np.float32)
        ys = ((height / 2 - (np.asarray(rows) + 0.5)) / side * self.zoom).astype(np.float32)
        gx, gy = np.meshgrid(xs, ys)
        inputs = np.empty((gx.size, INPUTS), np.float32)
        x, y = gx.ravel(), gy.ravel()
        if composed:
            x, y = fold(x, y, self.symmetry, self.folds)
            x, y = x + self.pan[0], y + self.pan[1]
        inputs[:, 0], inputs[:, 1] = x, y
        inputs[:, 2] = np.hypot(inputs[:, 0], inputs[:, 1])
        inputs[:, 3], inputs[:, 4] = latent
        return inputs

    def _hidden(self, z: np.ndarray, l: int) -> np.ndarray:
        """Hidden layer l's activations, z one neuron per row: each neuron its own σ from the mix."""
        a = np.empty_like(z)
        for function, part in zip(self.functions, self.parts[l], strict=True):
            if part.stop > part.start:
                a[part] = function.value(z[part])
        return a

    def forward(self, inputs: np.ndarray) -> np.ndarray:
        """RGB in 0 … 1 for each row of inputs: a_l = σ(W_l a_{l-1} + b_l), σ per neuron   (F1).

        Computed a neuron per row (a_l is (n_l, pixels), as the equation writes it): each neuron's
        activation is then a row of contiguous floats, and the pass is 1.6× faster than a pixel
        per row."""
        a = np.ascontiguousarray(inputs.T)
        for l, (W, b) in enumerate(zip(self.weights[:-1], self.biases[:-1], strict=True)):
            z = weighted_sums(W, a)  # z_l = W_l a_{l-1} + b_l
            z += b[:, None]
            a = self._hidden(z, l)
        z = weighted_sums(self.weights[-1], a) + self.biases[-1][:, None]
        return (0.5 * (1.0 + np.tanh(0.5 * z))).T  # sigmoid: colours in 0 … 1

    def outputs(self, inputs: np.ndarray) -> np.ndarray:
        """The network's three outputs for ``inputs``, warped: with ``warp``, the first pass's first two
        outputs move the coordinates, x ← x + warp·(2a₁ − 1), y ← y + warp·(2a₂ − 1), and a second pass
        paints from there (domain warping)."""
        a = self.forward(inputs)
        if self.warp:
            inputs = inputs.copy()
            inputs[:, :2] += self.warp * (2 * a[:, :2] - 1)
            inputs[:, 2] = np.hypot(inputs[:, 0], inputs[:, 1])
            a = self.forward(inputs)
        return a

    def colors(self, a: np.ndarray) -> np.ndarray:
        """Outputs (n, 3) in 0 … 1 → colours in 0 … 1: as red, green, blue, or the palette at t = a₁."""
        return a if self.palette is None else self.palette.colors(a[:, 0])

    def bands(self, width: int, height: int, latent, band_rows: int | None = None, bits: int = 8):
        """The picture a band of rows at a time, top to bottom: (rows, width, 3) arrays, uint8, or
        uint16 with ``bits=16`` (for print: a smooth gradient keeps its 65,536 levels)."""
        width, height = positive_int(width, "width"), positive_int(height, "height")
        for rows in _band_rows(width, height, band_rows):
            yield self._band(width, height, latent, rows, bits)

    def _band(self, width: int, height: int, latent, rows: range, bits: int = 8,
              columns=slice(None)) -> np.ndarray:
        rgb = self.colors(self.outputs(self._inputs(width, height, rows, latent, columns=columns)))
        top, kind = (65535, np.uint16) if bits == 16 else (255, np.uint8)
        return np.rint(rgb * top).astype(kind).reshape(len(rows), -1, 3)

    def image(self, width: int, height: int, latent, every: int = 1, offset=(0, 0)) -> np.ndarray:
        """The whole picture, (height, width, 3) uint8: its bands computed on THREADS threads (numpy
        lets go of Python's lock while it computes), the same pixels as ``bands`` gives.

        ``every`` > 1: only the pixels of rows offset[0], offset[0] + every, …
        and columns offset[1], offset[1] + every, … of that picture (one of
        every² interlaced parts: ``Interlaced``), exactly as the whole has them.
        """
        width, height = positive_int(width, "width"), positive_int(height, "height")
        top, left = offset
        rows, columns = range(top, height, every), slice(left, width, every)
        per_band = max(1, BAND_PIXELS * every // width)
        bands = [rows[k:k + per_band] for k in range(0, len(rows), per_band)]

        def band(part: range) -> np.ndarray:
            return self._band(width, height, latent, part, columns=columns)

        return np.concatenate(list(_pool().map(band, bands)))

    def poster(self, path, width: int, height: int, latent, progress=None, bits: int | None = 8,
               dpi: float | None = None, each_band=None) -> Path:
        """Render at print size straight into a PNG, one band at a time (bounded memory); 8 or 16
        bits a channel (None: as the picture needs, ``bits_for``), and its ``dpi`` written in (its
        printed size: pixels / dpi inches).

        First the file's size is estimated (``poster_bytes``): where the disk
        has not that much room, a ValueError says so and nothing is written.
        ``progress(fraction)`` is called after each band, for a progress bar;
        ``each_band(band)`` with each band (a thumbnail made as they go by).
        """
        width, height = positive_int(width, "width"), positive_int(height, "height")
        bits = self.bits_for(width, height, latent) if bits is None else bits
        if bits not in (8, 16):
            raise ValueError(f"a poster has 8 or 16 bits a channel, got {bits!r}")
        check_room(Path(path), self.poster_bytes(width, height, latent, bits))
        band_rows = max(1, BAND_PIXELS // width)
        total = math.ceil(height / band_rows)

        def reported():
            for i, band in enumerate(self.bands(width, height, latent, band_rows, bits), start=1):
                yield band
                if each_band is not None:
                    each_band(band)
                if progress is not None:
                    progress(i / total)

        return write_png_rows(path, width, height, reported(), dpi=dpi)

    def poster_bytes(self, width: int, height: int, latent, bits: int | None = 8, samples: int = 4) -> int:
        """About how many bytes ``poster`` writes (``bits`` as there): ``samples`` bands of 16 rows
        spread down the picture, compressed as the PNG is, their ratio applied to the whole, plus a
        tenth. Short bands compress a little worse than the whole: posters measured came out
        1.1–1.35× smaller than this."""
        bits = self.bits_for(width, height, latent) if bits is None else bits
        rows = _band_rows(width, height)
        picks = sorted({rows[round(k * (len(rows) - 1) / max(1, samples - 1))].start for k in range(samples)})
        raw = packed = 0
        for top in picks:
            band = self._band(width, height, latent, range(top, min(top + 16, height)), bits)
            data = (np.ascontiguousarray(band, ">u2" if bits == 16 else np.uint8)).tobytes()
            raw, packed = raw + len(data), packed + len(zlib.compress(data, 6))
        return int(1.1 * packed / raw * width * height * 3 * bits // 8) + 4096

    def bits_for(self, width: int, height: int, latent, sample: int = 128, widest: float = 4.0) -> int:
        """8 or 16 bits a channel for a picture of this size: 16 where, in 8 bits, its smooth gradients
        would be steps wider than ``widest`` pixels (a colour changing by less than 1/255 over that
        many pixels: the median over a ``sample``² preview, flat parts left out), bands a print shows.

        >>> c = CPPN(seed=1, palette="dusk")
        >>> c.bits_for(64, 64, c.latent_at(0)), c.bits_for(8000, 8000, c.latent_at(0))
        (8, 16)
        """
        n = positive_int(sample, "sample")
        rgb = self.colors(self.outputs(self._inputs(n, n, range(n), latent))).reshape(n, n, 3)
        steps = np.abs(np.diff(rgb, axis=1)).max(axis=2)
        moving = steps[steps > 1e-9]
        if not moving.size:
            return 8  # one flat colour: nothing to band
        per_pixel = float(np.median(moving)) * n / max(width, height)
        return 16 if per_pixel * widest < 1 / 255 else 8

    def isolines(self, latent, levels: int = 12, resolution: int = 500, pens: int = 4):
        """The picture as contour lines for a plotter: where the first output a₁ (the palette's t)
        crosses each of ``levels`` evenly spaced values, traced on a ``resolution``² grid, each line
        one joined polyline; the levels shared among ``pens`` layers, each in the palette's colour
        there (shades of ink for raw RGB). Returns (pens, bounds of the plane)."""
        from ..picture.contours import contour_lines
        from ..picture.plotter import Pen

        levels, pens = positive_int(levels, "levels"), min(positive_int(pens, "pens"), levels)
        n = positive_int(resolution, "resolution")
        a1 = self.outputs(self._inputs(n, n, range(n), latent))[:, 0].reshape(n, n)
        centres = (np.arange(n) + 0.5 - n / 2) / (n / 2) * self.zoom
        values = np.linspace(0.0, 1.0, levels + 2)[1:-1]
        lines = contour_lines(centres, centres, a1[::-1], values)  # rows bottom to top: y ascending
        palette = self.palette or palettes.NAMED["ink"]
        groups = np.array_split(np.arange(levels), pens)
        drawn = [Pen(f"a1 {values[g[0]]:.2f}-{values[g[-1]]:.2f}", palette.swatch_at(values[g].mean()),
                     [line for k in g for line in lines[k]]) for g in groups]
        return drawn, (-self.zoom, self.zoom, -self.zoom, self.zoom)

    def plot(self, path, latent, levels: int = 12, pens: int = 4, size_mm=(200.0, 200.0),
             margin_mm: float = 15.0, resolution: int = 500):
        """``isolines`` written as a plotter SVG (``picture.plotter``): returns its PlotReport."""
        from ..picture.plotter import write_plot

        drawn, bounds = self.isolines(latent, levels, resolution, pens)
        return write_plot(path, drawn, bounds, size_mm, margin_mm)

    def __repr__(self) -> str:
        return (f"CPPN(width={self.width}, depth={self.depth}, mix={self.mix!r}, seed={self.seed})"
                f"  # {INPUTS}-{'-'.join([str(self.width)] * self.depth)}-3")


def weighted_sums(W: np.ndarray, a: np.ndarray) -> np.ndarray:
    """z = W a, a neuron per row, each sum taken term by term in the order of the inputs, in float32.

    Not BLAS's matmul: BLAS splits and blocks a product by its thread count,
    its processor kernel and the product's size, and so rounds a float32
    sum differently under load, with OPENBLAS_NUM_THREADS=2 or in a band of
    another width (measured: 1,642 of a poster's 125,316 16-bit levels one
    apart between 1 and 2 threads). numpy's einsum sums each z in one fixed
    order in one thread, so a pixel is the same bits wherever it is
    computed: in a band, a picture, a poster, a series job or a Dask worker
    (docs/architecture.md, "Same picture, same bytes"). It is also faster
    here: the picture's bands already share the cores among threads.

    >>> W, a = np.float32([[1, 2]]), np.float32([[3], [4]])
    >>> weighted_sums(W, a).tolist()
    [[11.0]]
    """
    return np.einsum("ij,jk->ik", W, np.ascontiguousarray(a))


def fold(x: np.ndarray, y: np.ndarray, symmetry: str, folds: int = 6) -> tuple[np.ndarray, np.ndarray]:
    """The plane folded by ``symmetry``: every point moved into the first piece, so whatever is painted
    from the folded coordinates repeats in each piece.

    ``mirror``: x → |x| (left is right's mirror image); ``quad``: both;
    ``radial``: the angle θ into one wedge of 2π/folds, mirrored about its
    middle, θ' = |θ mod (2π/folds) − π/folds|: ``folds`` wedges and their
    mirror images, as in a kaleidoscope.

    >>> x, y = fold(np.array([1.0, 0.0]), np.array([0.0, 1.0]), "radial", 4)
    >>> np.round(np.hypot(x, y), 6).tolist(), bool(np.allclose(x, x[0]) and np.allclose(y, y[0]))
    ([1.0, 1.0], True)
    """
    if symmetry == "mirror":
        return np.abs(x), y
    if symmetry == "quad":
        return np.abs(x), np.abs(y)
    if symmetry == "radial":
        wedge = 2 * np.pi / folds
        theta = np.abs(np.mod(np.arctan2(y, x), wedge) - wedge / 2)
        r = np.hypot(x, y)
        return (r * np.cos(theta)).astype(x.dtype), (r * np.sin(theta)).astype(y.dtype)
    return x, y


def composition(symmetry: str, folds, path: str) -> tuple[str, int, str]:
    """The symmetry, folds and latent path, checked: a clear error for each that cannot be used."""
    if symmetry not in SYMMETRIES:
        raise ValueError(f"symmetry {symmetry!r}: choose one of {', '.join(SYMMETRIES)}")
    if isinstance(folds, bool) or not isinstance(folds, int | np.integer) or not 1 <= folds <= 64:
        raise ValueError(f"a radial symmetry has 1 to 64 folds (6: a snowflake), got {folds!r}")
    if path not in PATHS:
        raise ValueError(f"latent path {path!r}: choose one of {', '.join(PATHS)}")
    return symmetry, int(folds), path


def _band_rows(width: int, height: int, band_rows: int | None = None) -> list[range]:
    """The rows of each band, top to bottom: BAND_PIXELS pixels a band unless ``band_rows`` says."""
    band_rows = band_rows or max(1, BAND_PIXELS // width)
    return [range(top, min(top + band_rows, height)) for top in range(0, height, band_rows)]


@functools.cache
def _pool() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(THREADS, thread_name_prefix="cppn")


class Interlaced:
    """A CPPN's picture at full resolution, live: each frame computes one of ``every``² interlaced
    parts (rows and columns a step of ``every`` apart, in turn), so a frame costs what a picture
    ``every`` times smaller does, and no pixel is a blurred guess: each is the network's own output,
    at most every² − 1 frames old while the picture moves. When nothing moves the parts catch up
    and the picture is exact; ``exact=True`` (exports, posters) computes every pixel every frame.

    >>> c, live = CPPN(seed=2), Interlaced(40, 30)
    >>> for _ in range(4):
    ...     picture = live.frame(c, c.latent_at(0.5))
    >>> bool((picture == c.image(40, 30, c.latent_at(0.5))).all())
    True
    """

    def __init__(self, width: int, height: int, every: int = 2, exact: bool = False):
        self.width, self.height = positive_int(width, "width"), positive_int(height, "height")
        self.every, self.exact = positive_int(every, "every"), exact
        self.picture, self.net, self.made, self.turn = None, None, {}, 0

    def frame(self, net: CPPN, latent) -> np.ndarray:
        """The picture for ``latent``: (height, width, 3) uint8, updated in place."""
        latent = tuple(map(float, latent))
        if self.exact or net is not self.net or self.picture is None:
            self.picture, self.net = net.image(self.width, self.height, latent), net
            self.made = {part: latent for part in np.ndindex(self.every, self.every)}
            return self.picture
        stale = [part for part, made in self.made.items() if made != latent]
        if stale:  # the part computed longest ago goes first: each waits its turn
            part = min(stale, key=lambda p: (list(self.made).index(p) - self.turn) % len(self.made))
            self.turn = (list(self.made).index(part) + 1) % len(self.made)
            self.picture[part[0]::self.every, part[1]::self.every] = net.image(
                self.width, self.height, latent, self.every, part)
            self.made[part] = latent
        return self.picture


class Poster:
    """A CPPN's picture at print size, written to ``path`` band by band on a thread of its own, so a
    sketch goes on drawing meanwhile: ``fraction`` is how much is written, ``done`` once it is.

    8 or 16 bits a channel as the picture needs (``CPPN.bits_for``) unless
    ``bits`` says. ``then(path)`` is called when the file is whole (to say
    where it is); ``failed(error)`` when it could not be written (a disk too
    small, say): the error is kept in ``error`` too, and the file is then
    not there at all.
    """

    def __init__(self, net: CPPN, path, width: int, height: int, latent, then=None, failed=None,
                 bits: int | None = None, dpi: float | None = None):
        self.path, self.fraction, self.done, self.error = Path(path), 0.0, False, None

        def work():
            try:
                net.poster(self.path, width, height, latent, lambda f: setattr(self, "fraction", f), bits,
                           dpi)
                if then is not None:
                    then(self.path)
            except (OSError, ValueError) as error:
                self.error = error
                if failed is not None:
                    failed(error)
            finally:
                self.done = True

        threading.Thread(target=work, daemon=True).start()


@dataclass(frozen=True)
class Knobs:
    """What a CPPN sketch turns: the activation mix, the seed, the shape, the detail and the zoom; the
    palette and the composition (symmetry, folds, pan, warp, the latent point's path).

    The same knobs make the same network (``network()``); ``turned(**change)``
    gives new knobs with a change (a layer or a neuron fewer stops at one).

    >>> Knobs().turned(depth=0).depth, Knobs(seed=3).network().seed
    (1, 3)
    """

    mix: str = "waves"
    seed: int = 0
    width: int = 16
    depth: int = 4
    detail: float = 2.5
    zoom: float = 1.5
    palette: str = "rgb"
    symmetry: str = "none"
    folds: int = 6
    pan: tuple[float, float] = (0.0, 0.0)
    warp: float = 0.0
    path: str = "circle"

    def turned(self, **change) -> Knobs:
        knobs = replace(self, **change)
        return replace(knobs, width=max(1, knobs.width), depth=max(1, knobs.depth), folds=max(1, knobs.folds))

    def network(self) -> CPPN:
        return CPPN(width=self.width, depth=self.depth, mix=self.mix, seed=self.seed, scale=self.detail,
                    zoom=self.zoom, palette=self.palette, symmetry=self.symmetry, folds=self.folds,
                    pan=self.pan, warp=self.warp, path=self.path)

    def look(self) -> str:
        """How the picture is composed and coloured, in a few words: ``radial 6 · warp 0.5 · dusk``."""
        parts = [f"radial {self.folds}" if self.symmetry == "radial" else self.symmetry]
        parts += [f"warp {self.warp:g}"] if self.warp else []
        parts += [f"pan {self.pan[0]:+.2g} {self.pan[1]:+.2g}"] if any(self.pan) else []
        parts += [f"{self.path} path"] if self.path != "circle" else []
        return " · ".join([*(p for p in parts if p != "none"), Path(str(self.palette)).stem])

    def shape(self) -> str:
        """The network's layer sizes, as in the course: 5-16-16-16-16-3."""
        return "-".join([str(INPUTS)] + [str(self.width)] * self.depth + ["3"])
