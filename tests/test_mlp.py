"""The MLP's contract: shapes, errors for drawing, saving, bad input, divergence.

The tags (F1), (B4), (G1) … name equations of the course notes, docs/maths.md;
``creativenn maths B4`` prints one.
"""

import json
import re
from pathlib import Path

import numpy as np
import pytest

import creativenn as cnn

ROOT = Path(__file__).resolve().parent.parent


def test_shapes_follow_the_course_notation():
    net = cnn.MLP([2, 4, 3, 1], activation="tanh", loss="bce", seed=0)
    assert [w.shape for w in net.weights] == [(4, 2), (3, 4), (1, 3)]
    assert [b.shape for b in net.biases] == [(4,), (3,), (1,)]
    assert net.output_activation == "sigmoid" and net.dtype == np.float64
    X = np.random.default_rng(0).normal(size=(5, 2))
    acts = net.activations(X)
    assert [a.shape for a in acts] == [(5, 2), (5, 4), (5, 3), (5, 1)]
    assert np.array_equal(acts[0], X) and np.array_equal(acts[-1], net.forward(X))
    # one sample, 1-D in and out, equal to its row of the batch
    np.testing.assert_allclose(net.forward(X[2]), net.forward(X)[2], rtol=1e-15)
    assert [a.shape for a in net.activations(X[2])] == [(2,), (4,), (3,), (1,)]


def test_forward_is_the_equation_F1():
    net = cnn.MLP([3, 2], activation="sigmoid", seed=0)
    x = np.array([0.1, 0.2, -0.3])
    W, b = net.weights[0], net.biases[0]
    np.testing.assert_allclose(net.forward(x), 1 / (1 + np.exp(-(W @ x + b))), rtol=1e-15)


def test_weights_are_the_networks_own():
    net = cnn.MLP([2, 2, 1], seed=0)
    net.weights[0][1, 0] = 5.0
    assert net.parameters()[2] == 5.0
    net.weights = [np.ones((2, 2)), np.ones((1, 2))]
    assert net.weights[0].sum() == 4
    with pytest.raises(ValueError, match=r"weights\[1\] must be shaped \(1, 2\)"):
        net.weights = [np.ones((2, 2)), np.ones((2, 1))]


def test_parameters_round_trip_and_copy_is_independent():
    net = cnn.MLP([3, 4, 2], seed=1)
    twin = net.copy()
    v = twin.parameters() * 2
    twin.set_parameters(v)
    assert np.array_equal(twin.parameters(), v)
    assert not np.array_equal(net.parameters(), v)
    with pytest.raises(ValueError, match=f"{net.n_parameters} numbers"):
        net.set_parameters(np.zeros(3))


def test_same_seed_same_network():
    a, b = cnn.MLP([2, 5, 1], seed=7), cnn.MLP([2, 5, 1], seed=7)
    assert np.array_equal(a.parameters(), b.parameters())
    assert not np.array_equal(a.parameters(), cnn.MLP([2, 5, 1], seed=8).parameters())


def test_save_then_load_gives_the_same_predictions(tmp_path):
    net = cnn.MLP([2, 6, 3], activation="relu", loss="cross_entropy", seed=2)
    X, Y = cnn.datasets.blobs(n=60, classes=3)
    net.fit(X, Y, epochs=20, optimizer=cnn.Adam(0.05))
    path = net.save(tmp_path / "model")
    assert path.name == "model.npz"
    loaded = cnn.MLP.load(path)
    assert repr(loaded) == repr(net)
    assert np.array_equal(loaded.forward(X), net.forward(X))


def test_loading_something_else_says_so(tmp_path):
    bad = tmp_path / "notes.npz"
    bad.write_text("hello")
    with pytest.raises(ValueError, match="not a creativenn model file"):
        cnn.MLP.load(bad)


def _model_with(tmp_path, name, **replace):
    """A saved model with its description or parameters changed, for the bad-file cases."""
    net = cnn.MLP([2, 3, 1], seed=0)
    meta = {"format": "creativenn.MLP/1", "sizes": [2, 3, 1], "activation": "sigmoid",
            "output_activation": "sigmoid", "loss": "mse", "dtype": "float64"}
    meta.update({k: v for k, v in replace.items() if k != "parameters"})
    path = tmp_path / name
    arrays = {"meta": np.array(json.dumps(meta)), "parameters": replace.get("parameters", net.parameters())}
    np.savez(path, **{k: v for k, v in arrays.items() if v is not None})
    return path


@pytest.mark.parametrize("case, said", [
    ("truncated", "cut off or damaged"),
    ("empty", "it is empty"),
    ("one array", "holds one array"),
    ("no parameters", "it has no parameters"),
    ("foreign format", "its format is 'somebody.else/2'"),
    ("no sizes", "its description has no sizes"),
    ("complex numbers", "its numbers are"),
    ("wrong count", "says layers [2, 3, 1], 13 weights and biases, and it holds 5 numbers"),
    ("unknown activation", "unknown activation"),
])
def test_every_bad_model_file_is_a_value_error_naming_the_file_and_the_fault(tmp_path, case, said):
    good = cnn.MLP([2, 3, 1], seed=0).save(tmp_path / "good.npz")
    path = tmp_path / "bad.npz"
    if case == "truncated":
        path.write_bytes(good.read_bytes()[:300])
    elif case == "empty":
        path.write_bytes(b"")
    elif case == "one array":
        np.save(tmp_path / "bad.npy", np.zeros(3))
        path = tmp_path / "bad.npy"
    else:
        replace = {"no parameters": {"parameters": None}, "foreign format": {"format": "somebody.else/2"},
                   "no sizes": {"sizes": None}, "complex numbers": {"parameters": np.zeros(13, complex)},
                   "wrong count": {"parameters": np.zeros(5)},
                   "unknown activation": {"activation": "wiggle"}}[case]
        path = _model_with(tmp_path, "bad.npz", **replace)
    with pytest.raises(ValueError, match=f"{path.name} is not a creativenn model file: .*{re.escape(said)}"):
        cnn.MLP.load(path)


def test_a_model_file_claiming_huge_layers_is_refused_before_anything_is_read_or_made(tmp_path):
    path = _model_with(tmp_path, "huge.npz", sizes=[100_000, 100_000, 100_000])
    with pytest.raises(MemoryError, match=r"huge.npz cannot be loaded: a network of layers \[100000, 100000, "
                       r"100000\] \(20,000,200,000 weights and biases\) would need about 800.0 GB"):
        cnn.MLP.load(path)
    with pytest.raises(ValueError, match="give it fewer or narrower layers"):  # TooLarge is both
        cnn.MLP([100_000, 100_000, 100_000])


def test_a_complex_dtype_is_refused_and_fit_takes_an_optimizers_name():
    with pytest.raises(ValueError, match="dtype must be float64 or float32"):
        cnn.MLP([2, 1], dtype=complex)
    X, Y = cnn.datasets.xor()
    net = cnn.MLP([2, 4, 1], activation="tanh", loss="bce", seed=0)
    history = net.fit(X, Y, epochs=300, optimizer="adam")
    assert history[-1] < history[0]
    with pytest.raises(ValueError, match="must be an Optimizer or one of sgd, momentum, rmsprop, adam"):
        net.fit(X, Y, optimizer=3)
    with pytest.raises(ValueError, match="unknown optimizer 'adamw'"):
        net.fit(X, Y, optimizer="adamw")


def test_errors_chain_rule_equals_the_deltas_of_backprop():
    net = cnn.MLP([2, 3, 2], activation="tanh", output_activation="sigmoid", loss="mse", seed=0)
    x, y = np.array([0.3, -0.8]), np.array([1.0, 0.0])
    e = cnn.backprop.errors(net, x, y, rule="chain")
    assert [v.shape for v in e] == [(2,), (3,), (2,)]
    g = net.gradients(x, y)  # one sample: ∂C/∂b_l = δ_l
    np.testing.assert_allclose(e[2], g.biases[1], rtol=1e-13)
    np.testing.assert_allclose(e[1], g.biases[0], rtol=1e-13)
    h = 1e-6  # e_0: how the loss changes with the inputs
    numeric = [(net.loss(x + h * d, y) - net.loss(x - h * d, y)) / (2 * h) for d in np.eye(2)]
    np.testing.assert_allclose(e[0], numeric, rtol=1e-6)


def test_errors_per_sample_rows():
    net = cnn.MLP([2, 3, 1], seed=0)
    X, Y = np.random.default_rng(0).normal(size=(4, 2)), np.ones((4, 1))
    batch = cnn.backprop.errors(net, X, Y, rule="chain")
    for i in range(4):
        for layer, row in zip(batch, cnn.backprop.errors(net, X[i], Y[i], rule="chain"), strict=True):
            np.testing.assert_allclose(layer[i], row, rtol=1e-14)


def test_errors_transpose_rule_B3():
    net = cnn.MLP([2, 3, 2], seed=0)
    x, y = np.array([0.5, 0.5]), np.array([0.0, 1.0])
    e = cnn.backprop.errors(net, x, y, rule="transpose")
    np.testing.assert_allclose(e[2], net.forward(x) - y)  # (B1)
    np.testing.assert_allclose(e[1], net.weights[1].T @ e[2])  # (B3)
    np.testing.assert_allclose(e[0], net.weights[0].T @ e[1])


def test_errors_proportional_rule_shares_blame_by_weight_B2():
    net = cnn.MLP([3, 2], seed=0)
    net.weights = [np.array([[1.0, 3.0, 0.0], [2.0, 2.0, 4.0]])]
    x, y = np.zeros(3), np.array([1.0, 1.0])
    e_out = net.forward(x) - y
    e = cnn.backprop.errors(net, x, y, rule="proportional")
    expected = e_out[0] * np.array([1, 3, 0]) / 4 + e_out[1] * np.array([2, 2, 4]) / 8
    np.testing.assert_allclose(e[0], expected, rtol=1e-14)
    assert e[0].sum() == pytest.approx(e_out.sum())  # positive weights: blame is conserved


def test_errors_proportional_guards_near_zero_sums():
    net = cnn.MLP([2, 2], seed=0)
    net.weights = [np.array([[1.0, -1.0], [0.0, 0.0]])]  # row sums 0 and an all-zero row
    e = cnn.backprop.errors(net, np.zeros(2), np.zeros(2), rule="proportional")
    e_out = net.forward(np.zeros(2))
    np.testing.assert_allclose(e[0], e_out[0] * np.array([1.0, -1.0]) / 2)  # Σ|W| divides
    assert np.isfinite(e[0]).all()


@pytest.mark.parametrize(("call", "message"), [
    (lambda: cnn.MLP([2, 0, 1]), r"sizes\[1\]"),
    (lambda: cnn.MLP([2]), "at least two layer sizes"),
    (lambda: cnn.MLP([2, 1], activation="swish"), "unknown activation 'swish'"),
    (lambda: cnn.MLP([2, 1], loss="hinge"), "unknown loss 'hinge'"),
    (lambda: cnn.MLP([2, 1], loss="bce", output_activation="tanh"), "needs output_activation"),
    (lambda: cnn.MLP([2, 1], output_activation="softmax"), "at least 2 output"),
    (lambda: cnn.MLP([2, 3]).forward(np.zeros((4, 3))), r"shaped \(n_samples, 2\).*got \(4, 3\)"),
    (lambda: cnn.MLP([2, 3]).loss(np.zeros((4, 2)), np.zeros((4, 2))), r"Y must be shaped \(4, 3\)"),
    (lambda: cnn.MLP([2, 1]).forward([[0.0, np.nan]]), r"X contains nan at index \(0, 1\)"),
    (lambda: cnn.MLP([2, 1]).loss([[0.0, 1.0]], [[np.inf]]), "Y contains inf"),
    (lambda: cnn.MLP([2, 1], loss="bce").loss([[0, 0]], [[2.0]]), "between 0 and 1"),
    (lambda: cnn.MLP([2, 3], loss="cross_entropy").loss([[0, 0]], [5]), r"whole numbers 0 … 2"),
    (lambda: cnn.MLP([2, 1]).forward("hello"), "X must be numbers"),
    (lambda: cnn.backprop.errors(cnn.MLP([2, 1]), [0, 0], [0], rule="guess"), "unknown rule"),
    (lambda: cnn.MLP([2, 1]).fit([[0, 0]], [[0]], epochs=0), "epochs must be a whole number"),
])
def test_bad_input_gets_a_clear_error(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_nan_data_is_blamed_in_step_not_the_learning_rate():
    net = cnn.MLP([2, 1], seed=0)
    with pytest.raises(ValueError, match="X contains nan"):
        net.step([[np.nan, 0.0]], [[1.0]], cnn.SGD(0.1))


def test_a_diverging_run_goes_back_to_its_last_weights_within_the_bound():
    X = np.linspace(-50, 50, 20)[:, None]
    Y = 3 * X
    net = cnn.MLP([1, 1], activation="linear", loss="mse", seed=0)
    optimizer = cnn.Momentum(0.5)
    history = []
    with pytest.raises(cnn.DivergedError, match="lower the learning rate") as caught:
        for _ in range(1000):
            history.append(net.parameters())
            net.step(X, Y, optimizer)
    error = caught.value
    assert error.cost > error.limit == 4 * optimizer.bound.start  # caught at 4× the start, while finite
    assert np.isfinite(error.cost) and error.steps_back >= 1
    assert np.array_equal(net.parameters(), history[optimizer.steps])  # the weights of that step …
    assert net.loss(X, Y) <= error.limit  # … whose loss was within the bound
    optimizer.learning_rate = 1e-4  # recover: lower the rate and carry on
    before = net.loss(X, Y)
    for _ in range(50):
        net.step(X, Y, optimizer)
    assert net.loss(X, Y) < before


def test_fit_modes_batch_minibatch_stochastic_G2():
    X, Y = cnn.datasets.moons(n=64, noise=0.05)
    for batch_size in (None, 16, 1):
        net = cnn.MLP([2, 8, 1], activation="tanh", loss="bce", seed=0)
        history = net.fit(X, Y, epochs=60, batch_size=batch_size, optimizer=cnn.Adam(0.02))
        assert len(history) == 60 and history[-1] < history[0]


def test_repr_reads_like_the_constructor():
    assert repr(cnn.MLP([2, 4, 1], activation="tanh", loss="bce")) == (
        "MLP([2, 4, 1], activation='tanh', output_activation='sigmoid', loss='bce')"
        "  # 17 parameters"
    )


def test_float32_networks():
    net = cnn.MLP([2, 3, 1], dtype=np.float32, seed=0)
    assert net.forward(np.zeros((2, 2))).dtype == np.float32
    net.step(np.zeros((2, 2)), np.ones((2, 1)), cnn.SGD(0.1))


def test_digits_data_and_split():
    X, Y = cnn.datasets.digits()
    assert X.shape == (1797, 64) and Y.shape == (1797, 10)
    assert X.min() == 0 and X.max() == 1 and np.all(Y.sum(axis=1) == 1)
    wide, _ = cnn.datasets.digits(wide=True)
    assert wide.shape == (1797, 784)
    Xtr, Ytr, Xte, Yte = cnn.datasets.split(X, Y, 0.25)
    assert len(Xte) == 449 and len(Xtr) + len(Xte) == 1797
    with pytest.raises(ValueError, match="test_fraction"):
        cnn.datasets.split(X, Y, 1.5)


def test_resize_keeps_flat_images_flat_and_scales_a_gradient():
    flat = np.full((1, 8, 8), 0.7)
    np.testing.assert_allclose(cnn.datasets.resize_images(flat, 28), 0.7)
    ramp = np.tile(np.arange(8.0), (8, 1))[None]
    big = cnn.datasets.resize_images(ramp, 16)
    assert big.shape == (1, 16, 16) and np.all(np.diff(big[0, 0]) >= 0)
    assert big[0, 0, 0] == 0 and big[0, 0, -1] == 7


def test_activation_of_names_each_layers_activation():
    net = cnn.MLP([3, 4, 4, 2], activation="relu", loss="cross_entropy")
    assert [net.activation_of(l) for l in range(4)] == ["linear", "relu", "relu", "softmax"]
    with pytest.raises(ValueError, match="layer must be 0 … 3"):
        net.activation_of(4)


@pytest.mark.parametrize("activation", ["sin", "gaussian", "abs"])
def test_the_cppn_activations_train_too(activation):
    X, Y = cnn.datasets.xor()
    net = cnn.MLP([2, 8, 1], activation=activation, output_activation="sigmoid", loss="bce", seed=1)
    history = net.fit(X, Y, epochs=1500, optimizer=cnn.Adam(0.05))
    assert history[-1] < 0.05 and net.predict(X).tolist() == [0, 1, 1, 0]


def test_the_gradients_norm_is_the_length_of_every_derivative_together():
    net = cnn.MLP([2, 3, 1], seed=0)
    g = net.gradients(np.ones((4, 2)), np.zeros((4, 1)))
    every = np.concatenate([a.ravel() for a in g.weights + g.biases])
    assert g.norm() == pytest.approx(float(np.linalg.norm(every)))
