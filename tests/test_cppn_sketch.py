"""The CPPN sketch headless: its picture is the network's, and a loop's export closes on itself."""

from pathlib import Path

import numpy as np

SKETCH = Path(__file__).resolve().parent.parent / "sketches" / "cppn.py"


def test_an_export_of_one_loop_closes_without_a_seam(render):
    result, frames = render(SKETCH, 9, seed=0, argv=["loop", "8"])
    assert result.namespace["loop_frames"] == 8
    picture = (slice(0, 700), slice(None))  # above the caption, whose frame counter moves
    assert np.array_equal(frames[0][picture], frames[8][picture])
    assert not np.array_equal(frames[0][picture], frames[4][picture])


def test_the_picture_on_screen_is_the_networks_and_the_same_for_a_seed(render):
    result, frames = render(SKETCH, 2, seed=0)
    again = render(SKETCH, 2, seed=0)[1]
    assert np.array_equal(frames[1], again[1])
    ns = result.namespace
    net = ns["net"]
    rgb = net.image(ns["RESOLUTION"], ns["RESOLUTION"], net.latent_at(1 / ns["loop_frames"]))
    scale = 800 // ns["RESOLUTION"]
    on_screen = frames[1][scale // 2:700:scale, scale // 2::scale].astype(int)
    assert np.abs(on_screen - rgb[: on_screen.shape[0]]).mean() < 6  # drawn scaled up, smoothly


def test_keys_change_the_network_and_reset_brings_it_back(render):
    ns = render(SKETCH, 1, seed=0)[0].namespace
    first = ns["net"].weights[0].copy()
    for key, name, expected in [("m", "mix", "bumps"), ("n", "seed", 1), ("]", "depth", 5),
                                (".", "width", 18), ("z", "zoom", 2.5), ("+", "detail", 2.5 * 1.25)]:
        ns["controls"].press(key)
        assert getattr(ns["knobs"], name) == expected
    assert ns["net"].depth == 5 and ns["net"].width == 18 and ns["net"].seed == 1
    ns["controls"].press("r")
    np.testing.assert_array_equal(ns["net"].weights[0], first)


def test_p_writes_a_poster_of_the_current_picture_in_the_background(render, tmp_path, monkeypatch):
    import time

    from PIL import Image

    ns = render(SKETCH, 3, seed=0)[0].namespace
    monkeypatch.chdir(tmp_path)
    ns["POSTER_SIZE"] = 330
    ns["controls"].press("p")
    ns["controls"].press("s")  # a frame saved while the poster is written: each keeps its own file
    deadline = time.monotonic() + 60
    while not ns["poster"].done and time.monotonic() < deadline:
        time.sleep(0.05)
    path = tmp_path / "saved" / "cppn-0001.png"
    assert sorted(p.name for p in (tmp_path / "saved").iterdir()) == ["cppn-0001.png", "cppn-0002.png"]
    assert Image.open(path).size == (330, 330) and ns["controls"].note.startswith(f"saved {Path('saved')}")
    net = ns["net"]
    expected = net.image(110, 110, net.latent_at(ns["clock"] / ns["loop_frames"]))
    poster = np.asarray(Image.open(path))
    assert np.abs(poster[1::3, 1::3].astype(int) - expected).max() <= 1


def test_at_the_windows_own_size_every_pixel_is_the_networks(render, tmp_path):
    text = SKETCH.read_text().replace("RESOLUTION = 400", "RESOLUTION = 200").replace(
        "py5.size(800, 800)", "py5.size(200, 200)")
    small = tmp_path / "cppn_small.py"
    small.write_text(text)
    result, frames = render(small, 2, seed=0)
    net = result.namespace["net"]
    expected = net.image(200, 200, net.latent_at(1 / result.namespace["loop_frames"]))
    assert np.array_equal(frames[1][:160], expected[:160])  # set_np_pixels: exact, above the caption


def test_an_export_is_one_seamless_loop_as_long_as_its_frames(render):
    result, frames = render(SKETCH, 6, seed=0, every=2)
    assert result.namespace["loop_frames"] == 12  # 6 frames, every 2nd of 12 draws
    picture = (slice(0, 700), slice(None))
    net = result.namespace["net"]
    first = net.image(400, 400, net.latent_at(0 / 12))
    after_last = net.image(400, 400, net.latent_at(12 / 12))  # the frame that would follow the clip
    assert np.array_equal(first, after_last) and not np.array_equal(frames[0][picture], frames[3][picture])
