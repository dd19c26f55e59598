from mover import Mover

movers = []


def setup():
    global movers
    size(400, 300)
    random_seed(7)
    movers = [Mover(random(width), random(height)) for _ in range(20)]


def draw():
    background(255)
    for mover in movers:
        mover.update()
        mover.show()
