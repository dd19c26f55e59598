"""A perceptron learning which side of a hidden line each point is on, one point per frame.

What to watch: the dashed line is the hidden rule; the solid line is the
perceptron's own boundary w₀ x + w₁ y + b = 0, drawn from its weights. Each
frame it guesses one point (ringed), sign(w · x + b); if wrong, it nudges
its weights, w ← w + η (target − guess) x, and its line jumps. Crossed-out
points are the ones it still gets wrong.

Tags like (P1) cite docs/maths.md: ``creativenn maths P1``.

Keys: space pause/resume · r reset · s save a frame · + / - learning rate · h help.
"""

import numpy as np
import py5

import creativenn as cnn
from creativenn import colors
from creativenn.draw import (Controls, draw_axis_names, draw_boundary, draw_cross, draw_loss_curve,
                             draw_rings, draw_title, label)
from creativenn.picture.layout import Mapping, grid, page

# --- constants: change these --------------------------------------------------
POINTS = 150
HIDDEN_SLOPE, HIDDEN_INTERCEPT = 0.6, 0.15  # the rule to discover: above y = 0.6 x + 0.15?
LEARNING_RATE = 0.02
SEED = 0

# --- state --------------------------------------------------------------------
perceptron = X = targets = None
current, history = 0, []  # the point being learnt from; the accuracy after each step
boxes = grid(page(800, 800), "plane numbers / rules rules", widths=[540, None], heights=[540, None])
view = Mapping(((-1, 1), (-1, 1)), rect=boxes["plane"])
controls = Controls("perceptron", reset=lambda: reset(), learning_rate=LEARNING_RATE,
                    on_learning_rate=lambda eta: setattr(perceptron, "learning_rate", eta))


def settings():
    py5.size(800, 800)
    py5.smooth(4)


def setup():
    py5.window_title("creativenn · perceptron")
    reset()


def reset():
    global perceptron, X, targets, history, current
    rng = np.random.default_rng(SEED)
    X = rng.uniform(-1, 1, (POINTS, 2))
    targets = np.where(X[:, 1] > HIDDEN_SLOPE * X[:, 0] + HIDDEN_INTERCEPT, 1, -1)
    perceptron = cnn.Perceptron(2, learning_rate=controls.learning_rate, seed=SEED)
    history, current = [perceptron.accuracy(X, targets)], 0


def draw():
    if not controls.paused:
        train_one_point()
    py5.background(*colors.BACKGROUND)
    py5.no_stroke()
    py5.fill(*colors.PANEL)
    py5.rect(*view.rect)
    draw_boundary(HIDDEN_SLOPE, -1, HIDDEN_INTERCEPT, view, colors.MUTED, 1.5, dashed=True)  # y = m x + c
    draw_points()
    draw_axis_names(view, "x", "y", classes=["target −1", "target +1"])
    draw_boundary(*perceptron.weights, perceptron.bias, view)  # w₀ x + w₁ y + b = 0
    draw_title("a perceptron finding the line between two classes", None,
               controls.status(f"sample {perceptron.steps}"))
    draw_readout(*boxes["numbers"][:2])
    draw_rules(*boxes["rules"][:2])
    controls.draw()


def train_one_point():
    """The perceptron rule on one sample: w ← w + η (target − guess) x   (P1)."""
    global current
    current = perceptron.steps % POINTS
    perceptron.train(X[current], int(targets[current]))
    history.append(perceptron.accuracy(X, targets))


def draw_points():
    """Each point in its class's colour; × on the ones it gets wrong; the one it learns from, ringed."""
    sx, sy = view.to_screen(X[:, 0], X[:, 1])
    py5.stroke_weight(9)
    for target, color in ((-1, colors.class_color(0)), (1, colors.class_color(1))):
        py5.stroke(*color)
        py5.points(np.column_stack([sx[targets == target], sy[targets == target]]).astype(np.float32))
    wrong = perceptron.predict(X) != targets
    draw_cross(X[wrong, 0], X[wrong, 1], view)
    draw_rings(*X[current], view, weight=2)


def draw_readout(x, y):
    w0, w1 = perceptron.weights
    wrong = int(np.sum(perceptron.predict(X) != targets))
    label(f"w₀ = {w0:+.3f}\nw₁ = {w1:+.3f}\nb  = {perceptron.bias:+.3f}\nη  = {controls.learning_rate:g}",
          x, y, 16, kind="mono")
    label(f"accuracy {history[-1]:.0%}\nwrong: {wrong}", x, y + 140, 16, kind="mono")
    draw_loss_curve(history[-400:], x, y + 220, 170, 160, log=False, title="accuracy", smooth=1,
                    limits=(0, 1), steps="samples", first=max(0, len(history) - 400))


def draw_rules(x, y):
    label("guess = sign(w · x + b)", x, y, 16, kind="mono")
    label("w ← w + η (target − guess) x      b ← b + η (target − guess)", x, y + 30, 16, kind="mono")
    label("— boundary w₀x + w₁y + b = 0     - - hidden rule     × wrong", x, y + 62, 13, colors.MUTED)


def key_pressed():
    controls.press(py5.key)


# --- for the exporter ---------------------------------------------------------
def state() -> dict:
    """This frame's numbers, for ``creativenn export --sidecar``."""
    return {"step": perceptron.steps, "weights": perceptron.weights, "bias": perceptron.bias,
            "accuracy": history[-1] if history else None, "sample": current}


py5.run_sketch()
