"""One network trained three ways: batch, mini-batch and stochastic gradient descent.

What to watch: three copies of the same 2-4-1 network start from the same
weights and learn the moons with the same learning rate; each frame is one
epoch (one pass over the data) for all three. Batch descent takes one
careful step per epoch, mini-batch a few, stochastic one per sample. The
map is the loss over a plane through weight space (the plane the three
paths move in most, by PCA); the paths are where the weights went,
projected onto it: smooth for batch, jittery for stochastic. Below, the loss
on all the data after each epoch.

The three runs are trained ahead when the sketch starts (a second or so):
the plane is chosen from the paths, so it has to know them; then they
replay one epoch a frame.

Keys: space pause/resume · r restart the replay · s save a frame ·
+ / - learning rate (trains again) · h help.
"""

import numpy as np
import py5

import creativenn as cnn
from creativenn import colors
from creativenn.draw import Controls, draw_ball, draw_loss_curve, draw_terrain, draw_title, draw_trail, label
from creativenn.picture.layout import Mapping, grid, page
from creativenn.worlds.landscape import ThreeWays

# --- constants: change these --------------------------------------------------
LAYERS = [2, 4, 1]
LEARNING_RATE = 0.2
EPOCHS = 150  # the replay: one epoch a frame
MODE_COLORS = {"batch": colors.class_color(1), "mini-batch": colors.class_color(2),
               "stochastic": colors.class_color(0)}
SEED = 0

# --- state --------------------------------------------------------------------
X, Y = cnn.datasets.moons(n=100, noise=0.1, seed=SEED)
ways = view = None  # the three recorded runs and the plane they move on; its map
epoch = 0
boxes = grid(page(800, 800), "map map map / batch mini-batch stochastic / notes notes notes",
             heights=[410, 150, None])


def restart_replay():
    global epoch
    epoch = 0


def train_three_ways(learning_rate=LEARNING_RATE):
    """Record the three runs (ahead: the plane is chosen from their paths), map the loss over it."""
    global ways, view
    ways = ThreeWays(lambda: cnn.MLP(LAYERS, activation="tanh", loss="bce", seed=SEED), X, Y, learning_rate,
                     EPOCHS, seed=SEED)
    view = Mapping(ways.bounds, rect=boxes["map"])
    restart_replay()


controls = Controls("descent_modes", reset=restart_replay, learning_rate=LEARNING_RATE,
                    on_learning_rate=train_three_ways)  # a new η: train all three again


def settings():
    py5.size(800, 800)
    py5.smooth(4)


def setup():
    py5.window_title("creativenn · batch, mini-batch, stochastic")
    train_three_ways()


def draw():
    global epoch
    if not controls.paused and epoch < EPOCHS:
        epoch += 1
    py5.background(*colors.BACKGROUND)
    draw_title("batch, mini-batch and stochastic descent on one loss landscape", None,
               controls.status(f"epoch {epoch} / {EPOCHS}") + f"   η = {controls.learning_rate:g}")
    draw_terrain(ways.surface, view, resolution=64)
    for mode, color in MODE_COLORS.items():
        shown = ways.shown(mode, epoch)
        draw_trail(shown, view, color, weight=1.5)
        draw_ball(*shown[-1], view, color, diameter=14)
    draw_curves()
    controls.draw()


def draw_curves():
    every_loss = np.concatenate(list(ways.losses.values()))
    limits = (every_loss.min(), every_loss.max())  # one scale for the three curves
    for mode, color in MODE_COLORS.items():
        x, y, w, h = boxes[mode]
        draw_loss_curve(ways.losses[mode][: epoch + 1], x, y, w, h, title=mode, color=color, smooth=1,
                        limits=limits, steps="epochs", first=0)
        steps, gone = ways.steps_per_epoch(mode), ways.diverged.get(mode, EPOCHS + 1)  # diverged: stopped
        note = (f"{steps} step{'s' * (steps > 1)} an epoch" if epoch < gone else
                f"diverged at epoch {gone}: lower η")
        label(note, x, y + h + 10, 12, colors.MUTED if epoch < gone else color)
    x, y, _, _ = boxes["notes"]
    label("θ ← θ − η ∇C(θ) over all samples (batch), 16 of them (mini-batch), or one (stochastic)", x, y, 13)
    label("map: loss on the plane θ₀ + α d₁ + β d₂ (PCA of the paths)   curves: loss after each "
          "epoch, log scale", x, y + 22, 12, colors.MUTED)


def key_pressed():
    controls.press(py5.key)


# --- for the exporter ---------------------------------------------------------
def state() -> dict:
    """This frame's numbers, for ``creativenn export --sidecar``."""
    record = {"epoch": epoch}
    for mode, path in ways.paths.items():
        record[mode] = {"position": path[min(len(path) - 1, len(path) * epoch // EPOCHS)],
                        "loss": ways.losses[mode][epoch]}
    return record


py5.run_sketch()
