def settings():
    size(250, 150)
    smooth(4)


def setup():
    stroke_weight(5)


def draw():
    background(255, 250, 240)
    line(0, 0, frame_count * 25, height)
