"""Render a plain py5 module-mode sketch offline, frame by frame (the export worker).

A sketch stays what py5 users write: ``settings``/``setup``/``draw`` and
``py5.run_sketch()`` at the bottom. ``render`` runs the file as ``__main__``
with ``py5.run_sketch`` swapped for one that wraps those functions:

- before ``setup``: every random generator seeded (Python's, numpy's global,
  py5's ``random`` and ``noise``) and the sketch's ``SEED`` constant, if it
  has one, set to the seed asked for;
- after ``setup``: ``frame_rate(1000)``, so nothing waits on the clock;
- after each ``draw``: the canvas grabbed with ``get_np_pixels`` and handed
  to ``on_frame``, and after the last frame ``exit_sketch()``;
- an exception in any of them is caught, the sketch stopped, and the error
  returned, rather than py5's default of printing it and pausing.

Measured (bench/export.py): grabbing pixels in ``draw`` and encoding in a
background thread is faster and more dependable than ``save_frame`` or
``py5_tools``' capture helpers (which returned early or hung).

Run as ``python -m creativenn.draw.render`` by ``creativenn export``, in a
subprocess of its own, with a display already set.
"""

from __future__ import annotations

import argparse
import errno
import inspect
import json
import os
import random
import runpy
import signal
import sys
import threading
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import py5
from py5_tools import split_setup

from ..files import disk_full_message, is_disk_full, renamed_when_done
from ..frames import FrameWriter, make_gif, prepare_out_dir


@dataclass
class Rendered:
    """What a render left behind: the sketch's namespace, frames drawn, any error."""

    namespace: dict = field(default_factory=dict)
    frames: int = 0
    error: str | None = None  # the sketch's traceback, if it raised
    error_frame: int | None = None


# OpenGL (P2D/P3D) sketches rendered in this process, kept alive for good. When one of their GL
# objects (a retained mesh, a frame buffer) is garbage-collected, Processing frees it in whatever
# GL context is current: a later sketch's. The JVM then crashed (SIGSEGV in glDeleteBuffers,
# seen running landscape after cost_surface in one test process). A process runs one sketch when
# exporting; tests run many, so this only ever holds a few.
_OPENGL_SKETCHES: list = []
STOP_ASKED: list[str] = []  # a signal's name, once the export worker has been asked to stop
STOP_SECONDS = 120  # how long py5 may take to stop a sketch after its last frame (seconds, on a busy machine)


def render(sketch, frames: int, *, seed: int = 0, size=None, every: int = 1,
           on_frame=None, argv=None, svg=None, sidecar=None) -> Rendered:
    """Run ``sketch`` (a .py path) for ``frames`` captured frames, one every ``every`` draws.

    ``on_frame(rgb, k)`` receives each captured frame (height, width, 3) and its
    number k = 1, 2, …; ``size=(w, h)`` overrides the sketch's ``size()``.
    ``svg``: a path; after the last frame the sketch's ``save_svg(path)`` writes
    its vector picture there (a sketch without one is an error, said at once).
    ``sidecar``: a path; after each captured frame the sketch's ``state()`` is
    written there as one JSON line, ``{"frame": k, ...}`` (JSON Lines).
    """
    sketch = Path(sketch).resolve()
    result = Rendered()
    py5.reset_py5()  # a module-mode sketch can run again in this process once the last one ended
    real_run, real_size, real_no_loop = py5.run_sketch, py5.size, py5.no_loop

    def run_sketch(*args, **kwargs):
        namespace = inspect.stack()[1].frame.f_globals
        result.namespace = namespace
        functions = {name: namespace[name] for name in _SKETCH_FUNCTIONS if callable(namespace.get(name))}
        # size() at the top of setup() is moved to settings() here, as py5 would do
        functions = split_setup.transform(functions, namespace, namespace, py5.println, mode="module")
        if functions is None:
            result.error = f"py5 could not split {sketch.name}'s setup(): put size() in settings()"
            return
        if "draw" not in functions:
            result.error = f"{sketch.name} has no draw() function, so there are no frames to export"
            return
        if sidecar is not None and not callable(namespace.get("state")):
            result.error = (f"{sketch.name} cannot write a sidecar: it has no state() function returning "
                            "this frame's numbers as a dict (every bundled sketch has one)")
            return
        if svg is not None and not callable(namespace.get("save_svg")):
            result.error = (f"{sketch.name} cannot be saved as SVG: it has no save_svg(path) function "
                            "(network, playground and weights_art have one; see creativenn.draw.save_svg)")
            return
        user_setup, user_draw = functions.get("setup"), functions["draw"]
        draws = 0

        def stop(error: str):
            result.error, result.error_frame = error, result.frames + 1
            py5.exit_sketch()

        def failed() -> str:
            """What the sketch's own code raised: its traceback, or what sys.exit() said."""
            kind, error, _ = sys.exc_info()
            if kind is SystemExit:
                code = "" if error.code is None else repr(error.code)
                return (f"{sketch.name} called sys.exit({code}) "
                        f"after {result.frames} of {frames} frames")
            return _user_traceback(sketch)

        def setup():
            _seed_everything(seed, namespace)
            try:
                if user_setup is not None:
                    user_setup()
            except BaseException:  # noqa: BLE001 - reported to the user, sys.exit() too (py5 would hang)
                stop(failed())
                return
            py5.frame_rate(1000)

        def draw():
            nonlocal draws
            if result.error is not None:
                return
            if STOP_ASKED:
                stop(f"stopped by {STOP_ASKED[0]} after {result.frames} of {frames} frames")
                return
            try:
                user_draw()
            except BaseException:  # noqa: BLE001
                stop(failed())
                return
            draws += 1
            if draws % every:
                return
            result.frames += 1
            if records is not None:
                try:
                    write_record()
                except OSError as error:
                    stop(disk_full_message(sidecar.parent) if is_disk_full(error) else failed())
                    return
                except BaseException:  # noqa: BLE001
                    stop(failed())
                    return
            if on_frame is not None:
                try:
                    on_frame(py5.get_np_pixels(bands="RGB"), result.frames)
                except Exception as error:  # noqa: BLE001 - e.g. the disk filled up
                    full = is_disk_full(error)
                    stop(str(error) if full else f"writing frame {result.frames} failed: {error}")
                    return
            if result.frames >= frames:
                if svg is not None:
                    try:
                        with renamed_when_done(svg) as partial:  # whole, or not at all
                            namespace["save_svg"](partial)
                    except BaseException:  # noqa: BLE001
                        stop(failed())
                        return
                py5.exit_sketch()

        # unbuffered, one write a line: a stop at any moment leaves whole lines only
        records = open(sidecar, "wb", buffering=0) if sidecar is not None else None  # noqa: SIM115

        def write_record():
            record = {"frame": result.frames, **namespace["state"]()}
            line = (json.dumps(record, default=_plain) + "\n").encode()
            written = records.write(line)
            if written != len(line):  # the disk filled up mid-line: take the part back
                records.truncate(records.tell() - (written or 0))
                raise OSError(errno.ENOSPC, f"no space left for the sidecar {sidecar.name}")

        functions.update(setup=setup, draw=draw)
        # py5's run_sketch(block=True) can return before the sketch has even started on a busy
        # machine (it waits only for a surface that exists by then), and waits at most 1 s for the
        # shutdown: the next render then found "Sketch is already running". Wait for py5's own
        # shutdown call instead, which comes after the last frame, an exit or an error.
        stopped = threading.Event()
        current = py5.get_current_sketch()
        py5_shutdown = current._shutdown

        def shutdown():
            try:
                py5_shutdown()
            finally:
                stopped.set()

        current._shutdown = shutdown
        run = eval(  # noqa: S307 - called from a frame whose globals are the sketch's, as py5 expects
            "lambda run, functions: run(block=True, sketch_functions=functions)", namespace
        )
        try:
            run(real_run, functions)
            if not stopped.wait(STOP_SECONDS):
                result.error = result.error or f"py5 did not stop {sketch.name} within {STOP_SECONDS} s"
        finally:
            if records is not None:
                records.close()

    py5.run_sketch = run_sketch
    py5.no_loop = lambda: None  # a still sketch still gives its frames
    if size is not None:
        py5.size = lambda w, h, *rest: real_size(size[0], size[1], *rest)
    saved_argv, saved_path = sys.argv, list(sys.path)
    sys.argv = [str(sketch), *(argv or [])]
    sys.path.insert(0, str(sketch.parent))
    try:
        runpy.run_path(str(sketch), run_name="__main__")
    except SystemExit as ended:
        if ended.code not in (None, 0) and result.error is None:
            result.error = f"{sketch.name} called sys.exit({ended.code!r}) before any frame"
    except Exception:  # noqa: BLE001 - the sketch's top-level code raised
        result.error = _user_traceback(sketch)
    finally:
        py5.run_sketch, py5.size, py5.no_loop = real_run, real_size, real_no_loop
        sys.argv, sys.path[:] = saved_argv, saved_path
    if "py5.P3D" in sketch.read_text() or "py5.P2D" in sketch.read_text():
        _OPENGL_SKETCHES.append((result.namespace, py5.get_current_sketch()))
    if result.error is None and py5.is_dead_from_error:
        result.error = "the sketch stopped with an error inside py5 (see the messages above)"
    if result.error is None and not result.namespace:
        result.error = f"{sketch.name} never called py5.run_sketch(): is it a py5 sketch?"
    if result.error is None and result.frames < frames:
        result.error = (f"{sketch.name} ended itself (exit_sketch()) after {result.frames} of {frames} "
                        "frames")
        result.error_frame = None
    return result


_SKETCH_FUNCTIONS = (
    "settings", "setup", "draw", "pre_draw", "post_draw", "key_pressed", "key_released",
    "key_typed", "mouse_pressed", "mouse_released", "mouse_clicked", "mouse_dragged",
    "mouse_moved", "mouse_wheel", "mouse_entered", "mouse_exited", "exiting", "window_moved",
    "window_resized", "movie_event",
)


def _plain(value):
    """numpy numbers and arrays as JSON's own (for the sidecar)."""
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(f"state() returned {type(value).__name__}, which JSON cannot hold: return numbers, "
                    "lists and dicts")


def _seed_everything(seed: int, namespace: dict) -> None:
    random.seed(seed)
    np.random.seed(seed)
    py5.random_seed(seed)
    py5.noise_seed(seed)
    if "SEED" in namespace:
        namespace["SEED"] = seed


def _user_traceback(sketch: Path) -> str:
    """The current exception's traceback, from the sketch's own frames on."""
    kind, error, tb = sys.exc_info()
    frames = traceback.extract_tb(tb)
    own = [i for i, f in enumerate(frames) if Path(f.filename).resolve() == sketch]
    frames = frames[own[0]:] if own else frames
    lines = ["Traceback (most recent call last):\n", *traceback.format_list(frames)]
    lines += traceback.format_exception_only(kind, error)
    return "".join(lines).rstrip()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m creativenn.draw.render")
    parser.add_argument("sketch")
    parser.add_argument("--frames", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--size", type=lambda s: tuple(int(v) for v in s.split("x")))
    parser.add_argument("--every", type=int, default=1)
    parser.add_argument("--fps", type=float, default=30.0)
    parser.add_argument("--gif", action="store_true")
    parser.add_argument("--gif-width", type=int, default=480)
    parser.add_argument("--mp4", action="store_true")
    parser.add_argument("--svg", action="store_true")
    parser.add_argument("--sidecar", action="store_true")
    parser.add_argument("--progress-fd", type=int)
    argv = sys.argv[1:] if argv is None else list(argv)
    sketch_args = argv[argv.index("--") + 1:] if "--" in argv else []  # after --: the sketch's own
    args = parser.parse_args(argv[: len(argv) - len(sketch_args) - (1 if "--" in argv else 0)])
    progress = os.fdopen(args.progress_fd, "w", buffering=1) if args.progress_fd else None

    def report(**message):
        nonlocal progress
        if progress is not None:
            try:
                progress.write(json.dumps(message) + "\n")
            except OSError:  # the command has stopped listening (it was stopped): carry on quietly
                progress = None

    sketch = Path(args.sketch)

    def asked_to_stop(number, frame):  # the next draw() stops the sketch; the files are then closed
        STOP_ASKED.append(signal.Signals(number).name)

    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        signal.signal(getattr(signal, name), asked_to_stop)  # after the JVM started: ours, not Java's
    out = prepare_out_dir(args.out)
    writer = FrameWriter(out, mp4=out / f"{sketch.stem}.mp4" if args.mp4 else None, fps=args.fps)

    def on_frame(rgb, k):
        writer.write(rgb)
        report(frame=k)

    svg = out / f"{sketch.stem}.svg" if args.svg else None
    sidecar = out / f"{sketch.stem}.jsonl" if args.sidecar else None
    result = render(sketch, args.frames, seed=args.seed, size=args.size, every=args.every,
                    on_frame=on_frame, argv=sketch_args, svg=svg, sidecar=sidecar)
    files = []
    try:
        writer.close()
    except OSError as error:
        result.error = result.error or str(error)
    if writer.whole and result.error is None:
        if args.svg:
            files.append(str(svg))
        if args.sidecar:
            files.append(str(sidecar))
        if args.mp4:
            files.append(str(writer.mp4))
        if args.gif:
            files.append(str(make_gif(writer.paths, out / f"{sketch.stem}.gif", fps=args.fps,
                                        max_width=args.gif_width)))
    report(done=True, frames=writer.whole, files=files, error=result.error,
           error_frame=result.error_frame)
    return 0 if result.error is None else 1


if __name__ == "__main__":
    sys.exit(main())
