"""`creativenn new`: a starter that runs as is, exports headless, and never overwrites a file."""

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tests.conftest import creativenn

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("starter", ["network", "line_fit", "cost_surface", "playground", "cppn", "blank"])
def test_a_new_sketch_exports_a_clip_headless(tmp_path, starter):
    made = creativenn("new", "class_project", "--from", starter, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    sketch = tmp_path / "class_project.py"
    text = sketch.read_text()
    assert "CHANGE" in text and "class project" in text and "TITLE" not in text and "NAME" not in text
    done = creativenn("export", sketch, "--frames", 4, "--out", tmp_path / "out", "--gif", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    frames = [np.asarray(Image.open(p)) for p in sorted((tmp_path / "out").glob("frame-*.png"))]
    assert len(frames) == 4 and (tmp_path / "out" / "class_project.gif").is_file()
    assert frames[-1].std() > 5 and not np.array_equal(frames[0], frames[-1])  # a picture, moving


def test_new_refuses_to_overwrite_and_to_take_a_bad_name(tmp_path):
    mine = tmp_path / "mine.py"
    mine.write_text("# my work\n")
    refused = creativenn("new", "mine", cwd=tmp_path)
    assert refused.returncode == 2 and "never overwrites" in refused.stderr
    assert mine.read_text() == "# my work\n"
    bad = creativenn("new", "my-project", cwd=tmp_path)
    assert bad.returncode == 2 and "not a usable sketch name" in bad.stderr
    unknown = creativenn("new", "x", "--from", "nope", cwd=tmp_path)
    assert unknown.returncode == 2 and "invalid choice" in unknown.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.py"]


def test_the_commands_new_prints_work_exactly_as_written(tmp_path):
    import shlex
    import subprocess

    made = creativenn("new", "try_it", "--from", "blank", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    export_line = next(line for line in made.stdout.splitlines() if " export " in line)
    command = shlex.split(export_line.split("   (")[0].replace("--frames 120", "--frames 2"))
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=300,
                          env={k: v for k, v in __import__("os").environ.items() if k != "PYTHONPATH"})
    assert done.returncode == 0, (command, done.stderr)
    assert len(list((tmp_path / "out" / "try_it").glob("frame-*.png"))) == 2
    docstring = (tmp_path / "try_it.py").read_text().split('"""')[1]
    assert f"export it: {command[0]} " in docstring or f"export it: {' '.join(command[:3])} " in docstring
