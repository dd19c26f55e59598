"""Bad input, absurd sizes and links: each is said in one clear line before anything is allocated or
written, names what was wrong and what to do, and nothing crashes, fills memory or lands outside the
folder asked for (issue 30's cases, one test each)."""

import json
import os
import struct
import zlib

import numpy as np
import pytest

from conftest import ROOT, creativenn
from creativenn.files import LinkRefused, whole_file
from creativenn.maths.checks import TooLarge
from creativenn.worlds.playground import Playground, Settings

SKETCHES = ROOT / "tests" / "sketches"


def test_constants_reach_the_worker_exactly_even_inf_nan_minus_zero_big_numbers_and_any_script(tmp_path):
    big = 2**200 + 1
    done = creativenn("export", SKETCHES / "constants.py", "--frames", 1, "--sidecar", "--out", tmp_path,
                      "--", "RATE=1e999", "NEGATIVE=-0.0", f"BIG={big}", "WORD=héllo ✓ 日本",
                      "VALUES=[nan, -inf]", timeout=180)
    assert done.returncode == 0, done.stderr
    record = json.loads((tmp_path / "constants.jsonl").read_text().splitlines()[0])
    assert record == {"frame": 1, "RATE": "inf", "NEGATIVE": "-0.0", "BIG": repr(big),
                      "WORD": "'héllo ✓ 日本'", "VALUES": "[nan, -inf]"}


def test_a_constant_too_long_to_write_back_is_refused_before_anything_renders(tmp_path):
    done = creativenn("export", SKETCHES / "constants.py", "--frames", 1, "--out", tmp_path / "x", "--",
                      "BIG=" + "9" * 5000)
    assert done.returncode == 2 and "5,000 digits is more than a constant can hold" in done.stderr
    assert len(done.stderr) < 400 and not (tmp_path / "x").exists()


@pytest.mark.parametrize("sketch, said", [
    ("playground", "playground.py: bad.json is not JSON: line 1, column 2"),
    ("paint_landscape", "paint_landscape.py: could not read "),
])
def test_an_export_whose_setup_file_fails_to_load_says_so_and_exits_non_zero(tmp_path, sketch, said):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    done = creativenn("export", sketch, "--frames", 2, "--out", tmp_path / "out", "--", bad, timeout=180)
    assert done.returncode == 1, done.stderr
    assert said in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert not list((tmp_path / "out").glob("frame-*.png"))


@pytest.mark.parametrize("settings, said", [
    ({"points": 1_000_000_000}, "s.json: points=1,000,000,000: a data set has 1 to 100,000 points"),
    ({"hidden": [100_000, 100_000]}, "s.json: hidden=[100000, 100000]: the playground takes up to 8 hidden "
                                     "layers of up to 32 neurons"),
    ({"seed": -5}, "s.json: seed=-5: a seed is a whole number 0 or more"),
    ({"data_seed": 1.5}, "s.json: data_seed must be a whole number, got 1.5"),
    ({"learning_rate": 0}, "s.json: learning_rate=0: give a number above 0"),
    ({"noise": float("nan")}, "s.json: noise=nan: give a number 0 or more"),
])
def test_a_setup_out_of_range_names_the_file_the_setting_and_the_limit_before_allocating(tmp_path, settings,
                                                                                        said):
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"format": "creativenn.playground", "version": 1, "settings": settings}))
    world = Playground(Settings(dataset="xor"))
    with pytest.raises(ValueError) as caught:
        world.use_setup(path)
    assert str(caught.value).startswith(said)
    assert world.settings.dataset == "xor"  # nothing changed
    with pytest.raises(ValueError):
        Playground(Settings(**{k: tuple(v) if isinstance(v, list) else v for k, v in settings.items()}))


def test_the_keys_stop_at_the_playgrounds_limits():
    world = Playground(Settings(hidden=(31,)))
    for _ in range(3):
        world.widen(0, 1)
    for _ in range(12):
        world.change_depth(1)
    assert world.settings.hidden == (32,) * 8


def test_a_csv_of_too_many_rows_or_one_endless_line_is_refused_while_reading(tmp_path):
    from creativenn.worlds.csvdata import load_csv

    many = tmp_path / "many.csv"
    many.write_text("x1,x2,label\n" + "0.1,0.2,1\n" * 100_001)
    with pytest.raises(TooLarge, match="many.csv has more than 100,000 points"):
        load_csv(many)
    endless = tmp_path / "endless.csv"
    endless.write_text("1," * 1_000_000)
    with pytest.raises(ValueError, match="endless.csv, line 1: more than 1000 characters"):
        load_csv(endless)


def test_a_picture_too_large_is_refused_from_its_header_before_it_is_decoded(tmp_path):
    from creativenn.picture.palettes import from_image
    from creativenn.worlds.surfaces import surface_from_image

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    def png(path, side):  # a header that claims side × side pixels, and a few bytes of data
        header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
        data = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 99)) + chunk(b"IEND", b"")
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + data)
        return path

    for read in (from_image, surface_from_image):
        with pytest.raises(TooLarge, match="big.png is 12,000 × 12,000 pixels; a picture read here may have "
                                           "120 megapixels at most"):
            read(png(tmp_path / "big.png", 12_000))
        with pytest.raises(TooLarge, match="huge.png has more pixels than Pillow opens; a picture read here "
                                           "may have 120 megapixels at most"):
            read(png(tmp_path / "huge.png", 40_000))


def test_a_series_too_large_for_the_disk_is_refused_before_anything_renders(tmp_path):
    done = creativenn("export", "line_fit", "--seeds", "1-100000", "--frames", 100_000, "--out",
                      tmp_path / "s")
    assert done.returncode == 2, done.stderr
    assert "100,000 clips of 100,000 frames of 400 × 400 would need at least 80.0 TB" in done.stderr
    one = creativenn("export", "network", "--frames", 10**9, "--out", tmp_path / "one")
    assert one.returncode == 2 and "1,000,000,000 frames of 400 × 400 would need at least" in one.stderr
    assert not (tmp_path / "one").exists()


def test_a_broken_manifest_is_set_aside_and_the_series_redone(tmp_path):
    out = tmp_path / "posters"
    args = ("poster", "cppn", "--seeds", "1-2", "--size", "40x30", "--out", out)
    assert creativenn(*args).returncode == 0
    first = {p.name: p.read_bytes() for p in out.glob("seed-*.png")}
    for wrong in ('{"items": []}', '{"items": {"seed-1": "done"}}'):
        (out / "series.json").write_text(wrong)
        again = creativenn(*args)
        assert again.returncode == 0, again.stderr
        assert "is not a series manifest" in again.stderr and "every item is rendered again" in again.stderr
        assert "Traceback" not in again.stderr
        assert {p.name: p.read_bytes() for p in out.glob("seed-*.png")} == first
    assert (out / "series.json.unreadable").read_text() == '{"items": []}'  # kept, not lost
    assert (out / "series.json.unreadable.2").read_text() == '{"items": {"seed-1": "done"}}'


def test_nothing_is_written_through_a_symbolic_link(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "linked.py").symlink_to(outside / "sketch.py")  # dangling
    done = creativenn("new", "linked", cwd=folder)
    assert done.returncode == 2 and "linked.py is a symbolic link" in done.stderr
    assert not (outside / "sketch.py").exists()
    (outside / "kept.csv").write_text("mine\n")
    (folder / "points.csv").symlink_to(outside / "kept.csv")  # to a file that is there
    from creativenn.worlds.csvdata import save_csv

    with pytest.raises(LinkRefused, match="points.csv is a symbolic link"):
        save_csv(folder / "points.csv", np.zeros((2, 2)), np.zeros((2, 1)))
    with pytest.raises(LinkRefused):
        with whole_file(folder / "points.csv", "w") as file:
            file.write("over it")
    assert (outside / "kept.csv").read_text() == "mine\n"
    (folder / ".model.partial.npz").symlink_to(outside / "stolen.npz")  # a link at the temporary name
    from creativenn import MLP

    MLP([2, 1]).save(folder / "model.npz")
    assert not (outside / "stolen.npz").exists() and MLP.load(folder / "model.npz").sizes == (2, 1)
    assert not os.path.islink(folder / "model.npz")


def test_a_series_of_100000_stopped_by_sigterm_ends_in_bounded_time_and_memory(tmp_path):
    """The contact sheet of 100,000 tiles used to be drawn in one picture: 7.7 GB, after the signal."""
    import signal
    import subprocess
    import sys
    import time

    out = tmp_path / "many"
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    worker = subprocess.Popen([sys.executable, "-m", "creativenn", "poster", "cppn", "--seeds", "1-100000",
                               "--size", "8x8", "--jobs", "1", "--out", str(out)], env=env, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while len(list((out / "thumbs").glob("*.png"))) < 3 and time.monotonic() < deadline:
        time.sleep(0.2)  # waits for the series to be under way, not for a time
    worker.send_signal(signal.SIGTERM)
    stopped, peak = time.monotonic(), 0
    while worker.poll() is None and time.monotonic() - stopped < 90:
        peak = max(peak, _peak_kb(worker.pid))  # its own high-water mark (this process's is not counted)
        time.sleep(0.05)
    said = worker.communicate(timeout=30)[1]
    assert worker.returncode == 128 + signal.SIGTERM, said
    assert time.monotonic() - stopped < 90, "the series took too long to stop"
    assert 0 < peak < 1024 * 1024, f"peak memory {peak // 1024} MB"  # kB: under 1 GB
    assert "stopped by SIGTERM" in said
    assert "contact sheet: 1 of its 1000 pages (those with a finished item)" in said
    assert sorted(p.name for p in out.glob("contact-sheet*.png")) == ["contact-sheet-0001.png"]


def _peak_kb(pid: int) -> int:
    """A running process's peak resident memory so far (VmHWM, kB); 0 once it is gone."""
    try:
        with open(f"/proc/{pid}/status") as status:
            return next((int(line.split()[1]) for line in status if line.startswith("VmHWM:")), 0)
    except (OSError, ValueError):
        return 0
