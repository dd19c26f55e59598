"""Vector output: SVG files that parse, with one element per drawn edge in the weight's own colour."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np

from creativenn import colors
from creativenn.picture.layout import diagram_layout, edge_segments
from tests.conftest import creativenn

ROOT = Path(__file__).resolve().parent.parent
NS = "{http://www.w3.org/2000/svg}"


def elements(path, tag):
    """(element, stroke colour) for every ``tag`` element, its stroke inherited from its groups."""
    found = []

    def walk(node, stroke):
        own = re.search(r"stroke:rgb\((\d+),(\d+),(\d+)\)", node.get("style", ""))
        stroke = tuple(int(v) for v in own.groups()) if own else stroke
        if node.tag == NS + tag:
            found.append((node, stroke))
        for child in node:
            walk(child, stroke)

    walk(ET.parse(path).getroot(), None)
    return found


def test_network_svg_has_one_line_per_edge_in_its_weights_colour(render, tmp_path):
    svg = tmp_path / "network.svg"
    result, _ = render(ROOT / "sketches" / "network.py", 3, svg=svg)
    ns = result.namespace
    net = ns["run"].net
    lines = elements(svg, "line")
    assert len(lines) == sum(W.size for W in net.weights) == 28
    layout = diagram_layout(net.sizes, 40, 40, 720, 520)[0]  # save_network_svg's 800×600 page, 40 margin
    by_ends = {}
    for l, W in enumerate(net.weights):
        for (x1, y1, x2, y2), w in zip(edge_segments(layout, l).reshape(-1, 4), W.ravel(), strict=True):
            by_ends[(round(x1, 1), round(y1, 1), round(x2, 1), round(y2, 1))] = w
    for line, stroke in lines:
        ends = tuple(round(float(line.get(k)), 1) for k in ("x1", "y1", "x2", "y2"))
        w = by_ends.pop(ends)
        assert np.abs(np.subtract(stroke, colors.weight_color(w, ns["WEIGHT_SCALE"]))).max() <= 1
    assert not by_ends  # every edge drawn, once


def test_weights_art_svg_is_a_plot_one_curve_per_weight_a_layer_a_pen(render, tmp_path):
    svg = tmp_path / "art.svg"
    result, _ = render(ROOT / "sketches" / "weights_art.py", 3, svg=svg)
    root = ET.parse(svg).getroot()
    assert (root.get("width"), root.get("height")) == ("200mm", "200mm")  # sized for a plotter
    layers = {g.get("{http://www.inkscape.org/namespaces/inkscape}label"): g for g in root.iter(NS + "g")}
    weights = [p for name, g in layers.items() if "neurons" not in name for p in g.iter(NS + "path")]
    net = result.namespace["run"].net
    assert len(weights) == sum(W.size for W in net.weights) == 88  # one path a weight
    assert all(" C" in p.get("d") for p in weights)  # Bézier curves, for a plotter to follow
    negative = sum(len(list(g.iter(NS + "path"))) for name, g in layers.items() if "w < 0" in name)
    assert negative == sum(int((W < 0).sum()) for W in net.weights)  # a pen for each sign
    assert all("#f28e2b" in name for name in layers if "w < 0" in name)  # orange: negative, as on screen
    neurons = [name for name in layers if "neurons" in name]
    assert len(neurons) == 1 and len(list(layers[neurons[0]].iter(NS + "path"))) == 2 + 8 + 8 + 1


def test_export_svg_from_the_command_line_and_a_clear_error_where_unsupported(tmp_path):
    done = creativenn("export", "playground", "--frames", 2, "--out", tmp_path / "p", "--svg")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "p" / "playground.svg").is_file() and "playground.svg" in done.stderr
    assert len(elements(tmp_path / "p" / "playground.svg", "line")) == 2 * 16 + 16 * 16 + 16
    refused = creativenn("export", "line_fit", "--frames", 2, "--out", tmp_path / "c", "--svg")
    assert refused.returncode == 1 and "cannot be saved as SVG" in refused.stderr
