"""The playground: pick data and input features, shape a network, regularise it, watch it learn.

What to watch: left, the network's answer over the plane (each class its colour,
paler where less sure) with training points (dark rings) and test points (light
rings); below, the train and test loss (test rising while train falls is memorising),
the accuracy or R², and the confusion matrix. Hover a neuron for its own field and its
formula with the weights plugged in (F1), an edge for its weight (the wheel changes it);
click the plane to add a point, a feature on the board to feed it in (F3). Your data: ``creativenn run
playground -- my.csv`` (x1,x2,label lines), ``-- blobs 4``, or a setup ``-- setup.json``.
Tags like (F1) cite docs/maths.md: ``creativenn maths F1``.

Keys: 1-8 data · k n t classes / noise / test share · f features (the board shows them all) ·
a A activation (all / chosen layer) · l o b loss / optimizer / batch · g m p L1/L2, λ, dropout
(R1-R3) · z stop early (M3) · u new seed · j new data · . one step · q y discrete output / test
points · click x c points · [ ] ↑ ↓ ← → layers · v w i d e numbers / save / load / SVG / export ·
wheel a weight · + / - learning rate · space pause · r replay · s save a frame · h help.
"""

import sys
from pathlib import Path

import py5

from creativenn import colors
from creativenn.draw import Controls, EdgeLayer, draw_network, draw_title, pointer_inside, save_network_svg
from creativenn.draw.playground import (draw_field, draw_hover, draw_losses, draw_settings,
                                        draw_weights_as_numbers, feature_at, hover_at, lit_sample,
                                        playground_keys)
from creativenn.picture.layout import Mapping, grid, page
from creativenn.worlds.playground import Playground, Settings

# --- constants: change these --------------------------------------------------
START = Settings(dataset="spirals", classes=2, noise=0.0, hidden=(16, 16), activation="relu",
                 optimizer="adam", learning_rate=0.01, batch_size=10, seed=0)
SETUP = None  # a setup file to start from, beside this sketch (e writes one)
STEPS_PER_FRAME = 3
WEIGHT_SCALE = 2.0

# --- state --------------------------------------------------------------------
world = Playground(START)
boxes = grid(page(1120, 800, footer=0), "field net / field hover / loss board / . board", gap=(70, 20),
             widths=[400, None], heights=[300, 80, 150, None])
field = Mapping(bounds=((-1.5, 1.5), (-1.5, 1.5)), rect=boxes["field"])
edges = EdgeLayer(*boxes["net"])  # the network's edges, drawn on the second core meanwhile


controls = Controls("playground", playground_keys(world, lambda: controls, save_svg=lambda p: save_svg(p)),
                    reset=world.restart, learning_rate=lambda: world.settings.learning_rate,  # η: the world's
                    on_learning_rate=lambda eta: world.change(learning_rate=eta))


def settings():
    py5.size(1120, 800)
    py5.smooth(4)


def setup():
    py5.window_title("creativenn · playground")
    args = sys.argv[1:] or ([str(Path(__file__).with_name(SETUP))] if SETUP else [])
    if args:  # playground.py blobs 4, playground.py my_points.csv, playground.py setup.json
        controls.attempt("That could not be loaded; the old setup is kept.", world.use, args, said="{}")


def draw():
    if not controls.paused:
        world.train(STEPS_PER_FRAME)
        if world.message:  # diverged, or stopped early: say so, and wait
            controls.halt(world.message)
    py5.background(*colors.BACKGROUND)
    edges.start(world.net, WEIGHT_SCALE)  # drawn meanwhile; draw_network pastes them
    hover = hover_at(world, field, boxes["net"], py5.mouse_x, py5.mouse_y) if pointer_inside() else None
    draw_title(f"playground · {world.settings.dataset}", None,
               controls.status(f"step {world.history.steps}   epoch {world.epochs():.1f}"))
    draw_field(world, field, hover, controls.discrete, controls.test_points)
    draw_losses(world, *boxes["loss"], below=py5.height - sum(boxes["loss"][1::2]) - 8)
    draw_settings(world, *boxes["board"][:3])
    sample = lit_sample(world, hover, py5.frame_count)
    positions = draw_network(world.net, *boxes["net"], sample=sample, scale=WEIGHT_SCALE, edges=edges)
    draw_hover(world, hover, positions, boxes["net"], *boxes["hover"][:2])
    if controls.numbers:
        draw_weights_as_numbers(world, positions, WEIGHT_SCALE)
    controls.draw(footer=False, note="top")  # the board shows the keys; h shows them all


def key_pressed():
    controls.press(py5.key, py5.key_code)


def mouse_pressed():
    feature = feature_at(*boxes["board"][:2], py5.mouse_x, py5.mouse_y)
    if feature:
        world.toggle_feature(feature)
    elif field.contains(py5.mouse_x, py5.mouse_y):
        x, y = field.to_model(py5.mouse_x, py5.mouse_y)
        world.add_point(x, y, world.click_value())


def mouse_wheel(event):  # over an edge or a neuron: its weight or bias, 0.1 a notch
    world.nudge(hover_at(world, field, boxes["net"], py5.mouse_x, py5.mouse_y), -0.1 * event.get_count())


# --- for the exporter ---------------------------------------------------------
def state() -> dict:
    """This frame's numbers, for ``creativenn export --sidecar``."""
    h = world.history
    return {"step": h.steps, "epoch": world.epochs(), "train_loss": h.train[-1] if h.train else None,
            "test_loss": h.test[-1] if h.test else None, "train_accuracy": world.accuracy("train"),
            "test_accuracy": world.accuracy("test"), "network": list(world.net.sizes),
            "penalty": h.penalty[-1] if h.penalty else None, "features": list(world.settings.features),
            "parameters": world.net.parameters()}


def save_svg(path):
    """The diagram as vectors, one line per edge: for plotters, print, and ``export --svg``."""
    return save_network_svg(path, world.net, scale=WEIGHT_SCALE)


py5.run_sketch()
