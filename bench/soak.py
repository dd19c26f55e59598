"""Soak: 10,000 frames of the network sketch exported in one go.

Checks that no frame is dropped (exactly 10,000 PNGs) and that the export
process's resident memory grows by less than 50 MB between frame 500 (when
the JVM and caches have warmed up) and the last frame. The frames go to a
temporary folder, removed afterwards. Takes a few minutes.

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


def main() -> int:
    from creativenn.tools.display import virtual_display

    virtual_display()
    frames = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    from creativenn.tools.cli import EXPORT_ENV

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
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
