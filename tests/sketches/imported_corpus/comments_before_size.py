def setup():
    # a canvas a little wider than tall

    # (comments and blank lines come first here)
    size(300, 200)
    background(20, 40, 80)


def draw():
    no_stroke()
    fill(250, 200, 60)
    rect(10 * frame_count, 50, 30, 30)
