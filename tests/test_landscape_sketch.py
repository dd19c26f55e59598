"""The landscape sketch: balls are real networks, at their projections and real losses."""

from pathlib import Path

import numpy as np

from creativenn.worlds.landscape import plane_losses, project

SKETCH = Path(__file__).resolve().parent.parent / "sketches" / "landscape.py"


def test_the_balls_are_real_networks_on_one_shared_plane(render):
    result, frames = render(SKETCH, 12, seed=0)
    ns = result.namespace
    X, Y, start, world = ns["X"], ns["Y"], ns["start"], ns["world"]
    theta0 = start.parameters()
    for run in world.runs.values():
        assert len(run.path) == 13  # the start and one step a frame
        np.testing.assert_array_equal(run.path[-1], run.net.parameters())
        assert run.losses[-1] == run.net.loss(X, Y)
        ab, shown = world.positions(run)
        np.testing.assert_allclose(ab, project(run.path, theta0, world.d1, world.d2))
        np.testing.assert_allclose(ab[0], [0, 0], atol=1e-12)
        assert 0.5 < shown <= 1.0 + 1e-9  # PCA directions: most of the move is in the plane
    surface = ns["terrain"].surface
    assert surface.height(0.0, 0.0) == start.loss(X, Y)  # the slice at the origin is θ₀'s loss
    assert frames[-1][100:600, 50:600].std() > 10  # a surface was drawn


def test_random_directions_are_filter_normalised_and_shared(render):
    ns = render(SKETCH, 3, seed=0)[0].namespace
    ns["controls"].press("d")
    world = ns["world"]
    assert ns["controls"].directions == "random" == world.directions
    start = ns["start"]
    probe = start.copy()
    probe.set_parameters(world.d1)
    for W, D in zip(start.weights, probe.weights, strict=True):
        np.testing.assert_allclose(np.linalg.norm(D, axis=1), np.linalg.norm(W, axis=1))
    X, Y = ns["X"], ns["Y"]
    grid = plane_losses(start, X, Y, start.parameters(), world.d1, world.d2, [0.5], [-0.5])
    assert ns["terrain"].surface.height(0.5, -0.5) == grid[0, 0]
    record = ns["state"]()
    assert record["directions"] == "random" and set(record) >= {"step", "sgd", "momentum", "adam"}
    assert record["adam"]["loss"] == world.runs["adam"].losses[-1]
