"""The playground sketch headless: read-outs are the model's numbers, files fail safely, fields are right."""

import time
from pathlib import Path

import numpy as np
import pytest

from creativenn import colors
from creativenn.draw import field_image
from creativenn.draw.playground import hover_at, hover_lines
from creativenn.picture.layout import Mapping, diagram_layout, edge_segments
from tests.conftest import near

SKETCH = Path(__file__).resolve().parent.parent / "sketches" / "playground.py"


@pytest.fixture(scope="module")
def blobs(render):
    return render(SKETCH, 30, seed=0, argv=["blobs", "4"])


def test_hovering_a_neuron_or_an_edge_reads_the_models_numbers(blobs):
    ns = blobs[0].namespace
    net = ns["world"].net
    positions, _ = diagram_layout(net.sizes, *ns["boxes"]["net"])
    for l in range(1, len(positions)):
        for k, (x, y) in enumerate(positions[l]):
            hover = hover_at(ns["world"], ns["field"], ns["boxes"]["net"], x + 2, y - 1)
            assert (hover["kind"], hover["layer"], hover["neuron"]) == ("neuron", l, k)
            assert hover["bias"] == net.biases[l - 1][k]
            assert f"{net.biases[l - 1][k]:+.4f}" in hover_lines(ns["world"], hover)[0]
    checked = 0
    for l, W in enumerate(net.weights):
        segments = edge_segments(positions, l)
        for k, j in [(0, 0), (W.shape[0] - 1, W.shape[1] - 1)]:
            x1, y1, x2, y2 = segments[k, j]
            hover = hover_at(ns["world"], ns["field"], ns["boxes"]["net"], 0.85 * x1 + 0.15 * x2,
                             0.85 * y1 + 0.15 * y2)
            if hover["kind"] == "edge" and (hover["layer"], hover["to"], hover["from"]) == (l, k, j):
                assert hover["weight"] == W[k, j]
                assert f"{W[k, j]:+.4f}" in hover_lines(ns["world"], hover)[0]
                checked += 1
    assert checked >= 4  # outermost edges are never hidden behind another


def test_hovering_the_plane_gives_the_networks_answer_there(blobs):
    ns = blobs[0].namespace
    field, net = ns["field"], ns["world"].net
    hover = hover_at(ns["world"], field, ns["boxes"]["net"], 130, 170)
    x, y = field.to_model(130, 170)
    assert hover["kind"] == "point" and (hover["x"], hover["y"]) == (x, y)
    out = net.forward(np.array([x, y]))
    assert f"class {out.argmax()}, {out.max():.0%} sure" in hover_lines(ns["world"], hover)[0]


def test_the_multi_class_field_is_coloured_by_class_and_confidence(blobs):
    result, frames = blobs
    ns, frame = result.namespace, frames[-1]
    world, field = ns["world"], ns["field"]
    assert world.classes == 4 and world.net.sizes[-1] == 4
    x, y, w, h = field.rect
    expected = field_image(world.net, field, 80, size=(int(w), int(h)))
    sx, sy = field.to_screen(world.X[:, 0], world.X[:, 1])
    free = [(px, py) for px in range(10, int(w), 37) for py in range(10, int(h), 41)
            if np.min(np.hypot(sx - x - px, sy - y - py)) > 12]
    assert len(free) > 50
    for px, py in free:
        assert np.array_equal(frame[int(y) + py, int(x) + px], expected[py, px]), (px, py)
    points = np.array([field.to_model(x + px, y + py) for px, py in free])
    winners = world.net.predict(points)
    assert set(winners) == {0, 1, 2, 3}  # all four classes own part of the plane
    for (px, py), k in zip(free, winners, strict=True):
        r, g, b = (int(c) for c in frame[int(y) + py, int(x) + px])
        class_rgb = colors.class_color(k)  # the winner's hue: its strongest channel is the pixel's too
        assert np.argmax([r, g, b]) == np.argmax(class_rgb) or k == 3  # (yellow: red ≈ green)


def test_a_neurons_own_field_is_its_activation_over_the_plane(blobs):
    ns = blobs[0].namespace
    net, field = ns["world"].net, Mapping(((-1.5, 1.5), (-1.5, 1.5)), (0, 0, 40, 40))
    assert net.activation == "relu"
    image = field_image(net, field, 40, neuron=(1, 3))
    a = net.activations(field.grid(40, 40))[1][:, 3].reshape(40, 40, 1)
    np.testing.assert_array_equal(image, colors.field_colors(a, a.min(), a.max() + 1e-12))  # relu: own range
    image = field_image(net, field, 40, neuron=(3, 2))
    a = net.activations(field.grid(40, 40))[3][:, 2].reshape(40, 40, 1)
    np.testing.assert_array_equal(image, colors.field_colors(a, 0.0, 1.0))  # softmax: 0 … 1


def test_a_malformed_csv_on_the_command_line_keeps_the_old_data(render, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("x1,x2,label\n0.1,0.2,1\n0.3,zero,0\n")
    result, frames = render(SKETCH, 5, seed=0, argv=[str(bad)])
    ns = result.namespace
    controls = ns["controls"]
    assert controls.problem[0] == "That could not be loaded; the old setup is kept."
    assert any("line 3" in line for line in controls.problem)
    assert ns["world"].settings.dataset == "spirals" and len(ns["world"].X) == 200
    assert ns["world"].history.steps == 5 * ns["STEPS_PER_FRAME"]  # still training underneath
    classes = ns["world"].settings.classes
    controls.press("k")
    assert controls.problem is None and ns["world"].settings.classes == classes  # the key only closed it


def test_a_good_csv_on_the_command_line_is_used(render, tmp_path):
    good = tmp_path / "mine.csv"
    points = np.random.default_rng(0).uniform(-1, 1, (40, 2))
    good.write_text("\n".join(f"{x},{y},{int(x > y)}" for x, y in points))
    ns = render(SKETCH, 3, seed=0, argv=[str(good)])[0].namespace
    assert ns["world"].settings.dataset == "mine.csv" and len(ns["world"].X) == 40


def test_keys_save_and_load_model_and_points_and_clicks_add_points(blobs, tmp_path, monkeypatch):
    ns = blobs[0].namespace
    monkeypatch.chdir(tmp_path)
    world, controls = ns["world"], ns["controls"]
    world.add_point(*ns["field"].to_model(*ns["field"].to_screen(0.2, -0.3)), world.click_value())
    assert world.X[-1].tolist() == pytest.approx([0.2, -0.3]) and world.labels()[-1] == world.chosen
    controls.press("i")  # nothing saved yet: said, and nothing changes
    assert "nothing was changed" in controls.problem[0] and len(world.X) == 201
    controls.press("i")  # (closes the message)
    grid = np.random.default_rng(1).uniform(-1, 1, (30, 2))
    before = world.net.forward(grid)
    controls.press("w")
    saved = tmp_path / "saved"
    assert sorted(p.name for p in saved.iterdir()) == ["playground-0001.csv", "playground-0001.npz"]
    assert controls.note == "saved saved/playground-0001.npz and saved/playground-0001.csv"
    controls.press("o")  # the next optimizer, with its own η, which + and - now change
    assert controls.learning_rate == world.settings.learning_rate == world.optimizer.learning_rate
    controls.press("a")  # a new activation: a new network
    assert not np.allclose(world.net.forward(grid), before)
    controls.press("i")
    np.testing.assert_array_equal(world.net.forward(grid), before)
    assert len(world.X) == 201 and controls.note == "loaded saved/playground-0001.npz and its points"


def test_layer_keys_add_remove_and_widen_layers(blobs):
    ns = blobs[0].namespace
    controls, world = ns["controls"], ns["world"]
    controls.press("]")
    assert world.settings.hidden[-1] == world.settings.hidden[-2]
    n = len(world.settings.hidden)
    controls.press("right")
    width = world.settings.hidden[world.layer]
    controls.press("up")
    assert world.layer == 1 and world.net.sizes[2] == world.settings.hidden[1] == width + 1
    for _ in range(n):
        controls.press("[")
    assert world.net.sizes == (2, 4) and world.layer == 0  # no hidden layer: softmax regression, still runs
    controls.press("up")  # nothing to widen: ignored
    controls.press("]")
    assert world.net.sizes == (2, 4, 4)


def test_the_hover_read_out_goes_when_the_pointer_leaves_the_window(py5_display):
    """py5 keeps mouse_x/mouse_y after the pointer leaves; the sketch asks the window (pointer_inside)."""
    import jpype

    from creativenn.draw import pointer_inside

    seen = []

    class Probe(py5_display.Sketch):
        def settings(self):
            self.size(300, 200)

        def draw(self):
            robot = jpype.JClass("java.awt.Robot")()
            where = self.get_surface().get_native().getLocationOnScreen()
            if self.frame_count == 2:
                robot.mouseMove(where.x + 150, where.y + 100)  # over the window
            elif self.frame_count == 6:
                seen.append(pointer_inside(self))
                robot.mouseMove(where.x + 900, where.y + 700)  # far off it
            elif self.frame_count == 10:
                seen.append(pointer_inside(self))
                self.exit_sketch()

    probe = Probe()
    probe.run_sketch(block=True)
    for _ in range(3000):  # block=True can return before the sketch has ended: wait for it, a while
        if probe.is_dead:
            break
        time.sleep(0.01)
    assert seen == [True, False]


def test_an_exported_setup_and_sketch_reproduce_the_runs_first_frames(render, tmp_path):
    from creativenn.worlds.playground import Playground, Settings
    from creativenn.worlds.setup import sketch_code

    world = Playground(Settings(dataset="circles", features=("x1^2", "x2^2", "x1*x2"), hidden=(5, 3),
                                layer_activations=(None, "sigmoid"), regularization="l2",
                                regularization_rate=0.01, dropout=0.1, seed=3))
    setup = world.save_setup(tmp_path / "mine.json")  # as e writes them: the setup, and a sketch beside it
    code = tmp_path / "mine.py"
    code.write_text(sketch_code(world, "mine.json"))
    _, exported = render(code, 4, seed=0)
    result, loaded = render(SKETCH, 4, seed=0, argv=[str(setup)])
    assert result.namespace["world"].settings == world.settings
    assert all(np.array_equal(a, b) for a, b in zip(exported, loaded, strict=True))
    world.clear()  # points of your own: the sketch starts from the setup file beside it
    world.add_point(0.2, 0.3, 0)
    world.add_point(-0.4, 0.1, 1)
    world.save_setup(tmp_path / "own.json")
    (tmp_path / "own.py").write_text(sketch_code(world, "own.json"))
    own, _ = render(tmp_path / "own.py", 1, seed=0)
    assert np.array_equal(own.namespace["world"].X, world.X)


def test_a_setup_that_cannot_be_loaded_is_said_on_screen_and_the_old_one_kept(render, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "creativenn.playground", "version": 1, "settings": {"features": ["x9"]}}')
    result, _ = render(SKETCH, 2, seed=0, argv=[str(bad)])
    ns = result.namespace
    assert ns["controls"].problem and "unknown input feature 'x9'" in " ".join(ns["controls"].problem)
    assert ns["world"].settings == ns["START"]


def test_r_replays_the_same_run_and_the_help_says_so(blobs):
    ns = blobs[0].namespace
    controls, world = ns["controls"], ns["world"]
    row = next(row for row in controls.table() if "r" in row.names())
    assert row.does.startswith("replay") and [r.keys for r in controls.table()].count("r") == 1
    controls.press("r")
    first = world.net.parameters()
    world.train(3)
    trained = world.net.parameters()
    controls.press("r")
    np.testing.assert_array_equal(world.net.parameters(), first)  # the same starting weights …
    world.train(3)
    np.testing.assert_array_equal(world.net.parameters(), trained)  # … and the same batches


def test_a_regression_field_says_which_colour_is_which_value(render):
    from creativenn.draw.playground import value_range

    result, frames = render(SKETCH, 2, seed=0, argv=["wave"])
    ns = result.namespace
    low, high = value_range(ns["world"])
    x, y, _, h = ns["field"].rect
    strip = frames[-1][int(y + h + 12), int(x):int(x) + 260]
    ends = colors.field_colors(np.array([[low], [high]]), low, high)
    assert any(near(c, ends[0], 3) for c in strip) and any(near(c, ends[1], 3) for c in strip)
