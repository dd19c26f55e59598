"""A sketch that raises at its fifth frame (for the exporter's error path)."""

import py5


def settings():
    py5.size(120, 80)


def draw():
    py5.background(py5.frame_count * 20, 0, 0)
    if py5.frame_count == 5:
        explode()


def explode():
    raise RuntimeError("this sketch breaks on purpose at frame 5")


py5.run_sketch()
