"""Divergence is caught while the numbers are sane, and the model goes back to values within the bound
(G4, creativenn.maths.divergence): the cases a teacher met, and the runs that must not be stopped."""

import numpy as np
import pytest

import creativenn as cnn
from creativenn.maths.divergence import FACTOR, Bound
from creativenn.worlds.linefit import Fitting
from creativenn.worlds.training import Training

DATASETS = ["xor", "circles", "moons", "spirals"]
NETWORK_RATES = {"sgd": 0.3, "momentum": 0.1, "adam": 0.02}  # sketches/network.py's defaults


def network_run(dataset, optimizer, eta, batch=16):
    noise = {"noise": 0.05} if dataset == "xor" else {}
    X, Y = cnn.datasets.by_name(dataset, n=200, seed=0, **noise)
    net = cnn.MLP([2, 4, 4, 1], activation="tanh", output_activation="sigmoid", loss="bce", seed=0)
    return Training(net, X, Y, cnn.optimizers.make(optimizer, eta), batch, seed=0)


def test_one_noisy_step_is_not_divergence_but_a_climb_is():
    bound = Bound()
    assert not bound.exceeded(1.0)
    assert not bound.exceeded(12.0)  # one sample far off: the average moves a fifth of the way
    assert [bound.exceeded(c) for c in (1.0, 1.0)] == [False, False]
    assert any(bound.exceeded(c) for c in (6.0, 6.0, 6.0, 6.0, 6.0, 6.0))  # staying high is
    assert Bound().exceeded(float("nan"))


def test_the_floor_makes_the_bound_work_for_heights_below_zero():
    bound = Bound(floor=-10.0)
    bound.exceeded(-8.0)  # 2 above the floor
    assert bound.limit == -10.0 + FACTOR * 2.0


@pytest.mark.parametrize("dataset", DATASETS)
@pytest.mark.parametrize("optimizer", list(NETWORK_RATES))
def test_the_network_sketch_at_its_defaults_never_diverges(dataset, optimizer):
    run = network_run(dataset, optimizer, NETWORK_RATES[optimizer])
    run.step(3000)  # raises DivergedError if the bound were too tight
    assert run.loss < 0.7


@pytest.mark.parametrize("dataset", DATASETS)
def test_adam_at_a_huge_rate_is_caught_and_the_weights_go_back(dataset):
    run = network_run(dataset, "adam", 17.3)  # the issue: loss 4.97, a collapsed field, no warning
    with pytest.raises(cnn.DivergedError) as caught:
        run.step(200)
    assert run.steps < 20
    assert run.net.loss(run.X, run.Y) <= caught.value.limit <= FACTOR * 0.75


def test_line_fit_stochastic_at_a_raised_rate_is_caught_before_the_numbers_run_away():
    X, Y = cnn.datasets.line(30, 1.5, 0.5, 0.35, seed=0)  # sketches/line_fit.py
    run = Fitting(X[:, 0], Y[:, 0], seed=0)
    start = run.fit.cost(run.x, run.y)
    for _ in range(100):
        run.step("stochastic", 0.05)
    with pytest.raises(cnn.DivergedError) as caught:
        for _ in range(2000):
            run.step("stochastic", 1.28)  # the issue: 1e28, then 1e150, "diverged" only at inf
    assert caught.value.cost < 1e6 * start
    assert run.fit.cost(run.x, run.y) <= caught.value.limit == pytest.approx(FACTOR * start)
    trail = np.array(run.trail)
    assert np.isfinite(trail).all() and tuple(trail[-1]) == (run.fit.slope, run.fit.intercept)
    assert len(run.trail) == run.fit.steps + 1


def test_class_exercise_1_learning_rate_1_1_is_caught_within_a_few_steps():
    X, Y = cnn.datasets.line(25, -1.2, 0.4, 0.3, seed=0)  # sketches/starters/line_fit.py
    x, y = X[:, 0], Y[:, 0]
    line = cnn.LineFit(2.0, -1.0)
    start = line.cost(x, y)
    with pytest.raises(cnn.DivergedError) as caught:
        for _ in range(500):
            line.step(x, y, 1.1)
    assert line.steps < 40 and caught.value.cost < 1e4 * start
    assert abs(line.slope) < 20 and abs(line.intercept) < 20  # not 490655 x − 22039026
    assert line.cost(x, y) <= FACTOR * start


def test_moving_a_point_starts_the_bound_again():
    run = Fitting([0.0, 1.0, 2.0], [1.0, 3.0, 5.0])
    for _ in range(200):
        run.step("batch", 0.1)
    run.move_point(0, 0.0, 40.0)  # the cost jumps: that is the data, not divergence
    for _ in range(200):
        run.step("batch", 0.1)
    assert run.fit.cost(run.x, run.y) < cnn.LineFit(*run.start).cost(run.x, run.y)


@pytest.mark.parametrize("name", cnn.surfaces.NAMES)
def test_every_race_at_its_default_rates_stays_within_the_bound(name):
    race = cnn.Race(cnn.surface(name))
    race.step(300)
    assert "diverged" not in race.stopped.values()
