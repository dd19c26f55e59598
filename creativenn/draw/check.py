"""A test frame in each renderer, for ``creativenn doctor``: ``python -m creativenn.draw.check``.

Draws a small known picture with JAVA2D (with text in the bundled font), P2D
and P3D, grabs its pixels and checks two of them. Prints one JSON line per
renderer: ``{"renderer": "P3D", "ok": true, "detail": "…"}``.
"""

import json
import sys
import time

import py5

from .base import label

BACKGROUND, SQUARE = (20, 30, 40), (250, 200, 0)
RENDERERS = {"JAVA2D": py5.JAVA2D, "P2D": py5.P2D, "P3D": py5.P3D}
_KEPT = []  # finished OpenGL sketches stay alive: their GL objects must not be freed in another's context


class TestFrame(py5.Sketch):
    """One frame: a yellow square on a dark ground, and a word in the bundled font (JAVA2D)."""

    def __init__(self, renderer):
        super().__init__()
        self.renderer, self.rgb = renderer, None

    def settings(self):
        self.size(120, 80, self.renderer)

    def draw(self):
        self.background(*BACKGROUND)
        self.no_stroke()
        self.fill(*SQUARE)
        self.rect(10, 10, 40, 40)
        if self.renderer == py5.JAVA2D:
            label("Aa", 70, 20, 20, sketch=self)
        self.rgb = self.get_np_pixels(bands="RGB")
        self.exit_sketch()


def check(name: str) -> dict:
    start = time.perf_counter()
    sketch = TestFrame(RENDERERS[name])
    try:
        sketch.run_sketch(block=True)
    except Exception as error:  # noqa: BLE001 - reported, as every other problem
        return {"renderer": name, "ok": False, "detail": f"could not run: {error}"}
    _KEPT.append(sketch)
    seconds = time.perf_counter() - start
    if sketch.is_dead_from_error or sketch.rgb is None:
        return {"renderer": name, "ok": False, "detail": "the sketch stopped before drawing a frame"}
    inside, outside = sketch.rgb[30, 30].tolist(), sketch.rgb[70, 5].tolist()
    if max(abs(a - b) for a, b in zip(inside + outside, SQUARE + BACKGROUND, strict=True)) > 8:
        return {"renderer": name, "ok": False,
                "detail": f"wrong colours: {inside} and {outside} instead of {SQUARE} and {BACKGROUND}"}
    return {"renderer": name, "ok": True, "detail": f"{seconds:.1f} s"}


def main() -> int:
    results = [check(name) for name in sys.argv[1:] or RENDERERS]
    for result in results:
        print(json.dumps(result), flush=True)
    return 0 if all(r["ok"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
