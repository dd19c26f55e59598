"""One export in a worker process of its own: start it, follow its frames, say what came of it.

``creativenn export`` runs one ``Job``; a series (``tools.series``) runs
many, several at once, each on a display of its own. The worker
(``python -m creativenn.tools.worker``) reports each frame, and at the end
what it wrote, as JSON lines on a pipe; ``Job.problem`` turns an ending
that is not every frame asked for into one sentence that says why and what
was kept.

Leaves out: the command line (``tools.cli``) and the series' bookkeeping.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from .display import has_display, x_display_answers
from .sketchfile import canvas_of, literal_source
from .worker import NO_PY5

# The export worker's JVM has its memory fixed from the start: a 192 MB heap touched at once,
# and at most 16 MB of direct buffers (py5 hands pixels over in those; they are freed only by
# a GC, which a roomy heap seldom runs). Measured over 10,000 exported frames (bench/soak.py),
# resident memory then grows 21 MB instead of 66 MB.
EXPORT_JVM = "-Xms192m -Xmx192m -XX:+AlwaysPreTouch -XX:MaxDirectMemorySize=16m -XX:+ExitOnOutOfMemoryError"
MB = 1 << 20
OWN_CANVAS_PIXELS = 4096 * 4096  # a sketch's own size() Java is given room for without --size
JVM_OUT_OF_MEMORY = 3  # the exit code ExitOnOutOfMemoryError gives
# glibc gives each thread its own memory arenas; the worker's threads (Python, Java's animation
# thread, the frame writer) then fragment memory; two arenas are part of the 21 MB above.
# A sketch's matrices are small: BLAS threads only fight the JVM and ffmpeg for the cores
# (the network sketch's frame: 25 ms with them, 14 ms without).
SKETCH_ENV = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
EXPORT_ENV = {"CREATIVENN_JVM_OPTIONS": EXPORT_JVM, "MALLOC_ARENA_MAX": "2", **SKETCH_ENV}


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


# The least an exported frame takes on disk: a plain frame measured 0.11 bytes a pixel (perceptron at 800²;
# line_fit 0.24, cppn 0.8), so an export is refused only where even frames half as plain would not fit.
FRAME_BYTES_PER_PIXEL = 0.05
SMALLEST_FRAME = (400, 400)  # where --size is not given: no bundled sketch is smaller


@dataclass(frozen=True)
class Recipe:
    """What an export makes, apart from the sketch and its seed: the same for every item of a series."""

    frames: int
    every: int = 1
    fps: float = 30.0
    size: tuple[int, int] | None = None
    gif: bool = False
    mp4: bool = False
    svg: bool = False
    sidecar: bool = False
    clean: bool = False
    gif_width: int = 480

    def check_room(self, out: Path, clips: int = 1) -> None:
        """A ValueError, before anything is rendered, where the disk that holds ``out`` cannot hold even
        the least ``clips`` such exports take: their frames at FRAME_BYTES_PER_PIXEL, of the size
        asked or SMALLEST_FRAME."""
        from ..files import check_room

        width, height = self.size or SMALLEST_FRAME
        frames = clips * self.frames
        what = f"{clips:,} clips of {self.frames:,} frames" if clips > 1 else f"{self.frames:,} frames"
        check_room(Path(out) / "frame-0001.png", int(frames * width * height * FRAME_BYTES_PER_PIXEL),
                   f"{what} of {width} × {height}", least=True)

    def flags(self) -> list[str]:
        """The worker's command-line options for this recipe."""
        flags = ["--frames", str(self.frames), "--every", str(self.every), "--fps", str(self.fps),
                 "--gif-width", str(self.gif_width)]
        if self.size:
            flags += ["--size", f"{self.size[0]}x{self.size[1]}"]
        return flags + [f"--{f}" for f in ("gif", "mp4", "svg", "sidecar", "clean") if getattr(self, f)]


@dataclass
class Job:
    """One export: ``sketch`` with ``seed``, ``constants`` and its own ``argv``, made by ``recipe`` in
    ``out``. ``start()``, then ``follow()`` (on the thread that reads its progress), then ``wait()``."""

    sketch: Path
    out: Path
    recipe: Recipe
    seed: int = 0
    constants: dict = field(default_factory=dict)
    argv: list = field(default_factory=list)
    mode: str | None = None  # imported mode has to be on before py5 starts (tools/_start.py)
    worker: subprocess.Popen | None = None
    done: dict | None = None  # the worker's last report: frames written, files, error
    frames: int = 0  # frames written so far

    def start(self, display: str | None = None, stderr=subprocess.PIPE) -> subprocess.Popen:
        """Start the worker, on ``display`` if given (else this process's DISPLAY). A session of its
        own: a Ctrl-C reaches the command only, which stops the worker (and its ffmpeg) as a group,
        so the encoders finish their files instead of dying mid-write."""
        command = [sys.executable, "-m", "creativenn.tools.worker", str(self.sketch), "--out",
                   str(Path(self.out).resolve()), "--seed", str(self.seed), *self.recipe.flags()]
        if self.constants:
            command += ["--constants", literal_source(self.constants)]
        if self.argv:  # the sketch runs from its own folder: files named here stay found
            command += ["--", *(str(Path(a).resolve()) if Path(a).is_file() else a for a in self.argv)]
        env = {**os.environ, **EXPORT_ENV, "CREATIVENN_JVM_OPTIONS": export_jvm(self.canvas())}
        if display:
            env["DISPLAY"] = display
        if self.mode == "imported":
            env["CREATIVENN_IMPORTED_MODE"] = "1"
        self.worker, self._reports = launch(command, env, stderr)
        return self.worker

    def canvas(self) -> tuple[int, int] | None:
        """The canvas Java needs room for: --size, else what the sketch asks for (a full_screen() sketch
        at 1920×1080 P2D needs 8 MB of direct buffers a frame, more than the 16 MB a small one has)."""
        if self.recipe.size is not None:  # checked against this machine's memory (cli.check_canvas)
            return self.recipe.size
        try:
            own = canvas_of(Path(self.sketch).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            return None  # the worker says why it cannot read the sketch
        # unasked, Java grows to 400 MB at most; a larger canvas is told to give --size (checked then)
        return own if own is not None and own[0] * own[1] <= OWN_CANVAS_PIXELS else None

    def follow(self, on_frame=None) -> dict | None:
        """Read the worker's reports until it ends: ``on_frame(k)`` after each frame written."""
        for message in reports(self._reports):
            if "frame" in message:
                self.frames = message["frame"]
                if on_frame is not None:
                    on_frame(self.frames)
            elif message.get("done"):
                self.done = message
        return self.done

    def problem(self, code: int | None) -> str | None:
        """Why the export did not give every frame asked for, in one message (None: it did)."""
        done, out, name = self.done, f"{self.out}/", Path(self.sketch).name
        if done is None and code == NO_PY5:
            return "py5 could not start (the worker said why above)"
        if done is None and code == JVM_OUT_OF_MEMORY:
            return ("Java ran out of memory: the canvas is larger than this export gave Java room for. Give "
                    "its size as --size WxH (creativenn then sizes Java's memory for it), or a smaller one; "
                    f"frames written so far are kept in {out}")
        if done is None and has_display() and not x_display_answers():
            return (f"the display (DISPLAY={os.environ.get('DISPLAY')}) went away during the export; frames "
                    f"written so far are kept in {out}")
        if done is None:
            how = f"killed by {signal.Signals(-code).name}" if code and code < 0 else f"exit code {code}"
            return f"the export stopped unexpectedly ({how}); frames written so far are kept in {out}"
        error, written = done["error"], done["frames"]
        if not error:
            return None
        if error.startswith("Traceback"):
            where = f" at frame {done['error_frame']}" if done.get("error_frame") else ""
            kept = f"{written} frame{'s' * (written != 1)} written before it are kept in {out}" if written \
                else "no frame was written"
            return f"{name} raised an error{where}:\n\n{error}\n\n{kept}"
        if not written:  # the sketch never got going: no frames to point to
            return f"{error}\n(no frame was written)" if "\n" in error else f"{error}; no frame was written"
        return f"{error}; {written} of {self.recipe.frames} frames are in {out}"


def launch(command: list[str], env: dict, stderr) -> tuple[subprocess.Popen, int]:
    """Start a worker that reports on a pipe (``--progress-fd N`` added to its options, before any ``--``),
    in a session of its own: (the process, the pipe's end to read its reports from)."""
    read, write = os.pipe()
    at = command.index("--") if "--" in command else len(command)  # before the sketch's own arguments
    command = [*command[:at], "--progress-fd", str(write), *command[at:]]
    try:
        worker = subprocess.Popen(command, pass_fds=(write,), stderr=stderr, text=True, env=env,
                                  start_new_session=True)
    except BaseException:
        os.close(read)
        raise
    finally:
        os.close(write)
    return worker, read


def reports(read: int):
    """A worker's reports, one JSON object a line, until it ends."""
    with os.fdopen(read) as lines:
        for line in lines:
            yield json.loads(line)


class Stopped(Exception):
    """A signal asked the export to stop."""


class StopOnSignal:
    """While exports run: SIGINT, SIGTERM or SIGHUP stop the workers and end cleanly.

    The first signal is passed to each worker as SIGTERM: it stops the sketch at the next frame and
    closes its files (the encoders finish them), so what was written is whole. A second signal, or
    a worker that has not gone within ``GRACE`` seconds (a sketch stuck in draw()), gets SIGKILL,
    with its process group. No traceback either way, and this process then exits normally, so the
    Xvfb it started is stopped too. The first signal raises ``Stopped`` in the main thread.
    """

    GRACE = 20
    SIGNALS = tuple(getattr(signal, n) for n in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, n))

    def __init__(self):
        self.workers: list[subprocess.Popen] = []
        self.signal, self._before, self._lock = None, {}, threading.Lock()

    def add(self, worker: subprocess.Popen) -> subprocess.Popen:
        """Stop this worker too on a signal (at once, if one came already)."""
        with self._lock:
            self.workers.append(worker)
        if self.signal is not None:
            self._kill(worker, signal.SIGTERM)
        return worker

    def __enter__(self) -> StopOnSignal:
        for number in self.SIGNALS:
            self._before[number] = signal.signal(number, self._on_signal)
        return self

    def __exit__(self, *exc) -> bool:
        try:
            for worker in list(self.workers):
                self.wait(worker)
        finally:
            for number, handler in self._before.items():
                signal.signal(number, handler)
        return exc[0] is Stopped  # a signal before a worker started: handled, reported by the caller

    def _on_signal(self, number, frame) -> None:
        first = self.signal is None
        self.signal = self.signal or number
        for worker in list(self.workers):
            self._kill(worker, signal.SIGTERM if first else signal.SIGKILL)  # a second signal: at once
        if first:
            raise Stopped

    def _kill(self, worker: subprocess.Popen, number) -> None:
        if worker.poll() is not None:
            return
        if number != signal.SIGKILL:
            with contextlib.suppress(ProcessLookupError):
                worker.send_signal(number)
            return
        # the worker and every encoder it started (imageio-ffmpeg gives its ffmpeg a group of its own)
        for pid in [worker.pid, *_descendants(worker.pid)]:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)

    def wait(self, worker: subprocess.Popen) -> int:
        """The worker's exit code, once it has gone (killed after GRACE seconds of a stop)."""
        while True:
            try:
                return worker.wait(timeout=self.GRACE if self.signal is not None else None)
            except subprocess.TimeoutExpired:
                self._kill(worker, signal.SIGKILL)
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


def check_video(path: Path) -> str | None:
    """An MP4 cut off by a hard stop cannot be played: remove it, and say so."""
    import imageio_ffmpeg

    if path.is_file():
        try:
            imageio_ffmpeg.count_frames_and_secs(str(path))
        except (RuntimeError, OSError, ValueError):
            path.unlink(missing_ok=True)
            return (f"{path} was not finished (the export was stopped hard) and is removed; the PNG frames "
                    "are whole")
    return None


def pass_on_messages(stream, stop: StopOnSignal | None = None, to=None) -> None:
    """The worker's messages, less JOGL's report of X connections at exit (P2D/P3D), and less
    anything it says once it has been told to stop (the JVM going down mid-frame)."""
    to = to or sys.stderr
    for line in stream:
        if not line.startswith(("X11Util", "    X11Util")) and (stop is None or stop.signal is None):
            to.write(line)
            to.flush()


class ProgressBar:
    """A one-line progress bar on the terminal (a line every 10% when not a terminal)."""

    def __init__(self, total: int, stream=None, unit: str = "frames"):
        self.total, self.stream, self.last, self.unit = total, stream or sys.stderr, -1, unit
        self.tty = self.stream.isatty()
        self.start = time.perf_counter()

    def show(self, done: int, extra: str = "") -> None:
        rate = done / max(time.perf_counter() - self.start, 1e-9)
        if self.tty:
            filled = round(30 * done / self.total)
            self.stream.write(f"\r[{'█' * filled}{'·' * (30 - filled)}] {done}/{self.total} "
                              f"{self.unit}  {rate:5.1f}/s{extra}\033[K")
            self.stream.flush()
        elif done * 10 // self.total != self.last:
            self.last = done * 10 // self.total
            self.stream.write(f"{done}/{self.total} {self.unit}  {rate:.1f}/s{extra}\n")

    def finish(self) -> None:
        if self.tty:
            self.stream.write("\n")
