"""The playground's world past TensorFlow Playground: features, regularisation and dropout changed while it
trains, an activation per layer, a neuron's formula, replay, scores, a confusion matrix and stopping early."""

import numpy as np
import pytest

from creativenn.maths.features import Features
from creativenn.worlds.playground import Playground, Settings


def test_features_feed_the_network_and_name_its_input_neurons():
    p = Playground(Settings(dataset="circles", features=("x1^2", "x2^2", "sin(x1)"), hidden=(3,)))
    assert p.net.sizes[0] == 3 and p.net.features.names == ["x1^2", "x2^2", "sin(x1)"]
    assert np.array_equal(p.net.activations(p.X)[0], Features(["x1^2", "x2^2", "sin(x1)"])(p.X))
    p.train(steps=5)  # trains on points, the features computed from them
    assert len(p.history.train) == 1


def test_a_neurons_formula_has_its_weights_plugged_in():
    p = Playground(Settings(features=("x1^2", "x1*x2"), hidden=(2, 1), activation="tanh"))
    p.net.weights[0][1] = [0.5312, -1.2]
    p.net.biases[0][1] = 0.1
    assert p.neuron_formula(1, 1) == "a = tanh(0.53 x₁² − 1.20 x₁x₂ + 0.10)"
    p.net.weights[1][0] = [-2.0, 0.25]
    p.net.biases[1][0] = -0.5
    assert p.neuron_formula(2, 0, digits=1) == "a = tanh(−2.0 h₁,₁ + 0.2 h₁,₂ − 0.5)"
    with pytest.raises(ValueError, match="layer must be 1"):
        p.neuron_formula(0, 0)


def test_regularisation_and_dropout_change_the_running_network_not_a_new_one():
    p = Playground(Settings(dataset="xor", hidden=(8,)))
    p.train(steps=20)
    weights = p.net.parameters()
    p.change(regularization="l2", regularization_rate=0.1)
    assert np.array_equal(p.net.parameters(), weights) and p.net.regularization_rate == 0.1
    assert len(p.history.train) == 1  # the history goes on
    p.train(steps=5)
    assert p.history.penalty[-1] == pytest.approx(p.net.penalty()) and p.net.penalty() > 0
    weights, net = p.net.parameters(), p.net
    p.change(dropout=0.3)
    assert p.net is net and p.net.dropout == 0.3 and np.array_equal(p.net.parameters(), weights)


def test_each_layer_its_own_activation_and_bad_names_change_nothing():
    p = Playground(Settings(hidden=(4, 4), activation="tanh"))
    p.change(layer_activations=("relu", None))
    assert p.net.activation == ["relu", "tanh"]
    before = p.settings
    for change, said in [({"layer_activations": ("wiggle",)}, "unknown activation 'wiggle'"),
                         ({"features": ("x3",)}, "unknown input feature 'x3'"),
                         ({"regularization": "l3"}, "regularization must be l1, l2 or none"),
                         ({"dropout": 1.5}, "dropout=1.5: give a share 0 ≤ p < 1")]:
        with pytest.raises(ValueError, match=said):
            p.change(**change)
        assert p.settings == before


def test_restart_replays_the_same_run_step_by_step():
    p = Playground(Settings(dataset="moons", hidden=(6, 6), dropout=0.2, batch_size=10))
    runs = []
    for _ in range(2):
        for _ in range(15):
            p.train(steps=3)
        runs.append((p.net.parameters(), list(p.history.train)))
        p.restart()
    assert np.array_equal(runs[0][0], runs[1][0]) and runs[0][1] == runs[1][1]
    p.change(seed=1)  # a new seed is another run
    for _ in range(15):
        p.train(steps=3)
    assert not np.array_equal(p.net.parameters(), runs[0][0])


def test_scores_accuracy_for_classes_r_squared_and_rmse_for_values_and_the_confusion_matrix():
    p = Playground(Settings(dataset="blobs", classes=3, test_fraction=0.3, seed=2))
    p.train(steps=300)
    assert p.history.train_score[-1] == p.accuracy("train") > 0.9
    counts = p.confusion("test")
    assert counts.shape == (3, 3) and counts.sum() == p.test.sum()
    assert np.trace(counts) / counts.sum() == pytest.approx(p.accuracy("test"))
    wave = Playground(Settings(dataset="wave", test_fraction=0.3))
    assert wave.regression and wave.confusion() is None
    for _ in range(40):
        wave.train(steps=10)
    assert wave.history.test_score[-1] > 0.5  # R²: most of the spread explained
    X, Y = wave.split("test")
    assert wave.rmse("test") == pytest.approx(np.sqrt(np.mean((wave.net.forward(X) - Y) ** 2)))


def test_stopping_early_pauses_says_why_and_keeps_the_best_weights():
    p = Playground(Settings(dataset="xor", noise=0.3, points=60, test_fraction=0.5, hidden=(24, 24),
                            activation="relu", learning_rate=0.03, batch_size=None, patience=20))
    for _ in range(500):
        p.train(steps=1)
        if p.message:
            break
    assert p.message and p.message[0].startswith("Stopped: the test loss has not improved for 20 epochs")
    best = min(p.history.test)
    assert p.net.loss(*p.split("test")) == pytest.approx(best)  # back at its best weights
    assert p.history.test[-1] == best  # the curves end where the network is
    assert p.history.train[-1] == p.net.loss(*p.split("train"))
    steps = p.history.steps
    p.train(steps=5)
    assert p.history.steps == steps  # paused until something changes
    p.change(patience=50)  # raising the patience goes on from here, the same network
    p.train(steps=1)
    assert p.history.steps == steps + 1 and p.message is None


def test_a_setup_saved_and_loaded_gives_the_same_run(tmp_path):
    settings = Settings(dataset="moons", features=("x1", "x2", "x1^2"), hidden=(5, 3),
                        layer_activations=("relu",), regularization="l1", regularization_rate=0.003,
                        dropout=0.1, patience=25, seed=4)
    p = Playground(settings)
    p.train(steps=30)
    path = p.save_setup(tmp_path / "setup.json", weights=True)
    other = Playground()
    assert other.use([str(path)]) == "loaded the setup setup.json"
    assert other.settings == p.settings and np.array_equal(other.net.parameters(), p.net.parameters())
    fresh = Playground()
    fresh.use_setup(p.save_setup(tmp_path / "plain.json"))  # no weights: the run starts again, the same
    again = Playground(settings)
    for world in (fresh, again):
        world.train(steps=30)
    assert np.array_equal(fresh.net.parameters(), again.net.parameters())


def test_points_of_your_own_travel_in_the_setup(tmp_path):
    p = Playground(Settings(dataset="xor"))
    p.clear()
    for x, y, label in [(0.1, 0.2, 0), (0.5, -0.4, 1), (-0.3, 0.6, 1), (0.7, 0.7, 0), (-0.6, -0.2, 0)]:
        p.add_point(x, y, label)
    other = Playground()
    other.use_setup(p.save_setup(tmp_path / "mine.json"))
    assert np.array_equal(other.X, p.X) and np.array_equal(other.Y, p.Y)
    assert other.settings.dataset == "your points"


@pytest.mark.parametrize("text, said", [
    ("{ not json", "is not JSON: line 1, column 3"),
    ('{"format": "something else"}', "is not a playground setup"),
    ('{"format": "creativenn.playground", "version": 2, "settings": {}}',
     "made by a newer creativenn (setup version 2); this one reads version 1: pip install -U creativenn"),
    ('{"format": "creativenn.playground", "version": 1, "settings": {"feature": ["x1"]}}',
     "settings the playground does not know: feature"),
    ('{"format": "creativenn.playground", "version": 1, "settings": {"features": ["x1", "x9"]}}',
     "unknown input feature 'x9'"),
    ('{"format": "creativenn.playground", "version": 1, "settings": {"activation": "swish"}}',
     "unknown activation 'swish'"),
    ('{"format": "creativenn.playground", "version": 1, "settings": {"hidden": [4, 0]}}',
     "hidden lists each hidden layer's width, whole numbers 1 or more, got [4, 0]"),
    ('{"format": "creativenn.playground", "version": 1, "settings": {"learning_rate": "fast"}}',
     "learning_rate='fast': give a number above 0"),
    ('{"format": "creativenn.playground", "version": 1, "settings": {"dataset": "mine.csv"}}',
     "carries no points"),
])
def test_a_setup_that_cannot_be_used_says_why_and_changes_nothing(tmp_path, text, said):
    path = tmp_path / "bad.json"
    path.write_text(text)
    p = Playground(Settings(dataset="xor", seed=3))
    p.train(steps=5)
    before, weights = p.settings, p.net.parameters()
    with pytest.raises(ValueError) as raised:
        p.use([str(path)])
    assert said in str(raised.value), str(raised.value)
    assert p.settings == before and np.array_equal(p.net.parameters(), weights)


def test_tensorflow_playgrounds_regressions_plane_and_gaussians():
    from creativenn.worlds import datasets

    X, Y = datasets.plane(n=50, noise=0.0, seed=1)
    assert np.allclose(Y[:, 0], (X[:, 0] + X[:, 1]) / 2)
    X, Y = datasets.gaussians(n=400, noise=0.0, seed=1)
    top = np.argmin(np.hypot(X[:, 0] + 0.6, X[:, 1] - 0.6))  # the point nearest the bump up at (−0.6, 0.6)
    assert Y[top, 0] > 0.5 and Y.min() < -0.5
    for name in ("plane", "gaussians"):
        p = Playground(Settings(dataset=name))
        assert p.regression and p.net.output_activation == "linear" and p.net.loss_name == "mse"
    p = Playground(Settings(dataset="plane", hidden=(), learning_rate=0.05, test_fraction=0.3))
    for _ in range(60):
        p.train(steps=10)
    assert p.history.test_score[-1] > 0.95 and p.rmse("test") < 0.1  # one linear neuron: R² near 1


def test_keys_toggle_features_and_cycle_a_layers_own_activation():
    p = Playground(Settings(hidden=(4, 4), activation="tanh"))
    p.toggle_feature("x1^2")
    assert p.settings.features == ("x1", "x2", "x1^2") and p.net.sizes[0] == 3
    p.toggle_feature("x1")
    p.toggle_feature("x2")
    p.toggle_feature("x1^2")  # the last one stays: a network needs an input
    assert p.settings.features == ("x1^2",)
    p.next("features")
    assert p.settings.features == ("x1", "x2")
    p.layer = 1
    p.next_layer_activation()
    assert p.net.activation == ["tanh", "relu"]
    p.change_depth(-1)
    p.change_depth(1)  # a new last layer does not inherit the removed one's own activation
    assert p.settings.activations() == ["tanh", "tanh"]
    p.layer = 0
    p.next_layer_activation()
    p.next("activation")  # every layer: one activation again
    assert p.settings.layer_activations == () and p.net.activation == "relu"


def test_new_data_nudged_weights_and_the_discrete_field():
    from creativenn.draw.plots import field_image
    from creativenn.picture.layout import Mapping

    p = Playground(Settings(dataset="moons", hidden=(3,)))
    X, weights = p.X.copy(), p.net.parameters()
    p.change(data_seed=1)  # another sample of the same data set
    assert not np.array_equal(p.X, X) and p.settings.dataset == "moons"
    p.nudge({"kind": "edge", "layer": 1, "to": 0, "from": 2}, 0.1)
    p.nudge({"kind": "neuron", "layer": 1, "neuron": 0, "bias": 0.0}, -0.2)
    p.nudge({"kind": "neuron", "layer": 0, "neuron": 0, "bias": None}, 5.0)  # an input has no bias
    assert p.net.weights[1][0, 2] == pytest.approx(weights[-4 + 2] + 0.1)  # W_2 is (1, 3) before b_2
    assert p.net.biases[0][0] == pytest.approx(-0.2)
    field = Mapping(bounds=((-1.5, 1.5), (-1.5, 1.5)), rect=(0, 0, 40, 40))
    shaded, hard = field_image(p.net, field, 20), field_image(p.net, field, 20, discrete=True)
    assert len(np.unique(hard.reshape(-1, 3), axis=0)) <= 2 < len(np.unique(shaded.reshape(-1, 3), axis=0))
    blobs = Playground(Settings(dataset="blobs", classes=3))
    hard = field_image(blobs.net, field, 20, discrete=True)
    assert len(np.unique(hard.reshape(-1, 3), axis=0)) <= 3
    assert blobs.use(["wave"]) == "wave: values, a regression"
    assert blobs.use(["blobs", "4"]) == "blobs, 4 classes"


def test_export_writes_a_setup_and_a_sketch_and_E_puts_the_weights_in(tmp_path):
    import json

    from creativenn.draw.playground import export_setup

    class Saved:  # what export needs of the sketch's Controls
        def __init__(self):
            self.said, self.n = [], 0

        def next_path(self, suffix):
            self.n += 1
            return tmp_path / f"playground-{self.n:04d}{suffix}"

        def announce(self, paths):
            self.said.append(paths)

    p, controls = Playground(Settings(dataset="xor", hidden=(3,))), Saved()
    p.train(steps=10)
    export_setup(p, controls)
    export_setup(p, controls, everything=True)
    plain, full = (json.loads((tmp_path / f"playground-{k:04d}.json").read_text()) for k in (1, 2))
    assert "weights" not in plain and "data" not in plain
    assert full["weights"]["parameters"] == pytest.approx(p.net.parameters().tolist()) and "data" in full
    code = (tmp_path / "playground-0001.py").read_text()
    assert "SETUP = 'playground-0001.json'" in code and "dataset='xor'" in code
    compile(code, "playground-0001.py", "exec")  # it parses; test_playground_sketch runs one
    assert controls.said[0] == (tmp_path / "playground-0001.json", tmp_path / "playground-0001.py")


def test_a_click_on_a_feature_chip_finds_that_feature_and_the_chips_fit_the_board():
    from creativenn.draw.playground import feature_at, feature_chips
    from creativenn.maths.features import NAMES

    x, y, width = 500, 510, 590  # the board's place in the playground sketch
    chips = feature_chips(x, y)
    assert [name for name, _ in chips] == list(NAMES)
    for name, (left, top, w, h) in chips:
        assert feature_at(x, y, left + w / 2, top + h / 2) == name
    assert feature_at(x, y, x + 5, y + 5) is None
    left, _, w, _ = chips[-1][1]
    assert left + w <= x + width
