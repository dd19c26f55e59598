"""The ``creativenn`` command (also ``python -m creativenn``).

    creativenn --version                     creativenn's version, and what it runs on
    creativenn list                          the bundled sketches
    creativenn run SKETCH                    open a sketch in a window
    creativenn live SKETCH                   live coding: it runs again each time you save it
    creativenn export SKETCH [--frames N] --out DIR [--gif] [--mp4] [--clean] ...
    creativenn new NAME [--from network|line_fit|cppn|blank]   start a class project
    creativenn demo                          train XOR in the terminal
    creativenn doctor                        check this machine: Java, display, test frames, …
    creativenn maths [TAG]                   the course notes (docs/maths.md), or one equation

SKETCH is a path to a py5 sketch or the name of a bundled one (``network``).
Anything after ``--`` is passed to the sketch as its own arguments.

This module starts no JVM itself: it checks the machine (Java, a display,
starting Xvfb when there is none) and runs the sketch in a subprocess, so a
long export's memory goes away with it.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from .. import __version__, resources
from .display import SetupError, has_display, virtual_display, x_display_answers
from .java import find_java, use_java
from .sketchfile import NOT_A_SKETCH, mode_of
from .worker import NO_PY5

# The export worker's JVM has its memory fixed from the start: a 192 MB heap touched at once,
# and at most 16 MB of direct buffers (py5 hands pixels over in those; they are freed only by
# a GC, which a roomy heap seldom runs). Measured over 10,000 exported frames (bench/soak.py),
# resident memory then grows 21 MB instead of 66 MB.
EXPORT_JVM = "-Xms192m -Xmx192m -XX:+AlwaysPreTouch -XX:MaxDirectMemorySize=16m -XX:+ExitOnOutOfMemoryError"
MB = 1 << 20
JVM_OUT_OF_MEMORY = 3  # the exit code ExitOnOutOfMemoryError gives


def check_canvas(width: int, height: int) -> None:
    """Refuse up front a --size that Java cannot hold here, naming the largest square that works."""
    try:
        memory = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):  # not on this system: only Java's own limit
        memory = float("inf")
    room = min((0.75 * memory - 256 * MB) / (5 * 4), 2**31 - 1)  # pixels: 5 copies of 4 bytes each
    if width * height > room:
        side = int(room**0.5) // 100 * 100
        raise UsageError(f"--size {width}x{height} is more than Java can hold on this machine; the largest "
                         f"square is about {side}x{side}. For prints larger than that, the cppn sketch "
                         "renders posters of any size in bands (its p key, or CPPN.poster).")


def export_jvm(size: tuple[int, int] | None) -> str:
    """The worker JVM's memory: EXPORT_JVM, grown for a large --size (Java holds the canvas about
    three times in its heap, and hands frames over through direct buffers twice its size).
    ExitOnOutOfMemoryError: a canvas larger than that ends the export instead of hanging it."""
    if size is None:
        return EXPORT_JVM
    canvas = 4 * size[0] * size[1]
    heap, direct = 192 + -(-3 * canvas // MB), 16 + -(-2 * canvas // MB)
    return (EXPORT_JVM.replace("-Xms192m -Xmx192m", f"-Xms{heap}m -Xmx{heap}m")
            .replace("MaxDirectMemorySize=16m", f"MaxDirectMemorySize={direct}m"))
# glibc gives each thread its own memory arenas; the worker's threads (Python, Java's animation
# thread, the frame writer) then fragment memory; two arenas are part of the 21 MB above.
# A sketch's matrices are small: BLAS threads only fight the JVM and ffmpeg for the cores
# (the network sketch's frame: 25 ms with them, 14 ms without).
SKETCH_ENV = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
EXPORT_ENV = {"CREATIVENN_JVM_OPTIONS": EXPORT_JVM, "MALLOC_ARENA_MAX": "2", **SKETCH_ENV}


class UsageError(ValueError):
    """The command was given something it cannot use; the message says what instead."""


def describe(path: Path) -> str:
    """The first line of a sketch's docstring."""
    try:
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    except (OSError, SyntaxError):
        return "(unreadable)"
    return doc.strip().splitlines()[0] if doc.strip() else ""


def find_sketch(name: str) -> Path:
    """A sketch path from a path or a bundled sketch's name."""
    path = Path(name)
    if path.suffix == ".py" or os.sep in name:
        if not path.is_file():
            raise UsageError(f"no sketch file at {path}")
        return path.resolve()
    sketches = resources.sketches()
    if name not in sketches:
        raise UsageError(
            f"no bundled sketch called {name!r}; choose one of: {', '.join(sketches) or '(none)'} "
            "or give a path to a .py file"
        )
    return sketches[name]


def cmd_list(_args) -> int:
    sketches = resources.sketches()
    width = max((len(n) for n in sketches), default=0)
    for name, path in sketches.items():
        print(f"{name:<{width}}  {describe(path)}")
    return 0


def cmd_run(args) -> int:
    """A window, in any mode: the sketch run as its mode runs it, by ``tools.projector.run_file``."""
    sketch = find_sketch(args.sketch)
    _mode(sketch)  # a clear error for a file that is no sketch
    if not has_display():
        raise SetupError(
            "There is no display here (DISPLAY is not set), so no window can open.\n"
            f"  Export frames instead:  creativenn export {args.sketch} --frames 120 --out out/"
            f"{sketch.stem} --gif\n"
            "  or run on a virtual screen:  "
            f"xvfb-run -s '-screen 0 1920x1080x24' creativenn run {args.sketch}"
        )
    virtual_display()  # with a DISPLAY set: checks that it answers
    use_java()
    # Every mode through tools/projector.run_file: drawn bigger and sharp when asked, and Ctrl-C
    # ending the sketch between two frames (imported mode through py5's own runner there)
    how = ["--fullscreen"] if args.fullscreen else ["--scale", str(args.scale)] if args.scale else []
    command = [sys.executable, "-m", "creativenn.tools.projector", str(sketch), *how, "--", *args.sketch_args]
    os.execve(sys.executable, command, {**os.environ, **SKETCH_ENV})
    return 0  # not reached


def cmd_live(args) -> int:
    """py5's live coding: the sketch runs in a window and re-runs each time its file is saved."""
    sketch = find_sketch(args.sketch)
    mode = _mode(sketch)
    if mode != "module":
        raise UsageError(f"{sketch.name} is in {mode} mode; live coding (py5's own) works on "
                         "module-mode sketches: py5. before every call, py5.run_sketch() at the end")
    if not has_display():
        raise SetupError("Live coding opens a window, and there is no display here (DISPLAY is not set).")
    virtual_display()
    use_java()
    command = [sys.executable, "-m", "py5_tools.tools.live_coding", str(sketch), "--archive-dir",
               str(Path.cwd() / "archive")]
    print(f"live coding {sketch}: save the file and the sketch runs again (Ctrl-C to end). Screenshots "
          "and code backups go to archive/.", file=sys.stderr)
    os.execve(sys.executable, command, {**os.environ, **SKETCH_ENV})
    return 0  # not reached


def _mode(sketch: Path) -> str:
    """The sketch's py5 mode; a clear error for a file that is no sketch or does not parse."""
    try:
        mode = mode_of(sketch.read_text(encoding="utf-8"), str(sketch))
    except SyntaxError as error:
        raise UsageError(f"{sketch.name} does not parse: line {error.lineno}: {error.msg}") from None
    if mode is None:
        raise UsageError(f"{sketch.name} is not a py5 sketch: {NOT_A_SKETCH}")
    return mode


DEFAULT_FRAMES = 120


def export_frames(sketch: Path) -> int:
    """How many frames an export writes when not told: the sketch's ``EXPORT_FRAMES = N`` (a whole
    loop, a whole story), else DEFAULT_FRAMES."""
    try:
        tree = ast.parse(sketch.read_text(encoding="utf-8"))
    except (SyntaxError, UnicodeDecodeError, OSError):
        return DEFAULT_FRAMES
    for node in tree.body:
        names = [getattr(target, "id", None) for target in getattr(node, "targets", [])]
        value = getattr(getattr(node, "value", None), "value", None)
        if "EXPORT_FRAMES" in names and isinstance(value, int) and not isinstance(value, bool):
            return value
    return DEFAULT_FRAMES


def cmd_export(args) -> int:
    sketch = find_sketch(args.sketch)
    try:
        mode = mode_of(sketch.read_text(encoding="utf-8"), str(sketch))
    except (SyntaxError, UnicodeDecodeError):
        mode = None  # the worker reports it, with the sketch's own line
    if args.frames is None:
        args.frames = export_frames(sketch)
    if args.frames < 1:
        raise UsageError(f"--frames must be 1 or more, got {args.frames}")
    if args.every < 1:
        raise UsageError(f"--every must be 1 or more, got {args.every}")
    if args.gif_width < 16:
        raise UsageError(f"--gif-width must be 16 or more, got {args.gif_width}")
    if not 1 <= args.fps <= 240:  # also refuses nan and inf
        raise UsageError(f"--fps must be between 1 and 240 frames a second, got {args.fps:g}")
    if args.size:
        check_canvas(*args.size)
    from .frames import FRAME_FILES, PNG_NAME, prepare_out_dir, remove_unfinished  # numpy: not for `run`
    from .outdir import ExportFolder

    out = prepare_out_dir(args.out)
    with ExportFolder(out) as folder, StopOnSignal() as stop:
        use_java()
        virtual_display()
        command = [sys.executable, "-m", "creativenn.tools.worker", str(sketch), "--frames",
                   str(args.frames), "--out", str(out.resolve()), "--seed", str(args.seed), "--every",
                   str(args.every), "--fps", str(args.fps)]
        if args.size:
            command += ["--size", f"{args.size[0]}x{args.size[1]}"]
        for flag in ("gif", "mp4", "svg", "sidecar", "clean"):
            command += [f"--{flag}"] * getattr(args, flag)
        command += ["--gif-width", str(args.gif_width)]
        read_end, write_end = os.pipe()
        command += ["--progress-fd", str(write_end)]
        if args.sketch_args:  # the sketch runs from its own folder: files named here stay found
            command += ["--", *(str(Path(a).resolve()) if Path(a).is_file() else a for a in args.sketch_args)]
        earlier = folder.earlier
        print(f"exporting {sketch.stem}: {args.frames} frames to {out}/"
              + (f" (replacing {earlier} frames of an earlier export)" if earlier else ""), file=sys.stderr)
        # A session of its own: a Ctrl-C reaches this process only, which stops the worker (and its
        # ffmpeg) as a group, so the encoders finish their files instead of dying mid-write.
        env = {**os.environ, **EXPORT_ENV, "CREATIVENN_JVM_OPTIONS": export_jvm(args.size)}
        if mode == "imported":
            env["CREATIVENN_IMPORTED_MODE"] = "1"  # py5 has to start in imported mode (tools/_start.py)
        stop.worker = subprocess.Popen(command, pass_fds=(write_end,), stderr=subprocess.PIPE, text=True,
                                       env=env, start_new_session=True)
        os.close(write_end)
        threading.Thread(target=_pass_on_messages, args=(stop.worker.stderr, stop), daemon=True).start()
        done, bar, start = None, ProgressBar(args.frames), time.perf_counter()
        with os.fdopen(read_end) as progress, contextlib.suppress(Stopped):
            for line in progress:
                message = json.loads(line)
                if "frame" in message:
                    bar.show(message["frame"])
                elif message.get("done"):
                    done = message
        code = stop.wait()
        bar.finish()
        remove_unfinished(out)  # a PNG ffmpeg was writing when it was stopped
        if args.mp4 and (stop.signal is not None or done is None or done["error"]):
            _check_video(out / f"{sketch.stem}.mp4")
    if stop.signal is not None:
        kept = len(list(out.glob(FRAME_FILES)))
        print(f"stopped by {signal.Signals(stop.signal).name}: {kept} whole frames kept in {out}/",
              file=sys.stderr)
        return 128 + stop.signal
    if done is None and code == NO_PY5:
        return 2  # the worker said why py5 could not start
    if done is None and code == JVM_OUT_OF_MEMORY:
        print(f"error: Java ran out of memory: the canvas is larger than this export gave Java room for. "
              f"Give its size as --size WxH (creativenn then sizes Java's memory for it), or a smaller "
              f"one; frames written so far are kept in {out}/", file=sys.stderr)
        return 1
    if done is None and has_display() and not x_display_answers():
        print(f"error: the display (DISPLAY={os.environ.get('DISPLAY')}) went away during the export; "
              f"frames written so far are kept in {out}/", file=sys.stderr)
        return 1
    if done is None:
        print(f"error: the export stopped unexpectedly (exit code {code}); frames written so far "
              f"are kept in {out}/", file=sys.stderr)
        return 1
    written = done["frames"]
    if done["error"] and done["error"].startswith("Traceback"):
        where = f" at frame {done['error_frame']}" if done.get("error_frame") else ""
        print(f"\nerror: {sketch.name} raised an error{where}:\n\n{done['error']}\n", file=sys.stderr)
        print(f"{written} frame{'s' * (written != 1)} written before it are kept in {out}/",
              file=sys.stderr)
        return 1
    if done["error"]:
        print(f"\nerror: {done['error']}; {written} of {args.frames} frames are in {out}/", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - start
    print(f"{written} frames in {out}/ ({PNG_NAME.format(1)} … {PNG_NAME.format(written)}), "
          f"{seconds:.1f} s, {written / seconds:.1f} frames/s", file=sys.stderr)
    for path in done["files"]:
        print(f"  {path}", file=sys.stderr)
    return 0


class Stopped(Exception):
    """A signal asked the export to stop."""


class StopOnSignal:
    """While an export runs: SIGINT, SIGTERM or SIGHUP stop the worker and end cleanly.

    The first signal is passed to the worker as SIGTERM: it stops the sketch at the next frame and
    closes its files (the encoders finish them), so what was written is whole. A second signal, or
    a worker that has not gone within ``GRACE`` seconds (a sketch stuck in draw()), gets SIGKILL,
    with its process group. No traceback either way, and this process then exits normally, so the
    Xvfb it started is stopped too.
    """

    GRACE = 20
    SIGNALS = tuple(getattr(signal, n) for n in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, n))

    def __init__(self):
        self.worker, self.signal, self._before = None, None, {}

    def __enter__(self) -> StopOnSignal:
        for number in self.SIGNALS:
            self._before[number] = signal.signal(number, self._on_signal)
        return self

    def __exit__(self, *exc) -> bool:
        try:
            self.wait()
        finally:
            for number, handler in self._before.items():
                signal.signal(number, handler)
        return exc[0] is Stopped  # a signal before the worker started: handled, reported by the caller

    def _on_signal(self, number, frame) -> None:
        if self.signal is None:
            self.signal = number
            self._kill(signal.SIGTERM)
            raise Stopped
        self._kill(signal.SIGKILL)  # a second signal: at once, quietly

    def _kill(self, number) -> None:
        if self.worker is None or self.worker.poll() is not None:
            return
        if number != signal.SIGKILL:
            with contextlib.suppress(ProcessLookupError):
                self.worker.send_signal(number)
            return
        # the worker and every encoder it started (imageio-ffmpeg gives its ffmpeg a group of its own)
        for pid in [self.worker.pid, *_descendants(self.worker.pid)]:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)

    def wait(self) -> int | None:
        """The worker's exit code, once it has gone (killed after GRACE seconds of a stop)."""
        if self.worker is None:
            return None
        while True:
            try:
                return self.worker.wait(timeout=self.GRACE if self.signal is not None else None)
            except subprocess.TimeoutExpired:
                self._kill(signal.SIGKILL)
            except Stopped:
                continue


def _descendants(pid: int) -> list[int]:
    """The processes ``pid`` started, directly or not (Linux's /proc; elsewhere none are found)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _check_video(path: Path) -> None:
    """An MP4 cut off by a hard stop cannot be played: remove it, and say so."""
    import imageio_ffmpeg

    if path.is_file():
        try:
            imageio_ffmpeg.count_frames_and_secs(str(path))
        except (RuntimeError, OSError, ValueError):
            path.unlink(missing_ok=True)
            print(f"{path} was not finished (the export was stopped hard) and is removed; the PNG "
                  "frames are whole", file=sys.stderr)


def cmd_new(args) -> int:
    """Write NAME.py from a starter sketch; never over an existing file."""
    starter = resources.starters()[args.template]
    path = Path(args.name if args.name.endswith(".py") else f"{args.name}.py")
    if not path.stem.isidentifier():
        raise UsageError(f"{path.stem!r} is not a usable sketch name: use letters, digits and _ "
                         "(like my_network)")
    if path.exists():
        raise UsageError(f"{path} exists already; creativenn new never overwrites a file. "
                         "Choose another name, or move that file away first.")
    if not path.parent.is_dir():
        raise UsageError(f"there is no folder {path.parent}/ to write {path.name} into")
    me = typed_command()  # what works in this shell: creativenn, or .venv/bin/creativenn after make
    text = starter.read_text().replace("it: creativenn ", f"it: {me} ")
    text = text.replace("TITLE", path.stem.replace("_", " ")).replace("FILE", str(path))
    path.write_text(text.replace("NAME", path.stem))
    print(f"wrote {path}, started from the {args.template} starter. Next:\n"
          f"  change the lines marked CHANGE, then\n"
          f"  {me} run {path}        (a window)\n"
          f"  {me} export {path} --frames 120 --out out/{path.stem} --gif   (frames and a GIF)")
    return 0


def typed_command() -> str:
    """How to type the creativenn that is running, here: its name when that is the one on PATH,
    else its path (.venv/bin/creativenn after `make`), else python -m creativenn."""
    script = Path(sys.executable).parent / ("creativenn.exe" if os.name == "nt" else "creativenn")
    found = shutil.which("creativenn")
    if found and script.exists() and Path(found).resolve() == script.resolve():
        return "creativenn"
    if script.exists():
        relative = os.path.relpath(script)
        return relative if not relative.startswith("..") else str(script)
    return f"{sys.executable} -m creativenn"


def cmd_maths(args) -> int:
    """The course notes' equations: all their tags and titles, or one whole entry."""
    entries = resources.course_notes()
    if args.tag is None:
        for tag, text in entries.items():
            print(f"{tag:<4} {text.splitlines()[0]}")
        print(f"\n  creativenn maths TAG   one of them in full;  all of them: {resources.notes()}")
        return 0
    tag = args.tag.strip("()").upper()
    if tag not in entries:
        raise UsageError(f"the course notes have no equation {args.tag!r}; they have "
                         f"{', '.join(entries)} (creativenn maths lists them)")
    print(f"({tag}) {entries[tag]}")
    return 0


def version_text() -> str:
    """creativenn's version and what it runs on: Python, numpy, py5 (not imported) and Java."""
    from importlib.metadata import PackageNotFoundError, version

    import numpy as np

    try:
        py5_version = version("py5")
    except PackageNotFoundError:
        py5_version = "not installed"
    try:
        java = str(find_java())
    except SetupError as error:
        java = "no usable Java: " + str(error).splitlines()[0]
    return (f"creativenn {__version__} (Python {sys.version.split()[0]}, numpy {np.__version__}, "
            f"py5 {py5_version})\n{java}")


class _PrintVersion(argparse.Action):
    """``--version``: looks Java up only when asked (``java -version`` takes a moment)."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):
        print(version_text())
        parser.exit()


def _pass_on_messages(stream, stop=None) -> None:
    """The worker's messages, less JOGL's report of X connections at exit (P2D/P3D), and less
    anything it says once it has been told to stop (the JVM going down mid-frame)."""
    for line in stream:
        if not line.startswith(("X11Util", "    X11Util")) and (stop is None or stop.signal is None):
            sys.stderr.write(line)


class ProgressBar:
    """A one-line progress bar on the terminal (a line every 10% when not a terminal)."""

    def __init__(self, total: int, stream=sys.stderr):
        self.total, self.stream, self.last = total, stream, -1
        self.tty = stream.isatty()
        self.start = time.perf_counter()

    def show(self, done: int) -> None:
        rate = done / max(time.perf_counter() - self.start, 1e-9)
        if self.tty:
            filled = round(30 * done / self.total)
            self.stream.write(f"\r[{'█' * filled}{'·' * (30 - filled)}] {done}/{self.total} "
                              f"frames  {rate:5.1f}/s")
            self.stream.flush()
        elif done * 10 // self.total != self.last:
            self.last = done * 10 // self.total
            self.stream.write(f"{done}/{self.total} frames  {rate:.1f}/s\n")

    def finish(self) -> None:
        if self.tty:
            self.stream.write("\n")


def cmd_doctor(args) -> int:
    from . import doctor

    return doctor.report(doctor.findings(frames=not args.no_frames))


def demo(epochs: int = 1000, every: int = 100) -> int:
    """Train XOR and print the loss as a bar that shrinks."""
    import numpy as np

    from ..maths.mlp import MLP
    from ..maths.optimizers import SGD
    from ..worlds import datasets

    X, Y = datasets.xor()
    net = MLP([2, 4, 1], activation="tanh", output_activation="sigmoid", loss="bce", seed=0)
    optimizer = SGD(learning_rate=0.5)
    print(f"{net}\nlearning XOR with batch gradient descent, η = {optimizer.learning_rate}\n")
    first = None
    for epoch in range(epochs + 1):
        loss = net.step(X, Y, optimizer) if epoch < epochs else net.loss(X, Y)
        first = first or loss
        if epoch % every == 0:
            bar = "█" * max(1, round(40 * loss / first))
            print(f"step {epoch:5d}  loss {loss:.4f}  {bar}")
    print("\ninput   target  output")
    for x, y, a in zip(X, Y, net.forward(X), strict=True):
        print(f"{x.astype(int).tolist()}  {int(y[0])}       {a[0]:.3f}")
    correct = np.array_equal(net.predict(X), Y[:, 0].astype(int))
    print("\nXOR learned." if correct else "\nNot learned yet: try more steps.")
    return 0 if correct else 1


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 800x600, got {text!r}") from None
    if w < 1 or h < 1:
        raise argparse.ArgumentTypeError(f"size must be positive, got {text!r}")
    return w, h


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value <= 10:
        raise argparse.ArgumentTypeError(f"must be a number above 0 and at most 10 (1.5 for a window half "
                                         f"as big again), got {text!r}")
    return value


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="creativenn", description="Neural-network maths you can watch.")
    p.add_argument("--version", action=_PrintVersion,
                   help="creativenn's version, and the Python, numpy, py5 and Java it runs on")
    commands = p.add_subparsers(dest="command", required=True)
    commands.add_parser("list", help="list the bundled sketches")
    run = commands.add_parser("run", help="open a sketch in a window (module, imported or class mode)")
    run.add_argument("sketch", help="a bundled sketch's name or a path to a .py file")
    projector = run.add_mutually_exclusive_group()
    projector.add_argument("--fullscreen", action="store_true",
                           help="for a projector: fill the screen, the sketch drawn as big as fits, sharp")
    projector.add_argument("--scale", type=_positive_float, metavar="F",
                           help="for a projector: a window F times the sketch's size, drawn sharp")
    live = commands.add_parser("live", help="live coding: the sketch runs again each time you save it")
    live.add_argument("sketch", help="a module-mode sketch: a bundled one's name or a .py file")
    export = commands.add_parser("export", help="render frames offline (PNG, and GIF/MP4 if asked)")
    export.add_argument("sketch", help="a bundled sketch's name or a path to a .py file")
    export.add_argument("--frames", type=int, help="how many frames to write (default: the sketch's own "
                        "EXPORT_FRAMES, or 120)")
    export.add_argument("--out", required=True, help="the folder to write them to")
    export.add_argument("--seed", type=int, default=0, help="seed for every random generator (0)")
    export.add_argument("--size", type=_size, help="canvas size WxH, instead of the sketch's")
    export.add_argument("--gif", action="store_true", help="also write SKETCH.gif")
    export.add_argument("--mp4", action="store_true", help="also write SKETCH.mp4 (H.264)")
    export.add_argument("--svg", action="store_true",
                        help="also write SKETCH.svg: the last frame as vectors (sketches with save_svg)")
    export.add_argument("--sidecar", action="store_true",
                        help="also write SKETCH.jsonl: each frame's numbers (step, parameters, loss, …)")
    export.add_argument("--clean", action="store_true",
                        help="the picture alone: no titles, legends, footers or help (for prints and art)")
    export.add_argument("--fps", type=float, default=30.0, help="frames per second of GIF/MP4 (30)")
    export.add_argument("--every", type=int, default=1, help="keep every K-th frame (a time-lapse)")
    export.add_argument("--gif-width", type=int, default=480, help="the GIF's width at most (480)")
    new = commands.add_parser("new", help="start a class project: write NAME.py from a starter sketch")
    new.add_argument("name", help="the new sketch's file name (NAME or NAME.py)")
    new.add_argument("--from", dest="template", default="network",
                     choices=sorted(resources.starters()),
                     help="the starter to begin from (network)")
    commands.add_parser("demo", help="train XOR in the terminal and watch the loss fall")
    doctor = commands.add_parser("doctor", help="check what sketches need here (Java, display, test frames)")
    doctor.add_argument("--no-frames", action="store_true", help="skip the test frames (no JVM started)")
    maths = commands.add_parser("maths", help="the course notes: every equation the code cites, or one")
    maths.add_argument("tag", nargs="?", help="an equation's tag (F1, B4, G1, …); none: list them all")
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    sketch_args = argv[argv.index("--") + 1:] if "--" in argv else []
    commands = {"list": cmd_list, "run": cmd_run, "live": cmd_live, "export": cmd_export, "new": cmd_new,
                "demo": lambda a: demo(), "maths": cmd_maths,
                "doctor": cmd_doctor}
    try:
        args = parser().parse_args(argv[: len(argv) - len(sketch_args) - ("--" in argv)])
        args.sketch_args = sketch_args
        return commands[args.command](args)
    except BrokenPipeError:  # `creativenn list | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (UsageError, SetupError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
