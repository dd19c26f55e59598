"""Render a plain py5 module-mode sketch offline, frame by frame (the export worker).

A sketch stays what py5 users write: ``settings``/``setup``/``draw`` and
``py5.run_sketch()`` at the bottom. ``render`` runs the file as ``__main__``
with ``py5.run_sketch`` swapped for one that wraps those functions:

- before ``setup``: every random generator seeded (Python's, numpy's global,
  py5's ``random`` and ``noise``) and the sketch's ``SEED`` constant, if it
  has one, set to the seed asked for;
- after ``setup``: ``frame_rate(1000)``, so nothing waits on the clock;
- after each ``draw``: the canvas grabbed (``tools.pixels.grab_rgb``) and handed
  to ``on_frame``, and after the last frame ``exit_sketch()``;
- an exception in any of them is caught, the sketch stopped, and the error
  returned, rather than py5's default of printing it and pausing.

Measured (bench/export.py): grabbing pixels in ``draw`` and encoding in a
background thread is faster and more dependable than ``save_frame`` or
``py5_tools``' capture helpers (which returned early or hung).

Run as ``python -m creativenn.tools.render`` by ``creativenn export``, in a
subprocess of its own, with a display already set.
"""

from __future__ import annotations

import argparse
import builtins
import contextlib
import errno
import functools
import inspect
import json
import os
import random
import signal
import sys
import tempfile
import threading
import traceback
import types
from dataclasses import dataclass, field
from pathlib import Path

from . import _start  # noqa: F401 - first: py5 started on the chosen Java, or one clear message

# isort: split
import numpy as np
import py5
import py5_tools
import py5_tools.imported
from py5_tools import split_setup

from ..files import UnusableInput, disk_full_message, is_disk_full, refuse_link, renamed_when_done
from . import sketchfile
from .frames import FrameWriter, make_gif, prepare_out_dir
from .pixels import grab_rgb
from .sketchfile import NOT_A_SKETCH, mode_of
from .worker import CLEAN, EXPORT_DRAWS


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
DRAWING = threading.Event()  # set once the first draw() has been drawn
FIRST_FRAME_SECONDS = 300  # the longest wait for that (CREATIVENN_FIRST_FRAME_SECONDS may set another)
STOP_SECONDS = 120  # how long py5 may take to stop a sketch after its last frame (seconds, on a busy machine)


def render(sketch, frames: int, *, seed: int = 0, size=None, every: int = 1,
           on_frame=None, argv=None, svg=None, sidecar=None, clean: bool = False,
           constants: dict | None = None) -> Rendered:
    """Run ``sketch`` (a .py path, in any of py5's three modes) for ``frames`` captured frames.

    One frame is captured every ``every`` draws. ``on_frame(rgb, k)`` receives
    each captured frame (height, width, 3) and its number k = 1, 2, …;
    ``size=(w, h)`` overrides the sketch's ``size()``. ``svg``: a path; after
    the last frame the sketch's ``save_svg(path)`` writes its vector picture
    there (a sketch without one is an error, said at once). ``sidecar``: a
    path; after each captured frame the sketch's ``state()`` is written there
    as one JSON line, ``{"frame": k, ...}`` (JSON Lines). ``clean``: no text
    at all (titles, legends, footers, help), for prints and art. ``constants``:
    the sketch's own CAPITALISED constants set to these values, each right
    after the line that assigns it (``tools.sketchfile.with_constants``);
    ``seed`` sets ``SEED`` that way too, so a seed reaches what the sketch
    makes at its top level (data, networks) as well as its random generators.

    While it runs, the sketch can ask how many frames the export will draw
    (``creativenn.draw.export_draws()``: cppn makes its loop that long, backprop
    fits whole training steps in) and whether to draw clean.

    The sketch runs as ``python sketch.py`` would, from its own folder (so
    the files it loads are found), and shows what py5 would show: after
    ``no_loop()`` the picture stays (the frames repeat it) until ``redraw()``
    or ``loop()``; a sketch with no ``draw()`` — a static one too — gives the
    picture its setup drew. Imported-mode sketches need imported mode on
    before py5 is imported: the export worker does that.
    """
    sketch = Path(sketch).resolve()
    run = _Run(sketch, frames, seed, every, on_frame, svg, sidecar)
    try:
        source = sketch.read_text(encoding="utf-8")
        mode = mode_of(source, str(sketch))
    except (OSError, UnicodeDecodeError) as error:
        run.result.error = f"cannot read {sketch}: {error}"
        return run.result
    except SyntaxError as error:
        run.result.error = sketchfile.not_python(sketch.name, error)
        return run.result
    if mode is None:
        run.result.error = f"{sketch.name} is not a py5 sketch: {NOT_A_SKETCH}"
        return run.result
    if mode == "imported" and not py5_tools.get_imported_mode():
        run.result.error = (f"{sketch.name} is an imported-mode sketch, which needs a process of its own: "
                            "export it with creativenn export")
        return run.result
    known = sketchfile.constants(source)
    values = {"SEED": seed} if isinstance(known.get("SEED"), int) else {}
    values.update(constants or {})
    source = sketchfile.with_constants(source, values) if values else source
    py5.reset_py5()  # a module-mode sketch can run again in this process once the last one ended
    real = {name: getattr(py5, name) for name in ("run_sketch", "size", "no_loop", "loop", "redraw")}
    real_class_run = py5.Sketch.run_sketch

    def module_run_sketch(*args, **kwargs):  # py5.run_sketch(), in module and imported mode
        if run.called:  # py5's imported-mode runner calls it after a sketch's own trailing run_sketch()
            return
        run.called = True
        namespace = inspect.stack()[1].frame.f_globals
        functions = {n: namespace[n] for n in _SKETCH_FUNCTIONS if callable(namespace.get(n))}
        # size() at the top of setup() (after comments, docstrings and global lines) moved to settings(),
        # by py5's own code, as py5 does: imported mode's size() has no py5. prefix
        functions = split_setup.transform(functions, namespace, namespace, py5.println, mode=mode)
        if functions is None:
            run.result.error = f"py5 could not split {sketch.name}'s setup(): put size() in settings()"
            return

        def launch(wrapped):
            # py5 reads the caller's frame: it must be the sketch's own module level (locals are its
            # globals), or imported mode's frame_count, mouse_x … end up in a throwaway dict.
            # the sketch's own run_sketch(sketch_args=…) reaches its pargs, unless the export gave some
            given = list(argv) if argv else kwargs.get("sketch_args")
            namespace.update(_creativenn_run_=real["run_sketch"], _creativenn_functions_=wrapped,
                             _creativenn_args_=given)
            try:
                exec("_creativenn_run_(block=True, sketch_functions=_creativenn_functions_, "  # noqa: S102
                     "sketch_args=_creativenn_args_)", namespace)
            finally:
                for name in ("_creativenn_run_", "_creativenn_functions_", "_creativenn_args_"):
                    namespace.pop(name, None)

        run.start(py5.get_current_sketch(), namespace, functions, launch)

    def class_run_sketch(self, *args, **kwargs):  # Sketch.run_sketch(), in class mode
        if run.called:  # a second sketch, as py5's render_frame() / @render makes one: py5's own way
            return real_class_run(self, *args, **kwargs)
        run.called = True
        namespace = inspect.stack()[1].frame.f_globals
        functions = {n: getattr(self, n) for n in _SKETCH_FUNCTIONS if callable(getattr(self, n, None))}

        def launch(wrapped):
            for name, function in wrapped.items():
                setattr(self, name, function)  # py5 collects the methods by name: ours first
            real_class_run(self, block=True)

        if size is not None:
            self.size = lambda w, h, *rest: type(self).size(self, size[0], size[1], *rest)
        for name in ("no_loop", "loop", "redraw"):
            setattr(self, name, getattr(run, name))
        run.start(self, {**namespace, **_own_methods(self)}, functions, launch)

    py5.run_sketch, py5.Sketch.run_sketch = module_run_sketch, class_run_sketch
    py5.no_loop, py5.loop, py5.redraw = run.no_loop, run.loop, run.redraw
    if size is not None:
        py5.size = lambda w, h, *rest: real["size"](size[0], size[1], *rest)
    saved_argv, saved_path, saved_cwd = sys.argv, list(sys.path), os.getcwd()
    saved_env = {name: os.environ.get(name) for name in (EXPORT_DRAWS, CLEAN)}
    _set_env({EXPORT_DRAWS: str(frames * every), CLEAN: "1" if clean else None})
    sys.argv = [str(sketch), *(argv or [])]
    sys.path.insert(0, str(sketch.parent))
    os.chdir(sketch.parent)  # as `python sketch.py` from its own folder: the files it loads are found
    try:
        if mode == "imported":  # py5 reads the file itself: the constants go in a copy of it
            with _copy_of(sketch, source) as copy, _held_stderr(run) as refusal:
                try:
                    py5_tools.imported.run_code(copy, block=True, sketch_args=argv or None)
                except Exception:  # noqa: BLE001 - said here, while the copy is there to name the sketch's lines
                    run.result.error = _user_traceback(sketch)
            if run.target is None and refusal.text.strip() and run.result.error is None:
                said = _as_sketch(refusal.text.strip())
                run.result.error = f"py5 will not run {sketch.name}: {said}"
        else:
            _run_as_main(compile(source, str(sketch), "exec"), sketch)
    except SystemExit as ended:
        if ended.code not in (None, 0) and run.result.error is None:
            run.result.error = f"{sketch.name} called sys.exit({ended.code!r}) before any frame"
    except Exception:  # noqa: BLE001 - the sketch's top-level code raised
        run.result.error = _user_traceback(sketch)
    finally:
        for name, function in real.items():
            setattr(py5, name, function)
        py5.Sketch.run_sketch = real_class_run
        sys.argv, sys.path[:] = saved_argv, saved_path
        os.chdir(saved_cwd)
        _set_env(saved_env)
    return run.finish(source)


def _run_as_main(code, path: Path) -> None:
    """Run compiled code as ``python path`` would: as the module ``__main__`` (what runpy.run_path does
    with a file, here with the source given, constants set)."""
    module = types.ModuleType("__main__")
    module.__file__, module.__builtins__ = str(path), builtins
    saved = sys.modules.get("__main__")
    sys.modules["__main__"] = module
    try:
        exec(code, module.__dict__)  # noqa: S102
    finally:
        sys.modules["__main__"] = saved


_COPIES: dict[Path, Path] = {}  # a sketch copied with its constants set → the sketch (for tracebacks)


@contextlib.contextmanager
def _copy_of(sketch: Path, source: str):
    """``source`` in a file of the sketch's name in a folder of its own, while the sketch runs."""
    with tempfile.TemporaryDirectory(prefix="creativenn-") as folder:
        copy = Path(folder).resolve() / sketch.name
        copy.write_text(source, encoding="utf-8")
        _COPIES[copy] = sketch
        try:
            yield copy
        finally:
            _COPIES.pop(copy, None)


def _set_env(values: dict) -> None:
    """Set these environment variables (a value of None: unset it)."""
    for name, value in values.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def _own_methods(sketch) -> dict:
    """A class-mode sketch's state()/save_svg() methods, for the sidecar and SVG."""
    return {n: getattr(sketch, n) for n in ("state", "save_svg") if callable(getattr(sketch, n, None))}


class _Run:
    """One render's machinery: the wrapped setup and draw, capturing, the sidecar, stopping."""

    def __init__(self, sketch: Path, frames: int, seed: int, every: int, on_frame, svg, sidecar):
        self.sketch, self.frames, self.seed, self.every = sketch, frames, seed, every
        self.on_frame, self.svg, self.sidecar = on_frame, svg, sidecar
        self.result, self.target, self.records = Rendered(), None, None
        self.looping, self.redraw_asked, self.draws = True, False, 0
        self.called, self.on_start = False, None  # run_sketch() called yet; what to do as the sketch starts

    # no_loop(), loop() and redraw() as py5 means them, while the animation goes on being captured
    def no_loop(self):
        self.looping = False

    def loop(self):
        self.looping = True

    def redraw(self):
        self.redraw_asked = True

    def start(self, target, namespace: dict, functions: dict, launch) -> None:
        """Check what the export needs of the sketch, wrap its setup and draw, run it to the end."""
        result, name = self.result, self.sketch.name
        result.namespace = namespace
        if self.sidecar is not None and not callable(namespace.get("state")):
            result.error = (f"{name} cannot write a sidecar: it has no state() function returning "
                            "this frame's numbers as a dict (every bundled sketch has one)")
            return
        if self.svg is not None and not callable(namespace.get("save_svg")):
            result.error = (f"{name} cannot be saved as SVG: it has no save_svg(path) function (network, "
                            "playground, weights_art and cppn have one; see creativenn.draw.save_svg)")
            return
        self.target, self.namespace = target, namespace
        if self.on_start is not None:
            self.on_start()
        self.user_setup, self.user_draw = functions.get("setup"), functions.get("draw")
        # unbuffered, one write a line: a stop at any moment leaves whole lines only
        if self.sidecar is not None:
            self.records = open(refuse_link(self.sidecar), "wb", buffering=0)  # noqa: SIM115 - closed below
        # py5's run_sketch(block=True) can return before the sketch has even started on a busy
        # machine (it waits only for a surface that exists by then), and waits at most 1 s for the
        # shutdown: the next render then found "Sketch is already running". Wait for py5's own
        # shutdown call instead, which comes after the last frame, an exit or an error.
        stopped = self.stopped = threading.Event()
        py5_shutdown = target._shutdown

        def shutdown():
            try:
                py5_shutdown()
            finally:
                stopped.set()

        target._shutdown = shutdown
        try:
            guarded = {name: self.guard(name, f) for name, f in functions.items()}
            launch({**guarded, "setup": self.setup, "draw": self.draw})
            if not stopped.wait(STOP_SECONDS):
                result.error = result.error or f"py5 did not stop {name} within {STOP_SECONDS} s"
        finally:
            if self.records is not None:
                self.records.close()

    def guard(self, name: str, function):
        """The sketch's other functions (settings, key and mouse handlers, pre_draw …): whatever they
        raise, sys.exit() too, stops the export with their traceback instead of hanging py5."""

        @functools.wraps(function)
        def guarded(*args):
            try:
                return function(*args)
            except BaseException:  # noqa: BLE001
                if name == "settings":  # no sketch to stop yet, nor a shutdown to wait for
                    self.result.error = self.result.error or self.failed()
                    self.stopped.set()
                    raise RuntimeError(f"{self.sketch.name}'s settings() failed") from None
                self.stop(self.failed())
        return guarded

    def stop(self, error: str) -> None:
        self.result.error, self.result.error_frame = error, self.result.frames + 1
        self.target.exit_sketch()

    def failed(self) -> str:
        """What the sketch's own code raised: its traceback, or what sys.exit() said."""
        kind, error, _ = sys.exc_info()
        if kind is SystemExit:
            code = "" if error.code is None else repr(error.code)
            done = f"{self.result.frames} of {self.frames} frames"
            return f"{self.sketch.name} called sys.exit({code}) after {done}"
        if isinstance(error, UnusableInput):  # it says all there is to say: no traceback
            return f"{self.sketch.name}: {error}"
        return _user_traceback(self.sketch)

    def setup(self):
        _seed_everything(self.seed, self.namespace, self.target)
        try:
            if self.user_setup is not None:
                self.user_setup()
        except BaseException:  # noqa: BLE001 - reported to the user, sys.exit() too (py5 would hang)
            self.stop(self.failed())
            return
        self.target.frame_rate(1000)

    def draw(self):
        result = self.result
        if result.error is not None:
            return
        if result.frames >= self.frames:  # all asked for are written: never one more, whatever py5 does
            self.target.exit_sketch()
            return
        if STOP_ASKED:
            self.stop(f"stopped by {STOP_ASKED[0]} after {result.frames} of {self.frames} frames")
            return
        if self.user_draw is not None and (self.looping or self.redraw_asked or not self.draws):
            self.redraw_asked = False
            try:
                self.user_draw()
            except BaseException:  # noqa: BLE001
                self.stop(self.failed())
                return
        self.draws += 1
        DRAWING.set()
        if self.draws % self.every:
            return
        result.frames += 1
        if self.records is not None:
            try:
                self.write_record()
            except OSError as error:
                self.stop(disk_full_message(self.sidecar.parent) if is_disk_full(error) else self.failed())
                return
            except BaseException:  # noqa: BLE001
                self.stop(self.failed())
                return
        if self.on_frame is not None:
            try:
                self.on_frame(grab_rgb(self.target), result.frames)
            except Exception as error:  # noqa: BLE001 - e.g. the disk filled up
                full = is_disk_full(error)
                self.stop(str(error) if full else f"writing frame {result.frames} failed: {error}")
                return
        if result.frames >= self.frames:
            if self.svg is not None:
                try:
                    with renamed_when_done(self.svg) as partial:  # whole, or not at all
                        self.namespace["save_svg"](partial)
                except BaseException:  # noqa: BLE001
                    self.stop(self.failed())
                    return
            self.target.exit_sketch()

    def write_record(self):
        record = {"frame": self.result.frames, **self.namespace["state"]()}
        line = (json.dumps(record, default=_plain) + "\n").encode()
        written = self.records.write(line)
        if written != len(line):  # the disk filled up mid-line: take the part back
            self.records.truncate(self.records.tell() - (written or 0))
            raise OSError(errno.ENOSPC, f"no space left for the sidecar {self.sidecar.name}")

    def finish(self, source: str) -> Rendered:
        """What the run came to, said plainly when it is not the frames asked for."""
        result, name = self.result, self.sketch.name
        if self.target is not None and ("P3D" in source or "P2D" in source):
            _OPENGL_SKETCHES.append((result.namespace, self.target))
        if result.error is None and self.target is not None and self.target.is_dead_from_error:
            result.error = "the sketch stopped with an error inside py5 (see the messages above)"
        if result.error is None and self.target is None:
            result.error = f"{name} never started a sketch (see any message above): {NOT_A_SKETCH}"
        if result.error is None and result.frames < self.frames:
            result.error = f"{name} ended itself (exit_sketch()) after {result.frames} of {self.frames} " \
                           "frames"
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


def _seed_everything(seed: int, namespace: dict, sketch) -> None:
    random.seed(seed)
    np.random.seed(seed)
    sketch.random_seed(seed)
    sketch.noise_seed(seed)
    if "SEED" in namespace:
        namespace["SEED"] = seed


class _Held:
    """Standard error held back until ``release()``; after it, passed on as it comes."""

    def __init__(self, stream):
        self.stream, self.parts, self.passing = stream, [], False

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def release(self) -> None:
        if not self.passing:
            self.passing = True
            self.stream.write(self.text)

    def write(self, text: str) -> int:
        if self.passing:
            return self.stream.write(text)
        self.parts.append(text)
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def __getattr__(self, name):
        return getattr(self.stream, name)


@contextlib.contextmanager
def _held_stderr(run: _Run):
    """Standard error held back until the sketch starts: py5's imported-mode runner prints why it
    refuses a file there and returns, and that text becomes the export's one error instead. Once
    the sketch has started, what was held and all that follows goes to standard error as usual."""
    held, real = _Held(sys.stderr), sys.stderr
    run.on_start = held.release
    sys.stderr = held
    try:
        yield held
    finally:
        sys.stderr, run.on_start = real, None


def _as_sketch(text: str) -> str:
    """py5's message, naming the sketch rather than the copy of it that was run."""
    for copy, original in _COPIES.items():
        text = text.replace(str(copy), str(original))
    return text


def _user_traceback(sketch: Path) -> str:
    """The current exception's traceback, from the sketch's own frames on."""
    kind, error, tb = sys.exc_info()
    frames = traceback.extract_tb(tb)
    for f in frames:  # a copy made to set constants is the sketch, line for line
        f.filename = str(_COPIES.get(Path(f.filename).resolve(), f.filename))
    own = [i for i, f in enumerate(frames) if Path(f.filename).resolve() == sketch]
    frames = frames[own[0]:] if own else frames
    lines = ["Traceback (most recent call last):\n", *traceback.format_list(frames)]
    lines += traceback.format_exception_only(kind, error)
    return "".join(lines).rstrip()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m creativenn.tools.render")
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
    parser.add_argument("--clean", action="store_true")
    parser.add_argument("--progress-fd", type=int)
    parser.add_argument("--constants", type=sketchfile.read_literal, default={},
                        help="the sketch's constants to set, as a Python dict literal")
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

    def no_first_frame():  # a setup() stuck in a loop, a sketch py5 never starts: said, never a hang
        seconds = float(os.environ.get("CREATIVENN_FIRST_FRAME_SECONDS") or FIRST_FRAME_SECONDS)
        if DRAWING.wait(seconds):
            return
        report(done=True, frames=0, files=[], error_frame=None,
               error=f"{sketch.name} drew no frame within {seconds:g} s of starting (is its setup() stuck "
                     "in a loop, or waiting for input?)")
        sys.stderr.flush()
        os._exit(1)

    threading.Thread(target=no_first_frame, daemon=True).start()

    svg = out / f"{sketch.stem}.svg" if args.svg else None
    sidecar = out / f"{sketch.stem}.jsonl" if args.sidecar else None
    result = render(sketch, args.frames, seed=args.seed, size=args.size, every=args.every,
                    on_frame=on_frame, argv=sketch_args, svg=svg, sidecar=sidecar, clean=args.clean,
                    constants=args.constants)
    files = []
    try:
        writer.close()
    except OSError as error:
        result.error = result.error or str(error)
    whole = writer.whole
    if whole and result.error is None:
        if args.svg:
            files.append(str(svg))
        if args.sidecar:
            files.append(str(sidecar))
        if args.mp4:
            files.append(str(writer.mp4))
        if args.gif:
            files.append(str(make_gif(writer.paths, out / f"{sketch.stem}.gif", fps=args.fps,
                                        max_width=args.gif_width)))
    report(done=True, frames=whole, files=files, error=result.error,
           error_frame=result.error_frame)
    return 0 if result.error is None else 1


if __name__ == "__main__":
    sys.exit(main())
