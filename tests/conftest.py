"""Shared fixtures: a virtual display for py5, sketches rendered through the runner, the command."""

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def py5_display():
    """py5, imported (the root conftest.py made sure there is a display)."""
    import py5

    return py5


@pytest.fixture(scope="session")
def render(py5_display):
    """render(sketch, frames, **options) -> (Rendered, [frames as RGB arrays])."""
    from creativenn.tools.render import render as run

    def render_frames(sketch, frames, **options):
        captured = []
        result = run(sketch, frames, on_frame=lambda rgb, k: captured.append(rgb.copy()), **options)
        assert result.error is None, result.error
        assert result.frames == len(captured) == frames
        return result, captured

    return render_frames


def near(color, expected, tolerance=12) -> bool:
    return bool(np.max(np.abs(np.asarray(color, int) - np.asarray(expected, int))) <= tolerance)


def creativenn(*args, cwd=ROOT, display=False, timeout=300) -> subprocess.CompletedProcess:
    """``python -m creativenn ARGS`` as a newcomer runs it: with no display unless ``display``."""
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY" or display}
    return subprocess.run([sys.executable, "-m", "creativenn", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)
