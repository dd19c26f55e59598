"""Posters of the cppn sketch's pictures at print size: ``creativenn poster cppn --seeds 1-100``.

A CPPN paints from coordinates, so it has no resolution of its own: a poster
is the same picture the sketch shows, computed afresh at 8000 × 8000 (any
size), band by band straight into a PNG (``CPPN.poster``), so each poster
needs a few MB however large. While the bands go by, a thumbnail is made
from them (each of its pixels the mean of a block of the poster's), for the
series' contact sheet. No py5 and no display: numpy alone.

The worker, ``python -m creativenn.tools.poster``, renders one poster and
reports each band as JSON lines on a pipe, like the export worker; a
series runs several at once (``tools.series``).

Leaves out: the other sketches (``creativenn export --size`` renders any
sketch larger, within what Java can hold).
"""

from __future__ import annotations

import argparse
import ast
import json
import math
import os
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

KNOBS = {"mix": "waves", "width": 16, "depth": 4, "detail": 2.5, "zoom": 1.5, "palette": "ember",
         "symmetry": "none", "folds": 6, "warp": 0.0, "pan": (0.0, 0.0), "path": "circle",
         "at": 0.0}  # the sketch's START, and where on the latent loop
LARGEST = 100_000  # pixels a side
THUMB = 320  # the thumbnail's longer side
UNITS = {"mm": 25.4, "cm": 2.54, "in": 1.0}  # a print size's unit → per inch
PRINT_DPI = 300  # dots per inch when a size is given in cm, mm or inches


def knob_settings(args: list[str]) -> dict:
    """``mix=bumps detail=3 palette=dusk symmetry=radial at=0.25`` as knobs (``at``: where on the latent
    loop, 0 … 1); a clear ValueError for anything else (a palette picture that cannot be read too)."""
    from ..picture import palettes
    from ..worlds.cppn import MIXES, composition
    from .sketchfile import setting

    knobs = {}
    for text in args:
        found = setting(text, KNOBS, "the cppn poster", what="knob")
        if found is None:
            example = " ".join(f"{k}={v}" for k, v in KNOBS.items() if k in ("mix", "palette", "at"))
            raise ValueError(f"the cppn poster takes knobs as NAME=value ({example} …), not {text!r}")
        knobs[found[0]] = found[1]
    if knobs.get("mix", "waves") not in MIXES:
        raise ValueError(f"mix={knobs['mix']}: the mixes are {', '.join(MIXES)}")
    for name in ("width", "depth"):
        if knobs.get(name, 1) < 1:
            raise ValueError(f"{name}={knobs[name]}: give 1 or more")
    chosen = {**KNOBS, **knobs}
    composition(chosen["symmetry"], chosen["folds"], chosen["path"])
    palettes.get(chosen["palette"])
    pan = chosen["pan"]
    if len(pan) != 2 or not all(isinstance(v, int | float) and math.isfinite(v) for v in pan):
        raise ValueError(f"pan={pan!r}: give two numbers, pan=(0.5,-0.25)")
    return knobs


def print_size(text: str, dpi: float | None = None) -> tuple[tuple[int, int], float | None]:
    """``--size`` and ``--dpi`` as (pixels, dpi): ``8000x8000`` pixels (dpi as given, or none written),
    or a print size, ``30x40cm``, ``300x400mm``, ``12x16in``, at ``dpi`` (PRINT_DPI unless given).

    >>> print_size("30x40cm")
    ((3543, 4724), 300.0)
    >>> print_size("8000x6000"), print_size("12x12in", 150)
    (((8000, 6000), None), ((1800, 1800), 150.0))
    """
    if dpi is not None and not (math.isfinite(dpi) and 10 <= dpi <= 10_000):
        raise ValueError(f"--dpi {dpi:g}: give the printer's dots per inch, 10 to 10000 (300 is usual)")
    low = text.strip().lower()
    unit = next((u for u in UNITS if low.endswith(u)), None)
    try:
        w, h = (float(v) if unit else int(v) for v in low.removesuffix(unit or "").split("x"))
    except ValueError:
        raise ValueError(f"--size {text}: give pixels (8000x8000) or a print size (30x40cm, 300x400mm, "
                         "12x16in)") from None
    if not (w > 0 and h > 0 and math.isfinite(w) and math.isfinite(h)):
        raise ValueError(f"--size {text}: both sides must be above 0")
    if unit is None:
        return (w, h), None if dpi is None else float(dpi)
    dpi = float(dpi or PRINT_DPI)
    pixels = tuple(max(1, round(v / UNITS[unit] * dpi)) for v in (w, h))
    return pixels, dpi


@dataclass
class PosterJob:
    """One poster: the same interface as ``tools.job.Job`` (start, follow, problem), for a series."""

    path: Path
    thumb: Path
    size: tuple[int, int]
    seed: int = 0
    knobs: dict = field(default_factory=dict)
    bits: int | None = None  # 8, 16, or None: as the picture needs (``bits_for``)
    dpi: float | None = None
    worker: subprocess.Popen | None = None
    done: dict | None = None

    def start(self, display: str | None = None, stderr=None) -> subprocess.Popen:
        from .job import SKETCH_ENV, launch

        command = [sys.executable, "-m", "creativenn.tools.poster", "--out", str(self.path), "--thumb",
                   str(self.thumb), "--size", f"{self.size[0]}x{self.size[1]}", "--seed", str(self.seed),
                   "--knobs", repr(self.knobs), *print_flags(self.bits, self.dpi)]
        self.worker, self._reports = launch(command, {**os.environ, **SKETCH_ENV}, stderr)
        return self.worker

    def follow(self, on_fraction=None) -> dict | None:
        from .job import reports

        for message in reports(self._reports):
            if "fraction" in message and on_fraction is not None:
                on_fraction(message["fraction"])
            elif message.get("done"):
                self.done = message
        return self.done

    def problem(self, code: int | None) -> str | None:
        if self.done is None:
            how = f"killed by {signal.Signals(-code).name}" if code and code < 0 else f"exit code {code}"
            return f"the poster worker stopped unexpectedly ({how}); {self.path.name} was not written"
        return self.done.get("error")


def network(seed: int, knobs: dict):
    """The poster's network (the sketch's START with ``knobs`` changed) and its latent point."""
    from ..worlds.cppn import Knobs

    chosen = {**KNOBS, **knobs}
    net = Knobs(seed=seed, **{k: v for k, v in chosen.items() if k != "at"}).network()
    return net, net.latent_at(chosen["at"])


def print_flags(bits: int | None, dpi: float | None) -> list[str]:
    """The worker's options for a poster's bits and dpi (none for the defaults)."""
    return [*(["--bits", str(bits)] if bits else []), *(["--dpi", repr(dpi)] if dpi else [])]


def render(path, thumb, width: int, height: int, seed: int, knobs: dict, progress=None,
           bits: int | None = None, dpi: float | None = None) -> None:
    """Write the poster to ``path`` and its thumbnail to ``thumb``, band by band; 8 or 16 bits a channel
    (None: as the picture needs, ``CPPN.bits_for``), ``dpi`` written in."""
    import numpy as np

    from ..files import whole_file

    net, latent = network(seed, knobs)
    shrink = Shrink(width, height, THUMB)

    def each_band(band):
        shrink.add(band if band.dtype == np.uint8 else band / 257.0)  # the thumbnail in 8 bits
        if progress is not None:
            progress(shrink.top / height)

    net.poster(path, width, height, latent, bits=bits, dpi=dpi, each_band=each_band)
    from PIL import Image

    Path(thumb).parent.mkdir(parents=True, exist_ok=True)
    with whole_file(thumb) as file:
        Image.fromarray(shrink.result().astype(np.uint8)).save(file, format="PNG")


class Shrink:
    """A picture made smaller as its bands go by: each pixel the mean of a block of k × k (the edges'
    blocks smaller), k chosen so the longer side is at most ``longest``."""

    def __init__(self, width: int, height: int, longest: int):
        import numpy as np

        self.k = k = max(1, math.ceil(max(width, height) / longest))
        self.sums = np.zeros((math.ceil(height / k), math.ceil(width / k), 3))
        self.starts = np.arange(0, width, k)
        self.col_counts = np.diff(np.append(self.starts, width))
        self.rows = np.zeros(self.sums.shape[0])
        self.top = 0

    def add(self, band) -> None:
        import numpy as np

        columns = np.add.reduceat(band.astype(np.float64), self.starts, axis=1)  # (rows, w/k, 3)
        which = (self.top + np.arange(band.shape[0])) // self.k
        np.add.at(self.sums, which, columns)
        np.add.at(self.rows, which, 1)
        self.top += band.shape[0]

    def result(self):
        import numpy as np

        return np.rint(self.sums / (self.rows[:, None, None] * self.col_counts[None, :, None]))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m creativenn.tools.poster")
    parser.add_argument("--out", required=True)
    parser.add_argument("--thumb", required=True)
    parser.add_argument("--size", required=True, type=lambda s: tuple(int(v) for v in s.split("x")))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--knobs", type=ast.literal_eval, default={})
    parser.add_argument("--bits", type=int, choices=(8, 16))
    parser.add_argument("--dpi", type=float)
    parser.add_argument("--progress-fd", type=int)
    args = parser.parse_args(argv)
    report = os.fdopen(args.progress_fd, "w", buffering=1) if args.progress_fd else None

    def say(**message):
        if report is not None:
            report.write(json.dumps(message) + "\n")

    from ..files import disk_full_message, is_disk_full

    # stopped (a series' Ctrl-C): end through Python, so the unfinished PNG is removed, not left half-written
    signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(128 + number))
    try:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        render(args.out, args.thumb, *args.size, args.seed, args.knobs, lambda f: say(fraction=f), args.bits,
               args.dpi)
    except (OSError, ValueError) as error:
        full = isinstance(error, OSError) and is_disk_full(error)
        message = disk_full_message(Path(args.out).parent) if full else f"{error}"
        problem = message if isinstance(error, ValueError) else f"{Path(args.out).name} could not be " \
                                                                f"written: {message}"
        print(f"error: {problem}", file=sys.stderr)  # for a Dask worker, which reads no pipe
        say(done=True, error=problem)
        return 1
    say(done=True, error=None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
