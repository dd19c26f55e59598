def setup():
    size(200, 100)
    pixel_density(1)


def draw():
    background(60)
    fill(255)
    rect(frame_count * 15, 30, 40, 40)
