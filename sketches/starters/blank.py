"""TITLE — say here what to watch, and which keys do what.

What to watch: a dot circling (replace it with your idea).

Keys: space pause/resume · r reset · s save a frame · h help.
Run it: creativenn run FILE · export it: creativenn export FILE --frames 120 --out out/NAME --gif
"""

import numpy as np
import py5

import creativenn as cnn  # noqa: F401 - the maths: cnn.MLP, cnn.datasets, cnn.LineFit, …
from creativenn import colors
from creativenn.draw import Controls, Key, draw_title  # noqa: F401 - Key: add your own keys

# --- constants: CHANGE these ----------------------------------------------------
SPEED = 0.02  # CHANGE: radians a frame
SEED = 0  # the exporter's --seed reaches this: the same seed, the same frames

# --- state (what changes while the sketch runs) ---------------------------------
angle = 0.0
controls = Controls("NAME", [  # CHANGE: your keys, e.g. Key("n", "a new dot", new_dot), one row each
], reset=lambda: reset())


def settings():
    py5.size(800, 800)  # CHANGE: the size of your picture
    py5.smooth(4)


def setup():
    py5.window_title("TITLE")
    reset()


def reset():
    """Everything back to the start. Build your state here, from SEED."""
    global angle
    angle = 0.0


def draw():
    global angle
    if not controls.paused:  # 1. update: CHANGE: train a little, move a ball, …
        angle += SPEED
    py5.background(*colors.BACKGROUND)  # 2. display: CHANGE: draw what the numbers are
    py5.no_stroke()
    py5.fill(*colors.ON)
    py5.circle(400 + 200 * np.cos(angle), 400 + 200 * np.sin(angle), 40)
    draw_title("TITLE")
    controls.draw()  # the keys' footer, the help (h), the note when a frame is saved (s)


def key_pressed():
    controls.press(py5.key)


py5.run_sketch()
