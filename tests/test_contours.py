"""Contour lines are joined polylines on their level: what a plotter draws with one pen-down each."""

import numpy as np

from creativenn.picture.contours import contour_lines, contour_segments, path_length


def test_each_bump_gives_one_closed_line_on_its_level():
    xs, ys = np.linspace(-3, 3, 121), np.linspace(-2, 2, 81)
    X, Y = np.meshgrid(xs, ys)
    bumps = np.exp(-((X - 1.5) ** 2 + Y ** 2) * 3) + np.exp(-((X + 1.5) ** 2 + Y ** 2) * 3)
    [lines] = contour_lines(xs, ys, bumps, [0.5])
    assert len(lines) == 2  # two bumps: two loops, each one polyline
    for line in lines:
        assert np.array_equal(line[0], line[-1]) and len(line) > 20
        r = np.hypot(np.abs(line[:, 0]) - 1.5, line[:, 1])
        np.testing.assert_allclose(r, np.sqrt(np.log(2) / 3), atol=0.01)  # where e^(−3r²) = 0.5
        assert abs(path_length(line) - 2 * np.pi * np.sqrt(np.log(2) / 3)) < 0.02


def test_a_saddle_gives_two_open_branches_and_segments_follow_the_lines():
    xs = ys = np.linspace(-1, 1, 51)
    X, Y = np.meshgrid(xs, ys)
    [lines] = contour_lines(xs, ys, X * Y, [0.1])
    assert len(lines) == 2 and all(not np.array_equal(line[0], line[-1]) for line in lines)
    for line in lines:
        assert np.allclose(line[:, 0] * line[:, 1], 0.1, atol=2e-3)  # on the hyperbola x y = 0.1
    segments = contour_segments(xs, ys, X * Y, [0.1])
    assert len(segments) == sum(len(line) - 1 for line in lines)
    first = segments[: len(lines[0]) - 1]
    np.testing.assert_array_equal(first[1:, :2], first[:-1, 2:])  # each segment starts where the last ended
    nan = X * Y
    nan[20:30, 20:30] = np.nan  # a hole: lines stop at it, nothing breaks
    assert all(np.isfinite(line).all() for line in contour_lines(xs, ys, nan, [0.0005])[0])
