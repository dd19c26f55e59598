"""The backprop sketch: pulses where the stage says, errors and updates that are the network's own."""

from pathlib import Path

import numpy as np
import pytest

from creativenn import colors
from creativenn.draw.backprop import equation, pulses
from creativenn.maths.backprop import errors, trace_step
from creativenn.picture.layout import diagram_layout, edge_segments
from tests.conftest import near

SKETCH = Path(__file__).resolve().parent.parent / "sketches" / "backprop.py"


def eased(t):
    return t * t * (3 - 2 * t)


def pulse_centres(ns, layer, t):
    """Where the pulses on W_layer's edges are at travel t, worked out here from the layout alone."""
    positions, _ = diagram_layout(ns["LAYERS"], *ns["network_box"])
    segments = edge_segments(positions, layer - 1).reshape(-1, 4)
    return segments[:, :2] + t * (segments[:, 2:] - segments[:, :2])


def sizes(values):
    return 3 + 6 * np.sqrt(np.abs(values).ravel() / np.abs(values).max())


@pytest.fixture(scope="module")
def forward(render):
    return render(SKETCH, 5, seed=0)  # an export: 3 frames a stage; stage 2 (forward into layer 2), 2 in


@pytest.fixture(scope="module")
def backward(render):
    return render(SKETCH, 14, seed=0)  # stage 5 (blame back from layer 3), 2 frames of 3 in


def test_forward_pulses_are_where_the_stage_says(forward):
    result, frames = forward
    ns, frame = result.namespace, frames[-1]
    walk = ns["walk"]
    assert ns["stage_frames"] == 3 and walk.stages[walk.stage] == ("forward", 2) and walk.clock == 2
    t = eased(2 / 3)
    trace = walk.traces["chain"]
    big = sizes(trace.signals[1]) >= 5
    centres = pulse_centres(ns, 2, t)[big]
    assert len(centres) >= 3
    for x, y in centres:
        assert near(frame[int(round(y)), int(round(x))], colors.ON, 20), (x, y)
    backwards = pulse_centres(ns, 2, 1 - t)[big]  # where they would be going the other way: no pulse
    assert sum(near(frame[int(round(y)), int(round(x))], colors.ON, 20) for x, y in backwards) == 0
    positions, _ = diagram_layout(ns["LAYERS"], *ns["network_box"])
    np.testing.assert_allclose(pulses(trace, positions, "forward", 2, t)[:, :2], pulse_centres(ns, 2, t))


def test_error_pulses_travel_back_in_crimson(backward):
    result, frames = backward
    ns, frame = result.namespace, frames[-1]
    walk = ns["walk"]
    assert walk.stages[walk.stage] == ("backward", 3) and walk.clock == 2
    t = 1 - eased(2 / 3)
    blame = walk.traces["chain"].blame[2]
    centres = pulse_centres(ns, 3, t)[sizes(blame) >= 5]
    assert len(centres) >= 2
    for x, y in centres:
        assert near(frame[int(round(y)), int(round(x))], colors.ERROR, 20), (x, y)


def test_the_output_error_rings_and_numbers_are_the_networks(backward):
    walk = backward[0].namespace["walk"]
    net, X, D, sample = walk.net, walk.X, walk.D, walk.sample
    trace = walk.traces["chain"]
    np.testing.assert_allclose(trace.activations[-1], net.forward(X[sample]))
    np.testing.assert_allclose(trace.errors[-1], errors(net, X[sample], D[sample], "chain")[-1])


def test_a_full_cycle_of_space_presses_takes_exactly_one_step(backward):
    ns = backward[0].namespace
    controls = ns["controls"]
    controls.press("r")
    walk = ns["walk"]
    net, X, D = walk.net, walk.X, walk.D
    before = net.parameters()
    expected = trace_step(net, X[0], D[0], "chain", controls.learning_rate).update_vector()
    for _ in range(len(walk.stages) - 1):
        controls.press(" ")
        np.testing.assert_array_equal(net.parameters(), before)  # nothing changes before the update
    assert controls.auto is False and walk.stage_kind == "update" and not controls.paused
    controls.press(" ")
    np.testing.assert_allclose(net.parameters(), before + expected)
    assert walk.sample == 1 and walk.stage == 0 and len(walk.losses) == 2
    controls.press("+")  # a new learning rate: this sample's step is traced again with it
    assert walk.learning_rate == controls.learning_rate == walk.trace.learning_rate


def test_the_rule_key_switches_the_blame_and_the_equation(backward):
    ns = backward[0].namespace
    ns["controls"].press("r")
    walk, seen = ns["walk"], []
    for _ in range(3):
        ns["controls"].press("b")
        seen.append((walk.rule, equation("backward", 3, walk.rule, walk.learning_rate)[0]))
    assert [rule for rule, _ in seen] == ["proportional", "transpose", "chain"]
    assert "/ Σᵢ" in seen[0][1] and "≈ W₃ᵀ e₃" in seen[1][1] and "⊙ σ'(z₂)" in seen[2][1]
    net, X, D = walk.net, walk.X, walk.D
    for rule in ("proportional", "transpose"):
        np.testing.assert_allclose(walk.traces[rule].errors[2], errors(net, X[0], D[0], rule)[2])


def test_an_export_plays_whole_steps_so_the_cost_curve_fills(render):
    result, _ = render(SKETCH, 90, seed=0)
    walk, stage_frames = result.namespace["walk"], result.namespace["stage_frames"]
    assert stage_frames == 3  # 90 frames: four steps of 7 stages fit at 3 frames a stage
    assert len(walk.losses) == 1 + 90 // (stage_frames * len(walk.stages)) == 5
