"""A network learning XOR, circles, moons or spirals: neurons lit, edges coloured by weight.

What to watch: the coloured field on the left is the network's answer at
every point of the plane, a_L = σ(W_L … σ(W_1 x + b_1) … + b_L); it bends
until it separates the orange points from the blue ones. On the right, each
edge is a weight: orange negative, blue positive, thicker = larger. The
neurons light up with their activations for the ringed sample.

Keys: 1 2 3 4 data set (xor, circles, moons, spirals) · o optimizer ·
d save the diagram as SVG (vectors, for plotters) · space pause/resume ·
r reset · s save a frame · + / - learning rate · h help.
"""

import numpy as np
import py5

import creativenn as cnn
from creativenn import colors
from creativenn.draw import (Controls, Key, draw_decision_field, draw_loss_curve, draw_network,
                             draw_points, label, save_network_svg)
from creativenn.picture.layout import Mapping

# --- constants: change these --------------------------------------------------
LAYERS = [2, 4, 4, 1]  # inputs, hidden layers …, output
ACTIVATION = "tanh"  # hidden layers: sigmoid, tanh, relu, leaky_relu, linear
LEARNING_RATE = 0.3
STEPS_PER_FRAME = 4  # training steps between two frames
BATCH_SIZE = 16  # samples per step: 1 = stochastic, all = batch gradient descent
DATASETS = ["xor", "circles", "moons", "spirals"]
OPTIMIZERS = ["sgd", "momentum", "adam"]
WEIGHT_SCALE = 2.0  # |w| at which an edge gets its full colour and width
SAMPLE_EVERY = 10  # frames between two highlighted samples
SEED = 0

# --- state --------------------------------------------------------------------
net = optimizer = X = Y = rng = None
dataset, optimizer_name = "xor", "sgd"
losses, steps = [], 0
field = network_box = None


def choose_data(key):
    global dataset
    dataset = DATASETS[int(key) - 1]
    controls.restart()


def next_optimizer(key):
    global optimizer_name
    optimizer_name = OPTIMIZERS[(OPTIMIZERS.index(optimizer_name) + 1) % len(OPTIMIZERS)]
    controls.restart()


controls = Controls("network", [
    Key("1 2 3 4", "xor, circles, moons, spirals", choose_data, "data"),
    Key("o", "next optimizer (sgd, momentum, adam)", next_optimizer, "optimizer"),
    Key("d", "save the diagram as SVG", lambda k: controls.announce(save_svg(controls.next_path(".svg"))),
        "SVG"),
], reset=lambda: reset(), learning_rate=LEARNING_RATE,
   on_learning_rate=lambda eta: setattr(optimizer, "learning_rate", eta))


def settings():
    py5.size(800, 800)
    py5.smooth(4)


def setup():
    global field, network_box
    py5.window_title("creativenn · network")
    field = Mapping(bounds=((-1.3, 1.3), (-1.3, 1.3)), rect=(30, 80, 360, 360))
    network_box = (430, 80, 340, 360)
    reset()


def reset():
    """A fresh network and data set, from SEED."""
    global net, optimizer, X, Y, rng, losses, steps
    rng = np.random.default_rng(SEED)
    make = getattr(cnn.datasets, dataset)
    X, Y = make(n=200, noise=0.05, seed=SEED) if dataset == "xor" else make(n=200, seed=SEED)
    net = cnn.MLP(LAYERS, activation=ACTIVATION, output_activation="sigmoid", loss="bce", seed=SEED)
    optimizer = cnn.optimizers.make(optimizer_name, controls.learning_rate)
    losses, steps = [], 0


def draw():
    if not controls.paused:
        train_a_little()
    py5.background(*colors.BACKGROUND)
    draw_title()
    draw_decision_field(net, field, resolution=90)
    draw_points(X, Y, field)
    sample = current_sample()
    draw_sample_ring(X[sample])
    draw_network(net, *network_box, sample=X[sample], scale=WEIGHT_SCALE)
    draw_loss_curve(losses, 30, 470, 740, 170, title="loss (log scale) over training steps")
    draw_legend()
    controls.draw()


def train_a_little():
    """A few mini-batch steps: θ ← θ − η ∇C(θ) on BATCH_SIZE random samples each."""
    global steps
    for _ in range(STEPS_PER_FRAME):
        batch = rng.integers(0, len(X), min(BATCH_SIZE, len(X)))
        try:
            losses.append(net.step(X[batch], Y[batch], optimizer))
        except cnn.DivergedError:  # the network kept its last good weights
            controls.diverged()
            return
        steps += 1


def current_sample() -> int:
    return (py5.frame_count // SAMPLE_EVERY) % len(X)


def draw_sample_ring(x):
    sx, sy = field.to_screen(x[0], x[1])
    py5.no_fill()
    py5.stroke(*colors.ON)
    py5.stroke_weight(2.5)
    py5.circle(sx, sy, 22)


def draw_title():
    label(f"a {'-'.join(map(str, LAYERS))} network learning {dataset}", 30, 24, 22)
    status = "paused" if controls.paused else f"step {steps}"
    label(f"{status}   η = {controls.learning_rate:g}   {optimizer_name}   batch {BATCH_SIZE}",
          770, 30, 15, colors.MUTED, align="right", kind="mono")


def draw_legend():
    y = 670
    label("aₗ = σ(Wₗ aₗ₋₁ + bₗ)        θ ← θ − η ∇C(θ)", 30, y, 16, kind="mono")
    py5.stroke_weight(5)
    for i, (w, text) in enumerate([(-WEIGHT_SCALE, "negative weight"), (WEIGHT_SCALE, "positive weight")]):
        py5.stroke(*colors.weight_color(w, WEIGHT_SCALE))
        py5.line(30 + i * 200, y + 45, 60 + i * 200, y + 45)
        label(text, 70 + i * 200, y + 37, 14)
    label("thicker = larger |w|", 430, y + 37, 14, colors.MUTED)


def state() -> dict:
    """This frame's numbers, for ``creativenn export --sidecar``."""
    g = net.gradients(X, Y)
    return {"step": steps, "loss": g.loss, "gradient_norm": g.norm(), "learning_rate": controls.learning_rate,
            "dataset": dataset, "optimizer": optimizer_name, "parameters": net.parameters()}


def save_svg(path):
    """The diagram as vectors, one line per edge: for plotters, print, and ``export --svg``."""
    return save_network_svg(path, net, X[current_sample()], scale=WEIGHT_SCALE)


def key_pressed():
    controls.press(py5.key)


py5.run_sketch()
