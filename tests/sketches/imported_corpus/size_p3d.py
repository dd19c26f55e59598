def setup():
    size(260, 260, P3D)


def draw():
    background(40)
    lights()
    translate(width / 2, height / 2, 0)
    rotate_y(frame_count * 0.1)
    rotate_x(0.4)
    fill(80, 160, 240)
    no_stroke()
    box(100)
