"""L1 and L2 regularisation (R1, R2), dropout (R3) and an activation per hidden layer, checked against finite
differences and hand-worked values like the rest of the core."""

import numpy as np
import pytest

import creativenn as cnn
from creativenn.maths.regularization import dropout_masks


def data(n=12, inputs=2, outputs=1, seed=0):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(n, inputs)), (rng.random((n, outputs)) > 0.5).astype(float)


@pytest.mark.parametrize("kind", ["l1", "l2"])
@pytest.mark.parametrize("loss", ["mse", "bce"])
def test_a_regularised_gradient_matches_finite_differences_of_the_whole_cost(kind, loss):
    X, Y = data()
    net = cnn.MLP([2, 5, 3, 1], activation="tanh", loss=loss, seed=2, regularization=kind,
                  regularization_rate=0.05)
    assert net.penalty() > 0
    assert cnn.gradient_check(net, X, Y) < 1e-6


def test_the_penalty_and_its_gradient_worked_by_hand():
    X, Y = data()
    plain = cnn.MLP([2, 3, 1], activation="tanh", seed=1)
    W = [w.copy() for w in plain.weights]
    g0 = plain.gradients(X, Y)
    for kind, rate, R, dR in [("l2", 0.1, lambda w: 0.5 * (w * w).sum(), lambda w: w),
                              ("l1", 0.3, lambda w: np.abs(w).sum(), np.sign)]:
        plain.regularization, plain.regularization_rate = kind, rate  # changed between steps
        g = plain.gradients(X, Y)
        assert g.loss == g0.loss  # the loss reported is C alone
        assert g.penalty == pytest.approx(rate * sum(R(w) for w in W))  # (R1) ½λΣw², (R2) λΣ|w|
        for l in range(2):
            assert np.allclose(g.weights[l], g0.weights[l] + rate * dR(W[l]))  # λw, λ sign(w)
            assert np.array_equal(g.biases[l], g0.biases[l])  # biases are not penalised
    plain.regularization = None
    assert plain.penalty() == 0


def test_l1_makes_small_weights_zero_and_l2_shrinks_them():
    X, Y = cnn.datasets.xor()
    sizes = {}
    for kind in (None, "l2", "l1"):
        net = cnn.MLP([2, 8, 1], activation="tanh", loss="bce", seed=0, regularization=kind,
                      regularization_rate=0.02)
        optimizer = cnn.SGD(0.5)
        for _ in range(1500):
            net.step(X, Y, optimizer)
        weights = np.concatenate([w.ravel() for w in net.weights])
        sizes[kind] = (np.abs(weights).sum(), np.mean(np.abs(weights) < 0.02))
    assert sizes["l2"][0] < sizes[None][0] and sizes["l1"][0] < sizes[None][0]
    assert sizes["l1"][1] > sizes[None][1]  # L1: more weights near zero than without


def test_dropout_gradients_match_finite_differences_through_the_same_masks():
    X, _ = data(n=10)
    Y = np.eye(3)[np.arange(10) % 3]  # one-hot classes
    net = cnn.MLP([2, 6, 5, 3], activation=["relu", "sigmoid"], loss="cross_entropy", seed=3, dropout=0.4)
    masks = net.dropout_masks(len(X))
    assert [m.shape for m in masks] == [(10, 6), (10, 5)]
    assert net.loss(X, Y, masks) != net.loss(X, Y)
    assert cnn.gradient_check(net, X, Y, masks=masks) < 1e-5


def test_dropout_masks_drop_p_of_the_neurons_and_keep_the_mean():
    rng = np.random.default_rng(0)
    (mask,) = dropout_masks(20000, [10], 0.3, rng)
    assert set(np.unique(mask)) == {0.0, 1 / 0.7}
    assert np.mean(mask == 0) == pytest.approx(0.3, abs=0.01)
    assert mask.mean() == pytest.approx(1.0, abs=0.02)  # inverted dropout: the same size on average


def test_dropout_is_for_training_steps_only_and_replays_from_a_seed():
    X, Y = data(n=16)
    net = cnn.MLP([2, 8, 1], activation="tanh", seed=5, dropout=0.5)
    twin = cnn.MLP([2, 8, 1], activation="tanh", seed=5)
    assert np.array_equal(net.forward(X), twin.forward(X))  # forward and predict: every neuron on
    start, optimizer = net.parameters(), cnn.SGD(0.3)
    first = [net.step(X, Y, optimizer) for _ in range(5)]
    after = net.parameters()
    net.set_parameters(start)
    net.reseed(5)  # the same seed: the same masks, step by step
    again, optimizer = [net.step(X, Y, cnn.SGD(0.3)) for _ in range(5)], None
    assert first == again and np.array_equal(net.parameters(), after)
    twin_steps = [twin.step(X, Y, cnn.SGD(0.3)) for _ in range(5)]
    assert twin_steps[1:] != first[1:]  # dropout changed the steps


def test_each_hidden_layer_can_have_its_own_activation():
    X, Y = data(n=8)
    net = cnn.MLP([2, 4, 4, 3, 1], activation=["relu", "sin", "tanh"], output_activation="sigmoid",
                  loss="bce", seed=0)
    assert net.activation == ["relu", "sin", "tanh"]
    assert [net.activation_of(l) for l in range(5)] == ["linear", "relu", "sin", "tanh", "sigmoid"]
    assert cnn.gradient_check(net, X, Y) < 1e-6
    z1 = X @ net.weights[0].T + net.biases[0]
    assert np.allclose(net.activations(X)[1], np.maximum(z1, 0))  # layer 1 is the ReLU one (F1)
    # He-uniform into the ReLU layer (limit √(6/2)), Glorot-uniform into the others (√(6/(n_in + n_out)))
    rng = np.random.default_rng(0)
    for W, limit in zip(net.weights, [np.sqrt(6 / 2), np.sqrt(6 / 8), np.sqrt(6 / 7), np.sqrt(6 / 4)],
                        strict=True):
        assert np.array_equal(W, rng.uniform(-limit, limit, W.shape))
    uniform = cnn.MLP([2, 4, 1], activation="tanh")
    assert uniform.activation == "tanh"


def test_settings_survive_copy_save_and_load(tmp_path):
    net = cnn.MLP([2, 4, 3, 1], activation=["relu", "tanh"], loss="bce", seed=1, regularization="l1",
                  regularization_rate=0.01, dropout=0.2)
    for other in (net.copy(), cnn.MLP.load(net.save(tmp_path / "m.npz"))):
        assert other.activation == ["relu", "tanh"] and other.regularization == "l1"
        assert other.regularization_rate == 0.01 and other.dropout == 0.2
        assert np.array_equal(other.parameters(), net.parameters())
    assert "regularization='l1'" in repr(net) and "dropout=0.2" in repr(net)


@pytest.mark.parametrize("options, said", [
    ({"regularization": "l3"}, "regularization must be 'l1', 'l2' or None"),
    ({"regularization": "l2", "regularization_rate": -1}, "regularization_rate must be 0 or more"),
    ({"regularization_rate": "lots"}, "regularization_rate must be a number"),
    ({"dropout": 1.0}, "dropout must be 0 ≤ p < 1"),
    ({"activation": ["relu"]}, "activation lists one name a hidden layer: 2 for [2, 4, 3, 1], got 1"),
    ({"activation": ["relu", "softmax"]}, "softmax is for the output layer only"),
    ({"activation": ["relu", "wiggle"]}, "unknown activation 'wiggle'"),
])
def test_bad_settings_say_what_to_give(options, said):
    with pytest.raises(ValueError) as raised:
        cnn.MLP([2, 4, 3, 1], **options)
    assert said in str(raised.value)
    net = cnn.MLP([2, 4, 3, 1])
    with pytest.raises(ValueError, match="dropout must be"):
        net.dropout = -0.1  # changed live: checked the same way, the old value kept
    assert net.dropout == 0.0
