"""The network sketch, rendered headless through the runner, checked pixel by pixel."""

from pathlib import Path

import numpy as np
import pytest

from creativenn import colors
from creativenn.picture.layout import diagram_layout, edge_segments
from tests.conftest import near

ROOT = Path(__file__).resolve().parent.parent
NETWORK = ROOT / "sketches" / "network.py"


@pytest.fixture(scope="module")
def frames60(render):
    return render(NETWORK, 60, seed=0)


def layout(ns):
    positions, radii = diagram_layout(ns["run"].net.sizes, *ns["boxes"]["net"])
    return positions, max(radii)


def clear_edges(ns):
    """(weight, midpoint) of edges whose midpoint no other edge or neuron covers."""
    positions, r = layout(ns)
    weights = ns["run"].net.weights
    segs = np.concatenate([edge_segments(positions, l).reshape(-1, 4) for l in range(len(weights))])
    w = np.concatenate([W.ravel() for W in weights])
    widths = colors.weight_width(w, ns["WEIGHT_SCALE"])
    a, b = segs[:, :2], segs[:, 2:]
    found = []
    for i, (p, q) in enumerate(zip(a, b, strict=True)):
        mid = (p + q) / 2
        t = np.clip(np.einsum("ij,ij->i", mid - a, b - a) / np.einsum("ij,ij->i", b - a, b - a), 0, 1)
        distance = np.linalg.norm(a + t[:, None] * (b - a) - mid, axis=1)
        others = np.delete(np.arange(len(w)), i)
        centres = np.concatenate(positions)
        if np.all(distance[others] > widths[others] / 2 + 3) and np.all(
            np.linalg.norm(centres - mid, axis=1) > r + 3
        ):
            found.append((w[i], mid))
    return found


def test_edges_show_their_weight_sign_in_colour(frames60):
    result, frames = frames60
    ns, last = result.namespace, frames[-1]
    edges = clear_edges(ns)
    positive = max((e for e in edges if e[0] > 0), key=lambda e: e[0])
    negative = min((e for e in edges if e[0] < 0), key=lambda e: e[0])
    assert positive[0] > 0.5 and negative[0] < -0.5  # strongly signed, both
    for weight, (mx, my) in (positive, negative):
        pixel = last[int(round(my)), int(round(mx))]
        assert near(pixel, colors.weight_color(weight, ns["WEIGHT_SCALE"]), tolerance=16), (weight, pixel)
    (px, py), (nx, ny) = positive[1].astype(int), negative[1].astype(int)
    blue, orange = last[py, px], last[ny, nx]
    assert blue[2] > blue[0] and orange[0] > orange[2]


def test_decision_field_agrees_with_the_network(frames60):
    result, frames = frames60
    ns, last = result.namespace, frames[-1]
    field, net = ns["field"], ns["run"].net
    dots = np.column_stack(field.to_screen(ns["run"].X[:, 0], ns["run"].X[:, 1]))
    rx, ry, rw, rh = field.rect
    rng = np.random.default_rng(1)
    checked = 0
    while checked < 8:
        sx, sy = rng.uniform(rx + 4, rx + rw - 4), rng.uniform(ry + 4, ry + rh - 4)
        if np.min(np.linalg.norm(dots - [sx, sy], axis=1)) < 16:
            continue  # a data point or the sample ring is drawn here
        px, py = int(sx), int(sy)
        output = net.forward(np.array(field.to_model(px + 0.5, py + 0.5)))
        if abs(output[0] - 0.5) < 0.05:
            continue  # right on the boundary the colour changes fastest
        assert near(last[py, px], colors.field_colors(output[None])[0], tolerance=14)
        checked += 1


def test_frames_change_as_training_runs(frames60):
    _, frames = frames60
    field_area = (slice(80, 440), slice(30, 390))
    assert not np.array_equal(frames[0][field_area], frames[-1][field_area])
    assert frames[-1].shape == (800, 800, 3)


def test_same_seed_same_pixels_other_seed_other_pixels(render, frames60):
    _, first = frames60
    _, again = render(NETWORK, 60, seed=0)
    assert all(np.array_equal(a, b) for a, b in zip(first, again, strict=True))
    _, other = render(NETWORK, 3, seed=1)
    assert not np.array_equal(first[2], other[2])


def test_size_and_every_options(render):
    result, frames = render(NETWORK, 2, seed=0, size=(640, 640), every=3)
    assert frames[0].shape == (640, 640, 3)
    assert result.namespace["run"].steps == 6 * result.namespace["STEPS_PER_FRAME"]


def test_divergence_is_shown_and_the_weights_kept(render, tmp_path):
    sketch = tmp_path / "too_fast.py"
    sketch.write_text(NETWORK.read_text().replace("{\"sgd\": 0.3,", "{\"sgd\": 1e200,")
                      .replace('ACTIVATION = "tanh"', 'ACTIVATION = "relu"'))
    result, frames = render(sketch, 12, seed=0)
    ns = result.namespace
    assert ns["controls"].problem and "diverged" in ns["controls"].problem[0]
    assert np.isfinite(ns["run"].net.parameters()).all()
    assert np.isfinite(ns["run"].losses).all()
    centre = frames[-1][400, 60:740]
    assert any(near(p, colors.NEGATIVE, 10) for p in centre)  # the message box's orange frame


def test_sketches_that_put_size_in_setup_still_export(render):
    result, frames = render(ROOT / "tests" / "sketches" / "setup_size.py", 3)
    assert frames[0].shape == (48, 64, 3)
    assert tuple(frames[0][40, 40]) == (10, 200, 30)


def test_a_sketch_that_raises_is_stopped_and_reported(py5_display, tmp_path):
    from creativenn.tools.render import render

    got = []
    result = render(ROOT / "tests" / "sketches" / "raises.py", 10, on_frame=lambda rgb, k: got.append(k))
    assert got == [1, 2, 3, 4] and result.error_frame == 5
    assert "breaks on purpose at frame 5" in result.error and "explode()" in result.error


def test_keys_change_what_the_storyboard_says(render):
    result, _ = render(NETWORK, 1)
    ns, controls = result.namespace, result.namespace["controls"]
    rate = controls.learning_rate
    controls.press("+")  # the next round value up: 0.3 → 0.5
    assert rate == 0.3 and controls.learning_rate == 0.5 == ns["run"].optimizer.learning_rate
    controls.press("-")
    controls.press("-")
    assert ns["run"].optimizer.learning_rate == 0.2
    controls.press("3")
    assert controls.dataset == "moons" and ns["run"].steps == 0 and len(ns["run"].X) == 200
    controls.press("o")
    assert controls.optimizer == "momentum" and isinstance(ns["run"].optimizer, ns["cnn"].Momentum)
    rates = ns["LEARNING_RATES"]  # each optimizer comes with its own η, not the last one's
    assert controls.learning_rate == ns["run"].optimizer.learning_rate == rates["momentum"] != rates["sgd"]
    controls.press(" ")
    assert controls.paused
    controls.press("h")
    assert controls.show_help


def test_helpers_draw_on_a_class_mode_sketch_too(py5_display):
    py5 = py5_display
    import creativenn as cnn
    from creativenn import draw

    net = cnn.MLP([2, 3, 1], seed=0)
    net.weights[1][0, :] = [3.0, 3.0, 3.0]  # strongly positive edges into the output
    grabbed = []

    class Diagram(py5.Sketch):
        def settings(self):
            self.size(200, 120)

        def draw(self):
            self.background(0)
            self.positions = draw.draw_network(net, 10, 10, 180, 100, scale=2.0)
            grabbed.append(self.get_np_pixels(bands="RGB"))
            self.exit_sketch()

    sketch = Diagram()
    sketch.run_sketch(block=True)
    (x1, y1), (x2, y2) = sketch.positions[1][1], sketch.positions[2][0]
    mid = grabbed[0][int((y1 + y2) / 2), int((x1 + x2) / 2)]
    assert near(mid, colors.POSITIVE, 16)
