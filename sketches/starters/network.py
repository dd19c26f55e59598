"""TITLE — a network learning, its decision field and its weights.

What to watch: the field on the left is the network's answer over the
plane; the diagram on the right its weights (orange negative, blue
positive, thicker = larger) and its neurons lit for one sample.

Keys: space pause/resume · r reset · + / - learning rate · s save a frame · h help.
Run it: creativenn run FILE · export it: creativenn export FILE --frames 120 --out out/NAME --gif
"""

import numpy as np
import py5

import creativenn as cnn
from creativenn import colors
from creativenn.draw import draw_decision_field, draw_help, draw_loss_curve, draw_network, draw_points, label
from creativenn.picture.layout import Mapping

# --- constants: CHANGE these ----------------------------------------------------
DATA = "moons"  # CHANGE: xor, circles, moons, spirals, blobs (or load your own with cnn.csvdata)
HIDDEN = [6, 6]  # CHANGE: neurons in each hidden layer (inputs and outputs come from the data)
ACTIVATION = "tanh"  # CHANGE: sigmoid, tanh, relu, leaky_relu, sin, gaussian, abs
LEARNING_RATE = 0.03  # CHANGE: too big and it diverges, too small and it crawls
STEPS_PER_FRAME = 3
BATCH_SIZE = 16
SEED = 0  # the exporter's --seed reaches this: the same seed, the same frames
KEYS = [("space", "pause / resume"), ("r", "reset"), ("+ / -", "learning rate"), ("s", "save this frame"),
        ("h", "help")]

# --- state (what changes while the sketch runs) ---------------------------------
net = optimizer = X = Y = rng = None
learning_rate, losses, paused, show_help, problem = LEARNING_RATE, [], False, False, None
field = Mapping(bounds=((-1.4, 1.4), (-1.4, 1.4)), rect=(30, 80, 360, 360))


def settings():
    py5.size(800, 700)
    py5.smooth(4)


def setup():
    py5.window_title("TITLE")
    reset()


def reset():
    global net, optimizer, X, Y, rng, losses, problem
    rng = np.random.default_rng(SEED)
    X, Y = getattr(cnn.datasets, DATA)(n=200, seed=SEED)
    loss = "bce" if Y.shape[1] == 1 else "cross_entropy"
    net = cnn.MLP([X.shape[1], *HIDDEN, Y.shape[1]], activation=ACTIVATION, loss=loss, seed=SEED)
    optimizer = cnn.Adam(learning_rate)  # CHANGE: cnn.SGD, cnn.Momentum, cnn.RMSProp
    losses, problem = [], None


def draw():
    if not paused and problem is None:
        train_a_little()
    py5.background(*colors.BACKGROUND)
    label(f"TITLE   step {len(losses)}   η {learning_rate:g}", 30, 24, 18)
    draw_decision_field(net, field, resolution=80)
    draw_points(X, Y, field)
    draw_network(net, 430, 80, 340, 360, sample=X[(py5.frame_count // 10) % len(X)])
    draw_loss_curve(losses, 30, 480, 740, 180)
    if problem:
        label(problem, 30, 50, 14, colors.NEGATIVE)
    if show_help:
        draw_help(KEYS)


def train_a_little():
    """A few steps of θ ← θ − η ∇C(θ) on random mini-batches."""
    global problem
    for _ in range(STEPS_PER_FRAME):
        batch = rng.integers(0, len(X), BATCH_SIZE)
        try:
            losses.append(net.step(X[batch], Y[batch], optimizer))
        except cnn.DivergedError:
            problem = "diverged: press - to lower the learning rate, then space"
            return


def key_pressed():
    handle_key(py5.key)


def handle_key(key):
    global paused, show_help, learning_rate, problem
    if key == " ":
        paused, problem = not paused and problem is None, None
    elif key == "r":
        reset()
    elif key in "+=-_":
        learning_rate = learning_rate * 1.5 if key in "+=" else learning_rate / 1.5
        optimizer.learning_rate = learning_rate
    elif key == "s":
        py5.save_frame("NAME-####.png")
    elif key == "h":
        show_help = not show_help


py5.run_sketch()
