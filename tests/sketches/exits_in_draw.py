"""A sketch that calls sys.exit() inside draw() at its second frame (py5 alone would hang)."""

import sys

import py5


def settings():
    py5.size(120, 80)


def draw():
    py5.background(0, 0, py5.frame_count * 40)
    if py5.frame_count == 2:
        sys.exit()


py5.run_sketch()
