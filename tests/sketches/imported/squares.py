"""An imported-mode sketch (no import of py5), drawing with a helper module in the same mode."""

from square_helper import square_at


def settings():
    size(120, 80)


def draw():
    background(10, 20, 30)
    square_at(frame_count * 10, 20)
