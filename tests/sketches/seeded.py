"""A tiny sketch for series tests: its colour comes from SEED at the top of the file (as line_fit's data
does); SEED == BREAK raises in draw(), SEED == DIE kills its own process, SEED == KILL_GRANDPARENT kills
the process two above it (a Dask worker, when a cluster renders it), each at frame 2."""

import os
import signal

import numpy as np
import py5

SEED = 0
BREAK = DIE = KILL_GRANDPARENT = -1
COLOR = np.random.default_rng(SEED).integers(0, 256, 3)


def settings():
    py5.size(120, 90)


def draw():
    if py5.frame_count == 2 and SEED == BREAK:
        raise ValueError(f"seed {SEED} breaks on purpose")
    if py5.frame_count == 2 and SEED == DIE:
        os.kill(os.getpid(), signal.SIGKILL)
    if py5.frame_count == 2 and SEED == KILL_GRANDPARENT:
        with open(f"/proc/{os.getppid()}/stat") as stat:
            os.kill(int(stat.read().rsplit(")", 1)[1].split()[1]), signal.SIGKILL)
        os.kill(os.getpid(), signal.SIGKILL)
    py5.background(*[int(c) for c in COLOR])
    py5.no_stroke()
    py5.fill(255)
    py5.circle(10 * py5.frame_count, 45, 20)


py5.run_sketch()
