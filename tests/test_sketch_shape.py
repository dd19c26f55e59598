"""Every sketch reads as a storyboard a student follows in two minutes, and none repeats the plumbing."""

import ast
import re

import pytest

from creativenn import resources

GALLERY, STARTERS = resources.sketches(), resources.starters()
LONGEST_SKETCH, LONGEST_STARTER = 125, 75  # "about 120" and "about 70" lines
EXPORTER_LINE = "# --- for the exporter "


@pytest.mark.parametrize("name", sorted(GALLERY))
def test_a_gallery_sketch_is_short(name):
    lines = GALLERY[name].read_text().count("\n")
    assert lines <= LONGEST_SKETCH, f"{name}.py is {lines} lines: move plumbing into creativenn.draw"


@pytest.mark.parametrize("name", sorted(STARTERS))
def test_a_starter_is_shorter(name):
    lines = STARTERS[name].read_text().count("\n")
    assert lines <= LONGEST_STARTER, f"starters/{name}.py is {lines} lines"


@pytest.mark.parametrize("path", [*GALLERY.values(), *STARTERS.values()], ids=lambda p: p.stem)
def test_keys_are_declared_once_and_handled_by_the_controls(path):
    source = path.read_text()
    doc = ast.get_docstring(ast.parse(source))
    assert "What to watch:" in doc and "Keys:" in doc
    assert re.search(r"^controls = Controls\(", source, re.M), "one key table: controls = Controls(...)"
    assert re.search(r"def key_pressed\(\):\n    controls\.press\(py5\.key", source)
    for plumbing in ("def handle_key", "KEYS = [", "py5.save_frame(", "draw_help(", "show_help"):
        assert plumbing not in source, f"{path.name}: {plumbing!r} is the controls' job"


@pytest.mark.parametrize("path", GALLERY.values(), ids=lambda p: p.stem)
def test_the_exporters_hooks_come_last_below_one_marked_line(path):
    source = path.read_text()
    functions = [node.name for node in ast.parse(source).body if isinstance(node, ast.FunctionDef)]
    hooks = [name for name in functions if name in ("state", "save_svg")]
    if not hooks:
        return
    assert source.count(EXPORTER_LINE) == 1, f"{path.name}: mark the exporter's hooks with {EXPORTER_LINE!r}"
    below = source.split(EXPORTER_LINE)[1]
    assert all(f"def {name}(" in below for name in hooks)
    assert functions[-len(hooks):] == hooks, f"{path.name}: nothing but the exporter's hooks below the line"


@pytest.mark.parametrize("path", GALLERY.values(), ids=lambda p: p.stem)
def test_the_storyboard_order(path):
    """docstring → imports → constants → state → settings/setup → draw → handlers → hooks → run_sketch."""
    source = path.read_text()
    order = [source.index(mark) for mark in ("import py5", "# --- constants", "# --- state", "def settings",
                                              "def draw():", "def key_pressed")]
    assert order == sorted(order), path.name
    assert source.rstrip().endswith("py5.run_sketch()")
