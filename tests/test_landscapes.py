"""Real landscapes, heavy balls, basins and home-made terrain: the numbers behind issue 8's pictures."""

import numpy as np
import pytest

import creativenn as cnn
from creativenn.worlds.basins import ESCAPED, basin_labels, descend, start_grid
from creativenn.worlds.landscape import (
    filter_normalized_directions,
    pca_directions,
    plane_losses,
    project,
    record_training,
)
from creativenn.worlds.physics import HeavyBall, matching_momentum
from creativenn.worlds.surfaces import surface_from_heights, surface_from_image


@pytest.fixture
def trained():
    X, Y = cnn.datasets.moons(n=80, seed=1)
    net = cnn.MLP([2, 6, 5, 1], activation="tanh", output_activation="sigmoid", loss="bce", seed=2)
    return net, X, Y


def test_the_landscape_at_the_origin_is_the_networks_loss(trained):
    net, X, Y = trained
    d1, d2 = filter_normalized_directions(net, seed=0)
    plane = plane_losses(net, X, Y, net.parameters(), d1, d2, [-0.5, 0.0, 0.5], [0.0, 0.3])
    assert plane.shape == (2, 3)
    assert plane[0, 1] == pytest.approx(net.loss(X, Y), abs=1e-12)
    assert plane[0, 0] != pytest.approx(plane[0, 1])  # the plane does go somewhere


def test_filter_normalisation_matches_every_neurons_own_weights(trained):
    net, _, _ = trained
    d1, d2 = filter_normalized_directions(net, seed=5)
    assert d1.shape == d2.shape == (net.n_parameters,)
    assert abs(d1 @ d2) < 0.5 * np.linalg.norm(d1) * np.linalg.norm(d2)  # two different directions
    for d in (d1, d2):
        probe = net.copy()
        probe.set_parameters(d)  # read the direction back in the network's own shapes
        for W, D, b in zip(net.weights, probe.weights, probe.biases, strict=True):
            assert D.shape == W.shape
            np.testing.assert_allclose(np.linalg.norm(D, axis=1), np.linalg.norm(W, axis=1))
            assert not b.any()  # biases stay put, as in Li et al.
    again = filter_normalized_directions(net, seed=5)
    assert np.array_equal(again[0], d1)  # fixed per seed: optimizers can share one map


def test_the_pca_path_starts_at_the_planes_origin(trained):
    net, X, Y = trained
    path, _, diverged = record_training(net, X, Y, cnn.Adam(0.05), epochs=20, batch_size=16)
    assert diverged is None
    d1, d2 = pca_directions(path - path[0])
    ab = project(path, path[0], d1, d2)
    np.testing.assert_allclose(ab[0], [0.0, 0.0], atol=1e-12)
    assert np.linalg.norm(ab[-1]) > 0.1


def test_heavy_ball_and_discrete_momentum_agree_to_first_order():
    surface = cnn.surface("himmelblau")
    friction, time = 1.5, 1.5
    gaps = []
    for dt in (0.02, 0.01, 0.005):
        physics = HeavyBall(surface, (0.0, 0.0), friction=friction, dt=dt)
        learning_rate, momentum = matching_momentum(friction, dt)
        method = cnn.Ball(surface, (0.0, 0.0), cnn.Momentum(learning_rate, momentum))
        for _ in range(round(time / dt)):
            physics.step()
            method.step()
        gaps.append(np.linalg.norm(physics.position - method.position))
    assert gaps[0] < 0.2
    for bigger, smaller in zip(gaps, gaps[1:], strict=False):
        assert 1.6 < bigger / smaller < 2.5  # halve Δt, halve the gap: first order


def test_friction_only_ever_takes_energy_away():
    ball = HeavyBall(cnn.surface("six_hump_camel"), (-1.5, 0.9), friction=0.8, dt=0.05)
    energies = [ball.energy]
    for _ in range(200):
        ball.step()
        energies.append(ball.energy)
    assert all(b <= a + 1e-9 for a, b in zip(energies, energies[1:], strict=False))
    with pytest.raises(ValueError, match="friction · dt < 1"):
        HeavyBall(cnn.surface("bowl"), (0, 0), friction=20, dt=0.1)


def test_the_basins_of_himmelblau_are_its_four_minima():
    s = cnn.surface("himmelblau")
    starts = start_grid(s, 40, 40)
    ends = descend(s, starts, "sgd", steps=500)
    labels = basin_labels(s, ends)
    assert set(labels.tolist()) == {0, 1, 2, 3}
    for k, minimum in enumerate(s.minima):
        np.testing.assert_allclose(ends[labels == k], np.tile(minimum, ((labels == k).sum(), 1)), atol=1e-3)
        near = np.linalg.norm(starts - minimum, axis=1).argmin()
        assert labels[near] == k  # a start right next to a minimum ends in it


def test_the_six_hump_camel_has_six_basins_and_a_wild_step_escapes():
    s = cnn.surface("six_hump_camel")
    labels = basin_labels(s, descend(s, start_grid(s, 60, 40), "momentum", steps=600))
    assert set(labels.tolist()) == {0, 1, 2, 3, 4, 5}
    wild = basin_labels(s, descend(s, start_grid(s, 20, 20), "sgd", learning_rate=0.5, steps=50))
    assert (wild == ESCAPED).mean() > 0.5


def test_a_synthetic_images_surface_is_lowest_where_the_image_is_darkest(tmp_path):
    from PIL import Image

    y, x = np.mgrid[0:100, 0:100]
    grey = 255 - 200 * np.exp(-((x - 72) ** 2 + (y - 25) ** 2) / 200.0)  # a dark blob, up and right
    Image.fromarray(grey.astype(np.uint8)).save(tmp_path / "blob.png")
    s = surface_from_image(tmp_path / "blob.png")
    mx, my = s.minima[0]
    assert mx == pytest.approx(2 * 72 / 99 - 1, abs=0.05) and my == pytest.approx(1 - 2 * 25 / 99, abs=0.05)
    ball = cnn.Ball(s, (0.15, 0.25), cnn.Momentum(0.05, 0.9))
    for _ in range(400):
        ball.step()
    np.testing.assert_allclose(ball.position, s.minima[0], atol=0.08)  # it rolls into the dark
    gx, gy = s.gradient(0.0, 0.0)
    assert gx < 0 and gy < 0  # uphill points away from the blob
    (tmp_path / "notes.png").write_text("not an image")
    with pytest.raises(ValueError, match="not an image"):
        surface_from_image(tmp_path / "notes.png")


def test_surface_from_heights_refuses_what_it_cannot_use():
    with pytest.raises(ValueError, match="at least 3 × 3"):
        surface_from_heights(np.zeros(10))
    bad = np.zeros((5, 5))
    bad[2, 2] = np.nan
    with pytest.raises(ValueError, match="missing or infinite"):
        surface_from_heights(bad)
