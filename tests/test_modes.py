"""Every py5 mode runs and exports: module (the bundled sketches), imported, class, static, no_loop.

Imported mode must be on before py5 is imported, so those sketches go through
``creativenn export`` (a process of its own), as a user's would.
"""

import os
import signal
import subprocess
import sys
from pathlib import Path

import numpy as np
from PIL import Image

from tests.conftest import ROOT, creativenn

SKETCHES = ROOT / "tests" / "sketches"
SQUARE, GROUND = (250, 200, 0), (10, 20, 30)


def pictures(folder: Path) -> list[np.ndarray]:
    return [np.asarray(Image.open(p)) for p in sorted(folder.glob("frame-*.png"))]


def square_moves_by_ten(frames):
    for k, rgb in enumerate(frames, start=1):
        assert tuple(rgb[30, k * 10 + 5]) == SQUARE, k  # the square at x = 10 k …
        assert tuple(rgb[30, k * 10 - 5]) == GROUND, k  # … and nothing left of it


def test_imported_mode_with_a_helper_module_exports_from_anywhere(tmp_path):
    done = creativenn("export", SKETCHES / "imported" / "squares.py", "--frames", 4, "--out", "out",
                      cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    frames = pictures(tmp_path / "out")
    assert len(frames) == 4 and frames[0].shape == (80, 120, 3)
    square_moves_by_ten(frames)


def test_a_static_sketch_gives_its_picture_in_every_frame(tmp_path):
    done = creativenn("export", SKETCHES / "imported" / "still.py", "--frames", 3, "--out", tmp_path,
                      timeout=120)
    assert done.returncode == 0, done.stderr
    frames = pictures(tmp_path)
    assert len(frames) == 3 and all(np.array_equal(f, frames[0]) for f in frames)
    assert tuple(frames[0][25, 25]) == (255, 255, 255) and tuple(frames[0][60, 100]) == (200, 40, 40)


def test_class_mode_exports(tmp_path, render):
    _, frames = render(SKETCHES / "class_mode.py", 4)
    square_moves_by_ten(frames)
    done = creativenn("export", SKETCHES / "class_mode.py", "--frames", 2, "--out", tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    square_moves_by_ten(pictures(tmp_path))


def test_no_loop_keeps_the_picture_and_redraw_is_honoured(render):
    _, frames = render(SKETCHES / "still_no_loop.py", 5)
    reds = [int(f[40, 60, 0]) for f in frames]
    assert reds == [60, 120, 120, 120, 120]


def test_files_are_found_beside_the_sketch_and_out_stays_where_the_user_is(tmp_path):
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "colour.txt").write_text("40 160 90\n")
    Image.new("RGB", (10, 10), (0, 0, 255)).save(folder / "dot.png")
    (folder / "loads.py").write_text(
        "import py5\n\n"
        "def settings():\n    py5.size(60, 40)\n\n"
        "def setup():\n    global colour, dot\n"
        "    colour = [int(v) for v in open('colour.txt').read().split()]\n"
        "    dot = py5.load_image('dot.png')\n\n"
        "def draw():\n    py5.background(*colour)\n    py5.image(dot, 0, 0)\n\n"
        "py5.run_sketch()\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    done = creativenn("export", folder / "loads.py", "--frames", 1, "--out", "out", cwd=elsewhere,
                      timeout=120)
    assert done.returncode == 0, done.stderr
    (frame,) = pictures(elsewhere / "out")
    assert tuple(frame[30, 40]) == (40, 160, 90) and tuple(frame[5, 5]) == (0, 0, 255)
    assert not (folder / "out").exists()


def test_a_file_that_is_no_sketch_names_the_three_modes(tmp_path):
    plain = tmp_path / "hello.py"
    plain.write_text("print('hello')\n")
    done = creativenn("export", plain, "--frames", 2, "--out", tmp_path / "out", timeout=120)
    assert done.returncode == 1
    assert "hello.py is not a py5 sketch" in done.stderr
    for mode in ("module mode", "imported mode", "class mode"):
        assert mode in done.stderr


SAVES_AND_EXITS = """
def settings():
    size(60, 40)


def draw():
    background(0, 128, 255)
    save_frame("shot.png")
    exit_sketch()
"""

LIVE = """import py5


def settings():
    py5.size(60, 40)


def draw():
    print("MARK", flush=True)


py5.run_sketch()
"""


def test_run_opens_an_imported_mode_sketch_with_pys5s_own_runner(tmp_path):
    (tmp_path / "shot_sketch.py").write_text(SAVES_AND_EXITS)
    done = creativenn("run", "shot_sketch.py", cwd=tmp_path, display=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert tuple(np.asarray(Image.open(tmp_path / "shot.png"))[20, 30][:3]) == (0, 128, 255)


LIVE_IMPORTED = """from helper import half


def setup():
    global seen
    # size() after a global line and a comment: py5 moves it to settings() in imported mode
    size(60, 40)
    seen = half(width)


def draw():
    print("MARK", seen, frame_count > 0, flush=True)
"""

LIVE_STATIC = """size(60, 40)
background(0, 128, 255)
print("MARK", width, flush=True)
"""


def said_live(sketch: Path, text: str, marks=("first", "second")) -> list[str]:
    """``creativenn live SKETCH`` with TEXT saved, then saved again, then Ctrl-C: what each printed first."""
    sketch.write_text(text.replace("MARK", marks[0]))
    live = subprocess.Popen([sys.executable, "-m", "creativenn", "live", str(sketch)], cwd=sketch.parent,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    said = []
    try:
        for mark in marks:
            said.append(next((line for line in live.stdout if line.startswith(mark)), "(ended)").strip())
            sketch.write_text(text.replace("MARK", marks[-1]))  # saved: py5 notices and runs it again
        os.killpg(live.pid, signal.SIGINT)  # Ctrl-C, as a terminal sends it: the window closes
        said.append(f"ended {live.wait(timeout=60)}")
    finally:
        if live.poll() is None:
            os.killpg(live.pid, signal.SIGKILL)
            live.wait()
    return said


def test_live_coding_runs_the_sketch_again_when_it_is_saved(tmp_path):
    assert said_live(tmp_path / "live_sketch.py", LIVE) == ["first", "second", "ended 0"]


def test_live_coding_takes_imported_mode_as_py5_runs_it(tmp_path):
    helper = "# PY5 IMPORTED MODE CODE\n\ndef half(n):\n    return n // 2 + 0 * width\n"
    (tmp_path / "helper.py").write_text(helper)
    said = said_live(tmp_path / "imported_live.py", LIVE_IMPORTED)
    assert said == ["first 30 True", "second 30 True", "ended 0"]
    assert said_live(tmp_path / "static_live.py", LIVE_STATIC) == ["first 60", "second 60", "ended 0"]


def test_live_coding_says_which_modes_it_takes(tmp_path):
    done = creativenn("live", ROOT / "tests" / "sketches" / "class_mode.py", cwd=tmp_path, display=True)
    assert done.returncode == 2 and "class mode; live coding (py5's own) works on module-mode" in done.stderr
    assert "and imported-mode" in done.stderr


def test_creativenns_helpers_draw_in_imported_and_class_mode(tmp_path):
    for sketch in (SKETCHES / "imported" / "with_helpers.py", SKETCHES / "class_mode_helpers.py"):
        out = tmp_path / sketch.stem
        done = creativenn("export", sketch, "--frames", 1, "--out", out, timeout=120)
        assert done.returncode == 0, done.stderr
        (frame,) = pictures(out)
        text = frame[10:40, 10:150]
        assert (text.max(axis=2) > 200).sum() > 150, sketch.name  # white letters on the dark ground
        assert tuple(frame[55, 155]) == GROUND


DRAWS_ON = """import py5


def settings():
    py5.size(200, 200)


def draw():
    py5.background(py5.frame_count % 255)
    py5.circle(100, 100, 50 + py5.frame_count % 100)
    if py5.frame_count == 3:
        print("drawing", flush=True)


py5.run_sketch()
"""


def test_ctrl_c_ends_a_running_sketch_between_two_frames(tmp_path):
    """Left to Python, Ctrl-C stopped Java in the middle of draw(), and py5 blamed the sketch's own
    code: "Java Virtual Machine is not running"."""
    (tmp_path / "draws_on.py").write_text(DRAWS_ON)
    run = subprocess.Popen([sys.executable, "-m", "creativenn", "run", "draws_on.py"], cwd=tmp_path,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert next(line for line in run.stdout if line.strip() in ("drawing", "")) == "drawing\n"
        run.send_signal(signal.SIGINT)
        _, said = run.communicate(timeout=120)
    finally:
        run.kill()
    assert run.returncode == 0, said
    assert "not running" not in said and "Traceback" not in said and "error" not in said.lower(), said
