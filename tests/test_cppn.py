"""The CPPN: deterministic, seamless loops, posters in bounded memory that match the screen."""

import tracemalloc

import numpy as np
import pytest
from PIL import Image

from creativenn.worlds.cppn import CPPN, MIXES


def test_the_same_seed_paints_the_same_picture_and_another_seed_another():
    a, b, c = CPPN(seed=4), CPPN(seed=4), CPPN(seed=5)
    z = a.latent_at(0.25)
    assert np.array_equal(a.image(80, 60, z), b.image(80, 60, z))
    assert not np.array_equal(a.image(80, 60, z), c.image(80, 60, c.latent_at(0.25)))


@pytest.mark.parametrize("mix", sorted(MIXES))
def test_every_mix_paints_a_picture_with_contrast(mix):
    c = CPPN(seed=2, mix=mix)
    image = c.image(96, 96, c.latent_at(0.0)).astype(float)
    assert image.std() > 8  # not one flat colour


def test_the_latent_loop_closes_so_animations_loop_without_a_seam():
    c = CPPN(seed=1)
    first, half, last = (c.image(64, 64, c.latent_at(t)) for t in (0.0, 0.5, 1.0))
    assert np.array_equal(first, last)
    assert not np.array_equal(first, half)


def test_a_poster_is_the_screen_picture_at_a_higher_resolution(tmp_path):
    c = CPPN(seed=7, mix="waves")
    z = c.latent_at(0.3)
    screen = c.image(160, 120, z)
    poster = np.asarray(Image.open(c.poster(tmp_path / "p.png", 480, 360, z)))
    assert poster.shape == (360, 480, 3)
    centres = poster[1::3, 1::3]  # the middle pixel of each 3×3 block sits where the screen's pixel does
    assert np.abs(centres.astype(int) - screen).max() <= 1
    boxes = poster.reshape(120, 3, 160, 3, 3).mean(axis=(1, 3))  # a box-filtered downsample
    assert np.abs(boxes - screen).mean() < 4


def test_a_4000_pixel_poster_needs_the_memory_of_one_band(tmp_path):
    c = CPPN(seed=0, width=16, depth=4)
    fractions = []
    tracemalloc.start()
    try:
        path = c.poster(tmp_path / "big.png", 4000, 4000, c.latent_at(0.0), progress=fractions.append)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    whole = 4000 * 4000 * 16 * 4  # one hidden layer's floats for every pixel at once: 1 GB
    assert peak < 120e6 and peak < whole / 8, peak
    assert fractions[-1] == 1.0 and fractions == sorted(fractions)
    with Image.open(path) as image:
        assert image.size == (4000, 4000)
        image.draft("RGB", (500, 500))
        assert np.asarray(image.resize((50, 50))).std() > 5


def test_bad_settings_say_what_to_do(tmp_path):
    with pytest.raises(ValueError, match="unknown activation 'wobble'"):
        CPPN(mix=("sin", "wobble"))
    with pytest.raises(ValueError, match="width"):
        CPPN(width=0)
    c = CPPN()
    with pytest.raises(ValueError, match="height"):
        c.image(10, 0, (0, 0))
    assert not list(tmp_path.iterdir())
