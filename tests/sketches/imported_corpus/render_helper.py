"""A picture made by py5's render_frame() (a second, hidden sketch of py5's own) drawn into this one."""


def tile(s):
    s.background(200, 40, 40)
    s.fill(255)
    s.circle(25, 25, 30)


def setup():
    global picture
    size(160, 100)
    picture = convert_image(render_frame(tile, 50, 50))


def draw():
    background(10, 20, 30)
    image(picture, frame_count * 10, 20)
