import numpy as np

rng = np.random.default_rng(5)
xy = rng.uniform(0, 200, size=(300, 2))


def setup():
    size(200, 200)
    stroke_weight(4)


def draw():
    background(255)
    stroke(0, 0, 200)
    points(np.roll(xy, frame_count, axis=0)[: 50 + 20 * frame_count])
