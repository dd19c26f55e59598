"""How fast every bundled sketch draws live: its frame time, with the frame grabbed, against 60 fps.

Each sketch runs at 800×800 in a process of its own, as ``creativenn export``
runs it (seeded, ``frame_rate(1000)``: nothing waits on the clock), and
every frame's canvas is grabbed with ``get_np_pixels`` and dropped: what a
live window costs plus the grab an export or a projector adds. After a
warm-up of WARMUP frames, FRAMES frames are timed, from one grab to the next.
Prints the median and the 90th percentile in ms beside the goal: 90th
percentile ≤ 16.7 ms, 60 frames a second. Two more rows run sketches with
arguments that make them heavier (``digits --wide``, ``playground blobs 4``).

Run: ``make bench`` or ``python bench/live_fps.py [SKETCH …]``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

GOAL_MS = 1000 / 60
WARMUP, FRAMES = 60, 120  # a second to warm up (the JIT, caches), then two seconds timed
EXTRA = {"digits --wide": ("digits", ["--wide"]), "playground blobs 4": ("playground", ["blobs", "4"])}

WORKER = r"""
import json, sys, time
from creativenn.tools.render import render
sketch, warmup, frames, args = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
times = []
def on_frame(rgb, k):
    times.append(time.perf_counter())
result = render(sketch, warmup + frames, on_frame=on_frame, size=(800, 800), argv=args)
gaps = [1000 * (b - a) for a, b in zip(times[warmup - 1:], times[warmup:])]
print(json.dumps({"gaps": gaps, "error": result.error}))
"""


def frame_times(path, args) -> list[float]:
    from creativenn.tools.job import EXPORT_ENV

    done = subprocess.run([sys.executable, "-c", WORKER, str(path), str(WARMUP), str(FRAMES), *args],
                          capture_output=True, text=True, env={**os.environ, **EXPORT_ENV})
    if done.returncode:
        raise RuntimeError(done.stderr[-2000:])
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if result["error"]:
        raise RuntimeError(result["error"])
    return result["gaps"]


def main(argv=None) -> int:
    import numpy as np

    from creativenn import resources
    from creativenn.tools.display import virtual_display

    virtual_display()
    sketches = resources.sketches()
    runs = {name: (name, []) for name in sketches} | EXTRA
    chosen = (argv if argv is not None else sys.argv[1:]) or list(runs)
    print(f"live frame time at 800×800, frame grabbed, {FRAMES} frames after {WARMUP}: "
          f"goal 90th percentile ≤ {GOAL_MS:.1f} ms (60 fps)")
    print(f"{'sketch':<22}{'median ms':>10}{'p90 ms':>9}{'fps (p90)':>11}")
    missed = 0
    for name in chosen:
        sketch, args = runs[name]
        gaps = np.array(frame_times(sketches[sketch], args))
        median, p90 = float(np.median(gaps)), float(np.percentile(gaps, 90))
        missed += p90 > GOAL_MS
        print(f"{name:<22}{median:>10.1f}{p90:>9.1f}{1000 / p90:>11.0f}{'  MISSED' if p90 > GOAL_MS else ''}")
    print(f"{len(chosen) - missed} of {len(chosen)} at 60 fps")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
