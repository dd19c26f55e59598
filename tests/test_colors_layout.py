"""The pure parts of drawing: palette, layout, mapping (no window needed)."""

import numpy as np
import pytest

from creativenn import colors
from creativenn.picture.layout import Mapping, edge_segments, neuron_positions, neuron_radius


def test_weight_palette_ends_and_middle():
    assert colors.weight_color(0.0) == colors.NEUTRAL
    assert colors.weight_color(1.0) == colors.POSITIVE == colors.weight_color(7.0)
    assert colors.weight_color(-1.0) == colors.NEGATIVE == colors.weight_color(-7.0)
    assert colors.weight_color(2.0, scale=4.0) == colors.weight_color(0.5)


def test_weight_palette_is_monotonic_and_vectorized():
    w = np.linspace(0, 1, 11)
    c = colors.weight_color(w).astype(int)
    assert c.shape == (11, 3)
    distance = np.abs(c - np.array(colors.NEUTRAL)).sum(axis=1)
    assert np.all(np.diff(distance) >= 0)  # further from 0, further from neutral
    assert colors.weight_color(np.array([[-0.3, 0.3]])).shape == (1, 2, 3)


def test_ends_differ_in_hue_not_lightness():
    def lightness(rgb):  # CIE L*, 0 black … 100 white
        y = float(colors._to_linear(rgb) @ [0.2126, 0.7152, 0.0722])
        return 116 * y ** (1 / 3) - 16

    assert abs(lightness(colors.NEGATIVE) - lightness(colors.POSITIVE)) < 2
    assert lightness(colors.NEUTRAL) < 30 < 60 < lightness(colors.POSITIVE)


def test_weight_width_grows_with_size():
    assert colors.weight_width(0.0) == 0.5 and colors.weight_width(-3.0) == 6.0
    assert colors.weight_width(0.5) == pytest.approx(3.25)


def test_activation_palette():
    assert colors.activation_color(0.0) == colors.OFF and colors.activation_color(1.0) == colors.ON
    assert colors.activation_color(-1.0, low=-1.0) == colors.OFF


def test_field_colors_one_output_and_several():
    f = colors.field_colors(np.array([[0.0], [0.5], [1.0]]))
    assert tuple(f[1]) == colors.BACKGROUND  # the boundary is background
    assert f[0, 0] > f[0, 2] and f[2, 2] > f[2, 0]  # orange side, blue side
    many = colors.field_colors(np.array([[0.9, 0.05, 0.05], [1 / 3, 1 / 3, 1 / 3]]))
    assert tuple(many[1]) == colors.BACKGROUND  # undecided
    assert colors.hex_color(colors.class_color(0)) == "#e69f00"


def test_neuron_positions_fill_the_rectangle():
    positions = neuron_positions([2, 4, 1], 100, 50, 300, 200)
    assert [p.shape for p in positions] == [(2, 2), (4, 2), (1, 2)]
    assert positions[0][0, 0] == 100 and positions[2][0, 0] == 400
    assert positions[1][:, 1].min() == pytest.approx(50) and positions[1][:, 1].max() == pytest.approx(250)
    assert positions[2][0, 1] == pytest.approx(150)  # a lone neuron is centred
    for p in positions:
        assert p[:, 1].mean() == pytest.approx(150)


def test_edge_segments_line_up_with_the_weight_matrix():
    positions = neuron_positions([3, 2], 0, 0, 100, 100)
    seg = edge_segments(positions, 0)
    assert seg.shape == (2, 3, 4)  # like W: (n_out, n_in)
    assert np.array_equal(seg[1, 2, :2], positions[0][2]) and np.array_equal(seg[1, 2, 2:], positions[1][1])


def test_neuron_radius_keeps_neurons_apart():
    positions = neuron_positions([784, 16, 10], 0, 0, 400, 400)
    r = neuron_radius(positions, smallest=0.1)
    assert 2 * r < np.min(np.diff(positions[0][:, 1]))


def test_mapping_round_trips_and_flips_y():
    m = Mapping(bounds=((-2, 2), (0, 1)), rect=(10, 20, 400, 100))
    assert m.to_screen(-2, 1) == (10, 20) and m.to_screen(2, 0) == (410, 120)
    x, y = np.array([-1.5, 0.3]), np.array([0.2, 0.9])
    np.testing.assert_allclose(m.to_model(*m.to_screen(x, y)), (x, y))
    assert m.contains(200, 70) and not m.contains(5, 70)


def test_mapping_grid_is_row_by_row_from_the_top():
    m = Mapping(bounds=((0, 4), (0, 2)), rect=(0, 0, 4, 2))
    g = m.grid(4, 2)
    assert g.shape == (8, 2)
    np.testing.assert_allclose(g[0], [0.5, 1.5])  # top-left cell centre
    np.testing.assert_allclose(g[-1], [3.5, 0.5])


@pytest.mark.parametrize("bad", [((1, 0), (0, 1)), ((0, 1), (2, 2))])
def test_mapping_refuses_empty_bounds(bad):
    with pytest.raises(ValueError, match="bounds"):
        Mapping(bad, (0, 0, 10, 10))


def test_field_colour_table_matches_mixing_in_linear_light():
    p = np.random.default_rng(0).uniform(size=500)
    table = colors.field_colors(p[:, None]).astype(int)
    sure = np.abs(2 * p - 1) * 0.45
    direct = np.where((p >= 0.5)[:, None], colors.mix(colors.BACKGROUND, colors.CLASSES[1], sure),
                      colors.mix(colors.BACKGROUND, colors.CLASSES[0], sure)).astype(int)
    assert np.abs(table - direct).max() <= 1


def test_resample_is_bilinear_between_cell_centres():
    from creativenn.picture.layout import resample

    coarse = np.add.outer(np.arange(4.0), 10 * np.arange(6.0))  # linear in both directions
    fine = resample(coarse, 8, 12)
    assert fine.shape == (8, 12)
    centre = resample(coarse, 4, 6)
    np.testing.assert_allclose(centre, coarse)  # same size: unchanged
    inner = fine[1:-1, 1:-1]  # away from the clamped edges a linear field stays linear
    assert np.allclose(np.diff(inner, 2, axis=0), 0) and np.allclose(np.diff(inner, 2, axis=1), 0)
    np.testing.assert_allclose(resample(np.full((2, 3, 3), 0.25), 7, 5), 0.25)


def test_hit_testing_finds_the_neuron_and_the_edge_under_the_mouse():
    from creativenn.picture.layout import diagram_layout, edge_at, edge_segments, neuron_at

    positions, radii = diagram_layout([2, 3, 1], 0, 0, 300, 200)
    for l, centres in enumerate(positions):
        for k, (x, y) in enumerate(centres):
            assert neuron_at(positions, radii, x + radii[l] * 0.7, y) == (l, k)
    assert neuron_at(positions, radii, 150, -50) is None
    for l in range(2):
        segments = edge_segments(positions, l)
        for k in range(segments.shape[0]):
            for j in range(segments.shape[1]):
                x1, y1, x2, y2 = segments[k, j]
                assert edge_at(positions, 0.8 * x1 + 0.2 * x2, 0.8 * y1 + 0.2 * y2 + 1) == (l, k, j)
    assert edge_at(positions, 150, -50) is None


def test_weight_curves_get_each_weights_own_colour_and_width(py5_display):
    from creativenn.draw.art import draw_weight_curves

    calls = []

    class Recorder:  # a canvas that writes down what it is told
        def __getattr__(self, name):
            return lambda *args: calls.append((name, args))

    curves = [(w, 0, 0, 1, 1, 2, 2, 3, 3) for w in (0.1, -0.4, 1.7, -3.0)]
    draw_weight_curves(Recorder(), curves, scale=2.0, alpha=90, thin=0.6)
    strokes = [args for name, args in calls if name == "stroke"]
    widths = [args[0] for name, args in calls if name == "stroke_weight"]
    assert strokes == [(*colors.weight_color(w, 2.0), 90) for w, *_ in curves]
    assert widths == [0.6 * float(colors.weight_width(w, 2.0)) for w, *_ in curves]
    assert [name for name, _ in calls].count("bezier") == 4


def test_breathing_neurons_are_lit_by_their_own_activation(py5_display):
    from creativenn.draw.art import draw_breathing_neurons

    calls = []

    class Recorder:
        def __getattr__(self, name):
            return lambda *args: calls.append((name, args))

    positions = [np.array([[10.0, 20.0], [10.0, 60.0]]), np.array([[90.0, 40.0]])]
    activations = [np.array([-0.7, 0.4]), np.array([0.9])]
    draw_breathing_neurons(positions, activations, 1.1, output_range=(0.0, 1.0), sketch=Recorder())
    fills = [args for name, args in calls if name == "fill"]
    expected = []
    for (low, high), values in zip([(-1.0, 1.0), (0.0, 1.0)], activations, strict=True):
        for value in values:
            lit = colors.activation_color(float(value), low, high)
            expected += [tuple(colors.mix(colors.BACKGROUND, lit, shade)) for shade in (0.15, 0.35, 1.0)]
    assert [tuple(f) for f in fills] == [tuple(int(c) for c in e) for e in expected]
    sizes = [args[2] for name, args in calls if name == "circle"][:3]
    assert sizes == [18 * 2.0 * 1.1, 18 * 1.5 * 1.1, 18 * 1.0 * 1.1]
