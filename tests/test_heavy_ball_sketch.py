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
    pair, view, controls = ns["pair"], ns["view"], ns["controls"]
    ball, method = pair.ball, pair.method
    assert method.steps == 40 and abs(ball.time - 40 * pair.dt) < 1e-9
    alpha, beta = matching_momentum(pair.friction, pair.dt)
    assert method.optimizer.learning_rate == alpha and method.optimizer.momentum == beta
    sx, sy = view.to_screen(*ball.position)
    assert near(frames[-1][int(sy), int(sx)], colors.INK, 20)
    mx, my = view.to_screen(*method.position)
    if np.hypot(mx - sx, my - sy) > 14:  # not hidden under the ball
        assert near(frames[-1][int(my), int(mx)], colors.OPTIMIZERS["momentum"], 25)
    controls.press("[")  # a smaller step: the method follows the ball more closely
    for _ in range(60):
        ns["step_both"]()
    small = max(pair.gaps)
    controls.press("]")
    controls.press("]")
    for _ in range(27):
        ns["step_both"]()
    assert max(pair.gaps) > small
    record = ns["state"]()
    assert record["ball"] == pair.ball.position.tolist() and record["gap"] == pair.gaps[-1]


def test_a_method_that_flies_off_pauses_and_says_what_to_do(render):
    ns = render(SKETCH, 1, seed=0)[0].namespace
    controls, pair = ns["controls"], ns["pair"]
    for _ in range(6):
        controls.press("]")  # Δt × 11: far past where the steps stay on the surface
    for _ in range(200):
        ns["step_both"]()
        if controls.problem:
            break
    assert controls.paused and "flew off" in controls.problem[0]
    assert np.isfinite(pair.method.position).all()  # the method keeps its last finite place
    controls.press("r")
    assert not controls.paused and not controls.problem and pair.method.steps == 0
