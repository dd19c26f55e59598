"""The playground: pick data, shape a network, watch it learn; add your own points, load your CSV.

What to watch: left, the network's answer over the plane (each class its colour,
paler where less sure) with training points (dark rings) and test points (light
rings); below, the train and test loss: test rising while train falls is memorising.
Hover a neuron for its own field and bias, an edge for its weight, the plane to light
the neurons for that point; click it to add a point. Your data: ``creativenn run
playground -- my.csv`` (x1,x2,label lines: creativenn/worlds/csvdata.py), or ``-- blobs 4``.

Keys: 1-8 data · k n t classes / noise / test share · a l o b activation / loss / optimizer /
batch size · click x add a point / its class · c clear · [ ] a layer less / more · ↑ ↓ its
width · ← → choose it · v weights as numbers · w i save / load · d the diagram as SVG ·
+ / - learning rate · space pause · r reset · s save a frame · h help.
"""

import sys

import py5

from creativenn import colors
from creativenn.draw import (Controls, EdgeLayer, Key, Saves, Setting, draw_network, draw_title,
                             pointer_inside, save_network_svg)
from creativenn.draw.playground import (draw_field, draw_hover, draw_losses, draw_settings,
                                        draw_weights_as_numbers, hover_at, lit_sample)
from creativenn.picture.layout import Mapping, grid, page
from creativenn.worlds.playground import DATASETS, Playground, Settings

# --- constants: change these --------------------------------------------------
START = Settings(dataset="spirals", classes=2, noise=0.0, hidden=(16, 16), activation="relu",
                 optimizer="adam", learning_rate=0.01, batch_size=10, seed=0)
STEPS_PER_FRAME = 3
WEIGHT_SCALE = 2.0

# --- state --------------------------------------------------------------------
world = Playground(START)
boxes = grid(page(1120, 760, footer=0), "field net / field hover / loss board / . board", gap=(70, 30),
             widths=[400, None], heights=[345, 25, 180, None])
field = Mapping(bounds=((-1.5, 1.5), (-1.5, 1.5)), rect=boxes["field"])
edges = EdgeLayer(*boxes["net"])  # the network's edges, drawn on the second core meanwhile


def load_last(key):
    """The model and points saved last (w saves them as saved/playground-0001.npz and .csv)."""
    controls.attempt("That did not load; nothing was changed.", world.load,
                     controls.latest(".npz") or "saved/playground-0001.npz", said="loaded {} and its points")


SETTINGS = {"k": "classes", "n": "noise", "t": "test_fraction", "a": "activation", "l": "loss",
            "o": "optimizer", "b": "batch_size"}
controls = Controls("playground", [
    Key("1-8", "data: " + " ".join(DATASETS), lambda k: world.change(dataset=DATASETS[int(k) - 1])),
    Key("k n t", "classes / noise / test share", lambda k: world.next(SETTINGS[k])),
    Key("a l o b", "activation / loss / optimizer / batch size", lambda k: world.next(SETTINGS[k])),
    Key("click x", "add a point; x: the class it gets", lambda k: world.choose_click()),
    Key("c", "clear all points", lambda k: world.clear()),
    Key("[ ]", "remove / add a hidden layer", lambda k: world.change_depth(1 if k == "]" else -1)),
    Key("↑ ↓", "widen / narrow the chosen layer", lambda k: world.widen_chosen(1 if k == "up" else -1)),
    Key("← →", "choose a hidden layer", lambda k: world.choose_layer(1 if k == "right" else -1)),
    Setting("v", "weights as numbers", name="numbers", options=(False, True)),
    Saves("w", "save the model and its points", save=world.save, suffix=".npz"),
    Key("i", "load the model and points saved last", load_last),
    Saves("d", "the diagram as SVG", save=lambda path: save_svg(path)),
], reset=lambda: world.change(), learning_rate=lambda: world.settings.learning_rate,  # η lives in the world
   on_learning_rate=lambda eta: world.change(learning_rate=eta))


def settings():
    py5.size(1120, 760)
    py5.smooth(4)


def setup():
    py5.window_title("creativenn · playground")
    if len(sys.argv) > 1:  # playground.py blobs 4, or playground.py my_points.csv
        controls.attempt("That file could not be loaded; the old points are kept.", world.use, sys.argv[1:],
                         said="{}")


def draw():
    if not controls.paused:
        world.train(STEPS_PER_FRAME)
        if world.message:  # diverged: the weights went back; say so, and wait
            controls.halt(world.message)
    py5.background(*colors.BACKGROUND)
    edges.start(world.net, WEIGHT_SCALE)  # drawn meanwhile; draw_network pastes them
    hover = hover_at(world, field, boxes["net"], py5.mouse_x, py5.mouse_y) if pointer_inside() else None
    draw_title(f"playground · {world.settings.dataset}", None,
               controls.status(f"step {world.history.steps}   epoch {world.epochs():.1f}"))
    draw_field(world, field, hover)
    draw_losses(world, *boxes["loss"])
    draw_settings(world, *boxes["board"][:3])
    sample = lit_sample(world, hover, py5.frame_count)
    positions = draw_network(world.net, *boxes["net"], sample=sample, scale=WEIGHT_SCALE, edges=edges)
    draw_hover(world, hover, positions, boxes["net"], *boxes["hover"][:2])
    if controls.numbers:
        draw_weights_as_numbers(world, positions, WEIGHT_SCALE)
    controls.draw(footer=False)  # the settings panel shows the keys; h shows them all


def key_pressed():
    controls.press(py5.key, py5.key_code)


def mouse_pressed():
    if field.contains(py5.mouse_x, py5.mouse_y):
        x, y = field.to_model(py5.mouse_x, py5.mouse_y)
        world.add_point(x, y, world.click_value())


# --- for the exporter ---------------------------------------------------------
def state() -> dict:
    """This frame's numbers, for ``creativenn export --sidecar``."""
    h = world.history
    return {"step": h.steps, "epoch": world.epochs(), "train_loss": h.train[-1] if h.train else None,
            "test_loss": h.test[-1] if h.test else None, "train_accuracy": world.accuracy("train"),
            "test_accuracy": world.accuracy("test"), "network": list(world.net.sizes),
            "parameters": world.net.parameters()}


def save_svg(path):
    """The diagram as vectors, one line per edge: for plotters, print, and ``export --svg``."""
    return save_network_svg(path, world.net, scale=WEIGHT_SCALE)


py5.run_sketch()
