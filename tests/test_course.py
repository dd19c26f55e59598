"""The worked examples of the course notes (docs/maths.md: B5, B6, G2–G4), checked."""

import numpy as np
import pytest

import creativenn as cnn


def test_output_layer_gradient_of_the_course_B5():
    # (B5): C = 1/(2n) Σ e², sigmoid outputs: ∂C/∂W_kj = (e_k / n) · a_j · a_k (1 − a_k)
    net = cnn.MLP([3, 2], activation="sigmoid", loss="half_mse", seed=4)
    x, d = np.array([0.2, -0.7, 1.5]), np.array([1.0, 0.0])
    a = net.forward(x)
    e, n = a - d, 2
    expected = np.outer(e / n * a * (1 - a), x)  # row k, column j
    g = net.gradients(x, d)
    np.testing.assert_allclose(g.weights[0], expected, rtol=1e-13)
    assert g.weights[0][1, 2] == pytest.approx(e[1] / n * x[2] * a[1] * (1 - a[1]), rel=1e-13)


def test_single_relu_neuron_B6():
    # (B6): ∂C/∂w = 2/N Σ_{z_i > 0} e_i x_i,  ∂C/∂b = 2/N Σ_{z_i > 0} e_i
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(20, 3)), rng.normal(size=20)
    net = cnn.MLP([3, 1], output_activation="relu", loss="mse", seed=1)
    net.biases[0][0] = 0.1
    w, b = net.weights[0][0], net.biases[0][0]
    z = X @ w + b
    e = np.maximum(z, 0) - y
    active = z > 0
    assert 0 < active.sum() < 20  # some samples inactive: they must give nothing
    g = net.gradients(X, y)
    np.testing.assert_allclose(g.weights[0][0], 2 / 20 * (e[active] @ X[active]), rtol=1e-13)
    assert g.biases[0][0] == pytest.approx(2 / 20 * e[active].sum(), rel=1e-13)


def test_line_fit_gradient_and_convergence_G3():
    x, y = cnn.datasets.line(n=30, slope=-1.5, intercept=0.7, noise=0.2, seed=2)
    x, y = x.ravel(), y.ravel()
    fit = cnn.LineFit(slope=3.0, intercept=-2.0)
    e = 3.0 * x - 2.0 - y
    assert fit.gradient(x, y) == pytest.approx((2 * np.mean(e * x), 2 * np.mean(e)), rel=1e-13)
    costs = [fit.step(x, y, learning_rate=0.3) for _ in range(3000)]
    assert all(b <= a + 1e-15 for a, b in zip(costs, costs[1:], strict=False))  # never climbs
    m, c = cnn.least_squares(x, y)
    assert (fit.slope, fit.intercept) == pytest.approx((m, c), abs=1e-10)
    np.testing.assert_allclose(np.polyfit(x, y, 1), [m, c], rtol=1e-12)
    assert cnn.cost_grid(x, y, [m], [c])[0, 0] == pytest.approx(fit.cost(x, y), rel=1e-9)


def test_stochastic_line_fit_gets_close_G2():
    x, y = cnn.datasets.line(n=50, seed=3)
    x, y = x.ravel(), y.ravel()
    fit, rng = cnn.LineFit(), np.random.default_rng(0)
    for i in range(4000):
        k = rng.integers(50)
        fit.step(x[k : k + 1], y[k : k + 1], learning_rate=0.05 / (1 + i / 500))  # (G4) decaying
    m, c = cnn.least_squares(x, y)
    assert abs(fit.slope - m) < 0.1 and abs(fit.intercept - c) < 0.1


def test_line_fit_diverges_cleanly_G4():
    x, y = np.linspace(-10, 10, 20), np.linspace(-10, 10, 20)
    fit, history = cnn.LineFit(), []
    with pytest.raises(cnn.DivergedError, match="lower the learning rate") as caught:
        for _ in range(10_000):
            history.append((fit.slope, fit.intercept))
            fit.step(x, y, learning_rate=5.0)
    assert len(history) < 10  # caught within a few steps, while the numbers are sane
    assert (fit.slope, fit.intercept) == history[fit.steps]
    assert fit.cost(x, y) <= caught.value.limit == 4 * cnn.LineFit().cost(x, y)


def test_xor_is_learned_by_a_2_4_1_network():
    X, Y = cnn.datasets.xor()
    net = cnn.MLP([2, 4, 1], activation="tanh", output_activation="sigmoid", loss="bce", seed=0)
    history = net.fit(X, Y, epochs=1500, optimizer=cnn.SGD(0.5))
    assert history[-1] < 0.01 < history[0]
    assert net.predict(X).tolist() == [0, 1, 1, 0]


def test_the_course_network_all_sigmoid_learns_xor_too():
    X, Y = cnn.datasets.xor()
    net = cnn.MLP([2, 4, 1], activation="sigmoid", loss="half_mse", seed=1)
    net.fit(X, Y, epochs=4000, batch_size=1, optimizer=cnn.SGD(2.0), seed=0)
    assert net.predict(X).tolist() == [0, 1, 1, 0]


def test_perceptron_separates_linearly_separable_points_P1():
    rng = np.random.default_rng(5)
    X = rng.uniform(-1, 1, (200, 2))
    targets = np.where(X[:, 1] > 0.5 * X[:, 0] + 0.1, 1, -1)  # above / below a hidden line
    p = cnn.Perceptron(2, learning_rate=0.01, seed=0)
    for _ in range(100):
        mistakes = sum(p.train(x, t) != 0 for x, t in zip(X, targets, strict=True))
        if mistakes == 0:
            break
    assert mistakes == 0 and p.accuracy(X, targets) == 1.0
    w0, w1 = p.weights  # its boundary w0 x + w1 y + b = 0 is drawn as a line
    assert p.boundary_y(0.3) == pytest.approx(-(w0 * 0.3 + p.bias) / w1)


def test_perceptron_rule_by_hand_P1():
    p = cnn.Perceptron(2, learning_rate=0.1, seed=0)
    p.weights[:] = [0.5, -0.5]
    p.bias = 0.0
    assert p.predict([1.0, 2.0]) == -1
    assert p.train([1.0, 2.0], target=1) == 2  # error = target − guess
    np.testing.assert_allclose(p.weights, [0.5 + 0.1 * 2 * 1.0, -0.5 + 0.1 * 2 * 2.0])
    assert p.bias == pytest.approx(0.2)
    assert p.train([1.0, 2.0], target=1) == 0


def test_line_fit_cost_surface_is_exact_G3():
    x, y = cnn.datasets.line(n=25, seed=4)
    s = cnn.cost_surface(x, y)
    fit = cnn.LineFit(slope=0.3, intercept=-1.2)
    assert s.height(0.3, -1.2) == pytest.approx(fit.cost(x, y), rel=1e-12)
    assert s.gradient(0.3, -1.2) == pytest.approx(fit.gradient(x, y), rel=1e-12)
    (m0, c0), = s.minima
    assert (m0, c0) == pytest.approx(cnn.least_squares(x, y))
    assert s.gradient(m0, c0) == pytest.approx((0, 0), abs=1e-12)
