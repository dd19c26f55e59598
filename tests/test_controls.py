"""Shared controls: a sketch's keys declared once — the table, the footer, the help and the keys agree."""

import ast
import re
from pathlib import Path

import pytest
from PIL import Image

from creativenn import resources
from creativenn.draw import Controls, Key, Saves, Setting

CONVERTED = sorted(resources.sketches())  # every bundled sketch declares its keys with Controls


def test_shared_keys_work_with_no_code_and_own_keys_come_first():
    calls, resets, rates = [], [], []
    controls = Controls("demo", [Key("q", "squares", calls.append), Key("drag", "move it")],
                        reset=lambda: resets.append(1), learning_rate=0.1, on_learning_rate=rates.append)
    assert controls.press(" ") and controls.paused
    assert controls.press("r") and resets == [1]
    assert controls.press("+") and controls.learning_rate == pytest.approx(0.15) == rates[0]
    assert controls.press("-") and controls.learning_rate == pytest.approx(0.1)
    assert controls.press("h") and controls.show_help
    assert controls.press("q") and calls == ["q"]
    assert not controls.press("x") and not controls.press("d")  # a shown-only row (drag) takes no key
    assert not controls.press("p") and not controls.press("a")  # letters of "space" are not keys
    assert controls.footer() == "q squares · drag move it · space pause · r reset · s save · + / - η · h help"


def test_settings_keep_their_value_on_the_controls_with_no_code():
    controls = Controls("demo", [Setting("1 2 3", "mode", name="mode", options=("a", "b", "c")),
                                 Setting("q", "squares on / off", name="squares")])
    assert (controls.mode, controls.squares) == ("a", True)
    controls.press("3")
    controls.press("q")
    assert (controls.mode, controls.squares) == ("c", False)
    controls.press("q")
    assert controls.squares is True
    with pytest.raises(ValueError, match="cannot be called 'paused'"):
        Controls("demo", [Setting("p", "pause", name="paused")])


def test_saves_rows_save_with_no_code_and_settings_can_start_again(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    restarts, written = [], []

    def save(path):
        path.write_text("vectors")
        written.append(path)
        return path

    controls = Controls("demo", [Saves("d", "save as SVG", save=save),
                                 Setting("1 2", "data", name="data", options=("xor", "moons"),
                                         then=lambda: restarts.append(controls.data))])
    controls.press("d")
    controls.press("d")
    assert [p.name for p in written] == ["demo-0001.svg", "demo-0002.svg"]
    assert controls.note == f"saved {Path('saved') / 'demo-0002.svg'}"
    controls.press("2")
    assert restarts == ["moons"]


def test_the_learning_rate_can_live_in_the_world_and_the_controls_read_it_there():
    world = {"eta": 0.1}
    controls = Controls("demo", learning_rate=lambda: world["eta"],
                        on_learning_rate=lambda v: world.update(eta=v))
    controls.press("+")
    assert world["eta"] == pytest.approx(0.15) == controls.learning_rate
    world["eta"] = 0.01  # changed by the world itself (a new optimizer, say): the controls follow
    assert controls.learning_rate == 0.01


def test_a_sketch_without_reset_or_learning_rate_offers_neither():
    keys = [row.keys for row in Controls("still").table()]
    assert keys == ["space", "s", "h"]


PRESS_EVERY_KEY = """
_sketch_draw, _pressed = draw, []


def draw():
    _sketch_draw()
    if py5.frame_count == 2:  # every key of the table (s among them): each must do something
        for row in controls.table():
            if row.action is not None:
                _pressed.append((row.keys, controls.press(row.names()[0])))


"""


@pytest.mark.parametrize("name", CONVERTED)
def test_docstring_table_and_keys_agree(name, render, tmp_path, monkeypatch):
    source = resources.sketches()[name].read_text().replace("POSTER_SIZE = 4000", "POSTER_SIZE = 64")
    doc = ast.get_docstring(ast.parse(source))
    keys_paragraph = doc[doc.index("Keys:"):]
    head, tail = source.rsplit("py5.run_sketch()", 1)
    sketch = tmp_path / f"{name}.py"
    sketch.write_text(head + PRESS_EVERY_KEY + "py5.run_sketch()" + tail)
    monkeypatch.chdir(tmp_path)
    result, _ = render(sketch, 3)
    for row in result.namespace["controls"].table():  # the docstring names every key of the table
        first = row.keys.split()[0]
        assert re.search(rf"(^|[\s·:]){re.escape(first)}([\s/·:]|$)", keys_paragraph), (name, row.keys)
    pressed = result.namespace["_pressed"]
    assert pressed and all(done for _, done in pressed), pressed
    saved = sorted((tmp_path / "saved").glob(f"{name}-*.png"))  # where the sketch ran from, one naming rule
    assert saved and [p.name for p in saved] == [f"{name}-{k:04d}.png" for k in range(1, len(saved) + 1)]
    for path in saved:  # the frame s saved (and cppn's poster, made by p before it)
        Image.open(path).load()
