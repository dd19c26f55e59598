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
from creativenn.draw import (Controls, Saves, Setting, draw_axis_names, draw_decision_field, draw_loss_curve,
                             draw_network, draw_points, draw_rings, draw_title, draw_weight_legend, label,
                             save_network_svg)
from creativenn.picture.layout import Mapping, grid, page
from creativenn.worlds.training import Training

# --- constants: change these --------------------------------------------------
LAYERS = [2, 4, 4, 1]  # inputs, hidden layers …, output
ACTIVATION = "tanh"  # hidden layers: sigmoid, tanh, relu, leaky_relu, linear
LEARNING_RATES = {"sgd": 0.3, "momentum": 0.1, "adam": 0.02}  # each optimizer's own η (o switches both)
STEPS_PER_FRAME = 4  # training steps between two frames
BATCH_SIZE = 16  # samples per step: 1 = stochastic, all = batch gradient descent
DATASETS = ["xor", "circles", "moons", "spirals"]
WEIGHT_SCALE = 2.0  # |w| at which an edge gets its full colour and width
SAMPLE_EVERY = 10  # frames between two highlighted samples
SEED = 0

# --- state --------------------------------------------------------------------
run = None  # the network, its data and optimizer, and the losses so far
boxes = grid(page(800, 800), "field net / loss loss / legend legend", widths=[360, None],
             heights=[360, 170, None])
field = Mapping(bounds=((-1.3, 1.3), (-1.3, 1.3)), rect=boxes["field"])
controls = Controls("network", [
    Setting("1 2 3 4", "xor, circles, moons, spirals", short="data", name="dataset", options=DATASETS,
            then=lambda: controls.restart()),
    Setting("o", "next optimizer (sgd, momentum, adam), with its own η", short="optimizer", name="optimizer",
            options=list(LEARNING_RATES), then=lambda: switch_optimizer()),
    Saves("d", "save the diagram as SVG", short="SVG", save=lambda path: save_svg(path)),
], reset=lambda: reset(), learning_rate=LEARNING_RATES["sgd"],
   on_learning_rate=lambda eta: setattr(run, "learning_rate", eta))


def switch_optimizer():
    controls.learning_rate = LEARNING_RATES[controls.optimizer]  # adam at sgd's η would leap about
    controls.restart()


def settings():
    py5.size(800, 800)
    py5.smooth(4)


def setup():
    py5.window_title("creativenn · network")
    reset()


def reset():
    """A fresh network and data set, from SEED."""
    global run
    noise = {"noise": 0.05} if controls.dataset == "xor" else {}
    X, Y = cnn.datasets.by_name(controls.dataset, n=200, seed=SEED, **noise)
    net = cnn.MLP(LAYERS, activation=ACTIVATION, output_activation="sigmoid", loss="bce", seed=SEED)
    optimizer = cnn.optimizers.make(controls.optimizer, controls.learning_rate)
    run = Training(net, X, Y, optimizer, BATCH_SIZE, seed=SEED)


def draw():
    if not controls.paused:
        train_a_little()
    py5.background(*colors.BACKGROUND)
    status = controls.status(f"step {run.steps}")
    draw_title(f"a {'-'.join(map(str, LAYERS))} network learning {controls.dataset}", None,
               f"{status}   η = {controls.learning_rate:g}   {controls.optimizer}   batch {BATCH_SIZE}")
    draw_decision_field(run.net, field, resolution=90)
    draw_points(run.X, run.Y, field)
    draw_axis_names(field, "x₁", "x₂", classes=["class 0 (y = 0)", "class 1 (y = 1)"])
    draw_rings(*sample(), field)
    draw_network(run.net, *boxes["net"], sample=sample(), scale=WEIGHT_SCALE)
    draw_loss_curve(run.losses, *boxes["loss"], title="loss (log scale) over training steps")
    legend = boxes["legend"]
    label("aₗ = σ(Wₗ aₗ₋₁ + bₗ)        θ ← θ − η ∇C(θ)", legend.x, legend.y, 16, kind="mono")
    draw_weight_legend(legend.x, legend.y + 37, WEIGHT_SCALE)
    controls.draw()


def train_a_little():
    """A few mini-batch steps: θ ← θ − η ∇C(θ) on BATCH_SIZE random samples each."""
    try:
        run.step(STEPS_PER_FRAME)
    except cnn.DivergedError as error:  # the network went back to its last good weights
        controls.diverged(error)


def sample():
    """The point whose activations light the neurons: each in turn, SAMPLE_EVERY frames."""
    return run.X[(py5.frame_count // SAMPLE_EVERY) % len(run.X)]


def key_pressed():
    controls.press(py5.key)


# --- for the exporter ---------------------------------------------------------
def state() -> dict:
    """This frame's numbers, for ``creativenn export --sidecar``."""
    g = run.net.gradients(run.X, run.Y)
    return {"step": run.steps, "loss": g.loss, "gradient_norm": g.norm(), "learning_rate": run.learning_rate,
            "dataset": controls.dataset, "optimizer": controls.optimizer, "parameters": run.net.parameters()}


def save_svg(path):
    """The diagram as vectors, one line per edge: for plotters, print, and ``export --svg``."""
    return save_network_svg(path, run.net, sample(), scale=WEIGHT_SCALE)


py5.run_sketch()
