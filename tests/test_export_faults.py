"""An export never hangs, never loses a file, never leaves a process behind, and says what happened.

Each fault is reproduced with a small sketch of tests/sketches/ and its
outcome asserted; a would-be hang runs under a timeout well inside the suite's.
"""

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
