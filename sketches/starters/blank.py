"""TITLE — say here what to watch, and which keys do what.

What to watch: a dot circling (replace it with your idea).

Keys: space pause/resume · r reset · s save a frame · h help.
Run it: creativenn run FILE · export it: creativenn export FILE --frames 120 --out out/NAME --gif
"""

import numpy as np
import py5

import creativenn as cnn  # noqa: F401 - the maths: cnn.MLP, cnn.datasets, cnn.LineFit, …
from creativenn import colors
from creativenn.draw import draw_help, label

# --- constants: CHANGE these ----------------------------------------------------
SPEED = 0.02  # CHANGE: radians a frame
SEED = 0  # the exporter's --seed reaches this: the same seed, the same frames
KEYS = [("space", "pause / resume"), ("r", "reset"), ("s", "save this frame"), ("h", "help")]

# --- state (what changes while the sketch runs) ---------------------------------
angle, paused, show_help = 0.0, False, False


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
    if not paused:  # 1. update: CHANGE: train a little, move a ball, …
        angle += SPEED
    py5.background(*colors.BACKGROUND)  # 2. display: CHANGE: draw what the numbers are
    py5.no_stroke()
    py5.fill(*colors.ON)
    py5.circle(400 + 200 * np.cos(angle), 400 + 200 * np.sin(angle), 40)
    label("TITLE", 30, 24, 18)
    if show_help:
        draw_help(KEYS)


def key_pressed():
    handle_key(py5.key)


def handle_key(key):
    global paused, show_help
    if key == " ":
        paused = not paused
    elif key == "r":
        reset()
    elif key == "s":
        py5.save_frame("NAME-####.png")
    elif key == "h":
        show_help = not show_help


py5.run_sketch()
