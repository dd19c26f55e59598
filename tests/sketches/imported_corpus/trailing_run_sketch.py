# Written as py5's documentation writes them, so that it also runs in Jupyter


def setup():
    size(200, 200)


def draw():
    background(frame_count * 20 % 255)
    ellipse(100, 100, 150, 60)


run_sketch()
