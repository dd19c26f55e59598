"""The heavy-ball sketch: both balls drawn where the physics and the method put them."""

from pathlib import Path

import numpy as np

from creativenn import colors
from creativenn.worlds.physics import matching_momentum
from tests.conftest import near

SKETCH = Path(__file__).resolve().parent.parent / "sketches" / "heavy_ball.py"


def test_ball_and_method_are_drawn_where_the_core_says_and_agree_for_small_steps(render):
    result, frames = render(SKETCH, 40, seed=0)
    ns = result.namespace
    ball, method, view = ns["ball"], ns["method"], ns["view"]
    assert method.steps == 40 and abs(ball.time - 40 * ns["dt"]) < 1e-9
    alpha, beta = matching_momentum(ns["friction"], ns["dt"])
    assert method.optimizer.learning_rate == alpha and method.optimizer.momentum == beta
    sx, sy = view.to_screen(*ball.position)
    assert near(frames[-1][int(sy), int(sx)], colors.INK, 20)
    mx, my = view.to_screen(*method.position)
    if np.hypot(mx - sx, my - sy) > 14:  # not hidden under the ball
        assert near(frames[-1][int(my), int(mx)], colors.OPTIMIZERS["momentum"], 25)
    ns["handle_key"]("[")  # a smaller step: the method follows the ball more closely
    for _ in range(60):
        ns["step_both"]()
    small = max(ns["gaps"])
    ns["handle_key"]("]")
    ns["handle_key"]("]")
    for _ in range(27):
        ns["step_both"]()
    assert max(ns["gaps"]) > small
    record = ns["state"]()
    assert record["ball"] == ns["ball"].position.tolist() and record["gap"] == ns["gaps"][-1]
