"""The course as notebooks (notebooks/): each runs top to bottom in a fresh kernel with no display,
and shows at least one picture and one animation inline."""

import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks_and_they_are_committed_without_outputs():
    assert NOTEBOOKS
    for path in NOTEBOOKS:
        notebook = nbformat.read(path, as_version=4)
        assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), path.name


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
