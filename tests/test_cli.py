"""The creativenn command as a newcomer types it, with no display in its environment."""

from pathlib import Path

import numpy as np
from PIL import Image

from tests.conftest import creativenn

ROOT = Path(__file__).resolve().parent.parent


def test_export_writes_exactly_n_pngs_a_gif_and_an_mp4(tmp_path):
    out = tmp_path / "n"
    done = creativenn("export", "network", "--frames", 12, "--out", out, "--gif", "--mp4", "--fps", 12)
    assert done.returncode == 0, done.stderr
    pngs = sorted(out.glob("frame-*.png"))
    assert [p.name for p in pngs] == [f"frame-{k:04d}.png" for k in range(1, 13)]
    assert "12 frames in" in done.stderr
    with Image.open(out / "network.gif") as gif:
        assert gif.n_frames == 12
    import imageio_ffmpeg

    reader = imageio_ffmpeg.read_frames(str(out / "network.mp4"))
    assert next(reader)["size"] == (800, 800) and sum(1 for _ in reader) == 12
    first = np.asarray(Image.open(pngs[0]))
    again = creativenn("export", "network", "--frames", 1, "--out", tmp_path / "again")
    assert again.returncode == 0, again.stderr
    assert np.array_equal(first, np.asarray(Image.open(tmp_path / "again" / "frame-0001.png")))


def test_a_sketch_that_raises_keeps_its_frames_and_says_where(tmp_path):
    done = creativenn("export", ROOT / "tests" / "sketches" / "raises.py", "--frames", 10, "--out", tmp_path)
    assert done.returncode == 1
    assert "raised an error at frame 5" in done.stderr
    assert "breaks on purpose" in done.stderr and "raises.py" in done.stderr
    assert "4 frames written before it are kept" in done.stderr
    assert len(list(tmp_path.glob("frame-*.png"))) == 4


def test_bad_arguments_get_clear_errors(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    cases = [
        (["export", "network", "--frames", 0, "--out", tmp_path], "--frames must be 1 or more"),
        (["export", "network", "--frames", 3, "--out", blocker / "x"], "cannot write frames to"),
        (["export", "netwrok", "--frames", 3, "--out", tmp_path], "no bundled sketch called 'netwrok'"),
        (["export", "nope.py", "--frames", 3, "--out", tmp_path], "no sketch file at nope.py"),
        (["export", "network", "--frames", 3, "--out", tmp_path, "--size", "big"], "size must look like"),
        (["run", "network"], "no display here"),
    ]
    for args, message in cases:
        done = creativenn(*args)
        assert done.returncode == 2, (args, done.stderr)
        assert message in done.stderr, (args, done.stderr)


def test_list_shows_the_sketches_with_their_descriptions():
    done = creativenn("list")
    assert done.returncode == 0
    lines = dict(line.split(None, 1) for line in done.stdout.splitlines())
    assert set(lines) >= {"network", "cost_surface", "cost_contour", "line_fit", "perceptron",
                          "descent_modes"}
    assert lines["network"].startswith("A network learning XOR")


def test_demo_learns_xor_in_the_terminal():
    done = creativenn("demo")
    assert done.returncode == 0 and "XOR learned." in done.stdout


def test_an_export_takes_the_sketchs_own_length_and_can_be_clean(tmp_path):
    sketch = tmp_path / "short.py"
    sketch.write_text('"""A title and a square."""\nimport py5\n\nfrom creativenn.draw import draw_title\n\n'
                      "EXPORT_FRAMES = 3\n\n\ndef settings():\n    py5.size(200, 120)\n\n\n"
                      "def draw():\n    py5.background(0)\n    py5.fill(255, 0, 0)\n"
                      "    py5.rect(150, 80, 20, 20)\n"
                      '    draw_title("a title")\n\n\npy5.run_sketch()\n')
    done = creativenn("export", sketch, "--out", tmp_path / "a")
    assert done.returncode == 0, done.stderr
    assert len(list((tmp_path / "a").glob("frame-*.png"))) == 3  # EXPORT_FRAMES, with no --frames
    clean = creativenn("export", sketch, "--frames", 1, "--out", tmp_path / "b", "--clean")
    assert clean.returncode == 0, clean.stderr
    with_text = np.asarray(Image.open(tmp_path / "a" / "frame-0001.png").convert("RGB"))
    without = np.asarray(Image.open(tmp_path / "b" / "frame-0001.png").convert("RGB"))
    assert with_text[20:50, 30:100].max() > 100 and without[20:50, 30:100].max() == 0  # the title: gone
    assert tuple(without[90, 160]) == (255, 0, 0)  # the picture: kept
