"""line_fit, deeper: squares whose mean area is the cost; a dragged point reshapes the bowl."""

from pathlib import Path

import numpy as np
import pytest

import creativenn as cnn

SKETCH = Path(__file__).resolve().parent.parent / "sketches" / "line_fit.py"


def test_the_squares_mean_area_is_the_cost_and_they_are_drawn(render):
    result, frames = render(SKETCH, 5, seed=0)
    ns = result.namespace
    run, view = ns["run"], ns["data_view"]
    fit, x, y = run.fit, run.x, run.y
    left, top, w, h = view.rect
    (_, _), (y0, y1) = view.bounds
    per_unit = h / (y1 - y0)  # pixels per unit of y: a square of side |e| units is |e|·per_unit wide
    sides = np.abs(fit.predict(x) - y) * per_unit
    assert np.mean((sides / per_unit) ** 2) == pytest.approx(fit.cost(x, y))
    i = int(np.argmax(sides))  # the biggest square: a pixel inside it is tinted
    sx, sy = view.to_screen(x[i], y[i])
    _, sy_line = view.to_screen(x[i], fit.predict(x[i]))
    inside = (int(min(sy, sy_line) + sides[i] * 0.5), int(sx + sides[i] * 0.5 if sx + sides[i] < left + w
                                                            else sx - sides[i] * 0.5))
    assert top <= inside[0] < top + h and left <= inside[1] < left + w  # (squares are clipped to the panel)
    ns["controls"].press("q")
    assert ns["controls"].squares is False
    assert frames[-1][inside].astype(int).sum() > 3 * 40  # lighter than the panel behind


def test_dragging_a_point_moves_the_cost_bowl_while_training_goes_on(render):
    ns = render(SKETCH, 3, seed=0)[0].namespace
    run, view = ns["run"], ns["data_view"]
    x, y = run.x, run.y
    ns["press_at"](*view.to_screen(x[4], y[4]))
    assert ns["held"] == 4
    target = (0.9, float(y.max()) + 0.5)  # inside the view (it reaches 1 beyond the points)
    ns["drag_to"](*view.to_screen(*target))
    assert (x[4], y[4]) == pytest.approx(target, abs=1e-6)
    new_minimum = cnn.least_squares(x, y)
    assert run.cost.minima[0] == pytest.approx(new_minimum)
    assert run.cost.height(*new_minimum) == pytest.approx(cnn.LineFit(*new_minimum).cost(x, y))
    ns["mouse_released"]()
    assert ns["held"] is None
    before = run.fit.steps
    ns["descend_a_little"]()
    assert run.fit.steps == before + 1
    record = ns["state"]()
    assert record["cost"] == run.fit.cost(x, y) and record["step"] == before + 1
