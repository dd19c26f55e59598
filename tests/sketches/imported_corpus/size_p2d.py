def setup():
    size(320, 180, P2D)


def draw():
    background(0)
    stroke(255)
    stroke_weight(3)
    for i in range(10):
        line(i * 32, 0, i * 32 + frame_count * 4, height)
