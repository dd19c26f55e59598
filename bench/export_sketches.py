"""Export speed of every bundled sketch against its own drawing, and against a bare sketch.

Each sketch is exported at 800×800 the way ``creativenn export`` does it
(pixels grabbed each frame, PNGs written on a background thread), in a
process of its own, and its steady frames/s (after a warm-up) compared with
(1) the same sketch drawing only, nothing grabbed or written: what the
export itself adds; goal at most 2×; and (2) a bare sketch on the same
renderer that clears the canvas and saves: what the sketch's drawing costs
on top; goal at most 2× where the sketch draws within the 60 fps budget
(16.7 ms), reported only otherwise. Rounds alternate between the sketches,
best of two.

Run: ``make bench`` or ``python bench/export_sketches.py``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL = 2.0
WARMUP, FRAMES = 20, 60

BARE = """import py5
def settings():
    py5.size(800, 800{renderer})
def draw():
    py5.background(21, 23, 28)
py5.run_sketch()
"""

WORKER = r"""
import json, sys, time
from pathlib import Path
import creativenn.tools.render
from creativenn.tools.render import render
from creativenn.tools.frames import FrameWriter
sketch, out, warmup, frames = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
draw_only = sys.argv[5] == "draw"
writer, times = FrameWriter(out), []
if draw_only:  # nothing grabbed, nothing written: the sketch's own frame time
    creativenn.tools.render.grab_rgb = lambda sketch: None
def on_frame(rgb, k):
    if not draw_only:
        writer.write(rgb)
    times.append(time.perf_counter())
result = render(sketch, warmup + frames, on_frame=on_frame, size=(800, 800))
writer.close()
print(json.dumps({"fps": frames / (times[-1] - times[warmup - 1]), "error": result.error}))
"""


def export_fps(sketch: Path, how: str = "export") -> float:
    from creativenn.tools.job import EXPORT_ENV

    with tempfile.TemporaryDirectory() as out:  # the worker runs as `creativenn export` runs it
        done = subprocess.run([sys.executable, "-c", WORKER, str(sketch), out, str(WARMUP), str(FRAMES), how],
                              capture_output=True, text=True,
                              env={**os.environ, **EXPORT_ENV})
    if done.returncode:
        raise RuntimeError(done.stderr[-2000:])
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if result["error"]:
        raise RuntimeError(result["error"])
    return result["fps"]


def renderer(sketch: Path) -> str:
    text = sketch.read_text()
    return ", py5.P3D" if "py5.P3D" in text else ", py5.P2D" if "py5.P2D" in text else ""


def main() -> int:
    from creativenn import resources
    from creativenn.tools.display import virtual_display

    virtual_display()
    sketches = list(resources.sketches().values())
    best: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        bares = {}
        for kind in sorted({renderer(s) for s in sketches}):
            bares[kind] = Path(folder) / f"bare{kind.replace(', py5.', '_')}.py"
            bares[kind].write_text(BARE.format(renderer=kind))
        runs = {s.stem: s for s in sketches} | {f"bare{k or ' JAVA2D'}": p for k, p in bares.items()}
        drawn: dict[str, float] = {}
        for _ in range(2):
            for name, path in runs.items():
                best[name] = max(best.get(name, 0.0), export_fps(path))
                if not name.startswith("bare"):
                    drawn[name] = max(drawn.get(name, 0.0), export_fps(path, "draw"))
    print(f"export: each sketch at 800×800, {FRAMES} frames after {WARMUP}, best of 2: against its own "
          "drawing (goal ≤2×), and against a bare sketch that clears and saves (goal ≤2× where the "
          "sketch draws within 16.7 ms)")
    print(f"{'sketch':<16}{'export fps':>11}{'draw fps':>10}{'cost':>7}{'bare fps':>10}{'cost':>7}")
    failed = False
    for sketch in sketches:
        kind = renderer(sketch)
        bare = best[f"bare{kind or ' JAVA2D'}"]
        own, against_bare = drawn[sketch.stem] / best[sketch.stem], bare / best[sketch.stem]
        in_budget = drawn[sketch.stem] >= 60
        missed = own > GOAL or (in_budget and against_bare > GOAL)
        failed |= missed
        note = "" if in_budget else "  (draws slower than 60 fps: bare goal not applied)"
        print(f"{sketch.stem:<16}{best[sketch.stem]:>11.1f}{drawn[sketch.stem]:>10.1f}{own:>6.2f}×"
              f"{bare:>10.1f}{against_bare:>6.2f}×{'  MISSED' if missed else ''}{note}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
