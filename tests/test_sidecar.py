"""The sidecar: one JSON record per exported frame, the numbers that made it."""

import json
from pathlib import Path

import pytest

from creativenn import resources
from tests.conftest import creativenn

ROOT = Path(__file__).resolve().parent.parent
ALL = sorted(resources.sketches())  # the bundled sketches, as the command finds them


@pytest.mark.parametrize("name", ALL)
def test_every_sketch_writes_one_valid_record_per_frame(render, tmp_path, name):
    sidecar = tmp_path / f"{name}.jsonl"
    result, frames = render(ROOT / "sketches" / f"{name}.py", 3, sidecar=sidecar, size=(400, 400)
                            if name not in ("cost_surface", "landscape") else None)
    records = [json.loads(line) for line in sidecar.read_text().splitlines()]
    assert [r["frame"] for r in records] == [1, 2, 3] == list(range(1, len(frames) + 1))
    assert len(records[-1]) > 1  # numbers beyond the frame number


def test_the_records_match_the_sketch_as_it_was_drawn(render, tmp_path):
    sidecar = tmp_path / "line_fit.jsonl"
    result, _ = render(ROOT / "sketches" / "line_fit.py", 12, sidecar=sidecar)
    records = [json.loads(line) for line in sidecar.read_text().splitlines()]
    fit = result.namespace["run"].fit
    assert [r["step"] for r in records] == list(range(1, 13))
    assert records[-1]["slope"] == fit.slope and records[-1]["intercept"] == fit.intercept
    assert records[0]["cost"] > records[-1]["cost"] and records[-1]["gradient_norm"] > 0


def test_export_sidecar_from_the_command_line_and_a_sketch_without_state(tmp_path):
    done = creativenn("export", "heavy_ball", "--frames", 5, "--out", tmp_path / "h", "--sidecar")
    assert done.returncode == 0, done.stderr
    lines = (tmp_path / "h" / "heavy_ball.jsonl").read_text().splitlines()
    assert len(lines) == 5 and json.loads(lines[-1])["step"] == 5
    plain = tmp_path / "plain.py"
    plain.write_text("import py5\ndef settings():\n    py5.size(100, 100)\ndef draw():\n"
                     "    py5.background(0)\npy5.run_sketch()\n")
    refused = creativenn("export", plain, "--frames", 2, "--out", tmp_path / "p", "--sidecar")
    assert refused.returncode == 1 and "has no state() function" in refused.stderr
