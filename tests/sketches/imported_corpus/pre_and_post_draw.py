shade = 0


def setup():
    size(150, 150)


def pre_draw():
    global shade
    shade = (frame_count * 30) % 256


def draw():
    background(shade)
    fill(255 - shade)
    circle(75, 75, 80)
