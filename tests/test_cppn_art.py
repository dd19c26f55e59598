"""The CPPN composed and coloured: symmetries fold, warping feeds back, palettes colour, prints are exact."""

import math

import numpy as np
import pytest
from PIL import Image

from creativenn.picture.palettes import NAMED
from creativenn.worlds.cppn import CPPN, Knobs, fold


def test_mirror_and_quad_symmetric_pictures_are_their_own_reflections():
    z = (0.3, -0.2)
    mirror = CPPN(seed=3, symmetry="mirror").image(80, 60, z)
    np.testing.assert_array_equal(mirror, mirror[:, ::-1])
    assert not np.array_equal(mirror, mirror[::-1])
    quad = CPPN(seed=3, symmetry="quad").image(80, 60, z)
    np.testing.assert_array_equal(quad, quad[::-1, ::-1])
    np.testing.assert_array_equal(quad, quad[::-1])


@pytest.mark.parametrize("folds", [1, 3, 6, 7])
def test_a_radial_fold_sends_each_rotated_and_mirrored_copy_of_a_point_to_the_same_place(folds):
    rng = np.random.default_rng(folds)
    r, theta = rng.uniform(0.1, 2, 200), rng.uniform(-np.pi, np.pi, 200)
    here = fold(r * np.cos(theta), r * np.sin(theta), "radial", folds)
    turn = theta + 2 * np.pi / folds  # one wedge round
    np.testing.assert_allclose(fold(r * np.cos(turn), r * np.sin(turn), "radial", folds), here, atol=1e-9)
    mirrored = fold(r * np.cos(-theta), r * np.sin(-theta), "radial", folds)  # about the x axis
    np.testing.assert_allclose(mirrored, here, atol=1e-9)
    np.testing.assert_allclose(np.hypot(*here), r)  # folding keeps the distance from the centre
    assert np.all(np.abs(np.arctan2(here[1], here[0])) <= np.pi / folds + 1e-9)  # all in one half-wedge


def test_a_radially_symmetric_picture_turns_into_itself():
    c = CPPN(seed=5, symmetry="radial", folds=4)
    image = c.image(64, 64, c.latent_at(0.1)).astype(int)
    assert np.abs(image - np.rot90(image)).max() <= 1  # a quarter turn: the same picture (float32)


def test_warping_feeds_the_networks_outputs_back_into_its_coordinates():
    plain, warped = CPPN(seed=2), CPPN(seed=2, warp=0.6)
    inputs = plain._inputs(32, 24, range(24), plain.latent_at(0.0))
    a = plain.forward(inputs)
    moved = inputs.copy()
    moved[:, 0] += 0.6 * (2 * a[:, 0] - 1)
    moved[:, 1] += 0.6 * (2 * a[:, 1] - 1)
    moved[:, 2] = np.hypot(moved[:, 0], moved[:, 1])
    np.testing.assert_allclose(warped.outputs(inputs), plain.forward(moved), atol=1e-6)
    assert not np.array_equal(warped.image(32, 24, (0, 0)), plain.image(32, 24, (0, 0)))


def test_pan_moves_the_plane_and_composition_leaves_the_weights_alone():
    plain, panned = CPPN(seed=4), CPPN(seed=4, pan=(0.5, 0.0), symmetry="radial", palette="dusk")
    assert all(np.array_equal(a, b) for a, b in zip(plain.weights, panned.weights, strict=True))
    moved = CPPN(seed=4, pan=(0.5, 0.0))._inputs(40, 40, range(40), (0, 0))
    np.testing.assert_allclose(moved[:, 0], plain._inputs(40, 40, range(40), (0, 0))[:, 0] + 0.5, atol=1e-6)


def test_a_palette_colours_the_first_output_and_rgb_is_the_raw_outputs():
    raw, dusk = CPPN(seed=6), CPPN(seed=6, palette="dusk")
    z = raw.latent_at(0.2)
    a = raw.forward(raw._inputs(48, 32, range(32), z))
    np.testing.assert_array_equal(raw.image(48, 32, z).reshape(-1, 3), np.rint(a * 255).astype(np.uint8))
    expected = NAMED["dusk"].to_uint8(a[:, 0])
    assert np.abs(dusk.image(48, 32, z).reshape(-1, 3).astype(int) - expected).max() <= 1


def test_a_figure_of_eight_path_is_closed_and_is_gerono_s_lemniscate():
    c = CPPN(seed=1, path="eight", latent_radius=0.8)
    for t in (0.0, 0.3, 0.77):
        x, y = c.latent_at(t)
        assert np.allclose(c.latent_at(t + 1), (x, y))
        assert math.isclose(y ** 2, (x / 0.8) ** 2 * (0.8 ** 2 - x ** 2), abs_tol=1e-12)  # x²(R² − x²)/R²


def test_a_sixteen_bit_poster_with_a_dpi_keeps_the_palettes_levels(tmp_path):
    c = CPPN(seed=3, mix="soft", palette="ink")
    path = c.poster(tmp_path / "p.png", 300, 200, c.latent_at(0.0), bits=16, dpi=300)
    data = path.read_bytes()
    assert data[24] == 16  # IHDR's bit depth
    with Image.open(path) as image:
        assert round(image.info["dpi"][0]) == 300
    deep = np.concatenate(list(c.bands(300, 200, c.latent_at(0.0), bits=16)))
    shallow = c.image(300, 200, c.latent_at(0.0))
    assert deep.dtype == np.uint16 and np.abs(deep // 257 - shallow.astype(int)).max() <= 1
    assert len(np.unique(deep[..., 0])) > 2 * len(np.unique(shallow[..., 0]))  # more levels: no banding


def test_bad_composition_says_what_to_give():
    with pytest.raises(ValueError, match="radial symmetry has 1 to 64 folds .*got 0"):
        CPPN(symmetry="radial", folds=0)
    with pytest.raises(ValueError, match="symmetry 'spiral': choose one of none, mirror, quad, radial"):
        CPPN(symmetry="spiral")
    with pytest.raises(ValueError, match="latent path 'square'"):
        CPPN(path="square")
    with pytest.raises(ValueError, match="no palette 'neon'"):
        Knobs(palette="neon").network()
    assert Knobs(symmetry="radial", folds=8, warp=0.5, palette="dusk").look() == "radial 8 · warp 0.5 · dusk"
    assert Knobs().turned(folds=0).folds == 1


def test_live_pictures_are_sharp_each_pixel_the_networks_own_a_quarter_of_them_a_frame():
    from creativenn.worlds.cppn import Interlaced

    c = CPPN(seed=8, palette="lagoon")
    live = Interlaced(60, 40)
    latents = [c.latent_at(t) for t in (0.0, 0.01, 0.02, 0.03, 0.04)]
    before = live.frame(c, latents[0]).copy()  # a new network: the whole picture at once
    np.testing.assert_array_equal(before, c.image(60, 40, latents[0]))
    for k, z in enumerate(latents[1:]):
        picture = live.frame(c, z).copy()
        py, px = [(0, 0), (0, 1), (1, 0), (1, 1)][k % 4]
        truth = c.image(60, 40, z)
        np.testing.assert_array_equal(picture[py::2, px::2], truth[py::2, px::2])  # this frame's part: exact
        picture[py::2, px::2] = before[py::2, px::2]
        np.testing.assert_array_equal(picture, before)  # the other parts wait their turn
        before = live.picture.copy()
    still = [live.frame(c, latents[-1]).copy() for _ in range(4)]  # paused: the parts catch up …
    np.testing.assert_array_equal(still[-1], c.image(60, 40, latents[-1]))  # … to the exact picture
    other = CPPN(seed=9)
    np.testing.assert_array_equal(live.frame(other, latents[0]), other.image(60, 40, latents[0]))
    exact = Interlaced(60, 40, exact=True)
    for z in latents:
        np.testing.assert_array_equal(exact.frame(c, z), c.image(60, 40, z))
