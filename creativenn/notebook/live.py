"""A sketch running live in the notebook: ``live("playground")``.

py5's own sketch portal was taken out of py5 0.10 (it is to come back built
on anywidget); this is one built the same way. The sketch runs in a process
of its own (``creativenn.tools.portal``), on the display (a virtual one if
there is none), exactly as ``creativenn run`` runs it. Its frames come to
the notebook as JPEGs and are shown in an anywidget; keys pressed and mouse
clicks and drags on the picture go back to the sketch as a window's would.
Click the picture first: like a window, it has to have the keyboard.

Limits, as measured here: about 30 frames a second at most (every other
draw is sent), less over a slow link (Colab); the picture is a JPEG, so
thin lines are a little soft; the sketch cannot see the notebook's
variables (it is another process: to animate a model trained in the
notebook, use ``animate``); the mouse wheel is not passed on; on a machine
with a screen of its own, the sketch's window opens there too.

Leaves out: live coding (``creativenn live SKETCH`` does it in a window).
"""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import threading
from pathlib import Path

from .base import NotebookError, Picture, raised_line

_ESM = """
function render({ model, el }) {
  const picture = document.createElement("img");
  picture.tabIndex = 0;
  picture.draggable = false;
  picture.style.cssText =
    "display:block; max-width:100%; outline:none; border:2px solid #3e4452; cursor:crosshair";
  picture.addEventListener("focus", () => { picture.style.borderColor = "#5aaaf0"; });
  picture.addEventListener("blur", () => { picture.style.borderColor = "#3e4452"; });
  const status = document.createElement("div");
  status.style.cssText = "font: 13px sans-serif; color: #8c929e; margin: 4px 0";
  const stop = document.createElement("button");
  stop.textContent = "stop the sketch";
  stop.onclick = () => model.send({ kind: "stop" });
  const url = { now: null };
  const show = () => {
    const frame = model.get("frame");
    if (!frame || !frame.byteLength) return;
    const next = URL.createObjectURL(new Blob([frame], { type: "image/jpeg" }));
    picture.onload = () => { if (url.now) URL.revokeObjectURL(url.now); url.now = next; };
    picture.src = next;
  };
  const say = () => { status.textContent = model.get("status"); };
  model.on("change:frame", show);
  model.on("change:status", say);
  show(); say();
  const where = (e) => {
    const box = picture.getBoundingClientRect();
    return { x: Math.round((e.clientX - box.left) * picture.naturalWidth / box.width),
             y: Math.round((e.clientY - box.top) * picture.naturalHeight / box.height) };
  };
  const key = (action) => (e) => {
    e.preventDefault();
    e.stopPropagation();
    model.send({ kind: "key", action, key: e.key, code: e.keyCode });
  };
  picture.addEventListener("keydown", key("press"));
  picture.addEventListener("keyup", key("release"));
  picture.addEventListener("mousedown", (e) => {
    picture.focus();
    e.preventDefault();
    model.send({ kind: "mouse", action: "press", button: e.button, ...where(e) });
  });
  picture.addEventListener("mouseup",
    (e) => model.send({ kind: "mouse", action: "release", button: e.button, ...where(e) }));
  let last = 0;
  picture.addEventListener("mousemove", (e) => {
    if (e.timeStamp - last < 30) return;  // about 30 a second, as many as frames come
    last = e.timeStamp;
    model.send({ kind: "mouse", action: e.buttons ? "drag" : "move", button: 0, ...where(e) });
  });
  picture.addEventListener("contextmenu", (e) => e.preventDefault());
  el.append(picture, status, stop);
  return () => { if (url.now) URL.revokeObjectURL(url.now); };
}
export default { render };
"""


def live(sketch: str, *, every: int = 2, quality: int = 80, args=()) -> LiveSketch:
    """A bundled sketch (by name) or a sketch file, running live in the notebook: show the result
    (the cell's last line), click the picture, and its keys and mouse work as in a window.

    ``every``: send every how-many-th frame (2: about 30 a second); ``quality``: the JPEGs' (1-95).
    ``.press("r")`` presses a key from code; ``.picture()`` is the latest frame; ``.stop()`` ends it.
    """
    try:
        import anywidget  # noqa: F401
    except ImportError:
        raise NotebookError("live() needs anywidget (Jupyter's widgets): "
                            "pip install 'creativenn[notebook]'") from None
    from ..tools.cli import find_sketch
    from ..tools.display import SetupError, virtual_display
    from ..tools.java import use_java

    if not (isinstance(every, int) and every >= 1):
        raise NotebookError(f"every must be a whole number, 1 or more; got {every!r}")
    if not 1 <= quality <= 95:
        raise NotebookError(f"quality must be between 1 and 95, got {quality}")
    try:
        path = find_sketch(str(sketch))
        virtual_display()
        use_java()
    except (SetupError, SystemExit, ValueError, OSError) as error:
        raise NotebookError(str(error).splitlines()[0]) from None
    return _widget_class()(path, every, quality, [str(a) for a in args])


_CLASS = []


def _widget_class():
    """The widget's class, made on first use: anywidget is imported only by a notebook that goes live."""
    if _CLASS:
        return _CLASS[0]
    import anywidget
    import traitlets

    class LiveSketchWidget(LiveSketch, anywidget.AnyWidget):
        _esm = _ESM
        frame = traitlets.Bytes(b"").tag(sync=True)
        status = traitlets.Unicode("starting…").tag(sync=True)

        def __init__(self, path, every, quality, args):
            super().__init__()
            self.start(path, every, quality, args)
            self.on_msg(lambda _widget, content, _buffers: self.send_event(content))

    _CLASS.append(LiveSketchWidget)
    return LiveSketchWidget


class LiveSketch:
    """The running sketch's process: its frames in, the notebook's events out (the widget's part
    that is not the widget: ``live`` returns one that is both)."""

    def start(self, path: Path, every: int, quality: int, args) -> None:
        from ..tools.cli import SKETCH_ENV

        self.name, self.frames, self.said = path.stem, 0, []
        read_end, write_end = os.pipe()
        command = [sys.executable, "-m", "creativenn.tools.portal", str(path), "--frames-fd", str(write_end),
                   "--every", str(every), "--quality", str(quality), "--", *args]
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE, pass_fds=(write_end,), text=True,
                                        env={**os.environ, **SKETCH_ENV}, cwd=path.parent)
        os.close(write_end)
        self.arrived = threading.Condition()
        threading.Thread(target=self._receive, args=(read_end,), daemon=True).start()
        threading.Thread(target=self._hear, daemon=True).start()

    def _receive(self, fd: int) -> None:
        with os.fdopen(fd, "rb") as frames:
            while (head := frames.read(4)) and len(head) == 4:
                data = frames.read(struct.unpack(">I", head)[0])
                with self.arrived:
                    self.frame, self.frames = data, self.frames + 1
                    self.status = f"{self.name}: running — click the picture, then use its keys"
                    self.arrived.notify_all()
        code = self.process.wait()
        ending = raised_line(self.said) or (self.said[-1] if code and self.said else "")
        with self.arrived:
            self.status = f"{self.name} has ended" + (f": {ending}" if ending else "")
            self.arrived.notify_all()

    def _hear(self) -> None:
        for line in self.process.stderr:  # what the sketch prints to stderr: kept for the status line
            if line.strip() and not line.startswith(("X11Util", "    X11Util")):
                self.said.append(line.strip())
                sys.stderr.write(line)

    @property
    def running(self) -> bool:
        return self.process.poll() is None

    def send_event(self, message: dict) -> None:
        """Hand the sketch one event, as the portal's picture sends them (see tools/portal.py)."""
        if not self.running:
            return
        try:
            self.process.stdin.write(json.dumps(message) + "\n")
            self.process.stdin.flush()
        except OSError:  # it has just ended
            pass

    def press(self, key: str) -> None:
        """Press and release ``key`` (a character, or "ArrowUp", "Enter"…) as if typed on the picture."""
        for action in ("press", "release"):
            self.send_event({"kind": "key", "action": action, "key": key, "code": ord(key.upper()[0])})

    def wait_for_frames(self, count: int = 1, timeout: float = 120) -> int:
        """Wait until ``count`` more frames have arrived (or the sketch ends); the frames so far."""
        with self.arrived:
            goal = self.frames + count
            self.arrived.wait_for(lambda: self.frames >= goal or not self.running, timeout)
            return self.frames

    def picture(self) -> Picture:
        """The latest frame, as a Picture."""
        from PIL import Image

        if not self.frames:
            raise NotebookError(f"{self.name} has not drawn a frame yet")
        return Picture(Image.open(io.BytesIO(self.frame)).convert("RGB"))

    def stop(self, timeout: float = 30) -> None:
        """End the sketch (as its stop button does); it is killed if it has not gone within ``timeout`` s."""
        self.send_event({"kind": "stop"})
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
