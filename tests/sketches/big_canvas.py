"""A sketch whose own size() is larger than the export's Java memory holds (it must not hang)."""

import py5


def settings():
    py5.size(9000, 9000)


def draw():
    py5.background(30, 60, 90)


py5.run_sketch()
