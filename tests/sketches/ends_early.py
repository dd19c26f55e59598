"""A sketch that ends itself at its third frame (the export must say it got 3, not 10)."""

import py5


def settings():
    py5.size(120, 80)


def draw():
    py5.background(0, py5.frame_count * 40, 0)
    if py5.frame_count == 3:
        py5.exit_sketch()


py5.run_sketch()
