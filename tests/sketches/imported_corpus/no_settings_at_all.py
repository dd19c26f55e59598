# No size() anywhere: py5's default 100 × 100 canvas


def setup():
    background(200, 255, 200)


def draw():
    point(frame_count * 10, 50)
    line(0, 0, frame_count * 10, 100)
