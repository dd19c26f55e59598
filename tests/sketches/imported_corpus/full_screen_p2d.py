"""full_screen(P2D): the whole virtual screen on OpenGL (8 MB of pixels a frame to hand over)."""


def setup():
    full_screen(P2D)
    no_stroke()


def draw():
    background(20, 30, 60)
    fill(240, 200, 40)
    rect(frame_count * 40, height / 3, 200, height / 3)
