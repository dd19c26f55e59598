"""The playground's pictures: what is under the mouse (a neuron, an edge, a point of the plane) and
its read-out, weights as numbers, the train and test losses, and the panel of settings.

``hover_at`` and ``hover_lines`` are plain numbers and words (tested with no
window); the rest draw a ``worlds.playground.Playground``.
"""

from __future__ import annotations

import numpy as np

from ..maths.features import Features
from ..picture import colors
from ..picture.layout import Mapping, diagram_layout, edge_at, edge_segments, neuron_at
from ..worlds.playground import Playground
from .base import current_sketch, label, panel
from .plots import draw_axis_names, draw_decision_field, draw_loss_curves, draw_points

TEST_COLOR = (204, 121, 167)  # the test loss's curve


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
                *wrap(world.neuron_formula(l, k), 74, 3)]
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


def draw_field(world: Playground, field: Mapping, hover, sketch=None) -> None:
    """The network's answer over the plane (or the hovered neuron's own field) and the points."""
    s = current_sketch(sketch)
    neuron = (hover["layer"], hover["neuron"]) if hover and hover["kind"] == "neuron" else None
    values = value_range(world)
    draw_decision_field(world.net, field, resolution=80, neuron=neuron, sketch=s,
                        **({"low": values[0], "high": values[1]} if values and not neuron else {}))
    draw_points(world.X, world.Y, field, test=world.test, values=values, sketch=s)
    draw_axis_names(field, "x₁", "x₂", classes=None if world.regression else world.classes, sketch=s)
    x, y, w, h = field.rect
    if neuron:
        label(f"the field of neuron {neuron[1] + 1}, layer {neuron[0]}", x + 10, y + 10, 13, sketch=s)
    if not len(world.X):
        label("no points: click to add some (x picks the class)", x + w / 2, y + h / 2 - 10, 15,
              align="center", sketch=s)


def draw_hover(world: Playground, hover, positions, network_box, x: float, y: float, sketch=None) -> None:
    """The hovered edge or neuron ringed in the diagram, and its read-out at (x, y)."""
    s = current_sketch(sketch)
    if hover is None:
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


def draw_losses(world: Playground, x: float, y: float, w: float, h: float, sketch=None) -> None:
    """Train and test loss over the frames, and the accuracy under them (for classes)."""
    s = current_sketch(sketch)
    history = world.history
    curves = [("train", history.train, colors.ON)]
    if history.test:
        curves.append(("test", history.test, TEST_COLOR))
    draw_loss_curves(curves, x, y, w, h, title=f"{world.net.loss_name} loss", steps="frames", sketch=s)
    train, test = world.accuracy("train"), world.accuracy("test")
    if train is not None:
        text = f"accuracy: train {train:.0%}" + (f" · test {test:.0%}" if test is not None else "")
        label(text, x, y + h + 15, 15, kind="mono", sketch=s)


def draw_settings(world: Playground, x: float, y: float, w: float, sketch=None) -> None:
    """Every setting with the keys that change it, in a panel: the playground's control board."""
    s = current_sketch(sketch)
    settings, net = world.settings, world.net
    click = f"value {world.click_value():+g}" if world.regression else f"class {world.chosen}"
    layer = world.layer
    chosen_layer = (f"layer {layer + 1} ({settings.hidden[layer]} neurons)" if settings.hidden
                    else "no hidden layer")
    classes = world.classes if not world.regression else "-"
    rows = [
        ("1-6 k n t", f"data {settings.dataset}   classes {classes}   noise {settings.noise:g}   "
                      f"test {settings.test_fraction:.0%}   ({len(world.X)} points)"),
        ("click x c", f"a click adds {click}   c clears the points"),
        ("a l o", f"activation {settings.activation}   loss {net.loss_name}   "
                  f"optimizer {settings.optimizer}"),
        ("+ - b", f"learning rate η {settings.learning_rate:g}   batch {settings.batch_size or 'all'}"),
        ("[ ] ← → ↑ ↓", f"network {'-'.join(map(str, net.sizes))}   chosen: {chosen_layer}"),
        ("v d w i", "weights as numbers   SVG   save   load      (h: every key)"),
    ]
    panel(x, y, w, 30 + 26 * len(rows), sketch=s)
    for i, (keys, text) in enumerate(rows):
        label(keys, x + 15, y + 15 + 26 * i, 14, colors.ON, kind="mono", sketch=s)
        label(text, x + 140, y + 15 + 26 * i, 14, sketch=s)
