"""A tiny sketch for the constants tests: its state() tells each constant back as Python writes it, so a
test can see that what was given after -- reached the sketch exactly (inf, nan, -0.0, big whole numbers,
text in any script)."""

import py5

RATE = 0.5
NEGATIVE = 1.0
BIG = 1
WORD = "plain"
VALUES = [0.0]


def settings():
    py5.size(60, 40)


def draw():
    py5.background(20)


def state():
    return {name: repr(value) for name, value in
            {"RATE": RATE, "NEGATIVE": NEGATIVE, "BIG": BIG, "WORD": WORD, "VALUES": VALUES}.items()}


py5.run_sketch()
