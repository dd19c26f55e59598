"""An export never hangs, never loses a file, never leaves a process behind, and says what happened.

Each fault is reproduced with a small sketch of tests/sketches/ and its
outcome asserted; a would-be hang runs under a timeout well inside the suite's.
"""

import errno
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import imageio_ffmpeg
import numpy as np
import pytest
from PIL import Image

from creativenn import MLP
from creativenn.tools.job import _descendants
from tests.conftest import ROOT, creativenn

SKETCHES = ROOT / "tests" / "sketches"


def frames_in(folder):
    return sorted(p.name for p in folder.glob("frame-*.png"))


def test_a_sketch_that_ends_itself_early_is_not_a_success(tmp_path):
    done = creativenn("export", SKETCHES / "ends_early.py", "--frames", 10, "--out", tmp_path, timeout=120)
    assert done.returncode == 1
    assert "ended itself (exit_sketch()) after 3 of 10 frames" in done.stderr
    assert "3 of 10 frames are in" in done.stderr and len(frames_in(tmp_path)) == 3


def test_sys_exit_inside_draw_ends_the_export_with_a_message(tmp_path):
    done = creativenn("export", SKETCHES / "exits_in_draw.py", "--frames", 5, "--out", tmp_path, timeout=120)
    assert done.returncode == 1
    assert "exits_in_draw.py called sys.exit() after 1 of 5 frames" in done.stderr
    assert frames_in(tmp_path) == ["frame-0001.png"]


# --- a clean stop: each signal mid-export, then no process of the export left ----------------

def descendants(pid: int) -> set[int]:
    """Every process started, directly or not, by ``pid`` (read from /proc)."""
    return set(_descendants(pid))


def running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def start_long_export(out: Path, frames: int = 200) -> subprocess.Popen:
    """An export under way: returned once it has written a tenth of its frames (encoders running)."""
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}  # it starts its own Xvfb
    export = subprocess.Popen([sys.executable, "-m", "creativenn", "export", "network", "--frames",
                               str(frames), "--out", str(out), "--mp4", "--sidecar"], env=env, text=True,
                              stderr=subprocess.PIPE, start_new_session=True)
    for line in export.stderr:  # without a terminal, progress is a line at frame 1, then every 10%
        if line.startswith(f"{frames // 10}/{frames} frames"):
            return export
    raise AssertionError(f"the export never got far (exit code {export.wait()})")


@pytest.mark.parametrize("name", ["SIGINT", "SIGTERM", "SIGHUP"])
def test_a_signal_stops_the_export_cleanly_and_leaves_no_process(tmp_path, name):
    number = getattr(signal, name)
    export = start_long_export(tmp_path)
    started = descendants(export.pid)
    assert len(started) >= 3  # Xvfb, the worker, ffmpeg
    export.send_signal(number)
    rest = export.stderr.read()
    assert export.wait(timeout=60) == 128 + number
    assert f"stopped by {name}: " in rest and "Traceback" not in rest
    assert not [pid for pid in started if running(pid)]
    kept = frames_in(tmp_path)
    assert kept and kept == [f"frame-{k:04d}.png" for k in range(1, len(kept) + 1)]
    for name_ in kept:
        Image.open(tmp_path / name_).load()  # whole
    lines = (tmp_path / "network.jsonl").read_text().splitlines()
    assert [json.loads(line)["frame"] for line in lines] == list(range(1, len(kept) + 1))
    assert imageio_ffmpeg.count_frames_and_secs(str(tmp_path / "network.mp4"))[0] == len(kept)
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".") or p.suffix == ".tmp"]


def test_a_second_ctrl_c_ends_it_at_once_with_no_traceback(tmp_path):
    export = start_long_export(tmp_path)
    started = descendants(export.pid)
    export.send_signal(signal.SIGINT)
    export.send_signal(signal.SIGINT)
    rest = export.stderr.read()
    assert export.wait(timeout=60) == 128 + signal.SIGINT
    assert "stopped by SIGINT" in rest and "Traceback" not in rest
    assert not [pid for pid in started if running(pid)]
    for name in frames_in(tmp_path):
        Image.open(tmp_path / name).load()


# --- nothing lost -------------------------------------------------------------------------

def earlier_frames(out: Path, n: int) -> dict[str, bytes]:
    out.mkdir(exist_ok=True)
    for k in range(1, n + 1):
        Image.new("RGB", (8, 8), (k * 20, 0, 0)).save(out / f"frame-{k:04d}.png")
    return {p.name: p.read_bytes() for p in out.iterdir()}


def test_earlier_frames_stay_when_an_export_fails_before_its_first_frame(tmp_path):
    broken = tmp_path / "broken.py"
    broken.write_text("import py5\ndef draw(:\n    pass\n")  # a syntax error
    before = earlier_frames(tmp_path / "out", 4)
    done = creativenn("export", broken, "--frames", 3, "--out", tmp_path / "out", timeout=120)
    assert done.returncode == 1 and "SyntaxError" in done.stderr
    assert {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()} == before  # as they were


def test_earlier_frames_are_replaced_once_the_new_export_has_its_own(tmp_path):
    earlier_frames(tmp_path, 5)
    Image.new("RGB", (8, 8)).save(tmp_path / "frame-10000.png")  # a long export's: five digits
    done = creativenn("export", SKETCHES / "ends_early.py", "--frames", 2, "--out", tmp_path, timeout=120)
    assert done.returncode == 0 and "replacing 6 frames of an earlier export" in done.stderr
    assert frames_in(tmp_path) == ["frame-0001.png", "frame-0002.png"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["frame-0001.png", "frame-0002.png"]


def test_a_second_export_into_a_busy_folder_is_refused_and_a_stale_lock_ignored(tmp_path):
    before = earlier_frames(tmp_path, 2)
    (tmp_path / ".creativenn-export.lock").write_text(str(os.getpid()))  # a live process holds it
    busy = creativenn("export", SKETCHES / "ends_early.py", "--frames", 2, "--out", tmp_path, timeout=120)
    assert busy.returncode == 2 and f"another export (process {os.getpid()}) is writing into" in busy.stderr
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("frame")} == before
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    (tmp_path / ".creativenn-export.lock").write_text(str(gone.pid))  # its process has ended
    done = creativenn("export", SKETCHES / "ends_early.py", "--frames", 2, "--out", tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / ".creativenn-export.lock").exists()


def test_saving_a_model_over_an_old_one_is_whole_or_not_at_all(tmp_path, monkeypatch):
    path = tmp_path / "model.npz"
    old = MLP([2, 3, 1], seed=1)
    old.save(path)
    saved = path.read_bytes()

    def disk_fills_up(file, **arrays):
        file.write(b"PK\x03\x04 half a model")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(np, "savez", disk_fills_up)
    with pytest.raises(OSError, match="No space left"):
        MLP([2, 3, 1], seed=2).save(path)
    assert path.read_bytes() == saved and sorted(p.name for p in tmp_path.iterdir()) == ["model.npz"]
    monkeypatch.undo()
    np.testing.assert_array_equal(MLP.load(path).parameters(), old.parameters())


@pytest.fixture
def small_disk(tmp_path):
    """A 600 kB file system (tmpfs): a full disk for real. Needs root, as CI and the Makefile have."""
    folder = tmp_path / "small"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(folder)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {mounted.stderr.strip()}")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_full_disk_is_reported_as_such_with_whole_frames_kept(small_disk):
    done = creativenn("export", "network", "--frames", 40, "--out", small_disk, "--sidecar", timeout=300)
    assert done.returncode == 1
    assert f"no space left on the disk that holds {small_disk}" in done.stderr
    assert "TypeError" not in done.stderr and "Traceback" not in done.stderr
    kept = frames_in(small_disk)
    assert 0 < len(kept) < 40 and f"{len(kept)} of 40 frames are in" in done.stderr
    for name in kept:
        Image.open(small_disk / name).load()
    assert not [p.name for p in small_disk.iterdir() if p.suffix == ".tmp" or ".partial" in p.name]


# --- clear errors ---------------------------------------------------------------------------------

@pytest.mark.parametrize("fps", ["0.001", "inf", "nan", "1000"])
def test_fps_is_bounded(tmp_path, fps):
    done = creativenn("export", "network", "--frames", 2, "--out", tmp_path, "--gif", "--fps", fps)
    assert done.returncode == 2 and "--fps must be between 1 and 240 frames a second" in done.stderr
    assert "Traceback" not in done.stderr and not list(tmp_path.iterdir())


def test_a_display_that_does_not_answer_is_explained(tmp_path):
    env = {**os.environ, "DISPLAY": ":1999"}  # no X server there
    done = subprocess.run([sys.executable, "-m", "creativenn", "export", "network", "--frames", "2", "--out",
                           str(tmp_path)], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "DISPLAY is set to :1999, but no X display answers there" in done.stderr
    assert "unset DISPLAY" in done.stderr and "PyInstaller" not in done.stderr


def test_a_canvas_larger_than_javas_memory_ends_the_export_instead_of_hanging(tmp_path):
    done = creativenn("export", SKETCHES / "big_canvas.py", "--frames", 2, "--out", tmp_path, timeout=120)
    assert done.returncode == 1 and "Java ran out of memory" in done.stderr and "--size WxH" in done.stderr


def test_a_size_java_cannot_hold_is_refused_up_front_naming_the_largest(tmp_path):
    done = creativenn("export", "network", "--frames", 2, "--out", tmp_path, "--size", "60000x60000")
    assert done.returncode == 2 and "is more than Java can hold on this machine" in done.stderr
    assert "the largest square is about" in done.stderr and not list(tmp_path.iterdir())


def test_a_display_that_goes_away_mid_export_ends_it_with_a_message(tmp_path):
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", "800x800x24", "-nolisten",
                             "tcp"], pass_fds=(write_end,), stderr=subprocess.DEVNULL, start_new_session=True)
    os.close(write_end)
    with os.fdopen(read_end) as numbers:
        display = f":{numbers.readline().strip()}"
    export = subprocess.Popen([sys.executable, "-m", "creativenn", "export", "network", "--frames", "2000",
                               "--out", str(tmp_path)], env={**os.environ, "DISPLAY": display}, text=True,
                              stderr=subprocess.PIPE, start_new_session=True)
    try:
        next(line for line in export.stderr if line.startswith("1/2000 frames"))
        xvfb.kill()
        xvfb.wait()
        rest = export.stderr.read()
        assert export.wait(timeout=60) == 1
        assert f"the display (DISPLAY={display}) went away during the export" in rest
    finally:
        if export.poll() is None:
            os.killpg(export.pid, signal.SIGKILL)


def test_sys_exit_in_settings_ends_the_export_within_seconds(tmp_path):
    done = creativenn("export", SKETCHES / "exits_in_settings.py", "--frames", 3, "--out", tmp_path,
                      timeout=90)
    assert done.returncode == 1
    assert "exits_in_settings.py called sys.exit(3) after 0 of 3 frames" in done.stderr
