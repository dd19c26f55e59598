"""Start-up: from typing ``creativenn run network`` to its first frame, against a bare py5 sketch's.

Each run is a fresh process on the display (Xvfb started if there is none),
timed from the moment it is launched to the end of its first ``draw()``. A
``sitecustomize`` put on the child's path watches for py5 to be imported and
adds a hook after ``draw`` that notes the time and ends the process: the
same for both, and nothing in creativenn knows it is being timed.

- bare: an 800×800 module-mode sketch that clears the canvas, run with
  ``python bare.py`` on the same Java (the least any py5 sketch costs);
- plain py5, the same kinds of drawing: no creativenn, but what the network
  sketch's first frame asks of Java for the first time (text in five sizes
  from the same font file, a picture from a numpy array, points, lines,
  shapes): the warm-up any sketch that draws these pays once;
- ``creativenn run network``: the command a student types.

Prints the median of RUNS runs of each, side by side, and what creativenn
adds: over the bare sketch (the issue's comparison), and over plain py5
drawing the same kinds of things (creativenn's own share: its imports, its
command line, its set-up and its Python work in the first frame). Goal:
creativenn's own share at most GOAL_S seconds.

Run: ``make bench`` or ``python bench/startup.py [RUNS]``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL_S = 0.25
RUNS = 5
BARE = '''
import py5

def settings():
    py5.size(800, 800)

def draw():
    py5.background(240)

py5.run_sketch()
'''
SAME_KINDS = '''
import sys
import numpy as np
import py5

FONT = sys.argv[1]

def settings():
    py5.size(800, 800)
    py5.smooth(4)

def draw():
    py5.background(240)
    field = np.random.default_rng(0).integers(0, 255, (90, 90, 3), dtype=np.uint8)
    py5.image(py5.create_image_from_numpy(field, "RGB"), 20, 60, 360, 360)
    py5.stroke(30)
    py5.stroke_weight(6)
    py5.points(np.random.default_rng(1).uniform(20, 380, (200, 2)))
    py5.stroke_weight(2)
    py5.lines(np.random.default_rng(2).uniform(400, 780, (24, 4)))
    py5.no_fill()
    py5.begin_shape()
    py5.vertices(np.column_stack([np.linspace(20, 780, 100), 600 + 50 * np.sin(np.linspace(0, 6, 100))]))
    py5.end_shape()
    py5.fill(30)
    for size in (13, 14, 16, 20, 24):
        py5.text_font(py5.create_font(FONT, size), size)
        py5.text(f"step 0   η = 0.3   x₁ x₂   loss {size}", 20, 30 + 5 * size)

py5.run_sketch()
'''
BARE_NAME, SAME_NAME = "bare py5 sketch", "plain py5, the same kinds of drawing"
NETWORK = "creativenn run network"
# In the child: once py5 has been imported, every sketch run gets a hook after its first draw()
# that writes the time to FIRST_FRAME_FILE and ends the process at once.
SITECUSTOMIZE = '''
import importlib.abc, importlib.machinery, os, sys, time

class _Watch(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name != "py5":
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        load = spec.loader.exec_module

        def exec_module(module):
            load(module)
            real = module.Sketch._run_sketch

            def run_sketch(sketch, *args, **kwargs):
                def first_frame(s):
                    with open(os.environ["FIRST_FRAME_FILE"], "w") as f:
                        f.write(repr(time.time()))
                    os._exit(0)
                sketch._add_post_hook("draw", "bench_first_frame", first_frame)
                return real(sketch, *args, **kwargs)
            module.Sketch._run_sketch = run_sketch
        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, _Watch())
'''


def first_frame_seconds(command: list[str], env: dict, folder: Path) -> float:
    """Seconds from launching ``command`` to the end of its first frame."""
    mark = folder / "first_frame"
    mark.unlink(missing_ok=True)
    path = os.pathsep.join(filter(None, [str(folder), env.get("PYTHONPATH")]))
    start = time.time()
    done = subprocess.run(command, env={**env, "PYTHONPATH": path, "FIRST_FRAME_FILE": str(mark)},
                          capture_output=True, text=True, timeout=300)
    if not mark.exists():
        raise RuntimeError(f"{' '.join(command)} drew no frame (exit {done.returncode}):\n"
                           f"{done.stderr[-2000:]}")
    return float(mark.read_text()) - start


def main(argv=None) -> int:
    from creativenn import resources
    from creativenn.tools.cli import SKETCH_ENV
    from creativenn.tools.display import virtual_display
    from creativenn.tools.java import use_java

    argv = sys.argv[1:] if argv is None else argv
    runs = int(argv[0]) if argv else RUNS
    virtual_display()
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    creativenn = [str(Path(sys.executable).with_name("creativenn")), "run", "network"]
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        (folder / "sitecustomize.py").write_text(SITECUSTOMIZE)
        (folder / "bare.py").write_text(BARE)
        (folder / "same_kinds.py").write_text(SAME_KINDS)
        # compiled once and kept, as an installed package is (pip compiles it): a first round, not counted
        env["PYTHONPYCACHEPREFIX"] = str(folder / "bytecode")
        plain, font = {**env, **SKETCH_ENV}, str(resources.font())
        use_java(plain)  # the plain sketches run on the Java creativenn chooses
        commands = {BARE_NAME: ([sys.executable, str(folder / "bare.py")], plain),
                    SAME_NAME: ([sys.executable, str(folder / "same_kinds.py"), font], plain),
                    NETWORK: (creativenn, env)}
        times = {name: [] for name in commands}
        for run in range(runs + 1):  # alternated, so a busy moment falls on all alike
            for name, (command, child_env) in commands.items():
                seconds = first_frame_seconds(command, child_env, folder)
                if run:
                    times[name].append(seconds)
    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"start-up to the first frame, median of {runs} runs")
    for name, seconds in median.items():
        print(f"{name:<40}{seconds:>6.2f} s   (runs: {', '.join(f'{t:.2f}' for t in times[name])})")
    over_bare, own = median[NETWORK] - median[BARE_NAME], median[NETWORK] - median[SAME_NAME]
    print(f"creativenn run network: {over_bare:+.2f} s over the bare sketch "
          f"({median[NETWORK] / median[BARE_NAME]:.2f}×), of which py5's first use of text, pictures, points "
          f"and lines {median[SAME_NAME] - median[BARE_NAME]:+.2f} s")
    ok = own <= GOAL_S
    print(f"creativenn's own share: {own:+.2f} s (goal ≤ {GOAL_S:g} s){'' if ok else '  MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
