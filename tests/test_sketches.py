"""Every bundled sketch, rendered headless through the runner: what is drawn matches the core."""

from pathlib import Path

import numpy as np
import pytest

from creativenn import colors, resources
from tests.conftest import near

SKETCHES = Path(__file__).resolve().parent.parent / "sketches"
ALL = sorted(resources.sketches())  # the bundled sketches, as the command finds them


@pytest.mark.parametrize("name", ALL)
def test_frames_change_as_training_runs_and_repeat_for_one_seed(render, name):
    _, frames = render(SKETCHES / f"{name}.py", 8, seed=3)
    assert not np.array_equal(frames[0], frames[-1])
    _, again = render(SKETCHES / f"{name}.py", 8, seed=3)
    assert all(np.array_equal(a, b) for a, b in zip(frames, again, strict=True))


def near_somewhere(frame, sx, sy, color, tolerance, reach=1):
    """Whether a pixel within ``reach`` of (sx, sy) has ``color`` (lines are antialiased)."""
    x, y = int(round(sx)), int(round(sy))
    patch = frame[y - reach : y + reach + 1, x - reach : x + reach + 1].reshape(-1, 3)
    return any(near(p, color, tolerance) for p in patch)


def visible(balls, screen):
    """Names of balls that no ball drawn after them covers."""
    names = list(balls)
    return [n for i, n in enumerate(names)
            if all(np.hypot(*np.subtract(screen[n], screen[m])) > 20 for m in names[i + 1:])]


def test_contour_balls_are_drawn_where_the_core_says(render):
    result, frames = render(SKETCHES / "cost_contour.py", 25)
    ns = result.namespace
    balls, view = ns["track"].race.balls, ns["view"]()
    screen = {name: view.to_screen(*ball.position) for name, ball in balls.items()}
    names = visible(balls, screen)
    assert names
    for name in names:
        sx, sy = screen[name]
        assert near(frames[-1][int(sy), int(sx)], colors.OPTIMIZERS[name], 8), name


def test_3d_balls_are_drawn_where_the_core_says(render):
    result, frames = render(SKETCHES / "cost_surface.py", 25)
    ns = result.namespace
    balls = ns["track"].race.balls
    names = visible(balls, ns["ball_screen"])
    assert names
    for name in names:
        sx, sy = ns["ball_screen"][name]
        assert near(frames[-1][int(round(sy)), int(round(sx))], colors.OPTIMIZERS[name], 10), name
        world = ns["terrain"].to_world(*balls[name].position, lift=9.0)
        assert np.isfinite(world).all()


def test_the_fitted_line_lies_where_linefit_predicts(render):
    result, frames = render(SKETCHES / "line_fit.py", 40)
    ns = result.namespace
    fit, view, x, y = ns["run"].fit, ns["data_view"], ns["run"].x, ns["run"].y
    point_columns = view.to_screen(x, y)[0]
    rx, _, rw, _ = view.rect
    checked = 0
    for sx in np.linspace(rx + 10, rx + rw - 10, 40):
        if np.min(np.abs(point_columns - sx)) < 8:
            continue  # a point or its residual is drawn in this column
        mx, _ = view.to_model(sx, 0)
        _, sy = view.to_screen(mx, fit.predict(mx))
        column = frames[-1][:, int(sx)]
        assert near_somewhere(frames[-1], sx, sy, colors.ON, 30), (sx, sy)
        assert not near(column[int(round(sy)) + 6], colors.ON, 40)  # and the line is thin
        checked += 1
    assert checked >= 5


def test_the_perceptron_boundary_matches_its_weights(render):
    result, frames = render(SKETCHES / "perceptron.py", 150)
    ns = result.namespace
    p, view, X = ns["perceptron"], ns["view"], ns["X"]
    dots = np.column_stack(view.to_screen(X[:, 0], X[:, 1]))
    checked = 0
    for mx in np.linspace(-0.95, 0.95, 40):
        my = float(p.boundary_y(mx))
        if not -0.95 < my < 0.95:
            continue
        sx, sy = view.to_screen(mx, my)
        if np.min(np.linalg.norm(dots - [sx, sy], axis=1)) < 14:
            continue
        assert near_somewhere(frames[-1], sx, sy, colors.ON, 30), (sx, sy)
        assert not near_somewhere(frames[-1], sx, sy + 10, colors.ON, 30)
        checked += 1
    assert checked >= 5


def test_descent_modes_paths_start_together(render):
    result, _ = render(SKETCHES / "descent_modes.py", 3)
    paths = result.namespace["ways"].paths
    starts = [path[0] for path in paths.values()]
    assert all(np.allclose(s, [0.0, 0.0], atol=1e-9) for s in starts)  # the plane passes through θ₀


def test_line_fit_modes_use_all_some_or_one_point(render):
    result, _ = render(SKETCHES / "line_fit.py", 1)
    ns = result.namespace
    run = ns["run"]
    for key, count in (("1", ns["POINTS"]), ("3", ns["MINI_BATCH"]), ("2", 1)):
        ns["controls"].press(key)
        ns["descend_a_little"]()
        assert len(run.used) == count
    ns["controls"].press("r")
    assert (run.fit.slope, run.fit.intercept) == run.start and run.trail == [run.start]


def test_race_keys_pick_surfaces_and_optimizers(render):
    result, _ = render(SKETCHES / "cost_contour.py", 1)
    controls, track = result.namespace["controls"], result.namespace["track"]
    controls.press("4")
    assert track.surface.name == "rosenbrock" and track.race.steps == 0
    controls.press("o")
    assert list(track.race.balls) == ["sgd"]
    rate = track.race.balls["sgd"].optimizer.learning_rate
    controls.press("+")
    assert track.race.balls["sgd"].optimizer.learning_rate == pytest.approx(rate * 1.5)
    track.race.step(3)
    controls.press("r")
    assert track.race.steps == 0 and track.race.start == track.surface.start


def test_digits_wide_is_the_784_network_and_guesses_are_the_outputs(render):
    result, frames = render(SKETCHES / "digits.py", 3, argv=["--wide"])
    ns = result.namespace
    assert ns["run"].net.sizes == (784, 16, 16, 10) and frames[-1].shape == (800, 800, 3)
    narrow, _ = render(SKETCHES / "digits.py", 40)
    assert narrow.namespace["run"].net.sizes == (64, 16, 16, 10)
    assert narrow.namespace["accuracy"] > 0.3  # learning: chance is 0.1
