"""Projector mode (creativenn run --scale / --fullscreen): the sketch drawn bigger, in its own units."""

import numpy as np
import pytest
from PIL import Image

from conftest import creativenn, near

MODULE = '''import py5


def settings():
    py5.size(200, 100{renderer})


def draw():
    py5.background(0)
    py5.no_stroke()
    py5.fill(255, 0, 0)
    py5.rect(100, 50, 100, 50)  # the bottom-right quarter, in the sketch's own units
    if py5.frame_count == 3:
        print("SEEN", py5.width, py5.height, flush=True)
        py5.save_frame(OUT)
        py5.exit_sketch()


py5.run_sketch()
'''
CLASS = '''import py5


class Quad(py5.Sketch):
    def settings(self):
        self.size(200, 100, py5.P2D)

    def draw(self):
        self.background(0)
        self.no_stroke()
        self.fill(255, 0, 0)
        self.rect(100, 50, 100, 50)
        if self.frame_count == 3:
            print("SEEN", self.width, self.height, flush=True)
            self.save_frame(OUT)
            self.exit_sketch()


Quad().run_sketch()
'''


@pytest.mark.parametrize(("source", "how", "window", "quarter"), [
    (MODULE.format(renderer=""), ["--scale", "1.5"], (300, 150), (150, 75, 300, 150)),
    (MODULE.format(renderer=", py5.P3D"), ["--scale", "2"], (400, 200), (200, 100, 400, 200)),
    (CLASS, ["--fullscreen"], (1920, 1080), (960, 540, 1920, 1020)),  # ×9.6, 60 px bands above and below
])
def test_the_sketch_is_drawn_bigger_and_still_reads_its_own_size(tmp_path, py5_display, source, how, window,
                                                                 quarter):
    out = tmp_path / "frame.png"
    sketch = tmp_path / "quad.py"
    sketch.write_text(f"OUT = {str(out)!r}\n" + source)
    done = creativenn("run", sketch, *how, display=True, timeout=120)
    assert "SEEN 200 100" in done.stdout, done.stderr[-2000:]  # width and height in the sketch's units
    picture = np.asarray(Image.open(out).convert("RGB"))
    assert picture.shape[:2] == window[::-1]
    x0, y0, x1, y1 = quarter
    assert near(picture[(y0 + y1) // 2, (x0 + x1) // 2], (255, 0, 0))
    assert near(picture[y0 + 3, x0 + 3], (255, 0, 0)) and near(picture[y0 - 3, x0 - 3], (0, 0, 0))


def test_a_bad_scale_is_refused_with_what_to_give():
    done = creativenn("run", "network", "--scale", "0")
    assert done.returncode != 0 and "above 0 and at most 10" in done.stderr
