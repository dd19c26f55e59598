"""The course as notebooks (notebooks/): each runs top to bottom in a fresh kernel with no display,
and shows at least one picture and one animation inline."""

import os
from pathlib import Path

import nbformat
import numpy as np
import pytest
from nbclient import NotebookClient

from tests.test_maths_notes import cited_tags

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks_and_they_are_committed_without_outputs():
    assert NOTEBOOKS
    for path in NOTEBOOKS:
        notebook = nbformat.read(path, as_version=4)
        assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), path.name
        words = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
        assert len(cited_tags(words)) >= 2, f"{path.name} cites no tags of docs/maths.md"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_a_notebook_runs_in_a_fresh_kernel_with_no_display_and_shows_pictures(path, tmp_path, monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)  # as on a server or in Colab: it starts its own
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()  # raises on any error
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    pictures = [o for o in outputs if "image/png" in o.get("data", {})]
    videos = [o for o in outputs if "<video" in o.get("data", {}).get("text/html", "")]
    assert pictures and videos, f"{path.name}: {len(pictures)} pictures, {len(videos)} animations"
    assert os.environ.get("DISPLAY") is None


def test_bad_input_is_one_line_and_starts_no_java(tmp_path):
    import subprocess
    import sys

    code = ("import sys\nfrom creativenn.notebook import NotebookError, show\n"
            "try:\n    show([[1, 2], [3, 4]])\nexcept NotebookError as error:\n"
            "    print(error._render_traceback_())\n"
            "print('py5' in sys.modules, 'jpype' in sys.modules)\n")
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert "['creativenn: show() cannot draw a list: give it an MLP" in done.stdout
    assert done.stdout.strip().endswith("False False")  # nothing drawn, so neither py5 nor Java started


def test_a_sketch_that_fails_is_said_in_one_line(tmp_path):
    from creativenn.notebook import NotebookError, animate

    broken = tmp_path / "broken.py"
    broken.write_text("import py5\n\n\ndef draw():\n    1 / 0\n\n\npy5.run_sketch()\n")
    with pytest.raises(NotebookError, match="broken.py could not be animated: .*ZeroDivisionError"):
        animate(broken, frames=2)


def test_what_a_picture_cannot_show_is_said_in_it_or_in_one_line():
    import creativenn as cnn
    from creativenn.notebook import NotebookError, Picture, plot, show

    net = cnn.MLP([5, 4, 1], seed=0)
    X = np.random.default_rng(0).normal(size=(10, 5))
    picture = show(net, X, (X[:, :1] > 0).astype(float))  # no field to draw: the diagram, and why not
    assert isinstance(picture, Picture) and picture.image.size == (800, 520)
    with pytest.raises(NotebookError, match="X has 3 columns, one per input; this network takes 5 inputs"):
        show(net, X[:, :3], X[:, :1])
    circles, labels = cnn.datasets.circles(n=60, seed=1)  # a network fed features of points (F3) …
    featured = cnn.MLP([3, 4, 1], loss="bce", seed=0, features=["x1^2", "x2^2", "sin(x1)"])
    picture = np.asarray(show(featured, circles, labels).image).astype(int)
    field = picture[100:460, 40:400]  # … has a plane: its decision field, where the diagram is not
    assert np.abs(np.diff(field, axis=1)).sum(axis=2).mean() > 1 and field.std() > 10
    names = picture[90:470, 440:490]  # the inputs' names, left of them and clear of the field
    assert (np.abs(names - picture[5, 5]).sum(axis=2) > 200).sum() > 50
    with pytest.raises(NotebookError, match=r"takes points \(x1, x2\) and computes its features"):
        show(featured, featured.features(circles), labels)
    with pytest.raises(NotebookError, match="curve 'b' has 2 values for 3 x values"):
        plot([0, 1, 2], {"a": [0, 1, 2], "b": [0, 1]})
    with pytest.raises(NotebookError, match="x must be two or more values, each larger than the last"):
        plot([2, 1, 0], {"a": [0, 1, 2]})


# ---- a training loop written in the notebook, as a video -------------------------------------------

def _training(seed=0):
    import creativenn as cnn
    from creativenn.worlds.training import Training

    X, Y = cnn.datasets.moons(n=100, seed=0)
    net = cnn.MLP([2, 4, 1], activation="tanh", output_activation="sigmoid", loss="bce", seed=seed)
    return Training(net, X, Y, cnn.Adam(0.03), batch_size=16, seed=seed)


def test_a_notebooks_own_loop_becomes_a_video_of_every_frame_and_leaves_the_model_trained(tmp_path):
    from PIL import Image

    from creativenn.notebook import Video, animate

    run = _training()
    numbers = []

    def train_a_little(k):
        numbers.append(k)
        run.step(3)
        return run

    video = animate(train_a_little, frames=6, every=2, out=tmp_path / "clip")
    assert isinstance(video, Video) and video.path == tmp_path / "clip" / "train_a_little.mp4"
    assert video.path.stat().st_size > 1000 and "<video" in video._repr_html_()
    pngs = sorted((tmp_path / "clip").glob("frame-*.png"))
    assert len(pngs) == 6 and Image.open(pngs[0]).size == (800, 800)
    assert numbers == list(range(12)) and run.steps == 36  # called every draw; the notebook's model moved
    first, last = (np.asarray(Image.open(p)) for p in (pngs[0], pngs[-1]))
    assert np.abs(first.astype(int) - last).mean() > 0.5  # it moved: the field and the curve changed


def test_the_same_call_gives_the_same_frames_and_a_gif_when_asked(tmp_path):
    from creativenn.notebook import animate

    def noisy():  # numpy's global generator: seeded by animate, as export seeds a sketch
        return np.cumsum(np.random.rand(30))

    one = animate(noisy, frames=3, out=tmp_path / "one", gif=True)
    two = animate(noisy, frames=3, out=tmp_path / "two", gif=True)
    assert one.path.suffix == ".gif" and "image/gif" in one._repr_html_()
    for a, b in zip(sorted(one.frames.glob("*.png")), sorted(two.frames.glob("*.png")), strict=True):
        assert a.read_bytes() == b.read_bytes()


def test_a_loop_that_fails_says_where_in_one_line_and_keeps_its_frames(tmp_path):
    from creativenn.notebook import NotebookError, animate

    def breaks(k):
        if k == 3:
            raise ValueError("the learning rate went negative")
        return [1.0, 0.5, 0.25][: k + 1] if k < 3 else [1.0]

    with pytest.raises(NotebookError, match=r"breaks failed at frame 3: ValueError: the learning rate went "
                                            r"negative; the 3 frames before it are in .*clip/"):
        animate(breaks, frames=5, out=tmp_path / "clip")
    assert len(list((tmp_path / "clip").glob("frame-*.png"))) == 3
    with pytest.raises(NotebookError, match="show\\(\\) cannot draw a str"):
        animate(lambda: "a picture", frames=2, out=tmp_path / "other")
    with pytest.raises(NotebookError, match="frames must be a whole number, 1 or more; got 0"):
        animate("network", frames=0)


# ---- live: a sketch running in the notebook, keys and mouse passed on ------------------------------

PROBE = '''import py5

shown = {"red": 0, "at": None, "typed": ""}


def settings():
    py5.size(200, 100)


def draw():
    py5.background(shown["red"], 0, 40)
    if shown["at"] is not None:
        py5.no_stroke()
        py5.fill(255)
        py5.rect(shown["at"][0] - 6, shown["at"][1] - 6, 12, 12)


def key_pressed():
    if py5.key == "r":
        shown["red"] = 255


def mouse_pressed():
    shown["at"] = (py5.mouse_x, py5.mouse_y)


py5.run_sketch()
'''


def _frame(sketch):
    return np.asarray(sketch.picture().image).astype(int)


def _until(sketch, test, frames=200):
    for _ in range(frames):
        sketch.wait_for_frames(1)
        if test(_frame(sketch)):
            return True
    return False


def test_a_live_sketch_streams_frames_and_hears_keys_and_the_mouse(tmp_path):
    from creativenn.notebook import LiveSketch, live

    probe = tmp_path / "probe.py"
    probe.write_text(PROBE)
    sketch = live(str(probe))
    try:
        assert isinstance(sketch, LiveSketch)
        sketch.wait_for_frames(2)
        assert _frame(sketch).shape == (100, 200, 3) and _frame(sketch)[50, 100, 0] < 30
        sketch.press("r")
        assert _until(sketch, lambda f: f[50, 100, 0] > 220), "the key press never reached the sketch"
        for action in ("press", "release"):
            sketch.send_event({"kind": "mouse", "action": action, "x": 150, "y": 30, "button": 0})
        assert _until(sketch, lambda f: f[30, 150].min() > 220), "the click never reached the sketch"
        assert "running" in sketch.status
    finally:
        sketch.stop()
    assert not sketch.running and "has ended" in sketch.status


def test_a_bundled_sketch_runs_live_and_a_broken_one_says_why(tmp_path):
    from creativenn.notebook import NotebookError, live

    sketch = live("cost_contour")
    try:
        assert sketch.wait_for_frames(1) >= 1 and _frame(sketch).shape[1] == 800
    finally:
        sketch.stop()
    broken = tmp_path / "broken.py"
    broken.write_text("import py5\n\n\ndef draw():\n    1 / 0\n\n\npy5.run_sketch()\n")
    sketch = live(str(broken))
    sketch.process.wait(120)
    sketch.wait_for_frames(1, timeout=30)
    assert "has ended" in sketch.status and "ZeroDivisionError" in sketch.status
    with pytest.raises(NotebookError, match="no bundled sketch called 'nope'"):
        live("nope")
