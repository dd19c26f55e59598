"""Projector mode: any sketch drawn bigger and crisp, for a classroom.

``creativenn run SKETCH --scale 1.5`` opens a window 1.5 times the sketch's
own size; ``--fullscreen`` fills the screen, the sketch centred at the
largest scale that fits, the rest in its background colour. The sketch is
not changed and does not know: it is drawn again at the larger size each
frame, not enlarged as a picture afterwards, so lines and text stay sharp.

How: py5's ``Sketch`` is adjusted in this process before the sketch runs
(module, class or imported mode alike). ``size(w, h)`` asks for the larger
window (or ``full_screen``); a hook py5 runs before ``setup`` and ``draw``
moves and scales the drawing; ``width``, ``height`` and the mouse read in the
sketch's own units, so its layout and its clicks work as they do at 1×.
``CREATIVENN_PROJECTOR`` tells the drawing code the factor and where the
sketch sits: fonts are made at the drawn size (``creativenn.draw.font``), so
text in P2D/P3D is sharp too, and points found on screen in 3D are read back
in the sketch's units (``Terrain3D.on_screen``).

Run as ``python -m creativenn.tools.projector SKETCH [--scale F | --fullscreen] [-- args]`` by
``creativenn run`` (with neither, the sketch at its own size: ``run_file`` alone, where Ctrl-C
ends the sketch cleanly).

Leaves out: several monitors (py5's ``full_screen(display)``), changing the scale while it runs.
"""

from __future__ import annotations

import argparse
import os
import runpy
import signal
import sys
from pathlib import Path

from .worker import PROJECTOR


def install(scale: float | None, fullscreen: bool) -> None:
    """Adjust py5's Sketch in this process so that every sketch run here is drawn ``scale`` times
    bigger (or as big as the screen allows, with ``fullscreen``)."""
    import py5

    real = {name: getattr(py5.Sketch, name) for name in
            ("size", "width", "height", "mouse_x", "mouse_y", "pmouse_x", "pmouse_y", "_run_sketch")}

    def size(self, width, height, *rest):
        self._cnn_asked = (width, height)
        if fullscreen:
            self.full_screen(*rest)  # the renderer, if one was asked for
        else:
            real["size"](self, round(width * scale), round(height * scale), *rest)

    def place(self) -> tuple[float, float, float]:
        """(factor, left, top): how the sketch's own units map onto the window."""
        if getattr(self, "_cnn_place", None) is None:
            w, h = self._cnn_asked
            ww, wh = real["width"].fget(self), real["height"].fget(self)
            factor = min(ww / w, wh / h)
            self._cnn_place = (factor, (ww - w * factor) / 2, (wh - h * factor) / 2)
            os.environ[PROJECTOR] = ",".join(f"{v:.4f}" for v in self._cnn_place)
        return self._cnn_place

    def transform(self):  # py5 calls this before the sketch's own setup() and draw()
        if getattr(self, "_cnn_asked", None) is not None:
            factor, left, top = place(self)
            self.translate(left, top)
            self.scale(factor)

    def own(name, axis):
        def read(self):
            raw = real[name].fget(self)
            if getattr(self, "_cnn_asked", None) is None:
                return raw
            factor, left, top = place(self)
            return (raw - (left, top)[axis]) / factor
        return property(read)

    def run_sketch(self, methods, *args, **kwargs):
        self._add_pre_hook("setup", "creativenn_projector", transform)
        self._add_pre_hook("draw", "creativenn_projector", transform)
        return real["_run_sketch"](self, methods, *args, **kwargs)

    py5.Sketch.size, py5.Sketch._run_sketch = size, run_sketch
    py5.Sketch.width = property(lambda self: self._cnn_asked[0] if getattr(self, "_cnn_asked", None)
                                else real["width"].fget(self))
    py5.Sketch.height = property(lambda self: self._cnn_asked[1] if getattr(self, "_cnn_asked", None)
                                 else real["height"].fget(self))
    for name, axis in (("mouse_x", 0), ("mouse_y", 1), ("pmouse_x", 0), ("pmouse_y", 1)):
        setattr(py5.Sketch, name, own(name, axis))


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m creativenn.tools.projector",
                                description=__doc__.split("\n")[0])
    p.add_argument("sketch")
    how = p.add_mutually_exclusive_group()  # neither: the sketch's own size (creativenn run)
    how.add_argument("--scale", type=float)
    how.add_argument("--fullscreen", action="store_true")
    argv = sys.argv[1:] if argv is None else list(argv)
    rest = argv[argv.index("--") + 1:] if "--" in argv else []  # the sketch's own arguments
    args = p.parse_args(argv[: len(argv) - len(rest) - ("--" in argv)])
    args.sketch_args = rest
    bigger = args.scale is not None or args.fullscreen
    run_file(Path(args.sketch), args.sketch_args,
             lambda: install(args.scale, args.fullscreen) if bigger else None)
    return 0


def run_file(sketch: Path, sketch_args, adjust) -> None:
    """Run a sketch file in this process as its own mode runs it (imported mode through py5's
    runner), calling ``adjust()`` once py5 has started and before the sketch runs (the projector
    and the notebook's live portal adjust py5's Sketch there)."""
    sketch = sketch.resolve()
    from .sketchfile import mode_of

    mode = mode_of(sketch.read_text(encoding="utf-8"), str(sketch))
    if mode == "imported":
        import py5_tools

        py5_tools.set_imported_mode(True)  # before py5 is imported
    from . import _start  # noqa: F401 - py5 started on the chosen Java, or one clear message

    adjust()
    stop_on_ctrl_c()
    sys.argv = [str(sketch), *sketch_args]
    sys.path.insert(0, str(sketch.parent))
    if mode == "imported":
        import py5_tools.imported

        py5_tools.imported.run_code(sketch, block=True, sketch_args=sketch_args or None)
    else:
        runpy.run_path(str(sketch), run_name="__main__")


def stop_on_ctrl_c() -> None:
    """Ctrl-C ends the sketches run here between two frames, as closing the window does.

    Left to Python, Ctrl-C stops Java while draw() is drawing, and py5 then reports "Java Virtual
    Machine is not running" as an error in the sketch's own code (and py5's live coding does not
    hear it at all). A second Ctrl-C stops at once. Live coding swaps a sketch's ``exit_sketch``
    for a pause; ``real_exit_sketch`` is then py5's own.
    """
    import py5

    running, real = [], py5.Sketch._run_sketch

    def run_sketch(self, *args, **kwargs):
        running.append(self)
        return real(self, *args, **kwargs)

    def stop(number, frame):
        signal.signal(signal.SIGINT, signal.default_int_handler)
        for sketch in running:
            getattr(sketch, "real_exit_sketch", sketch.exit_sketch)()

    py5.Sketch._run_sketch = run_sketch
    signal.signal(signal.SIGINT, stop)


if __name__ == "__main__":
    sys.exit(main())
