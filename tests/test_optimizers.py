"""Each optimizer's first steps against values worked by hand (torch.optim's rules)."""

import math

import numpy as np
import pytest

import creativenn as cnn


def two_steps(optimizer):
    p = [np.array([1.0])]
    optimizer.step(p, [np.array([2.0])])
    first = p[0][0]
    optimizer.step(p, [np.array([1.0])])
    return first, p[0][0]


def test_sgd():
    assert two_steps(cnn.SGD(0.1)) == pytest.approx((1 - 0.1 * 2, 1 - 0.1 * 2 - 0.1 * 1), abs=1e-15)


def test_momentum():
    # v1 = g1 = 2, p1 = 1 − 0.1·2 = 0.8;  v2 = 0.9·2 + 1 = 2.8, p2 = 0.8 − 0.28 = 0.52
    assert two_steps(cnn.Momentum(0.1, momentum=0.9)) == pytest.approx((0.8, 0.52), abs=1e-15)


def test_rmsprop():
    # v1 = 0.01·4 = 0.04, p1 = 1 − 0.01·2/(0.2 + 1e-8)
    # v2 = 0.99·0.04 + 0.01·1 = 0.0496, p2 = p1 − 0.01·1/(√0.0496 + 1e-8)
    p1 = 1 - 0.01 * 2 / (0.2 + 1e-8)
    p2 = p1 - 0.01 / (math.sqrt(0.0496) + 1e-8)
    assert two_steps(cnn.RMSProp(0.01)) == pytest.approx((p1, p2), abs=1e-15)


def test_adam():
    # m1 = 0.2, v1 = 0.004, m̂ = 2, v̂ = 4:   p1 = 1 − 0.1·2/(2 + 1e-8)
    # m2 = 0.9·0.2 + 0.1 = 0.28, v2 = 0.999·0.004 + 0.001 = 0.004996
    # m̂ = 0.28/(1 − 0.81), v̂ = 0.004996/(1 − 0.998001)
    p1 = 1 - 0.1 * 2 / (2 + 1e-8)
    p2 = p1 - 0.1 * (0.28 / 0.19) / (math.sqrt(0.004996 / 0.001999) + 1e-8)
    assert two_steps(cnn.Adam(0.1)) == pytest.approx((p1, p2), abs=1e-14)


@pytest.mark.parametrize("make", [cnn.SGD, cnn.Momentum, cnn.RMSProp, cnn.Adam])
def test_a_diverging_step_changes_nothing(make):
    optimizer = make(1.0)
    p = [np.array([1.0, 2.0])]
    optimizer.step(p, [np.array([0.5, 0.5])])
    before, state, steps = p[0].copy(), [tuple(m.copy() for m in s) for s in optimizer.state], optimizer.steps
    with pytest.raises(cnn.DivergedError, match="lower the learning rate"):
        optimizer.step(p, [np.array([np.inf, 0.0])])
    assert np.array_equal(p[0], before)
    assert optimizer.steps == steps
    for saved, now in zip(state, optimizer.state, strict=True):
        assert all(np.array_equal(a, b) for a, b in zip(saved, now, strict=True))


def test_works_on_any_list_of_arrays_and_refuses_a_different_one():
    optimizer = cnn.Adam(0.01)
    params = [np.zeros((2, 3)), np.zeros(3)]
    optimizer.step(params, [np.ones((2, 3)), np.ones(3)])
    assert params[0].shape == (2, 3) and np.all(params[1] < 0)
    with pytest.raises(ValueError, match="one optimizer per model"):
        optimizer.step([np.zeros(4)], [np.ones(4)])


@pytest.mark.parametrize("bad", [0, -0.1, float("nan"), float("inf")])
def test_learning_rate_must_be_positive(bad):
    with pytest.raises(ValueError, match="learning_rate"):
        cnn.SGD(bad)


def test_optimizer_by_name():
    assert isinstance(cnn.optimizers.make("Adam", 0.1), cnn.Adam)
    with pytest.raises(ValueError, match="choose one of sgd, momentum, rmsprop, adam"):
        cnn.optimizers.make("lbfgs", 0.1)
