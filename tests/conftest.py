"""Shared fixtures: a virtual display for py5, and sketches rendered through the runner."""

import numpy as np
import pytest


@pytest.fixture(scope="session")
def py5_display():
    """py5, imported (the root conftest.py made sure there is a display)."""
    import py5

    return py5


@pytest.fixture(scope="session")
def render(py5_display):
    """render(sketch, frames, **options) -> (Rendered, [frames as RGB arrays])."""
    from creativenn.draw.render import render as run

    def render_frames(sketch, frames, **options):
        captured = []
        result = run(sketch, frames, on_frame=lambda rgb, k: captured.append(rgb.copy()), **options)
        assert result.error is None, result.error
        assert result.frames == len(captured) == frames
        return result, captured

    return render_frames


def near(color, expected, tolerance=12) -> bool:
    return bool(np.max(np.abs(np.asarray(color, int) - np.asarray(expected, int))) <= tolerance)
