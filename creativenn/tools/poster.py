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

KNOBS = {"mix": "waves", "width": 16, "depth": 4, "detail": 2.5, "zoom": 1.5, "at": 0.0}  # the sketch's START
LARGEST = 100_000  # pixels a side
THUMB = 320  # the thumbnail's longer side


def knob_settings(args: list[str]) -> dict:
    """``mix=bumps detail=3 at=0.25`` as knobs (``at``: where on the latent loop, 0 … 1); a clear
    ValueError for anything else."""
    from ..worlds.cppn import MIXES
    from .sketchfile import setting

    knobs = {}
    for text in args:
        found = setting(text, KNOBS, "the cppn poster", what="knob")
        if found is None:
            example = " ".join(f"{k}={v}" for k, v in KNOBS.items())
            raise ValueError(f"the cppn poster takes knobs as NAME=value ({example}), not {text!r}")
        knobs[found[0]] = found[1]
    if knobs.get("mix", "waves") not in MIXES:
        raise ValueError(f"mix={knobs['mix']}: the mixes are {', '.join(MIXES)}")
    for name in ("width", "depth"):
        if knobs.get(name, 1) < 1:
            raise ValueError(f"{name}={knobs[name]}: give 1 or more")
    return knobs


@dataclass
class PosterJob:
    """One poster: the same interface as ``tools.job.Job`` (start, follow, problem), for a series."""

    path: Path
    thumb: Path
    size: tuple[int, int]
    seed: int = 0
    knobs: dict = field(default_factory=dict)
    worker: subprocess.Popen | None = None
    done: dict | None = None

    def start(self, display: str | None = None, stderr=None) -> subprocess.Popen:
        from .job import SKETCH_ENV, launch

        command = [sys.executable, "-m", "creativenn.tools.poster", "--out", str(self.path), "--thumb",
                   str(self.thumb), "--size", f"{self.size[0]}x{self.size[1]}", "--seed", str(self.seed),
                   "--knobs", repr(self.knobs)]
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


def render(path, thumb, width: int, height: int, seed: int, knobs: dict, progress=None) -> None:
    """Write the poster to ``path`` and its thumbnail to ``thumb``, band by band."""
    import numpy as np

    from ..files import whole_file, write_png_rows
    from ..worlds.cppn import BAND_PIXELS, Knobs

    at = knobs.get("at", 0.0)
    net = Knobs(seed=seed, **{k: v for k, v in knobs.items() if k != "at"}).network()
    shrink = Shrink(width, height, THUMB)
    band_rows = max(1, BAND_PIXELS // width)
    total = math.ceil(height / band_rows)

    def bands():
        for i, band in enumerate(net.bands(width, height, net.latent_at(at), band_rows), start=1):
            shrink.add(band)
            yield band
            if progress is not None:
                progress(i / total)

    write_png_rows(path, width, height, bands())
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
        render(args.out, args.thumb, *args.size, args.seed, args.knobs, lambda f: say(fraction=f))
    except OSError as error:
        message = disk_full_message(Path(args.out).parent) if is_disk_full(error) else f"{error}"
        problem = f"{Path(args.out).name} could not be written: {message}"
        print(f"error: {problem}", file=sys.stderr)  # for a Dask worker, which reads no pipe
        say(done=True, error=problem)
        return 1
    say(done=True, error=None)
    return 0


def recipe(size, knobs) -> dict:
    """What makes a poster, for the series' manifest."""
    return {"kind": "poster", "size": list(size), "knobs": dict(knobs)}

if __name__ == "__main__":
    sys.exit(main())
