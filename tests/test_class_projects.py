"""Each exercise of docs/class-projects.md, done as it says: its starter, with the change it asks for,
gives what the exercise tells the student to look for."""

import re
from pathlib import Path

import numpy as np
import pytest

from creativenn import resources
from tests.conftest import creativenn

ROOT = Path(__file__).resolve().parent.parent
EXERCISES = (ROOT / "docs" / "class-projects.md").read_text()


def project(tmp_path, name, starter, **constants) -> Path:
    """``creativenn new NAME --from STARTER``, then each CONSTANT = value set as a student would."""
    made = creativenn("new", name, "--from", starter, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    sketch = tmp_path / f"{name}.py"
    text = sketch.read_text()
    for constant, value in constants.items():
        text, found = re.subn(rf"^{constant} = .*$", f"{constant} = {value}", text, count=1, flags=re.M)
        assert found, f"the {starter} starter has no {constant} for the exercise to change"
    sketch.write_text(text)
    return sketch


def test_every_starter_the_exercises_name_exists():
    named = set(re.findall(r"creativenn new \w+ --from (\w+)", EXERCISES))
    assert named and named <= set(resources.starters())
    assert "--from cost_surface" in EXERCISES and "--from playground" in EXERCISES


@pytest.mark.parametrize(("eta", "what"), [("0.01", "crawls"), ("0.9", "bounces"), ("1.1", "diverges")])
def test_exercise_1_the_learning_rate_and_the_ball(render, tmp_path, monkeypatch, eta, what):
    assert "creativenn new ball --from cost_surface" in EXERCISES and "0.01, 0.9 and 1.1" in EXERCISES
    monkeypatch.chdir(tmp_path)
    result, _ = render(project(tmp_path, "ball", "cost_surface", LEARNING_RATE=eta), 90)
    ns = result.namespace
    trail, problem = ns["ball"].trail, ns["controls"].problem
    if what == "crawls":
        assert problem is None and 0.1 < np.hypot(*trail[-1]) < np.hypot(*trail[0])  # on its way, slowly
    elif what == "bounces":
        assert problem is None and np.all(np.sign(trail[1:11, 0]) != np.sign(trail[:10, 0]))  # side to side
        assert np.hypot(*trail[-1]) < 0.05  # and it gets there
    else:
        assert problem and "diverged" in problem[0] and ns["ball"].steps < 20  # said, early, on screen
        assert np.all(np.abs(ns["ball"].position) <= 2)  # and the ball went back onto its map


def test_exercise_3_your_own_points_in_your_playground(render, tmp_path, monkeypatch):
    assert 'DATA = "my_points.csv"' in EXERCISES
    rows = [(x, y, int(x * y > 0)) for x in np.linspace(-1, 1, 6) for y in np.linspace(-1, 1, 6)]
    (tmp_path / "my_points.csv").write_text("x1,x2,label\n" + "".join(f"{x},{y},{c}\n" for x, y, c in rows))
    monkeypatch.chdir(tmp_path)
    result, frames = render(project(tmp_path, "mine", "playground", DATA='"my_points.csv"'), 30)
    ns = result.namespace
    assert ns["controls"].problem is None and len(ns["world"].X) == len(rows)
    assert ns["world"].history.train[-1] < ns["world"].history.train[0]  # it learns them


def test_exercise_4_your_own_drawing_of_the_weights(render, tmp_path, monkeypatch):
    sketch = project(tmp_path, "drawing", "network")
    text = sketch.read_text()
    mine = ("    for W in run.net.weights:  # my drawing: a ring per weight, the course's colours and sizes\n"
            "        for k, w in enumerate(W.ravel()):\n"
            "            py5.no_fill()\n"
            "            py5.stroke(*colors.weight_color(w))\n"
            "            py5.stroke_weight(colors.weight_width(w))\n"
            "            py5.circle(600, 260, 20 + 12 * k)\n")
    text, replaced = re.subn(r"^    draw_network\(.*\n", mine, text, count=1, flags=re.M)
    assert replaced
    sketch.write_text(text)
    monkeypatch.chdir(tmp_path)
    _, frames = render(sketch, 6)
    assert frames[-1][260, 600 + 10 + 6].std() >= 0 and not np.array_equal(frames[0], frames[-1])


def test_exercise_5_a_poster_mix_of_your_own_loops(render, tmp_path, monkeypatch):
    assert 'mix=("sin", "abs")' in EXERCISES
    sketch = project(tmp_path, "poster", "cppn", START='Knobs(mix=("sin", "abs"), width=16, depth=4, '
                                                       'detail=2.5, seed=3)', LOOP_FRAMES="24")
    monkeypatch.chdir(tmp_path)
    _, frames = render(sketch, 25)
    assert np.abs(frames[0].astype(int) - frames[24]).max() <= 2  # frame 25 is frame 1 again: a loop
    assert np.abs(frames[0].astype(int) - frames[12]).mean() > 5  # and it moves in between


def test_exercise_6_features_buy_a_circle_and_l1_keeps_the_ones_that_matter(render, tmp_path, monkeypatch):
    assert "creativenn new circle --from playground" in EXERCISES
    assert 'REGULARIZATION, RATE = "l1", 0.003' in EXERCISES
    monkeypatch.chdir(tmp_path)
    accuracy = {}
    for features in ('("x1", "x2")', '("x1^2", "x2^2")'):
        sketch = project(tmp_path, f"circle_{len(accuracy)}", "playground", HIDDEN="()", FEATURES=features)
        result, _ = render(sketch, 120)
        accuracy[features] = result.namespace["world"].accuracy("test")
    assert accuracy['("x1", "x2")'] < 0.75 and accuracy['("x1^2", "x2^2")'] > 0.9  # a line can't; squares can
    seven = '("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)")'
    sketch = project(tmp_path, "circle_l1", "playground", HIDDEN="()", FEATURES=seven)
    text = sketch.read_text()
    text, found = re.subn(r"^REGULARIZATION, RATE = .*$", 'REGULARIZATION, RATE = "l1", 0.003', text,
                          flags=re.M)
    assert found
    sketch.write_text(text)
    result, _ = render(sketch, 120)
    sizes = np.abs(result.namespace["world"].net.weights[0][0])  # the one neuron's weight from each input
    kept = sizes[2:4].min()  # x1², x2²
    assert kept > 5 * max(sizes[[0, 1, 4, 5, 6]]), sizes
