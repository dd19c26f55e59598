"""Paint your own landscape: digging makes the lowest point, images give the heights, balls follow."""

from pathlib import Path

import numpy as np
import pytest

import creativenn as cnn

SKETCH = Path(__file__).resolve().parent.parent / "sketches" / "paint_landscape.py"


def test_digging_moves_the_lowest_point_and_the_balls_roll_there(render):
    ns = render(SKETCH, 3, seed=0)[0].namespace
    world = ns["world"]
    assert world.surface.minima[0] != pytest.approx((0.0, 0.0), abs=0.1)  # valleys to find, not a bowl
    ns["controls"].press("c")  # flatten: a gentle bowl, then dig
    for _ in range(40):
        world.paint(0.5, -0.4, -1, ns["brush"])
    world.update()
    lowest = world.surface.minima[0]
    assert lowest == pytest.approx((0.5, -0.4), abs=0.05)
    ball = cnn.Ball(world.surface, (0.3, -0.2), cnn.Momentum(ns["LEARNING_RATE"], ns["MOMENTUM"]))
    for _ in range(300):
        ball.step()
    np.testing.assert_allclose(ball.position, lowest, atol=0.05)
    before = world.heights.copy()
    world.paint(0.5, -0.4, +1, ns["brush"])  # raising lifts the same patch
    assert (world.heights >= before).all() and world.heights.max() > before.max() - 1 and world.dirty
    ns["controls"].press("]")
    assert ns["brush"] == pytest.approx(ns["BRUSH"] * 1.25)
    record = ns["state"]()
    assert len(record["balls"]) == ns["BALLS"]


def test_an_image_on_the_command_line_becomes_the_heights(render, tmp_path):
    from PIL import Image

    y, x = np.mgrid[0:100, 0:100]
    grey = 255 - 220 * np.exp(-((x - 25) ** 2 + (y - 70) ** 2) / 300.0)  # dark: low, down and left
    Image.fromarray(grey.astype(np.uint8)).save(tmp_path / "valley.png")
    ns = render(SKETCH, 2, seed=0, argv=[str(tmp_path / "valley.png")])[0].namespace
    mx, my = ns["world"].surface.minima[0]
    assert mx == pytest.approx(2 * 25 / 99 - 1, abs=0.06) and my == pytest.approx(1 - 2 * 70 / 99, abs=0.06)
    bad = tmp_path / "notes.txt"
    bad.write_text("hello")
    ns = render(SKETCH, 2, seed=0, argv=[str(bad)])[0].namespace
    problem = ns["controls"].problem
    assert "not an image" in " ".join(problem) and not ns["controls"].paused
    ns["controls"].press("c")  # the first key only closes the message
    assert ns["controls"].problem is None and not ns["world"].dirty
