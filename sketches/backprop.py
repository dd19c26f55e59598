"""Backpropagation, slowed down: one training step of a 2-3-3-2 network, stage by stage.

What to watch: forward, warm pulses carry W_kj a_j along each edge (bigger =
larger) and light the next layer, a = σ(W a + b). Then the output error
e = a − d appears as crimson rings, and crimson pulses carry the blame back
along the edges. Last, every weight's change flashes on its edge (blue up,
orange down) and the step is taken. Press b to switch the backward rule
between the exact chain rule (B4), the course's "blame shared by weight"
(B2) and its transpose approximation (B3): the table at the bottom shows
each hidden neuron's blame under all three, and how far their updates agree.
Tags like (G1) cite docs/maths.md: ``creativenn maths G1``.

Keys: space next stage (stops the timer) · a timer on / off · b backward rule ·
n next sample · + / - learning rate · r reset · s save a frame · h help.
"""

import numpy as np
import py5

import creativenn as cnn
from creativenn import colors
from creativenn.draw import Controls, Key, Setting, draw_loss_curve, draw_network, draw_title, export_draws
from creativenn.draw.backprop import (RULE_NAMES, draw_neurons, draw_pulses, draw_rule_table, draw_stage_text,
                                      draw_update_flashes, eased)
from creativenn.maths.backprop import Walkthrough
from creativenn.picture.layout import grid, page

# --- constants: change these --------------------------------------------------
LAYERS = [2, 3, 3, 2]  # the course's all-sigmoid network, cost (C3)
LEARNING_RATE = 2.0
STAGE_FRAMES = 45  # frames a stage lasts when playing on a timer
EXPORT_FRAMES, STEPS_IN_AN_EXPORT = 360, 4  # an export plays whole steps, faster, so the cost curve fills
WEIGHT_SCALE = 3.0
SEED = 0

# --- state --------------------------------------------------------------------
walk = None  # the network, XOR's four corners, and where in the step we are
stage_frames = STAGE_FRAMES
boxes = grid(page(800, 800, header=160), "net net / table cost", widths=[480, None], heights=[300, None])
network_box = boxes["net"].inset(90, 0)  # room for the inputs and targets written beside it


def reset():
    """A fresh network from SEED, XOR's four corners as one-hot targets, the first stage."""
    global walk
    X, labels = cnn.datasets.xor()
    D = np.eye(2)[labels[:, 0].astype(int)]  # class 0 → (1, 0), class 1 → (0, 1)
    net = cnn.MLP(LAYERS, activation="sigmoid", loss="half_mse", seed=SEED)
    walk = Walkthrough(net, X, D, "chain", controls.learning_rate)


def step_by_hand(key):
    controls.auto = False
    walk.next_stage()


def change_learning_rate(eta):
    walk.learning_rate = eta
    walk.retrace()


controls = Controls("backprop", [
    Key("space", "next stage (stops the timer)", step_by_hand, "next stage"),
    Setting("a", "play the stages on a timer, or not", short="timer", name="auto"),
    Key("b", "backward rule: chain, shared by weight, transpose", lambda k: walk.next_rule(), "rule"),
    Key("n", "next sample", lambda k: walk.next_sample(), "sample"),
], reset=reset, learning_rate=LEARNING_RATE, on_learning_rate=change_learning_rate)


def settings():
    py5.size(800, 800)
    py5.smooth(4)


def setup():
    global stage_frames
    py5.window_title("creativenn · backprop")
    reset()
    if export_draws():  # exported: STEPS_IN_AN_EXPORT whole steps, each stage as long as that allows
        stage_frames = min(STAGE_FRAMES, max(3, export_draws() // (STEPS_IN_AN_EXPORT * len(walk.stages))))


def draw():
    t = eased(walk.advance(stage_frames, controls.auto))  # stepping by hand, a stage waits for space
    py5.background(*colors.BACKGROUND)
    playing = "timer" if controls.auto else "space: next"
    draw_title("backpropagation, one step at a time", None,
               f"{RULE_NAMES[walk.rule]}   step {len(walk.losses) - 1}   {playing}")
    draw_stage_text(walk, 30, 62)
    positions = draw_network(walk.net, *network_box, scale=WEIGHT_SCALE)
    if walk.stage_kind == "update":
        draw_update_flashes(walk.trace, positions, t)
    draw_pulses(walk.trace, positions, walk.stage_kind, walk.stage_layer, t)
    draw_neurons(walk, positions, t)
    draw_rule_table(walk, *boxes["table"][:2])
    draw_loss_curve(walk.losses, *boxes["cost"], title="cost C, all 4 samples", first=0)  # from the start
    controls.draw()


def key_pressed():
    controls.press(py5.key)


# --- for the exporter ---------------------------------------------------------
def state() -> dict:
    """This frame's numbers, for ``creativenn export --sidecar``."""
    trace = walk.trace
    return {"step": len(walk.losses) - 1, "stage": walk.stage_kind, "layer": walk.stage_layer,
            "rule": walk.rule, "sample": walk.sample, "loss": walk.losses[-1], "errors": trace.errors,
            "weight_updates": trace.weight_updates}


py5.run_sketch()
