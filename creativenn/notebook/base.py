"""What the notebook helpers share: their one-line error, the picture and video they return,
a progress bar, and starting py5 (a virtual display first, where there is none).

Leaves out: drawing (``pictures``), rendering frames (``animation``), live sketches (``live``).
"""

from __future__ import annotations

import base64
import io
import shutil
import sys
import time
from pathlib import Path


class NotebookError(ValueError):
    """Something the notebook helpers cannot do, said in one line (IPython shows just that line)."""

    def _render_traceback_(self) -> list[str]:
        return [f"creativenn: {self}"]


class Picture:
    """A drawn frame: shown inline by Jupyter, ``.image`` a PIL image, ``.save(path)`` a PNG."""

    def __init__(self, image):
        self.image = image

    def _repr_png_(self) -> bytes:
        out = io.BytesIO()
        self.image.save(out, format="PNG")
        return out.getvalue()

    def save(self, path) -> Path:
        from ..files import renamed_when_done

        path = Path(path)
        with renamed_when_done(path) as partial:  # whole, and never through a link
            self.image.save(partial)  # its format from the ending, which the temporary name keeps
        return path


class Video:
    """An MP4 (an HTML5 video) or a GIF, shown inline by Jupyter, looping; ``.path`` the file,
    ``.frames`` the folder of its numbered PNGs, ``.save(path)`` a copy where you want it."""

    def __init__(self, path, frames=None):
        self.path = Path(path)
        self.frames = Path(frames) if frames is not None else self.path.parent

    def _repr_html_(self) -> str:
        data = base64.b64encode(self.path.read_bytes()).decode("ascii")
        if self.path.suffix == ".gif":
            return f'<img src="data:image/gif;base64,{data}" alt="{self.path.name}">'
        return f'<video controls autoplay loop muted src="data:video/mp4;base64,{data}"></video>'

    def save(self, path) -> Path:
        return Path(shutil.copyfile(self.path, path))

    def __repr__(self) -> str:
        return f"Video({str(self.path)!r})"


class Progress:
    """A progress bar: drawn in the notebook's output (updated in place) inside Jupyter or Colab,
    a line on the terminal elsewhere (its last state only, when not a terminal). Call it from the
    thread that runs the cell."""

    def __init__(self, total: int, what: str):
        self.total, self.what, self.start, self.shown = total, what, time.perf_counter(), -1
        self.handle = None
        try:
            from IPython import get_ipython
            from IPython.display import HTML, display
        except ImportError:
            get_ipython = None
        if get_ipython is not None and getattr(get_ipython(), "kernel", None) is not None:
            self.html = HTML
            self.handle = display(HTML(self._bar(0)), display_id=True)

    def _bar(self, done: int, end: str = "") -> str:
        return (f'<div style="font-family:sans-serif"><progress value="{done}" max="{self.total}" '
                f'style="width:300px"></progress> {self.what}: {done}/{self.total} frames{end}</div>')

    def show(self, done: int) -> None:
        percent = done * 100 // self.total
        if percent == self.shown:  # at most a hundred updates, however many frames
            return
        self.shown = percent
        if self.handle is not None:
            self.handle.update(self.html(self._bar(done)))
        elif sys.stderr.isatty():
            print(f"\r{self.what}: {done}/{self.total} frames", end="", file=sys.stderr, flush=True)

    def finish(self, done: int, note: str = "") -> None:
        seconds = time.perf_counter() - self.start
        end = f", {seconds:.1f} s{note}"
        if self.handle is not None:
            self.handle.update(self.html(self._bar(done, end)))
        else:
            print(f"\r{self.what}: {done}/{self.total} frames{end}", file=sys.stderr, flush=True)


def raised_line(lines) -> str:
    """The last of a process's messages that names an exception ("ZeroDivisionError: …"), or ""."""
    return next((line for line in reversed(lines) if line.split(":")[0].endswith(("Error", "Exception"))), "")


def start_py5():
    """py5, started on the chosen Java, with a display (Xvfb, started here, if there is none)."""
    from ..tools.display import virtual_display
    from ..tools.java import use_java

    virtual_display()  # no display (a kernel on a server, Colab): a virtual one, before py5 starts
    use_java()
    import py5

    from ..draw import current_sketch  # noqa: F401 - py5 started on the chosen Java, or one clear message

    return py5
