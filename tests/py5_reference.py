"""What py5's own imported-mode runner draws for a sketch: the reference creativenn's export must match.

    python tests/py5_reference.py SKETCH OUT FRAMES

runs SKETCH exactly as ``py5-run-sketch SKETCH`` does (``py5_tools.imported.run_code``, from the
sketch's own folder, nothing of creativenn's in the way) and saves what the canvas shows after each
of the first FRAMES draws as OUT/frame-0001.png …, read with py5's own ``get_np_pixels``. A sketch
that stops looping (``no_loop()``) or has no ``draw()`` gives the one picture it drew. Then the
process ends: py5's runner would run a sketch with its own trailing ``run_sketch()`` a second time,
in a window of its own, as it does for a person who closes the first one.
"""

import os
import sys
from pathlib import Path


def main() -> None:
    # all here, not at import: pytest imports this file looking for doctests, and imported mode
    # switched on in the test process would turn py5.width … into methods for every later test
    from creativenn.tools.java import use_java

    use_java()
    import py5_tools

    py5_tools.set_imported_mode(True)
    import py5
    import py5_tools.imported
    from PIL import Image

    sketch, out, frames = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve(), int(sys.argv[3])
    out.mkdir(parents=True, exist_ok=True)
    saved = []

    def save(s, after: str) -> None:
        drawn = "draw" in s._py5_bridge._functions
        if after == "setup" and drawn:
            return  # its draw() gives the frames
        saved.append(len(saved) + 1)
        Image.fromarray(s.get_np_pixels(bands="RGB")).save(out / f"frame-{saved[-1]:04d}.png")
        if len(saved) >= frames or not drawn or not s._instance.isLooping():
            sys.stdout.flush()
            os._exit(0)  # every frame is saved: no second run, no window left open

    current = py5.get_current_sketch()
    current._add_post_hook("setup", "reference", lambda s: save(s, "setup"))
    current._add_post_hook("draw", "reference", lambda s: save(s, "draw"))
    os.chdir(sketch.parent)
    py5_tools.imported.run_code(sketch, block=True)
    print(f"py5 ran {sketch.name} and it stopped after {len(saved)} frames", file=sys.stderr)
    sys.stderr.flush()
    os._exit(3)


if __name__ == "__main__":
    main()
