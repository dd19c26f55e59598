"""Animations shown inline: ``animate(what, frames)``.

``what`` is a bundled sketch's name or a sketch file, rendered exactly as
``creativenn export`` renders it (seeded, repeatable, in a process of its
own); or a function of the notebook's own, called once a frame, that takes
a training step or a few and returns what to draw (anything ``show``
draws). Either way the frames are numbered PNGs in a folder, the clip an
MP4 (or a GIF) that plays inline, and a progress bar fills while it renders.

A notebook's function runs in the notebook's own process, on a windowless
py5 sketch: the model it changes is the notebook's, and is left as the last
frame drew it. Interrupting the cell (the stop button) ends the clip at the
last whole frame; the frames so far stay in the folder, and their clip plays.

Leaves out: sound, and frames that change size mid-clip.
"""

from __future__ import annotations

import inspect
import queue
import random
import re
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import numpy as np

from .base import NotebookError, Progress, Video, raised_line, start_py5
from .pictures import WIDTH, choose, draw_on


def animate(what, frames: int = 90, *, every: int = 1, seed: int = 0, fps: int = 30, gif: bool = False,
            out=None, title: str | None = None, args=()) -> Video:
    """``what`` rendered for ``frames`` frames (one every ``every`` draws), as a Video that plays inline.

    ``what``: a bundled sketch's name, a sketch file, or a function called once
    a frame (with the frame number 0, 1, … if it takes an argument) that
    returns what to draw, as ``show`` draws it::

        run = Training(net, X, Y, cnn.Adam(0.03), seed=0)

        def train_a_little():
            run.step(5)
            return run

        animate(train_a_little, frames=60)

    Random generators are seeded with ``seed`` first, so the same call gives
    the same frames. ``gif=True``: a GIF instead of an MP4. ``out``: the folder
    for the frames and the clip (a new temporary one if not given). ``args``:
    a sketch's own command-line arguments; ``title``: a function's frames' title.
    """
    if not isinstance(frames, int) or frames < 1:
        raise NotebookError(f"frames must be a whole number, 1 or more; got {frames!r}")
    if not isinstance(every, int) or every < 1:
        raise NotebookError(f"every must be a whole number, 1 or more; got {every!r}")
    if not 1 <= fps <= 240:
        raise NotebookError(f"fps must be between 1 and 240 frames a second, got {fps}")
    out = Path(out) if out is not None else Path(tempfile.mkdtemp(prefix="creativenn-"))
    if callable(what):
        return _animate_function(what, frames, every, seed, fps, gif, out, title)
    if title is not None:
        raise NotebookError("title= is for a function's frames; a sketch draws its own title")
    return _animate_sketch(str(what), frames, every, seed, fps, gif, out, args)


def _animate_sketch(sketch, frames, every, seed, fps, gif, out, args) -> Video:
    command = [sys.executable, "-m", "creativenn", "export", sketch, "--frames", str(frames),
               "--every", str(every), "--seed", str(seed), "--fps", str(fps), "--out", str(out),
               "--gif" if gif else "--mp4", *(["--", *map(str, args)] if args else [])]
    progress = Progress(frames, f"rendering {Path(sketch).stem}")
    said = []
    with subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True) as export:
        try:
            for line in export.stderr:  # "12/90 frames  40.2/s" every tenth of the way (not a terminal)
                said.append(line.strip())
                counted = re.match(r"(\d+)/(\d+) frames", line)
                if counted:
                    progress.show(int(counted.group(1)))
        except KeyboardInterrupt:  # the stop button: the export keeps the frames it wrote
            export.terminate()
            export.wait()
            raise
    if export.returncode != 0:  # the export's own words: its "error:" line, and the exception's last line
        said = [line for line in said if line]
        where = next((line.removeprefix("error: ") for line in said if line.startswith("error:")), "")
        raised = raised_line(said)
        reason = " ".join(part for part in (where, raised) if part) or (said or ["no reason given"])[-1]
        raise NotebookError(f"{sketch} could not be animated: {reason}")
    progress.finish(frames)
    clips = sorted(out.glob("*.gif" if gif else "*.mp4"))
    if not clips:
        kind = "GIF" if gif else "MP4"
        raise NotebookError(f"{sketch}: the export wrote no {kind} (run creativenn doctor)")
    return Video(clips[0], out)


def _animate_function(function, frames, every, seed, fps, gif, out, title) -> Video:
    """The notebook's own loop: ``function`` called each draw, its result drawn, every ``every``-th
    draw captured. Drawing runs on py5's thread; this thread writes the frames and the progress bar."""
    from ..tools.frames import FrameWriter, make_gif, prepare_out_dir, remove_unfinished
    from ..tools.pixels import grab_rgb

    name = getattr(function, "__name__", "frames").strip("<>") or "frames"
    takes_number = _takes_an_argument(function)
    random.seed(seed)
    np.random.seed(seed)
    first = function(0) if takes_number else function()
    how, thing, height = choose(first)  # what cannot be drawn is said now, before py5 starts
    py5 = start_py5()
    grabbed: queue.Queue = queue.Queue(maxsize=4)  # bounded: drawing waits for the writer, not memory
    draws = [0]

    class Clip(py5.Sketch):
        def settings(self):
            self.size(WIDTH, height, self.HIDDEN)

        def setup(self):
            self.random_seed(seed)
            self.noise_seed(seed)
            self.frame_rate(1000)

        def draw(self):
            if draws[0] >= frames * every:  # done: the model stays as the last frame shows it
                return
            try:
                k = draws[0]
                result = first if k == 0 else function(k) if takes_number else function()
                kind, drawn, tall = choose(result)
                if tall != height:
                    raise NotebookError(f"{name} returned a {type(result).__name__} at frame {k}, after a "
                                        f"{type(first).__name__}: return the same kind of thing each frame")
                draw_on(self, kind, drawn, title)
                draws[0] += 1
                if draws[0] % every == 0:
                    grabbed.put(grab_rgb(self))
            except BaseException as error:  # noqa: BLE001 - handed to the notebook's thread, said there
                grabbed.put(error)
                self.no_loop()

    out = prepare_out_dir(out)
    writer = FrameWriter(out, mp4=None if gif else out / f"{name}.mp4", fps=fps)
    writer.start((height, WIDTH, 3))  # ffmpeg started before drawing starts (see FrameWriter.start)
    progress = Progress(frames, f"rendering {name}")
    clip, written, failed, stopped = Clip(), 0, None, False
    clip.run_sketch(block=False)
    try:
        while written < frames and failed is None:
            try:
                item = grabbed.get(timeout=1)
            except queue.Empty:
                if clip.is_dead:  # py5 itself failed (its message is printed above)
                    failed = RuntimeError("the sketch stopped inside py5 (see the message above)")
                continue
            if isinstance(item, BaseException):
                failed = item
                break
            writer.write(item)
            written += 1
            progress.show(written)
    except KeyboardInterrupt:
        stopped = True
    finally:
        clip.exit_sketch()
        for _ in range(1200):  # up to a minute: a draw waiting to hand over its frame can then end
            if clip.is_dead:
                break
            while not grabbed.empty():
                grabbed.get_nowait()
            clip.exit_sketch()
            threading.Event().wait(0.05)
        writer.close()
        remove_unfinished(out)
    if failed is not None:
        kept = f"; the {written} frames before it are in {out}/" if written else ""
        raise NotebookError(f"{name} failed at frame {draws[0]}: {type(failed).__name__}: {failed}{kept}") \
            from failed
    if gif:
        make_gif(writer.paths[:writer.whole], out / f"{name}.gif", fps=fps)
    progress.finish(written, f" (stopped: the {written} frames are in {out}/)" if stopped else "")
    return Video(out / f"{name}.{'gif' if gif else 'mp4'}", out)


def _takes_an_argument(function) -> bool:
    """Whether ``function`` can be called with one positional argument (the frame number)."""
    try:
        parameters = list(inspect.signature(function).parameters.values())
    except (TypeError, ValueError):
        return False
    positional = [p for p in parameters if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    required = [p for p in positional if p.default is p.empty]
    return bool(required) or any(p.kind is p.VAR_POSITIONAL for p in parameters)
