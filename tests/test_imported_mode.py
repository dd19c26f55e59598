"""Imported mode as py5 runs it: every sketch of the corpus exports the frames ``py5-run-sketch`` draws.

``tests/sketches/imported_corpus`` holds imported-mode sketches written the ways people write them
(global lines, comments or a docstring before ``size()``, ``P2D``/``P3D``, ``full_screen()``, no
``size()`` at all, a trailing ``run_sketch()``, a helper module in imported mode, ``match``,
handlers, ``no_loop()``, static sketches). Each is run by py5's own runner
(``tests/py5_reference.py``) and exported by ``creativenn export`` from its own folder, as a user
would; every exported frame must have the pixels py5 drew. They are deterministic: where they
draw at random they seed py5's or numpy's generator themselves.
"""

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tests.conftest import ROOT, creativenn

CORPUS = ROOT / "tests" / "sketches" / "imported_corpus"
HELPERS = {"mover.py"}  # imported by a sketch, not sketches themselves
SKETCHES = sorted(p for p in CORPUS.glob("*.py") if p.name not in HELPERS)
FRAMES = 4


def pictures(folder: Path) -> list[np.ndarray]:
    return [np.asarray(Image.open(p).convert("RGB")) for p in sorted(folder.glob("frame-*.png"))]


def test_the_corpus_is_the_size_the_issue_asks_for():
    assert len(SKETCHES) >= 20
    for sketch in SKETCHES:
        assert "import py5" not in sketch.read_text() and "py5." not in sketch.read_text(), sketch.name


@pytest.mark.parametrize("sketch", SKETCHES, ids=lambda p: p.stem)
def test_export_gives_the_frames_py5_draws(sketch, tmp_path):
    reference = subprocess.run([sys.executable, str(ROOT / "tests" / "py5_reference.py"), sketch.name,
                                str(tmp_path / "py5"), str(FRAMES)], cwd=sketch.parent,
                               capture_output=True, text=True, timeout=300)
    assert reference.returncode == 0, reference.stderr
    theirs = pictures(tmp_path / "py5")
    done = creativenn("export", sketch.name, "--frames", FRAMES, "--out", tmp_path / "creativenn",
                      cwd=sketch.parent, display=True)
    assert done.returncode == 0, done.stderr
    ours = pictures(tmp_path / "creativenn")
    assert len(ours) == FRAMES and theirs
    for k, picture in enumerate(ours, start=1):
        expected = theirs[min(k, len(theirs)) - 1]  # no_loop() and static sketches: their one picture
        assert picture.shape == expected.shape, f"frame {k}"
        differ = np.any(picture != expected, axis=-1)
        assert not differ.any(), f"frame {k}: {differ.sum()} of {differ.size} pixels differ from py5's"


RESERVED = '''def setup():
    size(100, 100)


def draw():
    width = 5
    rect(0, 0, width, 10)
'''
NOT_PYTHON = '''def setup():
    size(100, 100)

def draw(:
    pass
'''
STUCK = '''def setup():
    size(100, 100)
    while True:
        pass


def draw():
    rect(0, 0, 10, 10)
'''


def export(tmp_path, source: str, **env) -> subprocess.CompletedProcess:
    (tmp_path / "bad.py").write_text(source)
    command = [sys.executable, "-m", "creativenn", "export", "bad.py", "--frames", "2", "--out", "out"]
    return subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=300,
                          env={**os.environ, **env})


def test_a_file_py5_refuses_gets_py5s_own_message_with_its_line(tmp_path):
    done = export(tmp_path, RESERVED)
    assert done.returncode == 1
    assert 'error: py5 will not run bad.py: There is a problem with your Sketch code' in done.stderr
    assert 'reserved word "width" on line 6' in done.stderr and "no frame was written" in done.stderr
    assert "Traceback" not in done.stderr and "/creativenn-" not in done.stderr  # not the copy py5 ran


def test_a_file_that_is_not_python_says_where(tmp_path):
    done = export(tmp_path, NOT_PYTHON)
    assert done.returncode == 1 and "error: bad.py is not valid Python:" in done.stderr
    assert 'bad.py", line 4' in done.stderr and "SyntaxError" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_sketch_that_never_draws_is_said_in_bounded_time_not_a_hang(tmp_path):
    done = export(tmp_path, STUCK, CREATIVENN_FIRST_FRAME_SECONDS="5")
    assert done.returncode == 1
    assert "bad.py drew no frame within 5 s of starting" in done.stderr, done.stderr
    assert not list((tmp_path / "out").glob("frame-*"))


def test_an_error_at_the_top_of_an_imported_sketch_names_its_own_file_and_line(tmp_path):
    done = export(tmp_path, "# a comment\nimport not_a_module_here\n\n\ndef setup():\n    size(100, 100)\n")
    assert done.returncode == 1 and f'File "{tmp_path / "bad.py"}", line 2' in done.stderr, done.stderr
    assert "import not_a_module_here" in done.stderr and "no frame was written" in done.stderr
    assert "/creativenn-" not in done.stderr


def test_arguments_after_two_dashes_reach_pargs_before_the_sketchs_own(tmp_path):
    sketch = CORPUS / "run_sketch_args.py"
    done = creativenn("export", sketch.name, "--frames", 1, "--out", tmp_path, "--", "#0000FF", "#FFFFFF",
                      cwd=sketch.parent, display=True)
    assert done.returncode == 0, done.stderr
    (frame,) = pictures(tmp_path)
    assert tuple(frame[5, 5]) == (0, 0, 255) and tuple(frame[30, 15]) == (255, 255, 255)
