def setup():
    size(180, 180)
    no_smooth()
    background(0)


def draw():
    fill(255, 0, 0)
    triangle(90, 10 + frame_count, 10, 170, 170, 170)
