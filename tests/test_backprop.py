"""One traced training step: the numbers the backprop sketch shows are the network's own.

The tags (F1), (B4), (G1) … name equations of the course notes, docs/maths.md;
``creativenn maths B4`` prints one.
"""

import numpy as np
import pytest

from creativenn import MLP
from creativenn.maths.backprop import agreement, trace_step


@pytest.fixture
def net():
    return MLP([2, 3, 3, 2], activation="sigmoid", loss="half_mse", seed=3)


X, D = np.array([0.8, -0.4]), np.array([1.0, 0.0])


def test_the_chain_rule_update_is_minus_eta_times_the_gradient():
    net = MLP([3, 4, 5, 2], activation="tanh", output_activation="sigmoid", loss="bce", seed=1)
    x, d = np.array([0.3, -1.0, 0.5]), np.array([1.0, 0.0])
    trace = trace_step(net, x, d, "chain", learning_rate=0.2)
    g = net.gradients(x, d)
    for dW, db, gW, gb in zip(trace.weight_updates, trace.bias_updates, g.weights, g.biases, strict=True):
        np.testing.assert_allclose(dW, -0.2 * gW, atol=1e-12)
        np.testing.assert_allclose(db, -0.2 * gb, atol=1e-12)
    assert trace.loss == pytest.approx(g.loss)


@pytest.mark.parametrize("rule", ["chain", "transpose", "proportional"])
def test_the_blame_on_the_edges_adds_up_to_each_neurons_share(net, rule):
    trace = trace_step(net, X, D, rule)
    acts = trace.activations
    for l in range(1, len(net.weights)):
        arriving = trace.blame[l].sum(axis=0)  # Σ_k of the edges leaving neuron j of layer l
        if rule == "chain":
            arriving = arriving * acts[l] * (1 - acts[l])  # ⊙ σ'(z) for sigmoid   (B4)
        np.testing.assert_allclose(arriving, trace.errors[l], atol=1e-12)


def test_transpose_sends_back_w_transposed_times_the_error(net):
    trace = trace_step(net, X, D, "transpose")
    np.testing.assert_allclose(trace.errors[-1], trace.activations[-1] - D)  # (B1)
    np.testing.assert_allclose(trace.errors[2], net.weights[2].T @ trace.errors[3])  # (B3)


def test_proportional_shares_each_error_by_the_weights(net):
    trace = trace_step(net, X, D, "proportional")
    W, e = net.weights[2], trace.errors[3]
    for k in range(W.shape[0]):
        np.testing.assert_allclose(trace.blame[2][k], e[k] * W[k] / W[k].sum())  # (B2)


def test_the_signals_are_the_terms_of_the_weighted_sum(net):
    trace = trace_step(net, X, D)
    for l, (W, b) in enumerate(zip(net.weights, net.biases, strict=True)):
        z = W @ trace.activations[l] + b
        np.testing.assert_allclose(trace.signals[l].sum(axis=1) + b, z)  # (F1)


def test_teaching_rules_update_the_output_layer_like_the_chain_rule_for_one_output():
    net = MLP([2, 4, 1], activation="sigmoid", loss="half_mse", seed=0)
    exact, course = (trace_step(net, X, [1.0], rule) for rule in ("chain", "transpose"))
    np.testing.assert_allclose(course.weight_updates[-1], exact.weight_updates[-1])
    assert not np.allclose(course.weight_updates[0], exact.weight_updates[0])  # they differ inside
    assert 0.5 < agreement(exact, course) < 1.0


def test_tracing_changes_nothing_and_apply_takes_the_step(net):
    before = net.parameters()
    trace = trace_step(net, X, D, "chain", learning_rate=0.5)
    np.testing.assert_array_equal(net.parameters(), before)
    trace.apply(net)
    np.testing.assert_allclose(net.parameters(), before + trace.update_vector())
    assert net.loss(X, D) < trace.loss  # downhill


def test_bad_input_says_what_to_do(net):
    with pytest.raises(ValueError, match="one sample"):
        trace_step(net, np.zeros((2, 2)), D)
    with pytest.raises(ValueError, match="choose one of"):
        trace_step(net, X, D, "guess")
    with pytest.raises(ValueError, match="learning_rate"):
        trace_step(net, X, D, learning_rate=-1)
    with pytest.raises(ValueError, match="Y must be shaped"):
        trace_step(net, X, [1.0, 0.0, 0.0])
