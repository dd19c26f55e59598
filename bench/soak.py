"""Soak: 10,000 frames of the network sketch exported in one go, and a 4000×4000 poster.

Checks that no frame is dropped (exactly 10,000 PNGs) and that the export
process's resident memory grows by less than 50 MB between frame 500 (when
the JVM and caches have warmed up) and the last frame. The frames go to a
temporary folder, removed afterwards. Takes a few minutes.

Then the cppn sketch's picture as a 4000×4000 poster (its ``p`` key), in a
process of its own: the peak of the memory allocated while it is written
(tracemalloc, which counts numpy's arrays) stays under POSTER_GOAL_MB, where
the whole picture's hidden layer in float32 at once would need 1 GB.

Run: ``make soak`` or ``python bench/soak.py [FRAMES]``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL_MB = 50.0
POSTER_GOAL_MB, POSTER_SIZE = 120.0, 4000
WORKER = r"""
import json, sys, time
from pathlib import Path
from creativenn.tools.render import render
from creativenn.tools.frames import FrameWriter

def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024

frames, out = int(sys.argv[1]), Path(sys.argv[2])
writer, marks = FrameWriter(out), {}
start = time.perf_counter()
def on_frame(rgb, k):
    writer.write(rgb)
    if k in (500, frames):
        marks[k] = rss_mb()
result = render(sys.argv[3], frames, on_frame=on_frame)
writer.close()
print(json.dumps({"written": len(list(out.glob("frame-*.png"))), "rss": marks, "error": result.error,
                  "seconds": time.perf_counter() - start}))
"""

POSTER_WORKER = r"""
import json, sys, tempfile, time, tracemalloc
from pathlib import Path
from creativenn.worlds.cppn import Knobs

size = int(sys.argv[1])
net = Knobs(mix="waves", seed=0, width=16, depth=4, detail=2.5, zoom=1.5).network()  # the cppn sketch's START
latent = net.latent_at(0.0)
with tempfile.TemporaryDirectory() as folder:
    net.poster(Path(folder) / "warm.png", 64, 64, latent)  # imports and caches, before measuring
    tracemalloc.start()  # numpy's arrays are counted too: the peak of everything allocated meanwhile
    start = time.perf_counter()
    net.poster(Path(folder) / "poster.png", size, size, latent)
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] / 2**20
print(json.dumps({"peak": peak, "seconds": seconds}))
"""


def poster() -> bool:
    """The 4000×4000 poster's peak memory, printed beside its goal; whether it was met."""
    done = subprocess.run([sys.executable, "-c", POSTER_WORKER, str(POSTER_SIZE)], capture_output=True,
                          text=True, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    ok = result["peak"] < POSTER_GOAL_MB
    print(f"poster: the cppn sketch's picture at {POSTER_SIZE}×{POSTER_SIZE} in {result['seconds']:.0f} s; "
          f"peak memory allocated while writing it {result['peak']:.1f} MB (goal < {POSTER_GOAL_MB:g} MB)"
          f"{'' if ok else '  MISSED'}")
    return ok


def main() -> int:
    from creativenn.tools.display import virtual_display

    virtual_display()
    frames = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    from creativenn.tools.job import EXPORT_ENV

    with tempfile.TemporaryDirectory() as out:  # the worker runs as `creativenn export` runs it
        done = subprocess.run([sys.executable, "-c", WORKER, str(frames), out,
                               str(ROOT / "sketches" / "network.py")], capture_output=True, text=True,
                              env={**os.environ, **EXPORT_ENV})
    if done.returncode:
        print(done.stderr[-3000:])
        return 1
    result = json.loads(done.stdout.strip().splitlines()[-1])
    growth = result["rss"][str(frames)] - result["rss"]["500"]
    ok = result["written"] == frames and growth < GOAL_MB and not result["error"]
    print(f"soak: the network sketch, {frames} frames exported in {result['seconds']:.0f} s")
    print(f"frames written {result['written']} of {frames}; resident memory "
          f"{result['rss']['500']:.0f} MB at frame 500, {result['rss'][str(frames)]:.0f} MB at the end: "
          f"{growth:+.1f} MB (goal < {GOAL_MB:g} MB){'' if ok else '  MISSED'}")
    poster_ok = poster()
    return 0 if ok and poster_ok else 1


if __name__ == "__main__":
    sys.exit(main())
