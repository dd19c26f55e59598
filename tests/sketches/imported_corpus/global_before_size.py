# The Nature of Code's style: setup() starts with global, then size()
x = 0.0
speed = 2.5


def setup():
    global x, speed
    size(640, 240)
    x = 20.0


def draw():
    global x
    background(255)
    x = x + speed * frame_count
    fill(127)
    stroke(0)
    circle(x % width, height / 2, 48)
