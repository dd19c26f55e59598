"""A perceptron learning which side of a hidden line each point is on, one point per frame.

What to watch: the dashed line is the hidden rule; the solid line is the
perceptron's own boundary w₀ x + w₁ y + b = 0, drawn from its weights. Each
frame it guesses one point (ringed), sign(w · x + b); if wrong, it nudges
its weights, w ← w + η (target − guess) x, and its line jumps. Crossed-out
points are the ones it still gets wrong.

Equations are cited by tag, like (G1): see docs/maths.md, or run
``creativenn maths G1``.

Keys: space pause/resume · r reset · s save a frame · + / - learning rate · h help.
"""

import numpy as np
import py5

import creativenn as cnn
from creativenn import colors
from creativenn.draw import Controls, label
from creativenn.picture.layout import Mapping

# --- constants: change these --------------------------------------------------
POINTS = 150
HIDDEN_SLOPE, HIDDEN_INTERCEPT = 0.6, 0.15  # the rule to discover: above y = 0.6 x + 0.15?
LEARNING_RATE = 0.02
SEED = 0

# --- state --------------------------------------------------------------------
perceptron = X = targets = view = None
current, history = 0, []
controls = Controls("perceptron", reset=lambda: reset(), learning_rate=LEARNING_RATE,
                    on_learning_rate=lambda eta: setattr(perceptron, "learning_rate", eta))


def settings():
    py5.size(800, 800)
    py5.smooth(4)


def setup():
    global view
    py5.window_title("creativenn · perceptron")
    view = Mapping(((-1, 1), (-1, 1)), rect=(30, 80, 560, 560))
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
    draw_hidden_line()
    draw_points()
    draw_boundary()
    draw_readout()
    controls.draw()


def train_one_point():
    """The perceptron rule on one sample: w ← w + η (target − guess) x   (P1)."""
    global current
    current = perceptron.steps % POINTS
    perceptron.train(X[current], int(targets[current]))
    history.append(perceptron.accuracy(X, targets))


def line_across(slope_of, x0=-1.0, x1=1.0):
    """Screen end points of y = f(x) across the view."""
    xs = np.array([x0, x1])
    return view.to_screen(xs, slope_of(xs))


def draw_hidden_line():
    (sx0, sx1), (sy0, sy1) = line_across(lambda x: HIDDEN_SLOPE * x + HIDDEN_INTERCEPT)
    py5.stroke(*colors.MUTED)
    py5.stroke_weight(1.5)
    for t in np.arange(0, 1, 0.04):  # dashed
        py5.line(sx0 + (sx1 - sx0) * t, sy0 + (sy1 - sy0) * t,
                 sx0 + (sx1 - sx0) * (t + 0.02), sy0 + (sy1 - sy0) * (t + 0.02))


def draw_points():
    sx, sy = view.to_screen(X[:, 0], X[:, 1])
    wrong = perceptron.predict(X) != targets
    py5.stroke_weight(9)
    for target, color in ((-1, colors.class_color(0)), (1, colors.class_color(1))):
        py5.stroke(*color)
        mine = targets == target
        py5.points(np.column_stack([sx[mine], sy[mine]]).astype(np.float32))
    py5.stroke(*colors.INK)
    py5.stroke_weight(2)
    for i in np.flatnonzero(wrong):
        py5.line(sx[i] - 7, sy[i] - 7, sx[i] + 7, sy[i] + 7)
        py5.line(sx[i] - 7, sy[i] + 7, sx[i] + 7, sy[i] - 7)
    py5.no_fill()
    py5.stroke(*colors.ON)
    py5.circle(sx[current], sy[current], 22)


def draw_boundary():
    w0, w1 = perceptron.weights
    if abs(w1) > 1e-12:
        (sx0, sx1), (sy0, sy1) = line_across(perceptron.boundary_y)
    else:  # a vertical boundary: x = −b / w0
        bx = -perceptron.bias / w0
        (sx0, sx1), (sy0, sy1) = view.to_screen(np.array([bx, bx]), np.array([-1.0, 1.0]))
    rx, ry, rw, rh = view.rect
    py5.clip(rx, ry, rw, rh)
    py5.stroke(*colors.ON)
    py5.stroke_weight(3)
    py5.line(sx0, sy0, sx1, sy1)
    py5.no_clip()


def draw_readout():
    label("a perceptron finding the line between two classes", 30, 24, 22)
    label("paused" if controls.paused else f"sample {perceptron.steps}", 770, 30, 15, colors.MUTED,
          align="right", kind="mono")
    w0, w1 = perceptron.weights
    x, y = 610, 90
    for i, text in enumerate([
        f"w₀ = {w0:+.3f}", f"w₁ = {w1:+.3f}", f"b  = {perceptron.bias:+.3f}",
        f"η  = {controls.learning_rate:g}",
        "", f"accuracy {history[-1]:.0%}", f"wrong: {int(np.sum(perceptron.predict(X) != targets))}",
    ]):
        label(text, x, y + i * 28, 16, kind="mono")
    draw_accuracy_curve(x, 330, 160, 120)
    label("guess = sign(w · x + b)", 30, 660, 16, kind="mono")
    label("w ← w + η (target − guess) x      b ← b + η (target − guess)", 30, 690, 16, kind="mono")
    label("— boundary w₀x + w₁y + b = 0     - - hidden rule     × wrong", 30, 722, 13, colors.MUTED)


def draw_accuracy_curve(x, y, w, h):
    label("accuracy", x, y - 20, 13, colors.MUTED)
    values = np.asarray(history[-400:])
    if len(values) < 2:
        return
    px = x + np.linspace(0, w, len(values))
    py = y + h - values * h
    py5.stroke(*colors.ON)
    py5.stroke_weight(2)
    py5.lines(np.column_stack([px[:-1], py[:-1], px[1:], py[1:]]).astype(np.float32))


def state() -> dict:
    """This frame's numbers, for ``creativenn export --sidecar``."""
    return {"step": perceptron.steps, "weights": perceptron.weights, "bias": perceptron.bias,
            "accuracy": history[-1] if history else None, "sample": current}


def key_pressed():
    controls.press(py5.key)


py5.run_sketch()
