"""Cost surfaces: exact gradients, known minima, and a ball rolling on them."""

import numpy as np
import pytest

import creativenn as cnn


@pytest.mark.parametrize("name", cnn.surfaces.NAMES)
def test_gradient_matches_finite_differences(name):
    s = cnn.surface(name)
    (x0, x1), (y0, y1) = s.bounds
    rng = np.random.default_rng(0)
    x, y = rng.uniform(x0, x1, 50), rng.uniform(y0, y1, 50)
    gx, gy = s.gradient(x, y)
    h = 1e-6
    nx = (s.height(x + h, y) - s.height(x - h, y)) / (2 * h)
    ny = (s.height(x, y + h) - s.height(x, y - h)) / (2 * h)
    scale = 1 + np.abs(nx) + np.abs(ny)
    assert np.max(np.abs(gx - nx) / scale) < 1e-6
    assert np.max(np.abs(gy - ny) / scale) < 1e-6


@pytest.mark.parametrize("name", cnn.surfaces.NAMES)
def test_minima_are_flat_and_lowest_nearby(name):
    s = cnn.surface(name)
    for mx, my in s.minima:
        gx, gy = s.gradient(mx, my)
        assert abs(gx) < 1e-9 and abs(gy) < 1e-9
        ring = np.linspace(0, 2 * np.pi, 16)
        around = s.height(mx + 1e-3 * np.cos(ring), my + 1e-3 * np.sin(ring))
        assert np.all(around > s.height(mx, my))


@pytest.mark.parametrize(("name", "minima"), [
    ("rosenbrock", [(1, 1)]), ("beale", [(3, 0.5)]), ("bowl", [(0, 0)]), ("booth", [(1, 3)]),
    ("himmelblau", [(3, 2), (-2.805118, 3.131312), (-3.779310, -3.283186), (3.584428, -1.848126)]),
])
def test_known_minima_have_height_zero(name, minima):
    s = cnn.surface(name)
    assert len(s.minima) == len(minima)
    for (mx, my), (ex, ey) in zip(s.minima, minima, strict=True):
        assert (mx, my) == pytest.approx((ex, ey), abs=1e-6)
        assert s.height(mx, my) == pytest.approx(0.0, abs=1e-20)


def test_six_hump_camel_has_six_minima_two_global():
    s = cnn.surface("six_hump_camel")
    heights = sorted(float(s.height(*m)) for m in s.minima)
    assert len(heights) == 6
    assert heights[:2] == pytest.approx([-1.0316284534898776] * 2, abs=1e-12)


def test_heights_are_vectorized():
    s = cnn.surface("himmelblau")
    xs, ys, h = s.grid(50)
    assert h.shape == (50, 50)
    assert h[10, 20] == pytest.approx(s.height(xs[20], ys[10]))


def test_unknown_surface_lists_the_choices():
    with pytest.raises(ValueError, match="rosenbrock"):
        cnn.surface("everest")


def test_own_surface_without_a_gradient_uses_central_differences():
    s = cnn.Surface("mine", lambda x, y: (x - 1) ** 2 + 3 * y**2)
    assert s.gradient(2.0, 1.0) == pytest.approx((2.0, 6.0), rel=1e-6)


@pytest.mark.parametrize("optimizer", [cnn.SGD(0.1), cnn.Momentum(0.05), cnn.RMSProp(0.05),
                                       cnn.Adam(0.1)])
def test_ball_rolls_to_the_bottom_of_the_bowl(optimizer):
    ball = cnn.Ball(cnn.surface("bowl"), start=(1.5, -1.0), optimizer=optimizer)
    heights = [ball.step() for _ in range(300)]
    assert ball.height < 1e-3 < heights[0]
    assert ball.trail.shape == (301, 2)
    assert np.array_equal(ball.trail[0], [1.5, -1.0])
    assert np.array_equal(ball.trail[-1], ball.position)


def test_ball_follows_the_rule_exactly():
    s = cnn.surface("rosenbrock")
    ball = cnn.Ball(s, start=(-1.0, 2.0), optimizer=cnn.SGD(1e-4))
    gx, gy = s.gradient(-1.0, 2.0)
    ball.step()
    assert ball.position.tolist() == [-1.0 - 1e-4 * gx, 2.0 - 1e-4 * gy]


def test_a_ball_that_diverges_goes_back_to_its_last_place_within_the_bound():
    s = cnn.surface("rosenbrock")
    ball = cnn.Ball(s, start=(-1.5, 2.5), optimizer=cnn.SGD(0.5))
    with pytest.raises(cnn.DivergedError, match="lower the learning rate") as caught:
        for _ in range(100):
            ball.step()
    assert ball.height <= caught.value.limit == s.highest()  # the top of its map
    assert np.isfinite(ball.gradient).all() and len(ball.trail) == ball.steps + 1
    assert np.array_equal(ball.trail[-1], ball.position)
    assert np.isfinite(ball.trail).all()


def test_random_starts_stay_inside_the_bounds():
    s = cnn.surface("beale")
    rng = np.random.default_rng(0)
    (x0, x1), (y0, y1) = s.bounds
    for _ in range(50):
        x, y = s.random_start(rng)
        assert x0 + 0.9 <= x <= x1 - 0.9 and y0 + 0.9 <= y <= y1 - 0.9


def test_steepness_is_zero_at_a_minimum_and_grows_with_the_slope():
    s = cnn.surface("bowl")
    assert s.steepness(0.0, 0.0) == 0.0
    assert 0 < s.steepness(0.3, 0.0) < s.steepness(1.5, 0.0) < 1


def test_a_races_numbers_are_its_balls():
    race = cnn.Race(cnn.surface("himmelblau"))
    race.step(5)
    numbers = race.numbers()
    assert numbers["step"] == 5 and set(numbers["balls"]) == set(race.balls)
    adam = numbers["balls"]["adam"]
    assert adam["position"] == race.balls["adam"].position.tolist()
    assert adam["height"] == race.balls["adam"].height and adam["stopped"] is None
