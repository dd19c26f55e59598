"""Every claim a race sketch prints about a surface holds at its default settings (the race at speed 1,
each optimizer at its own η from ``learning_rate_for``), checked on the numbers of the paths."""

import numpy as np
import pytest

import creativenn as cnn


def race(name, steps):
    r = cnn.Race(cnn.surface(name))
    r.step(steps)
    return r


def reversals(trail, visible=0.01):
    """Steps that turn back on the step before (a zig-zag), counting steps longer than ``visible``."""
    d = np.diff(trail, axis=0)
    seen = np.hypot(*d.T) > visible
    back = (d[1:] * d[:-1]).sum(axis=1) < 0
    return int(np.sum(back & seen[1:] & seen[:-1]))


def test_every_surface_has_a_caption_and_every_default_race_stays_on_the_map_or_says_why():
    for name in cnn.surfaces.NAMES:
        r = race(name, 300)
        assert cnn.surface(name).description
        assert set(r.stopped.values()) <= ({"off the map"} if name == "saddle" else set()), name


def test_bowl_every_path_leads_to_the_one_minimum():
    for ball in race("bowl", 300).balls.values():
        assert np.hypot(*ball.position) < 0.01


def test_ravine_plain_descent_zig_zags_across_momentum_glides_along():
    r = race("ravine", 300)
    sgd, momentum = r.balls["sgd"].trail, r.balls["momentum"].trail
    assert reversals(sgd[:41]) >= 30  # nearly every one of its first 40 steps turns back
    assert np.all(np.sign(sgd[1:21, 1]) != np.sign(sgd[:20, 1]))  # … across the valley: y flips
    assert reversals(momentum) <= 3  # a smooth curve
    assert np.abs(momentum[:, 1]).max() <= 1.5  # never flung higher up the wall than it started
    assert np.hypot(*r.balls["momentum"].position) < 0.01  # and it gets there


def test_saddle_a_ball_near_the_ridge_lingers_then_falls_off():
    s = cnn.surface("saddle")
    ball = cnn.Ball(s)
    for _ in range(20):
        ball.step()
    assert abs(ball.position[1]) < 0.5 and abs(ball.position[0]) < 1.0  # near the saddle point
    assert set(race("saddle", 300).stopped.values()) == {"off the map"}


def test_rosenbrock_the_valley_is_easy_to_find_and_slow_to_follow():
    x, y = race("rosenbrock", 300).balls["sgd"].trail.T
    off_the_floor = 100 * (y - x * x) ** 2  # the valley's walls; (1 − x)² is the way along its floor
    assert off_the_floor[20] < 0.05 * off_the_floor[0]  # into the valley within 20 steps …
    assert np.hypot(x[-1] - 1, y[-1] - 1) > 1  # … and after 300 still far from the minimum at (1, 1)


def test_himmelblau_where_a_ball_starts_decides_which_minimum_it_finds():
    s = cnn.surface("himmelblau")
    found = set()
    for start in [(-0.3, -0.9), (1, 1), (-1, 1), (1, -1), (-1, -1)]:
        ball = cnn.Ball(s, start, cnn.SGD(s.learning_rate))
        for _ in range(400):
            ball.step()
        found.add(min(range(4), key=lambda k: np.hypot(*(ball.position - s.minima[k]))))
    assert len(found) == 4


@pytest.mark.parametrize("steps", [150, 300])
def test_beale_adaptive_steps_shine(steps):
    heights = {name: ball.height for name, ball in race("beale", steps).balls.items()}
    assert max(heights["rmsprop"], heights["adam"]) < min(heights["sgd"], heights["momentum"])
