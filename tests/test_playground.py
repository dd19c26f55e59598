"""The playground's world without a window: data, settings, own points, save/load, divergence."""

import numpy as np
import pytest

from creativenn import MLP
from creativenn.worlds.playground import Playground, Settings, fit_into_view


@pytest.mark.parametrize("dataset, classes, loss, out", [
    ("xor", 2, "bce", "sigmoid"), ("circles", 2, "bce", "sigmoid"), ("moons", 2, "bce", "sigmoid"),
    ("spirals", 3, "cross_entropy", "softmax"), ("blobs", 5, "cross_entropy", "softmax"),
    ("wave", 1, "mse", "linear"),
])
def test_each_data_set_gets_the_network_its_task_needs(dataset, classes, loss, out):
    p = Playground(Settings(dataset=dataset, classes=classes if classes > 2 else 3, points=100))
    assert p.classes == classes and p.regression == (dataset == "wave")
    assert (p.net.loss_name, p.net.output_activation) == (loss, out)
    assert p.net.sizes[-1] == (classes if classes > 2 else 1)
    assert p.test.sum() == 30 and len(p.X) == 100


def test_settings_change_what_they_need_and_nothing_else():
    p = Playground(Settings(dataset="moons"))
    X = p.X.copy()
    p.train(5)
    trained = p.net.parameters()
    p.change(learning_rate=0.1)
    np.testing.assert_array_equal(p.net.parameters(), trained)  # same weights, new step size
    assert p.optimizer.learning_rate == 0.1
    p.change(optimizer="sgd")
    np.testing.assert_array_equal(p.net.parameters(), trained)
    p.change(activation="relu", hidden=(8, 8, 8))
    assert p.net.sizes == (2, 8, 8, 8, 1) and p.net.activation == "relu"
    np.testing.assert_array_equal(p.X, X)  # the data stayed
    p.change(loss="mse")
    assert (p.net.loss_name, p.net.output_activation) == ("mse", "sigmoid")
    p.change(noise=0.3)
    assert not np.array_equal(p.X, X)
    p.change()
    assert p.history.steps == 0 and p.history.train == []  # the network starts again
    with pytest.raises(ValueError, match="at least 1 neuron"):
        p.change(hidden=(4, 0))
    assert p.settings.hidden == (8, 8, 8)  # a refused change leaves the settings


def test_a_loss_that_does_not_fit_the_task_falls_back_to_the_natural_one():
    p = Playground(Settings(dataset="blobs", classes=3, loss="bce"))
    assert p.net.loss_name == "cross_entropy"


def test_your_own_points_a_new_class_grows_the_output_layer():
    p = Playground(Settings(dataset="circles"))
    p.clear()
    p.train(3)  # nothing to learn from: nothing happens
    assert p.history.steps == 0 and p.history.train == []
    for x, y, c in [(-0.5, 0.5, 0), (0.5, 0.5, 1), (0.6, 0.4, 1), (-0.6, 0.5, 0)]:
        p.add_point(x, y, c)
    assert p.net.sizes[-1] == 1 and p.Y.tolist() == [[0.0], [1.0], [1.0], [0.0]]
    p.add_point(0.0, -0.7, 2)
    assert p.classes == 3 and p.net.sizes[-1] == 3 and p.net.loss_name == "cross_entropy"
    assert p.labels().tolist() == [0, 1, 1, 0, 2]
    p.train(300)
    assert p.accuracy("train") == 1.0
    with pytest.raises(ValueError, match="class must be 0"):
        p.add_point(0, 0, 9)


def test_save_then_load_gives_the_same_predictions_and_points(tmp_path):
    p = Playground(Settings(dataset="blobs", classes=4, hidden=(6,)))
    p.add_point(0.1, 0.2, 3)
    p.train(50)
    grid = np.random.default_rng(0).uniform(-1, 1, (50, 2))
    before = p.net.forward(grid)
    model, data = p.save(tmp_path / "mine-0001.npz")
    assert (model.name, data.name) == ("mine-0001.npz", "mine-0001.csv")
    q = Playground(Settings(dataset="xor"))
    q.load(model)
    np.testing.assert_array_equal(q.net.forward(grid), before)
    np.testing.assert_array_equal(q.X, p.X)
    np.testing.assert_array_equal(q.Y, p.Y)
    assert q.settings.hidden == (6,) and q.net.loss_name == "cross_entropy"


def test_a_regression_survives_save_and_load(tmp_path):
    p = Playground(Settings(dataset="wave", points=60))
    p.train(20)
    p.save(tmp_path / "wave.npz")
    q = Playground()
    q.load(tmp_path / "wave.npz")
    assert q.regression and q.net.output_activation == "linear"
    np.testing.assert_array_equal(q.net.forward(p.X), p.net.forward(p.X))


def test_loading_what_does_not_fit_changes_nothing(tmp_path):
    p = Playground(Settings(dataset="moons"))
    X, net = p.X.copy(), p.net
    with pytest.raises(ValueError, match="no saved model"):
        p.load(tmp_path / "m.npz")
    MLP([2, 3, 4], loss="cross_entropy").save(tmp_path / "m.npz")
    (tmp_path / "m.csv").write_text("0,0,0\n1,1,1\n")
    with pytest.raises(ValueError, match="does not fit the saved points"):
        p.load(tmp_path / "m.npz")
    (tmp_path / "bad.csv").write_text("0,0,0\n1,oops,1\n")
    with pytest.raises(ValueError, match="line 2"):
        p.load_csv(tmp_path / "bad.csv")
    assert p.net is net and np.array_equal(p.X, X)


def test_data_far_from_the_origin_is_scaled_into_view(tmp_path):
    path = tmp_path / "far.csv"
    path.write_text("100,200,0\n300,200,1\n200,250,1\n")
    p = Playground()
    note = p.load_csv(path)
    assert "scaled into −1 … 1" in note and np.abs(p.X).max() == pytest.approx(1.0)
    assert fit_into_view(p.X)[1] is None  # already in view: left as it is


def test_divergence_keeps_the_last_good_weights_and_says_what_to_do():
    p = Playground(Settings(dataset="wave", optimizer="sgd", learning_rate=1e6, activation="linear"))
    for _ in range(20):
        p.train(5)
        if p.message:
            break
    assert p.message and "lower η" in " ".join(p.message)
    assert np.all(np.isfinite(p.net.parameters()))
    steps = p.history.steps
    p.train(5)
    assert p.history.steps == steps  # waits for a change
    p.change(learning_rate=0.01)
    assert p.message is None


def test_a_neurons_own_field_is_its_activation():
    p = Playground(Settings(dataset="xor"))
    points = np.random.default_rng(1).uniform(-1, 1, (20, 2))
    np.testing.assert_array_equal(p.neuron_values(1, 2, points), p.net.activations(points)[1][:, 2])


def test_points_from_a_file_stay_when_noise_or_classes_change(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("0,0,0\n1,1,1\n0,1,2\n1,0,2\n0.5,0.5,1\n")
    p = Playground()
    p.load_csv(path)
    X = p.X.copy()
    p.change(noise=0.3, classes=5)
    np.testing.assert_array_equal(p.X, X)
    assert p.settings.dataset == "mine.csv" and p.classes == 3
    p.change(dataset="moons")
    assert p.classes == 2 and len(p.X) == 200


def test_epochs_count_passes_over_the_training_points():
    p = Playground(Settings(dataset="xor", points=100, test_fraction=0.2, batch_size=10))
    p.train(16)
    assert p.epochs() == pytest.approx(2.0)
    p.change(batch_size=None)
    p.train(1)
    assert p.epochs() == pytest.approx(3.0)


def test_keys_cycle_settings_and_edit_layers():
    p = Playground(Settings(dataset="moons", hidden=(4, 4), activation="tanh"))
    p.next("activation")
    assert p.settings.activation == "relu" and p.net.activation == "relu"
    p.next("loss")
    assert p.net.loss_name == "mse"  # after bce, the losses that suit two classes
    p.next("batch_size")
    assert p.settings.batch_size == 32
    p.change_depth(+1)
    p.widen(2, +3)
    assert p.settings.hidden == (4, 4, 7) and p.net.sizes == (2, 4, 4, 7, 1)
    p.widen(0, -10)
    p.widen(5, +1)  # no such layer: nothing
    assert p.settings.hidden == (1, 4, 7)
    for _ in range(4):
        p.change_depth(-1)
    assert p.settings.hidden == () and p.net.sizes == (2, 1)


def test_clearing_starts_your_own_points_from_class_0_and_a_new_data_set_forgets_the_choice():
    p = Playground(Settings(dataset="blobs", classes=4))
    for _ in range(3):
        p.choose_click()
    assert p.chosen == 3
    p.change(dataset="xor")
    assert p.chosen == 0  # a new data set: the choice starts again
    p.clear()
    assert p.settings.dataset == "your points" and p.chosen == 0 and p.click_choices() == 2
    p.add_point(0.1, 0.1, p.click_value())
    p.choose_click()
    p.add_point(0.5, 0.5, p.click_value())
    assert p.labels().tolist() == [0, 1] and p.classes == 2 and p.net.sizes[-1] == 1  # two classes: sigmoid
    p.choose_click()
    assert p.chosen == 2  # one new class past the last


def test_switching_optimizer_brings_its_own_learning_rate():
    p = Playground(Settings(dataset="moons", optimizer="sgd", learning_rate=0.3))
    p.next("optimizer")
    assert p.settings.optimizer == "momentum" and p.optimizer.learning_rate == 0.1
    p.change(optimizer="adam")
    assert p.settings.learning_rate == p.optimizer.learning_rate == 0.01
    p.change(optimizer="sgd", learning_rate=0.2)  # one given: that one
    assert p.optimizer.learning_rate == 0.2
