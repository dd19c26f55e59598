"""Its own run_sketch(sketch_args=…) gives pargs, as py5's documentation writes it."""


def setup():
    size(80, 60)
    background(pargs[0])


def draw():
    fill(pargs[1])
    circle(frame_count * 15, 30, 20)


run_sketch(sketch_args=["#FF0000", "#00C0FF"])
