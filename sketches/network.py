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

import py5

import creativenn as cnn
from creativenn import colors
from creativenn.draw import (Controls, Key, cycle, draw_decision_field, draw_loss_curve, draw_network,
                             draw_points, draw_title, draw_weight_legend, label, save_network_svg)
from creativenn.picture.layout import Mapping, grid, page
from creativenn.worlds.training import Training

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
run = None  # the network, its data and optimizer, and the losses so far
dataset, optimizer_name = "xor", "sgd"
boxes = grid(page(800, 800), """
    field   network
    loss    loss
    legend  legend
""", widths=[360, None], heights=[360, 170, None])
field = Mapping(bounds=((-1.3, 1.3), (-1.3, 1.3)), rect=boxes["field"])


def choose(key):
    global dataset, optimizer_name
    if key == "o":
        optimizer_name = cycle(OPTIMIZERS, optimizer_name)
    else:
        dataset = DATASETS[int(key) - 1]
    controls.restart()


controls = Controls("network", [
    Key("1 2 3 4", "xor, circles, moons, spirals", choose, "data"),
    Key("o", "next optimizer (sgd, momentum, adam)", choose, "optimizer"),
    Key("d", "save the diagram as SVG", lambda k: controls.announce(save_svg(controls.next_path(".svg"))),
        "SVG"),
], reset=lambda: reset(), learning_rate=LEARNING_RATE,
   on_learning_rate=lambda eta: setattr(run, "learning_rate", eta))


def settings():
    py5.size(800, 800)
    py5.smooth(4)


def setup():
    py5.window_title("creativenn · network")
    reset()


def reset():
    """A fresh network and data set, from SEED."""
    global run
    make = getattr(cnn.datasets, dataset)
    X, Y = make(n=200, noise=0.05, seed=SEED) if dataset == "xor" else make(n=200, seed=SEED)
    net = cnn.MLP(LAYERS, activation=ACTIVATION, output_activation="sigmoid", loss="bce", seed=SEED)
    optimizer = cnn.optimizers.make(optimizer_name, controls.learning_rate)
    run = Training(net, X, Y, optimizer, BATCH_SIZE, seed=SEED)


def draw():
    if not controls.paused:
        train_a_little()
    py5.background(*colors.BACKGROUND)
    status = controls.status(f"step {run.steps}")
    draw_title(f"a {'-'.join(map(str, LAYERS))} network learning {dataset}", None,
               f"{status}   η = {controls.learning_rate:g}   {optimizer_name}   batch {BATCH_SIZE}")
    draw_decision_field(run.net, field, resolution=90)
    draw_points(run.X, run.Y, field)
    sample = run.X[(py5.frame_count // SAMPLE_EVERY) % len(run.X)]
    draw_sample_ring(sample)
    draw_network(run.net, *boxes["network"], sample=sample, scale=WEIGHT_SCALE)
    draw_loss_curve(run.losses, *boxes["loss"], title="loss (log scale) over training steps")
    legend = boxes["legend"]
    label("aₗ = σ(Wₗ aₗ₋₁ + bₗ)        θ ← θ − η ∇C(θ)", legend.x, legend.y, 16, kind="mono")
    draw_weight_legend(legend.x, legend.y + 37, WEIGHT_SCALE)
    controls.draw()


def train_a_little():
    """A few mini-batch steps: θ ← θ − η ∇C(θ) on BATCH_SIZE random samples each."""
    try:
        run.step(STEPS_PER_FRAME)
    except cnn.DivergedError:  # the network kept its last good weights
        controls.diverged()


def draw_sample_ring(x):
    py5.no_fill()
    py5.stroke(*colors.ON)
    py5.stroke_weight(2.5)
    py5.circle(*field.to_screen(x[0], x[1]), 22)


def key_pressed():
    controls.press(py5.key)


# --- for the exporter ---------------------------------------------------------
def state() -> dict:
    """This frame's numbers, for ``creativenn export --sidecar``."""
    g = run.net.gradients(run.X, run.Y)
    return {"step": run.steps, "loss": g.loss, "gradient_norm": g.norm(), "learning_rate": run.learning_rate,
            "dataset": dataset, "optimizer": optimizer_name, "parameters": run.net.parameters()}


def save_svg(path):
    """The diagram as vectors, one line per edge: for plotters, print, and ``export --svg``."""
    sample = run.X[(py5.frame_count // SAMPLE_EVERY) % len(run.X)]
    return save_network_svg(path, run.net, sample, scale=WEIGHT_SCALE)


py5.run_sketch()
