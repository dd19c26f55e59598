"""Input features computed from (x1, x2) (F3): worked values, the names people type, and why they help."""

import numpy as np
import pytest

import creativenn as cnn
from creativenn.maths.features import NAMES, Features, canonical


def test_every_feature_worked_by_hand_at_one_point():
    x1, x2 = 0.5, -2.0
    expected = {"x1": 0.5, "x2": -2.0, "x1^2": 0.25, "x2^2": 4.0, "x1*x2": -1.0, "sin(x1)": np.sin(0.5),
                "sin(x2)": np.sin(-2.0)}
    assert set(expected) == set(NAMES)
    row = Features(list(expected))(np.array([[x1, x2]]))[0]
    assert np.allclose(row, list(expected.values()))


def test_names_as_people_type_them_and_clear_errors():
    assert [canonical(n) for n in ["x₁²", "X2**2", "x1x2", "sin x1", "x1·x2"]] == \
        ["x1^2", "x2^2", "x1*x2", "sin(x1)", "x1*x2"]
    for names, said in [(["x3"], "unknown input feature 'x3': choose from x1, x2, x1^2"),
                        ([], "choose at least one input feature"), (["x1", "x1"], "each input feature once")]:
        with pytest.raises(ValueError, match=said.replace("(", r"\(").replace("^", r"\^")):
            Features(names)
    with pytest.raises(ValueError, match=r"X must be \(n, 2\)"):
        Features()(np.zeros((3, 3)))


def test_squares_let_one_neuron_draw_a_circle_that_x1_and_x2_cannot():
    X, Y = cnn.datasets.circles(n=200, noise=0.05, seed=0)
    accuracy = {}
    for names in (["x1", "x2"], ["x1^2", "x2^2"]):
        phi = Features(names)
        net = cnn.MLP([len(phi), 1], loss="bce", seed=0)  # no hidden layer: one neuron, a straight line
        net.fit(phi(X), Y, epochs=400, optimizer="adam")
        accuracy[names[0]] = np.mean(net.predict(phi(X)) == Y[:, 0])
    assert accuracy["x1^2"] > 0.97 and accuracy["x1"] < 0.7


def test_a_network_with_features_takes_points_and_shows_the_features_as_its_inputs(tmp_path):
    X, Y = cnn.datasets.circles(n=60, seed=1)
    net = cnn.MLP([3, 4, 1], activation="tanh", loss="bce", seed=0, features=["x1^2", "x2^2", "x1*x2"],
                  regularization="l2", regularization_rate=0.01)
    phi = Features(["x1^2", "x2^2", "x1*x2"])
    plain = cnn.MLP([3, 4, 1], activation="tanh", loss="bce", seed=0)
    assert np.array_equal(net.forward(X), plain.forward(phi(X)))  # a_0 = φ(x)
    assert np.array_equal(net.activations(X)[0], phi(X))  # what the input neurons show
    assert net.forward(X[0]).shape == (1,)
    assert cnn.gradient_check(net, X[:10], Y[:10]) < 1e-6
    net.step(X, Y, cnn.SGD(0.1))
    again = cnn.MLP.load(net.save(tmp_path / "f.npz"))
    assert again.features == net.features and np.array_equal(again.forward(X), net.forward(X))
    assert "features=['x1^2', 'x2^2', 'x1*x2']" in repr(net)
    with pytest.raises(ValueError, match="3 input features .* need 3 input neurons: sizes\\[0\\] is 2"):
        cnn.MLP([2, 1], features=["x1^2", "x2^2", "x1*x2"])
    with pytest.raises(ValueError, match="X must be points shaped"):
        net.forward(np.zeros((4, 3)))
