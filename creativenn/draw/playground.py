"""The playground's pictures: what is under the mouse (a neuron, an edge, a point of the plane) and
its read-out, weights as numbers, the losses and scores, the confusion matrix, the board of settings
and the key table.

``hover_at`` and ``hover_lines`` are plain numbers and words (tested with no
window); the rest draw a ``worlds.playground.Playground``. The tags (F3),
(M1) … name equations of the course notes, docs/maths.md.
"""

from __future__ import annotations

import numpy as np

from ..files import whole_file
from ..maths.features import NAMES as FEATURE_NAMES
from ..maths.features import Features
from ..picture import colors
from ..picture.layout import Mapping, diagram_layout, edge_at, edge_segments, neuron_at
from ..worlds.playground import DATASETS, Playground
from .base import current_sketch, font, label, panel
from .plots import draw_axis_names, draw_decision_field, draw_loss_curves, draw_points, draw_value_legend

TEST_COLOR = (204, 121, 167)  # the test loss's curve
FEATURE_LABELS = Features(FEATURE_NAMES).labels


def hover_at(world: Playground, field: Mapping, network_box, mx: float, my: float) -> dict | None:
    """What the mouse is over: a neuron, an edge or a point of the plane, with its numbers."""
    net = world.net
    positions, radii = diagram_layout(net.sizes, *network_box)
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


def hover_lines(world: Playground, hover: dict) -> list[str]:
    """The read-out for ``hover``, in the course's notation."""
    if hover["kind"] == "neuron":
        l, k = hover["layer"], hover["neuron"]
        if l == 0:
            name = Features(world.settings.features).labels[k]
            return [f"input {name}: computed from each point (F3)",
                    f"its field, {name} over the plane, is on the left"]
        return [f"neuron {k + 1} of layer {l} ({hover['activation']}): bias b = {hover['bias']:+.4f}",
                *wrap(world.neuron_formula(l, k), 70, 3)]
    if hover["kind"] == "edge":
        l, k, j = hover["layer"], hover["to"], hover["from"]
        source = f"input {Features(world.settings.features).labels[j]}" if l == 0 else \
            f"neuron {j + 1} of layer {l}"
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


def wrap(text: str, width: int, most: int) -> list[str]:
    """``text`` in lines of at most ``width`` characters, broken at spaces; at most ``most`` lines, the last
    ending in … if more was left."""
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return lines if len(lines) <= most else lines[: most - 1] + [lines[most - 1][: width - 2] + " …"]


def lit_sample(world: Playground, hover, frame: int, every: int = 10):
    """The point whose activations light the neurons: the hovered one, else each point in turn."""
    if hover and hover["kind"] == "point":
        return np.array([hover["x"], hover["y"]])
    return world.X[(frame // every) % len(world.X)] if len(world.X) else None


def value_range(world: Playground):
    """(low, high) of a regression's targets, for colouring; None for classes."""
    if not world.regression or not len(world.Y):
        return None
    low, high = float(world.Y.min()), float(world.Y.max())
    return (low, high) if high > low else (low - 1, high + 1)


def draw_field(world: Playground, field: Mapping, hover, discrete: bool = False, test_points: bool = True,
               sketch=None) -> None:
    """The network's answer over the plane (or the hovered neuron's own field) and the points;
    ``discrete``: the guesses without shades of how sure; ``test_points``: the held-out points too."""
    s = current_sketch(sketch)
    neuron = (hover["layer"], hover["neuron"]) if hover and hover["kind"] == "neuron" else None
    values = value_range(world)
    draw_decision_field(world.net, field, resolution=80, neuron=neuron, discrete=discrete and not neuron,
                        sketch=s, **({"low": values[0], "high": values[1]} if values and not neuron else {}))
    shown = np.ones(len(world.X), bool) if test_points else ~world.test
    draw_points(world.X[shown], world.Y[shown], field, test=world.test[shown], values=values, sketch=s)
    draw_axis_names(field, "x₁", "x₂", classes=None if world.regression else world.classes, sketch=s)
    if values and not neuron:
        draw_value_legend(field, *values, sketch=s)
    x, y, w, h = field.rect
    if neuron:
        caption = f"the field of neuron {neuron[1] + 1}, layer {neuron[0]}"
        s.text_font(font(13, "sans", s), 13)
        panel(x + w - 18 - s.text_width(caption), y + 6, s.text_width(caption) + 12, 22, colors.BACKGROUND, 4,
              sketch=s)  # on a plate: it reads over any colour of the field
        label(caption, x + w - 12, y + 9, 13, align="right", sketch=s)
    if not len(world.X):
        label("no points: click to add some (x picks the class)", x + w / 2, y + h / 2 - 10, 15,
              align="center", sketch=s)


def draw_hover(world: Playground, hover, positions, network_box, x: float, y: float, sketch=None) -> None:
    """The hovered edge or neuron ringed in the diagram, and its read-out at (x, y); with nothing hovered,
    the confusion matrix there."""
    s = current_sketch(sketch)
    if hover is None:  # nothing under the mouse: the confusion matrix has the place
        draw_confusion_panel(world, x, y, sketch=s)
        return
    s.no_fill()
    s.stroke(*colors.ON)
    if hover["kind"] == "edge":
        s.stroke_weight(3)
        s.line(*edge_segments(positions, hover["layer"])[hover["to"], hover["from"]])
    elif hover["kind"] == "neuron":
        cx, cy = positions[hover["layer"]][hover["neuron"]]
        s.stroke_weight(2.5)
        s.circle(cx, cy, 2 * diagram_layout(world.net.sizes, *network_box)[1][hover["layer"]] + 10)
    for i, text in enumerate(hover_lines(world, hover)):
        label(text, x, y + 22 * i, 14 if i == 0 else 13, colors.INK if i == 0 else colors.MUTED,
              kind="mono" if i == 0 else "sans", sketch=s)


def draw_weights_as_numbers(world: Playground, positions, scale: float, sketch=None) -> None:
    """Each weight written on its edge (near its source, where edges overlap least); not past 64."""
    s = current_sketch(sketch)
    weights = world.net.weights
    if sum(W.size for W in weights) > 64:
        x, y = positions[0][0]
        label("too many edges to number: hover one to read it", x, y - 40, 13, colors.MUTED, sketch=s)
        return
    for l, W in enumerate(weights):
        for (x1, y1, x2, y2), w in zip(edge_segments(positions, l).reshape(-1, 4), W.ravel(), strict=True):
            x, y = x1 + 0.3 * (x2 - x1), y1 + 0.3 * (y2 - y1)
            s.no_stroke()
            s.fill(*colors.BACKGROUND)
            s.rect(x - 18, y - 7, 36, 14, 3)
            label(f"{w:+.2f}", x, y - 7, 10, colors.weight_color(w, scale), align="center", kind="mono",
                  sketch=s)


def draw_losses(world: Playground, x: float, y: float, w: float, h: float, below: float = 0,
                sketch=None) -> None:
    """Train and test loss over the frames (with the penalty λR(W) when regularising); ``below`` pixels
    under them, the scores' curves: accuracy for classes (M1), R² for values with the RMSE (M2)."""
    s = current_sketch(sketch)
    history = world.history
    curves = [("train", history.train, colors.ON)]
    if history.test:
        curves.append(("test", history.test, TEST_COLOR))
    penalty = f"  + λR(W) {history.penalty[-1]:.3f}" if history.penalty and history.penalty[-1] else ""
    draw_loss_curves(curves, x, y, w, h, title=f"{world.net.loss_name} loss{penalty}", steps="frames",
                     sketch=s)
    if below < 40:
        return
    scores = [("train", history.train_score, colors.ON)]
    if history.test_score:
        scores.append(("test", history.test_score, TEST_COLOR))
    if world.regression:
        which = "test" if world.test.any() else "train"
        error = world.rmse(which)
        title = "R²" + (f"   RMSE {which} {error:.3f}" if error is not None else "")
        draw_loss_curves(scores, x, y + h + 10, w, below - 10, log=False, title=title, steps="frames",
                         sketch=s)
    else:
        draw_loss_curves(scores, x, y + h + 10, w, below - 10, log=False, limits=(0.0, 1.0), title="accuracy",
                         steps="frames", sketch=s)


def draw_confusion_panel(world: Playground, x: float, y: float, sketch=None) -> None:
    """The confusion matrix (M1) of the test points (the training points if none are held out), with
    what it is, at (x, y): for a hover box with nothing hovered."""
    which = "test" if world.test.any() else "train"
    counts = world.confusion(which)
    if counts is None or len(counts) > 5:
        return
    s = current_sketch(sketch)
    cell = min(34, 100 // len(counts))  # the box is 80 pixels high, and 20 of gap below it
    label(f"confusion matrix, {which} points (M1):", x, y, 13, colors.MUTED, sketch=s)
    label("rows: true class · columns: guess", x, y + 20, 13, colors.MUTED, sketch=s)
    draw_confusion(counts, x + 300, y, cell, sketch=s)


def draw_confusion(counts: np.ndarray, x: float, y: float, cell: float = 18, sketch=None) -> None:
    """The confusion matrix (M1) as a grid of counts: rows the true class, columns the guess; the
    right guesses on the diagonal in the classes' colours. Rows are ``cell`` high; columns as wide
    as the longest count needs."""
    s = current_sketch(sketch)
    size = min(20, cell - 6)
    wide = max(cell, 0.62 * size * len(str(counts.max())) + 10)  # mono digits are 0.6 of their size
    for (i, j), count in np.ndenumerate(counts):
        cx, cy = x + j * wide, y + i * cell
        s.no_stroke()
        s.fill(*(colors.class_color(i) if i == j and count else colors.PANEL))
        s.rect(cx, cy, wide - 2, cell - 2, 3)
        label(str(count), cx + wide / 2 - 1, cy + (cell - 2 - size) / 2 - 1, size,
              colors.BACKGROUND if i == j and count else colors.INK, align="center", kind="mono", sketch=s)


FEATURE_ROW = 1  # the board's row of input features, each a chip a click turns on or off


def feature_chips(x: float, y: float) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Each input feature's chip on the board drawn at (x, y): (name, (left, top, width, height))."""
    left, top = x + 140, y + 12 + 26 * FEATURE_ROW
    chips = []
    for name, text in zip(FEATURE_NAMES, FEATURE_LABELS, strict=True):
        width = 14 + 8.5 * len(text)
        chips.append((name, (left, top, width, 22)))
        left += width + 6
    return chips


def feature_at(x: float, y: float, mx: float, my: float) -> str | None:
    """The input feature whose chip is at (mx, my) on the board drawn at (x, y), if any."""
    for name, (left, top, width, height) in feature_chips(x, y):
        if left <= mx <= left + width and top <= my <= top + height:
            return name
    return None


def draw_settings(world: Playground, x: float, y: float, w: float, sketch=None) -> None:
    """Every setting with the keys that change it, in a panel: the playground's control board."""
    s = current_sketch(sketch)
    settings, net = world.settings, world.net
    click = f"value {world.click_value():+g}" if world.regression else f"class {world.chosen}"
    layer = world.layer
    chosen = (f"layer {layer + 1}: {settings.hidden[layer]}, {settings.activations()[layer]}"
              if settings.hidden else "no hidden layer")
    task = "values" if world.regression else f"classes {world.classes}"
    kind = {None: "none", "l1": "L1", "l2": "L2"}[settings.regularization]
    rate = f" λ {settings.regularization_rate:g}" if settings.regularization else ""
    stop = f"after {settings.patience} epochs" if settings.patience else "never"
    rows = [  # each at most about 56 letters: the board's column is 450 pixels
        ("1-8 k n t", f"data {settings.dataset}  {task}  noise {settings.noise:g}  "
                      f"test {settings.test_fraction:.0%}  {len(world.X)} points"),
        ("f click", ""),  # the features' chips
        ("a A", f"activation {_activations(settings)}"),
        ("l o + - b", f"loss {net.loss_name}  optimizer {settings.optimizer}  "
                      f"η {settings.learning_rate:g}  batch {settings.batch_size or 'all'}"),
        ("g m p", f"regularisation {kind}{rate}  dropout {settings.dropout:g}"),
        ("[ ] ← → ↑ ↓", f"network {'-'.join(map(str, net.sizes))}  {chosen}"),
        ("z r u .", f"stop {stop}  r replay  u seed {settings.seed}  . one step"),
        ("click x c j", f"a click on the plane adds {click}  c clears  j new data"),
        ("v q y", "weights as numbers  discrete output  show test points"),
        ("d w i e E h", "SVG  save  load  export setup + sketch (E: with weights)  help"),
    ]
    panel(x, y, w, 30 + 26 * len(rows), sketch=s)
    for i, (keys, text) in enumerate(rows):
        label(keys, x + 15, y + 15 + 26 * i, 14, colors.ON, kind="mono", sketch=s)
        label(text, x + 140, y + 15 + 26 * i, 14, sketch=s)
    on = set(settings.features)
    for (name, (left, top, width, height)), text in zip(feature_chips(x, y), FEATURE_LABELS, strict=True):
        s.no_stroke()
        s.fill(*(colors.ON if name in on else colors.NEUTRAL))
        s.rect(left, top, width, height, 5)
        label(text, left + width / 2, top + 3, 14, colors.BACKGROUND if name in on else colors.MUTED,
              align="center", sketch=s)


def _activations(settings) -> str:
    """One name when every hidden layer has it, else each layer's in turn (cut with … past 56 letters)."""
    names = settings.activations()
    text = settings.activation if len(set(names)) <= 1 else " / ".join(names)
    return text if len(text) <= 56 else text[:55] + "…"


def export_setup(world: Playground, controls, everything: bool = False) -> None:
    """This setup as saved/playground-0001.json, and as a sketch of your own beside it that starts from
    it (``worlds.setup.sketch_code``); ``everything``: the points and the trained weights in it too (the
    sketch then goes on from them, instead of replaying the run)."""
    from ..worlds.setup import sketch_code

    setup = world.save_setup(controls.next_path(".json"), data=everything, weights=everything)
    code = setup.with_suffix(".py")
    with whole_file(code, "w") as file:
        file.write(sketch_code(world, setup.name))
    controls.announce((setup, code))


def load_last(world: Playground, controls) -> None:
    """The model and points saved last (w saves them as saved/playground-0001.npz and .csv)."""
    controls.attempt("That did not load; nothing was changed.", world.load,
                     controls.latest(".npz") or "saved/playground-0001.npz", said="loaded {} and its points")


def playground_keys(world: Playground, controls, *, save_svg) -> list:
    """The playground's key table: the keys, what each does and what it calls (one table, read by the
    help, the board and the handler). ``controls()`` gives the sketch's Controls (made with this table)."""
    from .controls import Key, Saves, Setting

    names = {"k": "classes", "n": "noise", "t": "test_fraction", "a": "activation", "l": "loss",
             "o": "optimizer", "b": "batch_size", "g": "regularization", "m": "regularization_rate",
             "p": "dropout", "z": "patience", "f": "features"}
    return [
        Key("1-8", "data: " + " ".join(DATASETS), lambda k: world.change(dataset=DATASETS[int(k) - 1])),
        Key("k n t", "classes / noise / test share", lambda k: world.next(names[k])),
        Key("f", "input features: the next set (click a chip on the board: one on or off)",
            lambda k: world.next("features")),
        Key("a l o b", "activation (every layer) / loss / optimizer / batch size",
            lambda k: world.next(names[k])),
        Key("A", "activation of the chosen layer only", lambda k: world.next_layer_activation()),
        Key("g m p", "regularisation L1 / L2 / its rate λ / dropout", lambda k: world.next(names[k])),
        Key("z", "stop when the test loss has not improved for N epochs", lambda k: world.next("patience")),
        Key("r", "replay: the same starting weights and batches again", lambda k: controls().restart()),
        Key("u", "a new seed: other starting weights (r replays the same run)",
            lambda k: world.change(seed=world.settings.seed + 1)),
        Key("j", "new data: another sample of the data set", lambda k: world.change(
            data_seed=world.settings.data_seed + 1)),
        Key(".", "one training step (while paused)", lambda k: world.train(1)),
        Setting("q", "discretize the output: each guess in full colour", name="discrete",
                options=(False, True)),
        Setting("y", "show the test points", name="test_points", options=(True, False)),
        Key("click x", "add a point; x: the class it gets", lambda k: world.choose_click()),
        Key("c", "clear all points", lambda k: world.clear()),
        Key("[ ]", "remove / add a hidden layer", lambda k: world.change_depth(1 if k == "]" else -1)),
        Key("↑ ↓", "widen / narrow the chosen layer", lambda k: world.widen_chosen(1 if k == "up" else -1)),
        Key("← →", "choose a hidden layer", lambda k: world.choose_layer(1 if k == "right" else -1)),
        Setting("v", "weights as numbers", name="numbers", options=(False, True)),
        Saves("w", "save the model and its points", save=world.save, suffix=".npz"),
        Key("i", "load the model and points saved last", lambda k: load_last(world, controls())),
        Saves("d", "the diagram as SVG", save=save_svg),
        Key("e E", "export: this setup as JSON and a sketch of your own; E: with the points and weights",
            lambda k: export_setup(world, controls(), everything=k == "E")),
        Key("wheel", "over an edge or a neuron: its weight or bias ± 0.1"),
    ]
