"""How fast can py5 frames get to disk? The ways py5 offers, measured side by side in one run.

Each way renders the same frames of the network sketch (800×800, JAVA2D) and
prints frames/s and its ratio to drawing alone:

- ``draw only``: rendering, nothing saved (the ceiling);
- ``get_np_pixels + writer``: creativenn's way, pixels grabbed in draw() and
  PNG-encoded in a background thread (``creativenn.tools.frames.FrameWriter``);
- ``save_frame``: py5's own, one PNG per frame in draw();
- ``save_frame(use_thread=True)``: py5's, saving on a thread.

``py5_tools.capture_frames``/``animated_gif``/``offline_frame_processing``
are left out: measured here (../shared/PY5.md) they returned early, wrote an
empty file or hung when the sketch stopped. Each way runs in a subprocess of
its own (a module-mode sketch runs once per process), in rounds alternating
between the ways.

Run: ``make bench`` or ``python bench/export_methods.py``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FRAMES = 90
WARMUP = 15
WAYS = ["draw only", "get_np_pixels + writer", "save_frame", "save_frame(use_thread=True)"]

WORKER = r'''
import json, sys, time
from pathlib import Path
import py5
from creativenn.tools.render import render
from creativenn.tools.frames import FrameWriter

way, out, frames, warmup = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
writer = FrameWriter(out) if way == "get_np_pixels + writer" else None
if writer is None:  # the runner grabs pixels for on_frame; these ways must not pay for that
    import creativenn.tools.render
    creativenn.tools.render.grab_rgb = lambda sketch: None
times = []

def on_frame(rgb, k):
    if way == "get_np_pixels + writer":
        writer.write(rgb)
    elif way == "save_frame":
        py5.save_frame(str(out / "frame-####.png"))
    elif way == "save_frame(use_thread=True)":
        py5.save_frame(str(out / "frame-####.png"), use_thread=True)
    times.append(time.perf_counter())

result = render(sys.argv[5], frames + warmup, on_frame=on_frame)
if writer:
    writer.close()
print(json.dumps({"fps": (len(times) - warmup) / (times[-1] - times[warmup - 1]), "error": result.error}))
'''


def measure(way: str) -> float:
    with tempfile.TemporaryDirectory() as out:
        done = subprocess.run(
            [sys.executable, "-c", WORKER, way, out, str(FRAMES), str(WARMUP),
             str(ROOT / "sketches" / "network.py")],
            capture_output=True, text=True, check=True,
        )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if result["error"]:
        raise RuntimeError(result["error"])
    return result["fps"]


def main() -> int:
    from creativenn.tools.display import virtual_display

    virtual_display()
    best = {way: 0.0 for way in WAYS}
    for _ in range(2):
        for way in WAYS:
            best[way] = max(best[way], measure(way))
    print(f"export: the network sketch, 800×800, {FRAMES} frames a run, best of 2 rounds")
    print(f"{'way':<30}{'frames/s':>10}{'vs draw only':>14}")
    for way in WAYS:
        print(f"{way:<30}{best[way]:>10.1f}{best[way] / best['draw only']:>13.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
