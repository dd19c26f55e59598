"""The CPPN sketch headless: its picture is the network's, and a loop's export closes on itself."""

from pathlib import Path

import numpy as np

SKETCH = Path(__file__).resolve().parent.parent / "sketches" / "cppn.py"


def test_an_export_of_one_loop_closes_without_a_seam(render):
    result, frames = render(SKETCH, 9, seed=0, argv=["loop", "8"])
    assert result.namespace["loop_frames"] == 8
    picture = (slice(0, 740), slice(None))  # above the caption, whose frame counter moves
    assert np.array_equal(frames[0][picture], frames[8][picture])
    assert not np.array_equal(frames[0][picture], frames[4][picture])


def test_the_picture_on_screen_is_the_networks_every_pixel_and_the_same_for_a_seed(render):
    result, frames = render(SKETCH, 2, seed=0)
    again = render(SKETCH, 2, seed=0)[1]
    assert np.array_equal(frames[1], again[1])
    ns = result.namespace
    net = ns["net"]
    expected = net.image(800, 800, net.latent_at(1 / ns["loop_frames"]))  # an export: the whole picture
    assert np.array_equal(frames[1][:740], expected[:740])  # exact, above the caption: no upscaling blur


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


def test_clean_leaves_the_caption_out_and_keys_compose_the_picture(render):
    result, frames = render(SKETCH, 2, seed=0, clean=True)
    ns = result.namespace
    net = ns["net"]
    np.testing.assert_array_equal(frames[1], net.image(800, 800, net.latent_at(1 / ns["loop_frames"])))
    controls, first = ns["controls"], ns["knobs"]
    for key, name, expected in [("c", "palette", "glacier"), ("y", "symmetry", "mirror"), ("f", "folds", 7),
                                ("w", "warp", 0.25), ("right", "pan", (0.375, 0.0)),
                                ("up", "pan", (0.375, 0.375)), ("l", "path", "eight")]:
        controls.press(key)  # arrows arrive as "right", "up" …
        assert getattr(ns["knobs"], name) == expected, key
    assert ns["net"].symmetry == "mirror" and ns["net"].palette.name == "glacier" and ns["net"].warp == 0.25
    np.testing.assert_array_equal(ns["net"].weights[0], net.weights[0])  # composing keeps the network
    ns["PALETTES"].append("no_such_picture.png")
    for _ in range(len(ns["PALETTES"])):
        controls.press("c")
        if controls.problem:
            break
    assert "could not read no_such_picture.png" in " ".join(controls.problem)
    assert ns["knobs"].palette != "no_such_picture.png"  # the old picture stays
    controls.press("r")  # the first key closes the message …
    controls.press("r")  # … and r then resets
    assert ns["knobs"] == first


def test_an_export_is_one_seamless_loop_as_long_as_its_frames(render):
    result, frames = render(SKETCH, 6, seed=0, every=2)
    assert result.namespace["loop_frames"] == 12  # 6 frames, every 2nd of 12 draws
    picture = (slice(0, 740), slice(None))
    net = result.namespace["net"]
    first = net.image(400, 400, net.latent_at(0 / 12))
    after_last = net.image(400, 400, net.latent_at(12 / 12))  # the frame that would follow the clip
    assert np.array_equal(first, after_last) and not np.array_equal(frames[0][picture], frames[3][picture])


def test_d_saves_the_pictures_isolines_as_a_plotter_svg_and_says_how_much_drawing(render, tmp_path,
                                                                                  monkeypatch):
    import xml.etree.ElementTree as ET

    ns = render(SKETCH, 2, seed=0)[0].namespace
    monkeypatch.chdir(tmp_path)
    ns["controls"].press("d")
    svg = tmp_path / "saved" / "cppn-0001.svg"
    root = ET.parse(svg).getroot()
    assert root.get("width") == f"{ns['PLOT_MM'][0]}mm"
    paths = list(root.iter("{http://www.w3.org/2000/svg}path"))
    assert len(paths) > 10 and all(p.get("d").count("M") == 1 for p in paths)  # one path a line
    assert f"{len(paths)} lines" in ns["controls"].note and " m of drawing" in ns["controls"].note


def test_the_look_is_set_from_the_command_line_like_any_constant(render):
    result, frames = render(SKETCH, 1, seed=0, clean=True,
                            constants={"PALETTE": "dusk", "SYMMETRY": "radial", "FOLDS": 7, "WARP": 0.25})
    knobs, net = result.namespace["knobs"], result.namespace["net"]
    assert (knobs.palette, knobs.symmetry, knobs.folds, knobs.warp) == ("dusk", "radial", 7, 0.25)
    np.testing.assert_array_equal(frames[0], net.image(800, 800, net.latent_at(0.0)))
    picture = frames[0].astype(int)
    turned = np.rot90(picture, 1)  # not symmetric under a quarter turn (7 folds) …
    assert np.abs(picture - turned).mean() > 5
    flipped = picture[::-1]  # … but each wedge is mirrored about its edges, one of them the x axis:
    assert np.abs(picture - flipped).mean() < 1  # top and bottom alike (to the rounding of a colour)
