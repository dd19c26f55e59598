"""TITLE — a network learning, its decision field and its weights.

What to watch: the field on the left is the network's answer over the
plane; the diagram on the right its weights (orange negative, blue
positive, thicker = larger) and its neurons lit for one sample.

Keys: space pause/resume · r reset · + / - learning rate · s save a frame · h help.
Run it: creativenn run FILE · export it: creativenn export FILE --frames 120 --out out/NAME --gif
"""

import py5

import creativenn as cnn
from creativenn import colors
from creativenn.draw import (Controls, draw_decision_field, draw_loss_curve, draw_network, draw_points,
                             draw_axis_names, draw_title)
from creativenn.picture.layout import Mapping
from creativenn.worlds.training import Training

# --- constants: CHANGE these ----------------------------------------------------
DATA = "moons"  # CHANGE: xor, circles, moons, spirals, blobs (or load your own with cnn.csvdata)
HIDDEN = [6, 6]  # CHANGE: neurons in each hidden layer (inputs and outputs come from the data)
ACTIVATION = "tanh"  # CHANGE: sigmoid, tanh, relu, leaky_relu, sin, gaussian, abs
LEARNING_RATE = 0.03  # CHANGE: too big and it diverges, too small and it crawls
STEPS_PER_FRAME = 3
SEED = 0  # the exporter's --seed reaches this: the same seed, the same frames

# --- state (what changes while the sketch runs) ---------------------------------
run = None  # the network, its data, its optimizer and the losses so far
field = Mapping(bounds=((-1.4, 1.4), (-1.4, 1.4)), rect=(30, 80, 360, 360))
controls = Controls("NAME", reset=lambda: reset(), learning_rate=LEARNING_RATE,
                    on_learning_rate=lambda eta: setattr(run, "learning_rate", eta))


def settings():
    py5.size(800, 700)
    py5.smooth(4)


def setup():
    py5.window_title("TITLE")
    reset()


def reset():
    global run
    X, Y = cnn.datasets.by_name(DATA, n=200, seed=SEED)  # a typo in DATA lists the names
    loss = "bce" if Y.shape[1] == 1 else "cross_entropy"
    net = cnn.MLP([X.shape[1], *HIDDEN, Y.shape[1]], activation=ACTIVATION, loss=loss, seed=SEED)
    run = Training(net, X, Y, cnn.Adam(controls.learning_rate), seed=SEED)  # CHANGE: cnn.SGD, cnn.Momentum


def draw():
    if not controls.paused:
        try:
            run.step(STEPS_PER_FRAME)  # θ ← θ − η ∇C(θ) on random mini-batches
        except cnn.DivergedError as error:
            controls.diverged(error)  # the network went back to its last good weights
    py5.background(*colors.BACKGROUND)
    draw_title("TITLE", None, controls.status(f"step {run.steps}   η {controls.learning_rate:g}"))
    draw_decision_field(run.net, field, resolution=80)
    draw_points(run.X, run.Y, field)
    draw_axis_names(field, "x₁", "x₂", classes=max(2, run.Y.shape[1]))  # which colour is which class
    draw_network(run.net, 430, 80, 340, 360, sample=run.X[(py5.frame_count // 10) % len(run.X)])
    draw_loss_curve(run.losses, 30, 470, 740, 160)
    controls.draw()


def key_pressed():
    controls.press(py5.key)


py5.run_sketch()
