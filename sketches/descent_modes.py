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

Keys: space pause/resume · r restart the replay · s save a frame · + / - learning rate (trains
again) · h help.
"""

import numpy as np
import py5

import creativenn as cnn
from creativenn import colors
from creativenn.draw import Controls, draw_ball, draw_loss_curve, draw_terrain, draw_trail, label
from creativenn.worlds.landscape import pca_directions, plane_surface, project, record_training
from creativenn.picture.layout import Mapping

# --- constants: change these --------------------------------------------------
LAYERS = [2, 4, 1]
LEARNING_RATE = 0.2
EPOCHS = 150  # the replay: one epoch a frame
MODES = {"batch": None, "mini-batch": 16, "stochastic": 1}  # samples per step
MODE_COLORS = {"batch": colors.class_color(1), "mini-batch": colors.class_color(2),
               "stochastic": colors.class_color(0)}
SEED = 0

# --- state --------------------------------------------------------------------
X = Y = slice_surface = view = None
paths, losses, epoch = {}, {}, 0


def restart_replay():
    global epoch
    epoch = 0


controls = Controls("descent_modes", reset=restart_replay, learning_rate=LEARNING_RATE,
                    on_learning_rate=lambda eta: train_three_ways())  # a new η: train all three again


def settings():
    py5.size(800, 800)
    py5.smooth(4)


def setup():
    global X, Y
    py5.window_title("creativenn · batch, mini-batch, stochastic")
    X, Y = cnn.datasets.moons(n=100, noise=0.1, seed=SEED)
    train_three_ways()


def train_three_ways():
    """Record the three runs, choose the plane they move in, map the loss over it."""
    global slice_surface, view, epoch
    runs = {}
    for mode, batch_size in MODES.items():
        net = cnn.MLP(LAYERS, activation="tanh", loss="bce", seed=SEED)
        runs[mode] = record_training(net, X, Y, cnn.SGD(controls.learning_rate), EPOCHS, batch_size,
                                     seed=SEED, every=max(1, len(X) // (batch_size or len(X)) // 10))
    start = runs["batch"][0][0]
    d1, d2 = pca_directions(np.concatenate([path - start for path, _ in runs.values()]))
    for mode, (path, epoch_losses) in runs.items():
        paths[mode], losses[mode] = project(path, start, d1, d2), epoch_losses
    every_point = np.concatenate(list(paths.values()))
    low, high = every_point.min(axis=0), every_point.max(axis=0)
    pad = 0.15 * (high - low).max()
    bounds = ((low[0] - pad, high[0] + pad), (low[1] - pad, high[1] + pad))
    slice_surface = plane_surface(cnn.MLP(LAYERS, activation="tanh", loss="bce", seed=SEED),
                                  X, Y, start, d1, d2, bounds)
    view = Mapping(bounds, rect=(30, 80, 740, 420))
    epoch = 0


def draw():
    global epoch
    if not controls.paused and epoch < EPOCHS:
        epoch += 1
    py5.background(*colors.BACKGROUND)
    label("batch, mini-batch and stochastic descent on one loss landscape", 30, 24, 20)
    label(f"epoch {epoch} / {EPOCHS}   η = {controls.learning_rate:g}", 770, 56, 14, colors.MUTED,
          align="right", kind="mono")
    draw_terrain(slice_surface, view, resolution=64)
    for mode in MODES:
        shown = paths[mode][: 1 + len(paths[mode]) * epoch // EPOCHS]
        draw_trail(shown, view, MODE_COLORS[mode], weight=1.5)
        draw_ball(*shown[-1], view, MODE_COLORS[mode], diameter=14)
    draw_curves()
    controls.draw()


def draw_curves():
    every_loss = np.concatenate(list(losses.values()))
    limits = (every_loss.min(), every_loss.max())  # one scale for the three curves
    for i, mode in enumerate(MODES):
        x = 30 + i * 253
        steps_per_epoch = -(-len(X) // (MODES[mode] or len(X)))
        draw_loss_curve(losses[mode][: epoch + 1], x, 530, 230, 150, title=f"{mode}",
                        color=MODE_COLORS[mode], smooth=1, limits=limits)
        label(f"{steps_per_epoch} step{'s' * (steps_per_epoch > 1)} an epoch", x, 690, 12,
              colors.MUTED)
    label("θ ← θ − η ∇C(θ) over all samples (batch), 16 of them (mini-batch), or one (stochastic)",
          30, 722, 13)
    label("map: loss on the plane θ₀ + α d₁ + β d₂ (PCA of the paths)   curves: loss after each "
          "epoch, log scale", 30, 744, 12, colors.MUTED)


def state() -> dict:
    """This frame's numbers, for ``creativenn export --sidecar``."""
    record = {"epoch": epoch}
    for mode in MODES:
        path = paths[mode]
        record[mode] = {"position": path[min(len(path) - 1, len(path) * epoch // EPOCHS)],
                        "loss": losses[mode][epoch]}
    return record


def key_pressed():
    controls.press(py5.key)


py5.run_sketch()
