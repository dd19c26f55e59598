"""A network learning, drawn as a generative piece: its weights flow, its neurons breathe.

What to watch: every curve is one weight of a 2-8-8-1 network learning the
two moons: orange is negative, blue positive, and the thicker the curve the
larger |w| (the project's colours, so the picture stays honest). Curves sway
with time; each frame also leaves a faint trace on the canvas behind, so the
history of training layers up like a long exposure: weights that changed
sign leave both colours. Neurons breathe, lit by their activation for the
sample passing through.

Keys: c clear the history · d save the curves as a plotter SVG (mm, a layer a pen) ·
space pause/resume · r reset · s save a frame · + / - learning rate · h help.
"""

import numpy as np
import py5

import creativenn as cnn
from creativenn import colors
from creativenn.draw import Controls, Key, Saves, draw_title, label
from creativenn.draw.art import LongExposure, draw_breathing_neurons, draw_weight_curves, weight_curves
from creativenn.picture.layout import diagram_layout, page
from creativenn.picture.plotter import weight_pens, write_plot
from creativenn.worlds.training import Training

# --- constants: change these --------------------------------------------------
LAYERS = [2, 8, 8, 1]
LEARNING_RATE = 0.02
STEPS_PER_FRAME = 2
SWAY = 40.0  # pixels a strong curve's middle swings
PERIOD = 240  # frames for one sway
PLOT_MM = (200, 200)  # d: the plotter page, in mm
TRACE_ALPHA = 10  # how strongly each frame marks the history (0-255)
WEIGHT_SCALE = 2.0
SEED = 0

# --- state --------------------------------------------------------------------
run = exposure = phases = None  # the training; the canvas its traces build up on; each curve's sway
positions = diagram_layout(LAYERS, *page(800, 800, margin=90, footer=150))[0]  # the piece's frame
controls = Controls("weights_art", [
    Key("c", "clear the history", lambda k: exposure.clear()),
    Saves("d", "save the curves as a plotter SVG (mm, a layer a pen)", save=lambda path: save_svg(path)),
], reset=lambda: reset(), learning_rate=LEARNING_RATE,
   on_learning_rate=lambda eta: setattr(run, "learning_rate", eta))


def settings():
    py5.size(800, 800)
    py5.smooth(4)


def setup():
    py5.window_title("creativenn · weights_art")
    reset()


def reset():
    global run, phases, exposure
    rng = np.random.default_rng(SEED)
    X, Y = cnn.datasets.moons(n=200, noise=0.1, seed=SEED)
    net = cnn.MLP(LAYERS, activation="tanh", output_activation="sigmoid", loss="bce", seed=SEED)
    phases = [rng.uniform(0, 2 * np.pi, W.shape) for W in net.weights]  # each curve sways its own way
    run = Training(net, X, Y, cnn.Adam(controls.learning_rate), batch_size=16, seed=rng)
    exposure = LongExposure()


def draw():
    exposure.draw()  # the history so far, then this frame's trace added to it (drawn meanwhile)
    if not controls.paused:
        train_a_little()
    now = curves()
    exposure.add(lambda g: draw_weight_curves(g, now, WEIGHT_SCALE, TRACE_ALPHA, thin=0.6))
    draw_weight_curves(py5.get_current_sketch(), now, WEIGHT_SCALE)
    sample = run.X[(py5.frame_count // 20) % len(run.X)]
    breath = 1 + 0.12 * np.sin(2 * np.pi * py5.frame_count / 90)
    draw_breathing_neurons(positions, run.net.activations(sample), breath)  # sigmoid out, tanh inside
    draw_caption()
    controls.draw(footer=False)  # a piece: its frame stays clean (h shows the keys)


def train_a_little():
    """A few mini-batch steps: θ ← θ − η ∇C(θ)."""
    try:
        run.step(STEPS_PER_FRAME)
    except cnn.DivergedError as error:  # the network went back to its last good weights
        controls.diverged(error)


def curves():
    """Every weight as a swaying Bézier curve, weakest first."""
    return weight_curves(run.net.weights, positions, 2 * np.pi * py5.frame_count / PERIOD, phases, SWAY,
                         WEIGHT_SCALE)


def draw_caption():
    draw_title(f"a {'-'.join(map(str, LAYERS))} network learning two moons", None,
               f"step {run.steps}   loss {run.loss:.3f}   η {controls.learning_rate:g}")
    label("orange: negative weight · blue: positive · thicker: larger |w| · the haze: its history",
          30, 760, 13, colors.MUTED)


def key_pressed():
    controls.press(py5.key)


# --- for the exporter ---------------------------------------------------------
def state() -> dict:
    """This frame's numbers, for ``creativenn export --sidecar``."""
    return {"step": run.steps, "loss": run.loss, "learning_rate": run.learning_rate,
            "weights": run.net.weights}


def save_svg(path):
    """The curves and neurons for a pen plotter, one Bézier path per weight, a layer per pen (sign and
    strength), sized in mm; also ``export --svg``."""
    return write_plot(path, weight_pens(curves(), positions, WEIGHT_SCALE), size_mm=PLOT_MM, flip_y=False)


py5.run_sketch()
