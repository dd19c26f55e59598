"""A no_loop() sketch: draw() runs once, then once more because it asks for redraw() the first time."""

import py5

draws = 0


def settings():
    py5.size(120, 80)


def setup():
    py5.no_loop()


def draw():
    global draws
    draws += 1
    py5.background(draws * 60, 0, 0)
    if draws == 1:
        py5.redraw()


py5.run_sketch()
