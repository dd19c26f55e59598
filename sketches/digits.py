"""A 64-16-16-10 network learning to read handwritten digits: the 3Blue1Brown picture, live.

What to watch: on the left, a digit the network has never trained on; its
pixels are the input neurons a₀. Each layer lights up, aₗ = σ(Wₗ aₗ₋₁ + bₗ),
and the brightest of the ten output neurons is its guess. Edges are the
weights: orange negative, blue positive. As training runs, the guesses
become right and sure. Run with ``--wide`` for 28×28 inputs (784-16-16-10,
12,960 edges).

Equations are cited by tag, like (G1): see docs/maths.md, or run
``creativenn maths G1``.

Keys: space pause/resume · r reset · s save a frame · + / - learning rate · h help.
"""

import sys

import numpy as np
import py5

import creativenn as cnn
from creativenn import colors
from creativenn.draw import Controls, draw_loss_curve, draw_network, label

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
net = optimizer = rng = X_train = Y_train = X_test = Y_test = None
losses, accuracy = [], 0.0
controls = Controls("digits", reset=lambda: reset(), learning_rate=LEARNING_RATE,
                    on_learning_rate=lambda eta: setattr(optimizer, "learning_rate", eta))
digit_image = None


def settings():
    py5.size(800, 800)
    py5.smooth(4)


def setup():
    global X_train, Y_train, X_test, Y_test
    py5.window_title("creativenn · digits")
    X, Y = cnn.datasets.digits(wide=WIDE, seed=SEED)
    X_train, Y_train, X_test, Y_test = cnn.datasets.split(X, Y, 0.2, seed=SEED)
    reset()


def reset():
    global net, optimizer, rng, losses, accuracy
    net = cnn.MLP(LAYERS, activation="sigmoid", loss="cross_entropy", seed=SEED)
    optimizer = cnn.Adam(controls.learning_rate)
    rng = np.random.default_rng(SEED)
    losses, accuracy = [], test_accuracy()


def draw():
    global accuracy
    if not controls.paused:
        train_a_little()
        if py5.frame_count % 10 == 0:
            accuracy = test_accuracy()
    py5.background(*colors.BACKGROUND)
    digit = (py5.frame_count // SHOW_EVERY) % len(X_test)
    draw_digit(X_test[digit])
    positions = draw_network(net, 250, 90, 350, 470, sample=X_test[digit], scale=WEIGHT_SCALES)
    draw_guess(X_test[digit], Y_test[digit], positions[-1])
    draw_loss_curve(losses, 30, 600, 740, 110, title="loss on the training batches (log scale)")
    draw_readout()
    controls.draw()


def train_a_little():
    """A few mini-batch steps of Adam on the cross-entropy loss (C4)."""
    for _ in range(STEPS_PER_FRAME):
        batch = rng.integers(0, len(X_train), BATCH_SIZE)
        losses.append(net.step(X_train[batch], Y_train[batch], optimizer))


def test_accuracy() -> float:
    return float(np.mean(net.predict(X_test) == Y_test.argmax(axis=1)))


def draw_digit(x):
    """The input pixels, large and crisp: each one is an input neuron."""
    size = 192
    grey = (np.clip(x.reshape(SIDE, SIDE), 0, 1) * 255).astype(np.uint8)
    big = np.repeat(np.repeat(grey, size // SIDE + 1, axis=0), size // SIDE + 1, axis=1)[:size, :size]
    global digit_image
    rgb = np.ascontiguousarray(np.stack([big] * 3, axis=-1))
    digit_image = py5.create_image_from_numpy(rgb, bands="RGB", dst=digit_image)
    py5.image(digit_image, 30, 230)
    label(f"input: {SIDE}×{SIDE} pixels", 30, 200, 13, colors.MUTED)
    label(f"= a₀, {SIDE * SIDE} numbers", 30, 430, 13, colors.MUTED)


def draw_guess(x, y, output_positions):
    a = net.forward(x)
    for k, (cx, cy) in enumerate(output_positions):
        label(f"{k}", cx + 26, cy - 9, 15, colors.ON if k == a.argmax() else colors.MUTED, kind="mono")
        label(f"{a[k]:4.0%}", cx + 42, cy - 8, 12, colors.MUTED, kind="mono")
    right = a.argmax() == y.argmax()
    label(f"guess {a.argmax()}", 690, 260, 22, colors.ON)
    label(f"{a.max():.0%} sure", 690, 292, 15)
    label("right" if right else f"wrong: it is {y.argmax()}", 690, 316, 15,
          colors.class_color(2) if right else colors.NEGATIVE)


def draw_readout():
    label(f"a {'-'.join(map(str, LAYERS))} network learning handwritten digits", 30, 24, 22)
    label("paused" if controls.paused else f"step {len(losses)}", 770, 30, 15, colors.MUTED, align="right",
          kind="mono")
    eta = controls.learning_rate
    label(f"accuracy on {len(X_test)} unseen digits: {accuracy:.1%}      η = {eta:g} (Adam)",
          30, 58, 15)
    label("aₗ = σ(Wₗ aₗ₋₁ + bₗ)    output: softmax    cost: cross-entropy", 30, 730, 15, kind="mono")


def state() -> dict:
    """This frame's numbers, for ``creativenn export --sidecar``."""
    return {"step": len(losses), "loss": losses[-1] if losses else None, "test_accuracy": accuracy,
            "learning_rate": controls.learning_rate}


def key_pressed():
    controls.press(py5.key)


py5.run_sketch()
