# Handlers that a window would call; an export with no input draws the sketch as it starts
dots = []
colour = 0


def setup():
    size(300, 300)


def draw():
    background(240)
    fill(colour)
    for x, y in dots:
        circle(x, y, 10)
    circle(frame_count * 20, 150, 30)


def mouse_pressed():
    dots.append((mouse_x, mouse_y))


def key_pressed():
    global colour
    if key == "c":
        colour = 255 - colour
