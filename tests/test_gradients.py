"""Backpropagation against central differences, for every activation × loss."""

import itertools

import numpy as np
import pytest

import creativenn as cnn

HIDDEN = ["sigmoid", "tanh", "relu", "leaky_relu", "linear", "sin", "gaussian", "abs"]
OUTPUTS = ["sigmoid", "tanh", "relu", "leaky_relu", "linear", "softmax", "sin", "gaussian", "abs"]
PAIRS = [(out, loss) for out in OUTPUTS
         for loss in ["mse", "half_mse", "mae"]] + [("sigmoid", "bce"), ("softmax", "cross_entropy")]
SHAPES = [[3, 5, 2], [2, 4, 3, 3], [4, 6, 1]]


def targets(loss, n, n_out, rng):
    if loss == "bce":
        return rng.uniform(0, 1, (n, n_out))
    if loss == "cross_entropy":
        return rng.dirichlet(np.ones(n_out), n)
    return rng.normal(size=(n, n_out))


CASES = [(hidden, pair, sizes) for hidden, pair, sizes in itertools.product(HIDDEN, PAIRS, SHAPES)
         if not (pair[0] == "softmax" and sizes[-1] < 2)]  # softmax needs two or more outputs


@pytest.mark.parametrize(("hidden", "pair", "sizes"), CASES)
def test_backprop_matches_finite_differences(hidden, pair, sizes):
    output, loss = pair
    rng = np.random.default_rng(len(sizes) * 7 + sizes[0])
    net = cnn.MLP(sizes, activation=hidden, output_activation=output, loss=loss, seed=3)
    for b in net.biases:  # nonzero biases, so every term of the gradient is exercised
        b[...] = rng.normal(0, 0.5, b.shape)
    X = rng.normal(size=(7, sizes[0]))
    Y = targets(loss, 7, sizes[-1], rng)
    assert cnn.gradient_check(net, X, Y) < 1e-5


def test_gradient_check_notices_a_wrong_gradient(monkeypatch):
    net = cnn.MLP([2, 3, 1], activation="tanh", seed=0)
    X, Y = np.random.default_rng(0).normal(size=(5, 2)), np.zeros((5, 1))
    real = cnn.activations.Tanh.slope
    monkeypatch.setattr(cnn.activations.Tanh, "slope", lambda self, z, a: 1.01 * real(self, z, a))
    assert cnn.gradient_check(net, X, Y) > 1e-4


def test_gradients_leave_the_network_unchanged():
    net = cnn.MLP([2, 3, 1], seed=0)
    before = net.parameters()
    g = net.gradients(np.ones((2, 2)), np.zeros((2, 1)))
    assert np.array_equal(net.parameters(), before)
    assert [w.shape for w in g.weights] == [(3, 2), (1, 3)]
    assert [b.shape for b in g.biases] == [(3,), (1,)]
    assert g.loss == net.loss(np.ones((2, 2)), np.zeros((2, 1)))


def test_losses_are_means_as_torch_takes_them():
    net = cnn.MLP([2, 3], activation="linear", loss="mse", seed=0)
    X, Y = np.random.default_rng(1).normal(size=(4, 2)), np.zeros((4, 3))
    out = net.forward(X)
    assert net.loss(X, Y) == pytest.approx(np.mean(out**2), rel=1e-14)
    net = cnn.MLP([2, 3], loss="cross_entropy", seed=0)
    a = net.forward(X)
    labels = np.array([0, 2, 1, 1])
    expected = -np.mean(np.log(a[np.arange(4), labels]))
    assert net.loss(X, labels) == pytest.approx(expected, rel=1e-13)  # class labels accepted
    net = cnn.MLP([2, 3], loss="bce", seed=0)
    a = net.forward(X)
    Y = np.random.default_rng(2).uniform(size=(4, 3))
    expected = -np.mean(Y * np.log(a) + (1 - Y) * np.log(1 - a))
    assert net.loss(X, Y) == pytest.approx(expected, rel=1e-13)


def test_bce_and_cross_entropy_stay_finite_when_confidently_wrong():
    net = cnn.MLP([1, 1], loss="bce", seed=0)
    net.weights = [np.array([[1000.0]])]
    loss = net.loss([[1.0]], [[0.0]])
    assert loss == pytest.approx(1000.0)  # log(1 − σ(1000)) is −1000, not −inf
    net = cnn.MLP([1, 2], loss="cross_entropy", seed=0)
    net.weights = [np.array([[1000.0], [-1000.0]])]
    assert net.loss([[1.0]], [[0.0, 1.0]]) == pytest.approx(2000.0)
