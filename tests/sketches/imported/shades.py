"""An imported-mode sketch with constants a series sets (SHADE, SEED), and a helper module beside it."""

from square_helper import square_at

SHADE = 10
SEED = 0
FAIL = False


def settings():
    size(120, 80)


def draw():
    if FAIL and frame_count == 2:
        raise ValueError("shades breaks on purpose")
    background(SHADE, SEED, 30)
    square_at(frame_count * 10, 20)
