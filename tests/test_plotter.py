"""Plotter SVGs: sized in mm, a layer a pen, each isoline one path, and the lines and length reported."""

import re
import xml.etree.ElementTree as ET

import numpy as np
import pytest

from creativenn.picture.contours import path_length
from creativenn.picture.plotter import Cubic, Pen, write_plot
from creativenn.worlds.cppn import CPPN

SVG = "{http://www.w3.org/2000/svg}"
LAYER = "{http://www.inkscape.org/namespaces/inkscape}groupmode"


def layers(path):
    root = ET.parse(path).getroot()
    return root, [g for g in root if g.tag == SVG + "g" and g.get(LAYER) == "layer"]


def test_a_cppns_isolines_are_one_path_each_in_pen_layers_sized_in_mm(tmp_path):
    c = CPPN(seed=3, mix="waves", palette="riso", symmetry="radial", folds=5)
    z = c.latent_at(0.2)
    report = c.plot(tmp_path / "plot.svg", z, levels=9, pens=3, size_mm=(300, 200), margin_mm=20,
                    resolution=200)
    root, pens = layers(tmp_path / "plot.svg")
    assert (root.get("width"), root.get("height"), root.get("viewBox")) == ("300mm", "200mm", "0 0 300 200")
    assert len(pens) == 3 and all(g.get("fill") == "none" and re.fullmatch(r"#[0-9a-f]{6}", g.get("stroke"))
                                  for g in pens)
    drawn, _ = c.isolines(z, 9, 200, 3)
    assert [g.get("stroke") for g in pens] == ["#" + "".join(f"{v:02x}" for v in p.color) for p in drawn]
    paths = [p for g in pens for p in g]
    assert report.lines == len(paths) == sum(len(p.lines) for p in drawn) > 20
    for element in paths:
        d = element.get("d")
        assert d.count("M") == 1  # one pen-down: a line is never split into pieces
    closed = sum(p.get("d").endswith("Z") for p in paths)
    loops = sum(np.array_equal(line[0], line[-1]) for p in drawn for line in p.lines)
    assert closed == loops > 0
    scale = 160 / 2 / c.zoom  # the plane's 2·zoom across fitted into 200 − 2·20 mm
    expected = sum(path_length(line) for p in drawn for line in p.lines) * scale
    assert report.length_mm == pytest.approx(expected, rel=1e-3)
    assert f"{report.lines} lines" in report.summary()


def test_the_isolines_lie_on_their_levels_of_the_first_output():
    c = CPPN(seed=3, mix="waves", palette="ink")
    z = c.latent_at(0.0)
    drawn, _ = c.isolines(z, levels=3, resolution=120, pens=3)
    assert sum(bool(pen.lines) for pen in drawn) >= 2
    for pen, level in zip(drawn, [0.25, 0.5, 0.75], strict=True):
        if not pen.lines:
            continue
        points = np.concatenate(pen.lines)[::7]
        inputs = np.zeros((len(points), 5), np.float32)
        inputs[:, :2] = points
        inputs[:, 2] = np.hypot(points[:, 0], points[:, 1])
        inputs[:, 3:] = z
        assert np.abs(c.outputs(inputs)[:, 0] - level).max() < 0.03  # traced on a grid: close to it


def test_pixels_and_beziers_and_bad_pages(tmp_path):
    curve = Cubic(np.array([[0, 0], [10, 40], [30, 40], [40, 0]], float))
    report = write_plot(tmp_path / "c.svg", [Pen("blue", (0, 114, 178), [curve])], bounds=(0, 40, 0, 40),
                        size_mm=(50, 50), margin_mm=5, flip_y=False)
    [element] = layers(tmp_path / "c.svg")[1][0]
    assert element.get("d").startswith("M5.00,5.00 C") and report.lines == 1
    with pytest.raises(ValueError, match="no room inside margins"):
        write_plot(tmp_path / "x.svg", [], bounds=(0, 1, 0, 1), size_mm=(20, 20), margin_mm=10)
    with pytest.raises(ValueError, match="x1 > x0"):
        write_plot(tmp_path / "x.svg", [], bounds=(1, 0, 0, 1))
    assert not (tmp_path / "x.svg").exists()


def test_with_no_bounds_the_drawing_fills_the_page_inside_its_margins(tmp_path):
    line = np.array([[100.0, 50.0], [300.0, 50.0], [300.0, 150.0]])  # 200 × 100 in its own units
    report = write_plot(tmp_path / "f.svg", [Pen("ink", (0, 0, 0), [line])], size_mm=(220, 120),
                        margin_mm=10, flip_y=False)
    d = ET.parse(tmp_path / "f.svg").getroot().find(f"{SVG}g/{SVG}path").get("d")
    assert d == "M10.00,10.00 L210.00,10.00 L210.00,110.00"  # 1 mm a unit: 200 × 100 mm, centred
    assert report.length_mm == pytest.approx(300.0)
