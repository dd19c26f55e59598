"""How much faster is a series on every core? 16 seeds of the network sketch, with 1 job and with one a core.

Both render the same 16 items (30 frames each, 800×800) through
``creativenn export network --seeds …`` as a user runs it: each item a
worker process (a JVM) of its own, each job a virtual screen of its own.
Rounds alternate between the two, fresh folders each time, and the best
round of each counts. The speed-up is printed beside the ideal, the number
of cores; and beside what the cores allow: one export alone keeps more than
one core busy (Java's drawing thread and compilers, Python, ffmpeg encoding
the PNGs), measured here as the CPU time of its processes over its wall
time, so N cores can run at most N ÷ that many times faster. The goal is
GOAL of the smaller of the two. The frames of the two are compared too:
the same bytes, however many jobs made them.

Run: ``make bench`` or ``python bench/series.py [ROUNDS]``.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEEDS, FRAMES, GOAL = "1-16", 30, 0.7


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def series(jobs: int, out: Path) -> tuple[float, float]:
    """(wall seconds, cores kept busy on average) for the series with ``jobs`` jobs."""
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    command = [sys.executable, "-m", "creativenn", "export", "network", "--seeds", SEEDS, "--frames",
               str(FRAMES), "--jobs", str(jobs), "--out", str(out)]
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"the series with {jobs} job(s) failed:\n{done.stderr}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return seconds, cpu / seconds


def frames(out: Path) -> dict:
    return {p.relative_to(out): p.read_bytes() for p in sorted(out.glob("seed-*/frame-*.png"))}


def main() -> int:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    many = cores()
    best = {1: (float("inf"), 1.0), many: (float("inf"), 1.0)}
    with tempfile.TemporaryDirectory() as folder:
        for r in range(rounds):
            for jobs in (1, many) if r % 2 == 0 else (many, 1):
                best[jobs] = min(best[jobs], series(jobs, Path(folder) / f"{jobs}-{r}"))
        same = frames(Path(folder) / "1-0") == frames(Path(folder) / f"{many}-0")
    (alone, busy), (together, busy_many) = best[1], best[many]
    speedup, allowed = alone / together, min(many, many / busy)
    ok = speedup >= GOAL * allowed and same
    print(f"series: 16 seeds of network, {FRAMES} frames each, best of {rounds} rounds")
    print(f"  1 job       {alone:6.1f} s   keeps {busy:.2f} cores busy")
    print(f"  {many} jobs      {together:6.1f} s   keep {busy_many:.2f} cores busy")
    print(f"  speed-up    {speedup:6.2f}×   ideal {many:.2f}× ({many} cores); what the cores allow "
          f"{allowed:.2f}× ({many} ÷ {busy:.2f}): {speedup / allowed:.0%} of it; goal ≥ {GOAL:.0%}: "
          f"{'met' if ok else 'MISSED'}")
    print(f"  frames the same bytes with 1 and {many} jobs: {'yes' if same else 'NO'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
