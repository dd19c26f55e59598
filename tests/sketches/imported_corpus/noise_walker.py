t = 0.0


def setup():
    global t
    size(400, 100)
    noise_seed(3)
    background(255)


def draw():
    global t
    t += 0.05
    stroke(0)
    point(frame_count * 4, noise(t) * height)
    circle(frame_count * 4, noise(t) * height, 6)
