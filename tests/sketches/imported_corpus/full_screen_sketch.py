def setup():
    full_screen()
    background(255)


def draw():
    fill(0)
    circle(width / 2, height / 2, 20 * frame_count)
