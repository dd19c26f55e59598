"""A 64-16-16-10 network learning to read handwritten digits: the 3Blue1Brown picture, live.

What to watch: on the left, a digit the network has never trained on; its
pixels are the input neurons a₀. Each layer lights up, aₗ = σ(Wₗ aₗ₋₁ + bₗ),
and the brightest of the ten output neurons is its guess. Edges are the
weights: orange negative, blue positive. As training runs, the guesses
become right and sure. Run with ``--wide`` for 28×28 inputs (784-16-16-10,
12,960 edges). Tags like (C4) cite docs/maths.md: ``creativenn maths C4``.

Keys: space pause/resume · r reset · s save a frame · + / - learning rate · h help.
"""

import sys

import numpy as np
import py5

import creativenn as cnn
from creativenn import colors
from creativenn.draw import Controls, draw_loss_curve, draw_network, draw_pixels, draw_title, label
from creativenn.picture.layout import grid, page
from creativenn.worlds.training import Training

# --- constants: change these --------------------------------------------------
WIDE = "--wide" in sys.argv  # 28×28 inputs instead of 8×8
SIDE = 28 if WIDE else 8
LAYERS = [SIDE * SIDE, 16, 16, 10]
LEARNING_RATE = 0.01  # Adam
STEPS_PER_FRAME = 2
BATCH_SIZE = 32
SHOW_EVERY = 12  # frames between two test digits
WEIGHT_SCALES = [0.3 if WIDE else 1.0, 3.0, 3.0]  # |w| of full colour, layer by layer
SEED = 0

# --- state --------------------------------------------------------------------
run, accuracy = None, 0.0  # the training; the share of unseen digits read right
X, Y = cnn.datasets.digits(wide=WIDE, seed=SEED)
X_train, Y_train, X_test, Y_test = cnn.datasets.split(X, Y, 0.2, seed=SEED)
boxes = grid(page(800, 800), "digit net labels guess / loss loss loss loss / notes notes notes notes",
             widths=[192, 330, 50, None], heights=[470, 110, None], gap=(28, 30))
controls = Controls("digits", reset=lambda: reset(), learning_rate=LEARNING_RATE,
                    on_learning_rate=lambda eta: setattr(run, "learning_rate", eta))


def settings():
    py5.size(800, 800)
    py5.smooth(4)


def setup():
    py5.window_title("creativenn · digits")
    reset()


def reset():
    global run, accuracy
    net = cnn.MLP(LAYERS, activation="sigmoid", loss="cross_entropy", seed=SEED)
    run = Training(net, X_train, Y_train, cnn.Adam(controls.learning_rate), BATCH_SIZE, seed=SEED)
    accuracy = test_accuracy()


def draw():
    global accuracy
    if not controls.paused:
        run.step(STEPS_PER_FRAME)  # Adam on the cross-entropy loss (C4)
        if py5.frame_count % 10 == 0:
            accuracy = test_accuracy()
    py5.background(*colors.BACKGROUND)
    digit = (py5.frame_count // SHOW_EVERY) % len(X_test)
    x, y, w, h = boxes["digit"]
    draw_pixels(X_test[digit].reshape(SIDE, SIDE), x, y + (h - w) / 2, w)  # each pixel is an input neuron
    label(f"input: {SIDE}×{SIDE} pixels", x, y + (h - w) / 2 - 30, 13, colors.MUTED)
    label(f"= a₀, {SIDE * SIDE} numbers", x, y + (h + w) / 2 + 8, 13, colors.MUTED)
    positions = draw_network(run.net, *boxes["net"], sample=X_test[digit], scale=WEIGHT_SCALES)
    draw_guess(X_test[digit], Y_test[digit], positions[-1])
    draw_loss_curve(run.losses, *boxes["loss"], title="loss on the training batches (log scale)")
    draw_readout()
    controls.draw()


def test_accuracy() -> float:
    return float(np.mean(run.net.predict(X_test) == Y_test.argmax(axis=1)))


def draw_guess(x, y, output_positions):
    a = run.net.forward(x)
    for k, (cx, cy) in enumerate(output_positions):
        label(f"{k}", cx + 26, cy - 9, 15, colors.ON if k == a.argmax() else colors.MUTED, kind="mono")
        label(f"{a[k]:4.0%}", cx + 42, cy - 8, 12, colors.MUTED, kind="mono")
    right = a.argmax() == y.argmax()
    gx, gy = boxes["guess"][:2]
    label(f"guess {a.argmax()}", gx, gy + 170, 22, colors.ON)
    label(f"{a.max():.0%} sure", gx, gy + 202, 15)
    label("right" if right else f"wrong:\nit is {y.argmax()}", gx, gy + 226, 15,
          colors.class_color(2) if right else colors.NEGATIVE)


def draw_readout():
    eta = controls.learning_rate
    draw_title(f"a {'-'.join(map(str, LAYERS))} network learning handwritten digits",
               f"accuracy on {len(X_test)} unseen digits: {accuracy:.1%}      η = {eta:g} (Adam)",
               controls.status(f"step {run.steps}"), subtitle_color=colors.INK)
    x, y = boxes["notes"][:2]
    label("aₗ = σ(Wₗ aₗ₋₁ + bₗ)    output: softmax    cost: cross-entropy", x, y, 15, kind="mono")


def key_pressed():
    controls.press(py5.key)


# --- for the exporter ---------------------------------------------------------
def state() -> dict:
    """This frame's numbers, for ``creativenn export --sidecar``."""
    return {"step": run.steps, "loss": run.losses[-1] if run.losses else None, "test_accuracy": accuracy,
            "learning_rate": run.learning_rate}


py5.run_sketch()
