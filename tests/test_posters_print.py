"""Posters for print: sizes in cm, mm or inches at a DPI, 16 bits where 8 would band, the sketch's own
look (palette, symmetry, warp …) from the command line, and a poster too big for the disk refused
before anything is written."""

import ast
import struct
import zlib
from collections import namedtuple
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from creativenn.tools import sketchfile
from creativenn.tools.poster import KNOBS, knob_settings, network, print_size
from creativenn.tools.series import Item, SeriesError
from creativenn.tools.seriesrun import Posters
from creativenn.worlds.cppn import CPPN, Knobs
from tests.conftest import creativenn

ROOT = Path(__file__).resolve().parent.parent
Usage = namedtuple("Usage", "total used free")


def png_pixels(data: bytes) -> np.ndarray:
    """A 16-bit RGB PNG's pixels, read by hand (Pillow reads such a file as 8 bits): unfiltered rows."""
    width, height = struct.unpack(">II", data[16:24])
    at, packed = 8, b""
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        packed += data[at + 8:at + 8 + length] if kind == b"IDAT" else b""
        at += 12 + length
    rows = np.frombuffer(zlib.decompress(packed), np.uint8).reshape(height, 1 + 6 * width)
    assert not rows[:, 0].any()  # filter 0 on every row
    return rows[:, 1:].copy().view(">u2").reshape(height, width, 3).astype(np.uint16)


def test_the_posters_defaults_are_the_sketchs_start():
    source = (ROOT / "sketches" / "cppn.py").read_text()
    constants = sketchfile.constants(source)
    start = next(node.value for node in ast.parse(source).body if isinstance(node, ast.Assign)
                 and getattr(node.targets[0], "id", "") == "START")
    given = {k.arg: constants[k.value.id] if isinstance(k.value, ast.Name) else ast.literal_eval(k.value)
             for k in start.keywords if k.arg != "seed"}
    assert given == {k: v for k, v in KNOBS.items() if k in given}
    assert set(KNOBS) - set(given) == {"at", "pan", "path"}
    assert (KNOBS["pan"], KNOBS["path"]) == (Knobs().pan, Knobs().path)  # the sketch leaves them as Knobs has


def test_print_sizes_become_pixels_at_their_dpi_and_bad_ones_say_what_to_give():
    assert print_size("300x400mm") == ((3543, 4724), 300.0)
    assert print_size("8.5x11in", 200) == ((1700, 2200), 200.0)
    assert print_size("640x480", 72) == ((640, 480), 72.0)
    for text, dpi, said in [("30.5x40", None, "give pixels"), ("30cmx40cm", None, "give pixels"),
                            ("0x40cm", None, "above 0"), ("30x40cm", 0, "10 to 10000"),
                            ("30x40cm", float("nan"), "10 to 10000")]:
        with pytest.raises(ValueError, match=said):
            print_size(text, dpi)


def test_knobs_take_the_look_and_refuse_what_cannot_be_drawn(tmp_path):
    assert knob_settings(["palette=dusk", "symmetry=radial", "folds=5", "warp=0.5", "pan=(0.5,-0.25)",
                          "path=eight"]) == {"palette": "dusk", "symmetry": "radial", "folds": 5, "warp": 0.5,
                                             "pan": (0.5, -0.25), "path": "eight"}
    (tmp_path / "broken.png").write_bytes(b"not a picture")
    for args, said in [(["folds=0"], "1 to 64 folds"), (["symmetry=spiral"], "choose one of none"),
                       (["palette=neon"], "no palette 'neon'"), (["path=square"], "latent path"),
                       ([f"palette={tmp_path / 'broken.png'}"], "could not read .*broken.png"),
                       (["pan=(1,2,3)"], "two numbers")]:
        with pytest.raises(ValueError, match=said):
            knob_settings(args)


def test_bits_follow_the_picture_sixteen_where_eight_would_band():
    net, z = network(1, {"palette": "dusk"})
    assert net.bits_for(64, 64, z) == 8 and net.bits_for(8000, 8000, z) == 16
    flat = CPPN(seed=1, palette="ink")
    flat.colors = lambda a: np.full((len(a), 3), 0.5)  # one colour everywhere: nothing to band
    assert flat.bits_for(8000, 8000, z) == 8


def test_a_print_size_poster_from_the_command_line_has_its_dpi_bits_and_look(tmp_path):
    out = tmp_path / "print"
    done = creativenn("poster", "cppn", "--seed", "4", "--size", "4x3cm", "--dpi", "150", "--bits", "16",
                      "--out", out, "--", "palette=glacier", "symmetry=radial", "folds=5", "at=0.5")
    assert done.returncode == 0, done.stderr
    assert "236 × 177 pixels, 4.0 × 3.0 cm at 150 dpi; bits a channel: 16" in done.stderr
    data = (out / "seed-4.png").read_bytes()
    assert data[24] == 16  # IHDR: 16 bits a channel
    net, z = network(4, {"palette": "glacier", "symmetry": "radial", "folds": 5, "at": 0.5})
    deep = np.concatenate(list(net.bands(236, 177, z, bits=16)))
    np.testing.assert_array_equal(png_pixels(data), deep)  # every one of its 65,536 levels, as computed
    with Image.open(out / "seed-4.png") as image:
        assert image.size == (236, 177) and round(image.info["dpi"][0]) == 150
    with Image.open(out / "thumbs" / "seed-4.png") as thumb:  # an 8-bit thumbnail of the 16-bit poster
        assert np.abs(np.asarray(thumb).astype(int) - np.rint(deep / 257)).max() <= 1
    bad = creativenn("poster", "cppn", "--size", "30x40", "--out", tmp_path / "bad", "--dpi", "5")
    assert bad.returncode == 2 and "--dpi 5" in bad.stderr and not (tmp_path / "bad").exists()


def test_the_estimate_is_a_little_above_what_is_written(tmp_path):
    net, z = network(2, {"palette": "ember", "symmetry": "quad"})
    for bits in (8, 16):
        written = net.poster(tmp_path / f"p{bits}.png", 600, 400, z, bits=bits).stat().st_size
        assert written <= net.poster_bytes(600, 400, z, bits) <= 1.6 * written + 4096


def test_a_poster_too_big_for_the_disk_is_refused_before_a_byte_is_written(tmp_path, monkeypatch):
    import creativenn.files as files

    net, z = network(1, {})
    monkeypatch.setattr(files.shutil, "disk_usage", lambda folder: Usage(10**9, 10**9 - 50_000, 50_000))
    said = r"p.png would need about .* MB and the disk that holds .* has 0.1 MB free: free some space"
    with pytest.raises(ValueError, match=said):
        net.poster(tmp_path / "p.png", 2000, 2000, z)
    assert list(tmp_path.iterdir()) == []  # nothing, not even a partial file
    posters = Posters((2000, 2000), tmp_path / "series")
    items = [Item(seed, (), f"seed-{seed}", f"seed {seed}") for seed in range(1, 5)]
    with pytest.raises(SeriesError, match="4 posters of 2000 × 2000 would need about"):
        posters.room(items)
