def setup():
    """A docstring, then size(): py5 still moves size() to settings()."""
    size(240, 240)
    rect_mode(CENTER)


def draw():
    background(230)
    push_matrix()
    translate(width / 2, height / 2)
    rotate(radians(frame_count * 9))
    fill(200, 30, 60)
    square(0, 0, 100)
    pop_matrix()
