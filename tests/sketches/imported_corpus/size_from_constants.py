WIDTH, HEIGHT = 320, 160
CELL = 20


def setup():
    size(WIDTH, HEIGHT)


def draw():
    background(255)
    for x in range(0, WIDTH, CELL):
        for y in range(0, HEIGHT, CELL):
            if (x // CELL + y // CELL + frame_count) % 2:
                fill(0)
                square(x, y, CELL)
