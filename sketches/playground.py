"""The playground: pick data, shape a network, watch it learn; add your own points, load your CSV.

What to watch: on the left, the network's answer over the plane (each
class its colour, paler where it is less sure) with the training points
(dark rings) and held-out test points (light rings). Below, the train and
test loss: when test rises while train falls, the network is memorising.
Hover a neuron to see its own field on the left and its bias; hover an
edge to read its weight; hover the plane to light the neurons for that
point. Click the plane to add a point of the chosen class.

Your data: ``creativenn run playground -- my_points.csv`` (lines of
x1,x2,label; see creativenn/worlds/csvdata.py), or a data set by name and classes:
``-- blobs 4``. w saves the model and the points (playground-model.npz,
playground-data.csv in this folder), i loads them.

Keys: 1-6 data (xor, circles, moons, spirals, blobs, wave) · k classes · n noise ·
t test share · x class a click adds · c clear points · a activation · l loss ·
o optimizer · + / - learning rate · b batch size · [ ] remove / add a layer ·
← → choose a layer · ↑ ↓ its width · v weights as numbers · w save · i load ·
d the diagram as SVG · space pause · r reset · s save a frame · h help.
"""

import sys
from pathlib import Path

import numpy as np
import py5

from creativenn import colors
from creativenn.draw import (draw_decision_field, draw_help, draw_loss_curves, draw_message, draw_network,
                             draw_points, label, save_network_svg)
from creativenn.picture.layout import Mapping, diagram_layout, edge_at, edge_segments, neuron_at
from creativenn.worlds.playground import (ACTIVATIONS, BATCH_SIZES, DATASETS, REGRESSION_VALUES, Playground,
                                   Settings, losses_for)

# --- constants: change these --------------------------------------------------
START = Settings(dataset="spirals", classes=2, noise=0.0, hidden=(16, 16), activation="relu",
                 optimizer="adam", learning_rate=0.01, batch_size=10)
STEPS_PER_FRAME = 3
NOISES = [0.0, 0.05, 0.1, 0.2, 0.3]
TEST_SHARES = [0.0, 0.1, 0.3, 0.5]
OPTIMIZERS = ["sgd", "momentum", "rmsprop", "adam"]
WEIGHT_SCALE = 2.0
SAVE_FOLDER = Path(".")  # where w saves and i loads
FIELD_BOX = (30, 70, 400, 400)
NETWORK_BOX = (500, 70, 590, 370)
TEST_COLOR = (204, 121, 167)  # the test loss's curve
SEED = 0
KEYS = [
    ("1 … 6", "data: xor circles moons spirals blobs wave"), ("k / n / t", "classes / noise / test share"),
    ("click, x", "add a point; x: its class"), ("c", "clear all points"),
    ("a / l / o", "activation / loss / optimizer"), ("+ / - / b", "learning rate / batch size"),
    ("[ ]", "remove / add a hidden layer"), ("← → ↑ ↓", "choose a layer / change its width"),
    ("v / d", "weights as numbers / diagram as SVG"), ("w / i", "save / load model and points"),
    ("space r s h", "pause / reset / save frame / help"),
]

# --- state --------------------------------------------------------------------
world = field = None
chosen, layer, paused, show_help, numbers = 1, 0, False, False, False
problem, notice = None, None  # a file that would not load; what was just saved


def settings():
    py5.size(1120, 760)
    py5.smooth(4)


def setup():
    global world, field
    py5.window_title("creativenn · playground")
    field = Mapping(bounds=((-1.5, 1.5), (-1.5, 1.5)), rect=FIELD_BOX)
    world = Playground(Settings(**{**START.__dict__, "seed": SEED}))
    if len(sys.argv) > 1 and sys.argv[1] in DATASETS:  # a data set by name: playground.py blobs 4
        world.change(dataset=sys.argv[1], classes=int(sys.argv[2]) if len(sys.argv) > 2 else START.classes)
    elif len(sys.argv) > 1:
        load_points(sys.argv[1])


def draw():
    if not paused:
        world.train(STEPS_PER_FRAME)
    py5.background(*colors.BACKGROUND)
    hover = hover_at(py5.mouse_x, py5.mouse_y)
    draw_header()
    draw_field(hover)
    positions = draw_network(world.net, *NETWORK_BOX, sample=lit_sample(hover), scale=WEIGHT_SCALE)
    draw_hover(hover, positions)
    if numbers:
        draw_weights_as_numbers(positions)
    draw_losses()
    draw_settings()
    if world.message or problem:
        draw_message(world.message or problem)
    if show_help:
        draw_help(KEYS)


# --- what is under the mouse --------------------------------------------------
def hover_at(mx: float, my: float) -> dict | None:
    """What the mouse is over: a neuron, an edge or a point of the plane, with its numbers."""
    net = world.net
    positions, radii = diagram_layout(net.sizes, *NETWORK_BOX)
    hit = neuron_at(positions, radii, mx, my)
    if hit:
        l, k = hit
        bias = float(net.biases[l - 1][k]) if l else None
        return {"kind": "neuron", "layer": l, "neuron": k, "bias": bias, "activation": net.activation_of(l)}
    hit = edge_at(positions, mx, my)
    if hit:
        l, k, j = hit
        return {"kind": "edge", "layer": l, "to": k, "from": j, "weight": float(net.weights[l][k, j])}
    if field.contains(mx, my):
        x, y = field.to_model(mx, my)
        return {"kind": "point", "x": x, "y": y, "output": net.forward(np.array([x, y]))}
    return None


def hover_lines(hover: dict) -> list[str]:
    """The read-out for ``hover``, in the course's notation."""
    if hover["kind"] == "neuron":
        l, k = hover["layer"], hover["neuron"]
        if l == 0:
            return [f"input x{k + 1}: its field is the plane's {'xy'[k]} itself"]
        return [f"neuron {k + 1} of layer {l} ({hover['activation']}): bias b = {hover['bias']:+.4f}",
                "its own field, aₗ = σ(Wₗ aₗ₋₁ + bₗ) over the plane, is on the left"]
    if hover["kind"] == "edge":
        l, k, j = hover["layer"], hover["to"], hover["from"]
        source = f"input x{j + 1}" if l == 0 else f"neuron {j + 1} of layer {l}"
        return [f"weight W{l + 1}[{k + 1},{j + 1}] = {hover['weight']:+.4f}",
                f"from {source} to neuron {k + 1} of layer {l + 1}"]
    out = hover["output"]
    if world.regression:
        verdict = f"a = {out[0]:+.3f}"
    elif len(out) == 1:
        verdict = f"a = {out[0]:.3f}: class {int(out[0] >= 0.5)}"
    else:
        verdict = f"class {int(out.argmax())}, {out.max():.0%} sure"
    return [f"at ({hover['x']:+.2f}, {hover['y']:+.2f}): {verdict}", "neurons lit for this point"]


def lit_sample(hover):
    if hover and hover["kind"] == "point":
        return np.array([hover["x"], hover["y"]])
    return world.X[(py5.frame_count // 10) % len(world.X)] if len(world.X) else None


# --- drawing ------------------------------------------------------------------
def draw_header():
    s = world.settings
    label(f"playground · {s.dataset}", 30, 20, 22)
    status = "paused" if paused else f"step {world.history.steps}"
    label(f"{status}   epoch {world.epochs():.1f}", 1090, 26, 15, colors.MUTED, align="right", kind="mono")


def draw_field(hover):
    neuron = (hover["layer"], hover["neuron"]) if hover and hover["kind"] == "neuron" else None
    values = value_range()
    draw_decision_field(world.net, field, resolution=80, neuron=neuron,
                        **({"low": values[0], "high": values[1]} if values and not neuron else {}))
    draw_points(world.X, world.Y, field, test=world.test, values=values)
    if neuron:
        label(f"the field of neuron {neuron[1] + 1}, layer {neuron[0]}", 40, 80, 13)
    if not len(world.X):
        label("no points: click to add some (x picks the class)", 230, 260, 15, align="center")


def value_range():
    """(low, high) of a regression's targets, for colouring; None for classes."""
    if not world.regression or not len(world.Y):
        return None
    low, high = float(world.Y.min()), float(world.Y.max())
    return (low, high) if high > low else (low - 1, high + 1)


def draw_hover(hover, positions):
    if hover is None:
        return
    if hover["kind"] == "edge":
        x1, y1, x2, y2 = edge_segments(positions, hover["layer"])[hover["to"], hover["from"]]
        py5.stroke(*colors.ON)
        py5.stroke_weight(3)
        py5.line(x1, y1, x2, y2)
    elif hover["kind"] == "neuron":
        x, y = positions[hover["layer"]][hover["neuron"]]
        py5.no_fill()
        py5.stroke(*colors.ON)
        py5.stroke_weight(2.5)
        py5.circle(x, y, 2 * diagram_layout(world.net.sizes, *NETWORK_BOX)[1][hover["layer"]] + 10)
    for i, text in enumerate(hover_lines(hover)):
        label(text, 500, 452 + 22 * i, 14 if i == 0 else 13, colors.INK if i == 0 else colors.MUTED,
              kind="mono" if i == 0 else "sans")


def draw_weights_as_numbers(positions):
    weights = world.net.weights
    if sum(W.size for W in weights) > 64:
        label("too many edges to number: hover one to read it", 500, 420, 13, colors.MUTED)
        return
    for l, W in enumerate(weights):
        for (x1, y1, x2, y2), w in zip(edge_segments(positions, l).reshape(-1, 4), W.ravel(), strict=True):
            x, y = x1 + 0.3 * (x2 - x1), y1 + 0.3 * (y2 - y1)  # nearer the source: fewer overlaps
            py5.no_stroke()
            py5.fill(*colors.BACKGROUND)
            py5.rect(x - 18, y - 7, 36, 14, 3)
            label(f"{w:+.2f}", x, y - 7, 10, colors.weight_color(w, WEIGHT_SCALE), align="center",
                  kind="mono")


def draw_losses():
    h = world.history
    curves = [("train", h.train, colors.ON)] + ([("test", h.test, TEST_COLOR)] if h.test else [])
    draw_loss_curves(curves, 30, 495, 400, 170, title=f"{world.net.loss_name} loss")
    train, test = world.accuracy("train"), world.accuracy("test")
    if train is not None:
        text = f"accuracy: train {train:.0%}" + (f" · test {test:.0%}" if test is not None else "")
        label(text, 30, 680, 15, kind="mono")


def draw_settings():
    s, net = world.settings, world.net
    click = (f"value {REGRESSION_VALUES[chosen % len(REGRESSION_VALUES)]:+g}" if world.regression
             else f"class {chosen}")
    widths = "-".join(map(str, net.sizes))
    chosen_layer = f"layer {layer + 1} ({s.hidden[layer]} neurons)" if s.hidden else "no hidden layer"
    rows = [
        ("1-6 k n t", f"data {s.dataset}   classes {world.classes if not world.regression else '-'}   "
                      f"noise {s.noise:g}   test {s.test_fraction:.0%}   ({len(world.X)} points)"),
        ("click x c", f"a click adds {click}   c clears the points"),
        ("a l o", f"activation {s.activation}   loss {net.loss_name}   optimizer {s.optimizer}"),
        ("+ - b", f"learning rate η {s.learning_rate:g}   batch {s.batch_size or 'all'}"),
        ("[ ] ← → ↑ ↓", f"network {widths}   chosen: {chosen_layer}"),
        ("v d w i", "weights as numbers   diagram as SVG   save   load      h all keys"),
    ]
    py5.no_stroke()
    py5.fill(*colors.PANEL)
    py5.rect(500, 510, 590, 30 + 26 * len(rows), 8)
    for i, (keys, text) in enumerate(rows):
        label(keys, 515, 525 + 26 * i, 14, colors.ON, kind="mono")
        label(text, 640, 525 + 26 * i, 14)
    if notice and py5.frame_count < notice[1]:
        label(notice[0], 500, 700, 13, colors.MUTED)


# --- files --------------------------------------------------------------------
def load_points(path):
    """The user's CSV; on a problem the old points stay and the message says what to fix."""
    global problem, notice
    try:
        note = world.load_csv(path)
    except ValueError as error:
        problem = ["That file could not be loaded; the old points are kept.", *wrap(str(error)),
                   "Press any key to go on."]
        return
    notice = (note or f"loaded {path}", py5.frame_count + 150)


def wrap(text: str, width: int = 60) -> list[str]:
    words, lines = text.split(), [""]
    for word in words:
        if len(lines[-1]) + len(word) + 1 > width:
            lines.append("")
        lines[-1] = f"{lines[-1]} {word}".strip()
    return lines


def save_or_load(key):
    global problem, notice
    try:
        if key == "w":
            paths = world.save(SAVE_FOLDER)
            notice = ("saved " + " and ".join(str(p) for p in paths), py5.frame_count + 150)
        else:
            world.load(SAVE_FOLDER)
            notice = (f"loaded the model and points from {SAVE_FOLDER}", py5.frame_count + 150)
    except (ValueError, OSError) as error:
        problem = ["That did not work; nothing was changed.", *wrap(str(error)), "Press any key to go on."]


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


# --- events -------------------------------------------------------------------
def mouse_pressed():
    handle_click(py5.mouse_x, py5.mouse_y)


def handle_click(mx: float, my: float):
    if field.contains(mx, my):
        x, y = field.to_model(mx, my)
        value = REGRESSION_VALUES[chosen % len(REGRESSION_VALUES)] if world.regression else chosen
        world.add_point(x, y, value)


def key_pressed():
    arrows = {py5.UP: "up", py5.DOWN: "down", py5.LEFT: "left", py5.RIGHT: "right"}
    handle_key(arrows.get(py5.key_code, "") if py5.key == py5.CODED else py5.key)


def cycle(options, current, step=1):
    options = list(options)
    return options[(options.index(current) + step) % len(options)] if current in options else options[0]


def handle_key(key):
    global paused, show_help, chosen, layer, numbers, problem, notice
    s = world.settings
    if problem:
        problem = None  # any key closes the message
        return
    hidden = list(s.hidden)
    changes = {
        **{str(i + 1): {"dataset": name} for i, name in enumerate(DATASETS)},
        "k": {"classes": cycle(range(2, 6), s.classes)}, "n": {"noise": cycle(NOISES, s.noise)},
        "t": {"test_fraction": cycle(TEST_SHARES, s.test_fraction)},
        "a": {"activation": cycle(ACTIVATIONS, s.activation)},
        "l": {"loss": cycle(losses_for(world.regression, world.classes), world.net.loss_name)},
        "o": {"optimizer": cycle(OPTIMIZERS, s.optimizer)},
        "b": {"batch_size": cycle(BATCH_SIZES, s.batch_size)},
        "+": {"learning_rate": s.learning_rate * 1.5}, "=": {"learning_rate": s.learning_rate * 1.5},
        "-": {"learning_rate": s.learning_rate / 1.5}, "_": {"learning_rate": s.learning_rate / 1.5},
        "]": {"hidden": (*hidden, hidden[-1] if hidden else 4)}, "[": {"hidden": tuple(hidden[:-1])},
        "r": {},
    }
    if hidden:
        changes["up"] = {"hidden": (*hidden[:layer], hidden[layer] + 1, *hidden[layer + 1:])}
        changes["down"] = {"hidden": (*hidden[:layer], max(1, hidden[layer] - 1), *hidden[layer + 1:])}
    if key in changes:
        world.change(**changes[key])
        layer = min(layer, max(len(world.settings.hidden) - 1, 0))
    elif key in ("left", "right"):
        layer = (layer + (1 if key == "right" else -1)) % max(len(hidden), 1)
    elif key == "x":
        chosen = (chosen + 1) % (len(REGRESSION_VALUES) if world.regression else min(world.classes + 1, 8))
    elif key == "c":
        world.clear()
    elif key == "v":
        numbers = not numbers
    elif key == "d":
        notice = (f"diagram saved: {save_svg(SAVE_FOLDER / 'playground-diagram.svg')}", py5.frame_count + 150)
    elif key in "wi":
        save_or_load(key)
    elif key == " ":
        paused = not paused
    elif key == "s":
        py5.save_frame("playground-####.png")
    elif key == "h":
        show_help = not show_help


py5.run_sketch()
