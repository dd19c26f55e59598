"""A sketch in the Processing habit: size() at the top of setup(), no settings()."""

import py5


def setup():
    py5.size(64, 48)
    py5.background(10, 200, 30)


def draw():
    py5.no_stroke()
    py5.fill(255)
    py5.rect(py5.frame_count, 0, 4, 4)


py5.run_sketch()
