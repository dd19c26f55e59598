"""A sketch streamed to a notebook: the worker side of ``creativenn.notebook.live``.

``python -m creativenn.tools.portal SKETCH --frames-fd N [--every K] [--quality Q] [-- args]``
runs the sketch (any of py5's three modes) on this process's display, as
``creativenn run`` would, and after every K-th ``draw()`` (and after
``setup()``, for a static sketch) writes the canvas to file descriptor N as
a JPEG: four bytes of length (big-endian), then the JPEG's bytes. It reads
the notebook's keys and mouse from standard input, one JSON object a line,
and hands them to the sketch as Processing events, so its own
``key_pressed`` and ``mouse_pressed`` see them as they would a window's:

    {"kind": "key", "action": "press" | "release", "key": "r", "code": 82}
    {"kind": "mouse", "action": "press" | "release" | "drag" | "move", "x": 10, "y": 20, "button": 0}
    {"kind": "stop"}

The end of standard input (the notebook's kernel went away) stops the sketch too.

Leaves out: the mouse wheel, and keys held down by the browser's auto-repeat
(each repeat is a press of its own).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import struct
import sys
import threading
import time
from pathlib import Path

from .pixels import grab_rgb
from .projector import run_file

# keys whose Processing key is CODED, with its keyCode: the browser's KeyboardEvent.key → Java's code
CODED = {"ArrowUp": 38, "ArrowDown": 40, "ArrowLeft": 37, "ArrowRight": 39, "Shift": 16, "Control": 17,
         "Alt": 18, "Meta": 157}
TYPED = {"Enter": ("\n", 10), "Backspace": ("\b", 8), "Tab": ("\t", 9), "Escape": ("\x1b", 27),
         "Delete": ("\x7f", 127), " ": (" ", 32)}
BUTTONS = {0: 37, 1: 3, 2: 39}  # the browser's button numbers → Processing's LEFT, CENTER, RIGHT
MOUSE = {"press": 1, "release": 2, "click": 3, "drag": 4, "move": 5}


def key_event(message: dict):
    """(Processing action, key, keyCode) for the browser's key; None for a key Processing has none for."""
    action = {"press": 1, "release": 2}.get(message.get("action"))
    name = str(message.get("key", ""))
    if action is None:
        return None
    if name in CODED:
        return action, "\uffff", CODED[name]
    if name in TYPED:
        return (action, *TYPED[name])
    if len(name) == 1:  # a printable character: its key, and the code of the key it is on
        return action, name, int(message.get("code") or ord(name.upper()))
    return None


class Portal:
    """The running sketch's frames out, the notebook's events in."""

    def __init__(self, frames_fd: int, every: int, quality: int):
        self.out = os.fdopen(frames_fd, "wb", buffering=0)
        self.every, self.quality, self.draws, self.sketch = every, quality, 0, None

    def install(self) -> None:
        """Hook every sketch this process runs: py5's Sketch starts with our hooks on."""
        import py5

        real_run = py5.Sketch._run_sketch
        portal = self

        def run_sketch(sketch, methods, *args, **kwargs):
            portal.sketch = sketch
            sketch._add_post_hook("setup", "creativenn_portal", portal.after_setup)
            sketch._add_post_hook("draw", "creativenn_portal", portal.after_draw)
            return real_run(sketch, methods, *args, **kwargs)

        py5.Sketch._run_sketch = run_sketch
        threading.Thread(target=self.listen, name="creativenn-portal-events", daemon=True).start()
        threading.Thread(target=self.watch, name="creativenn-portal-watch", daemon=True).start()

    def watch(self) -> None:
        """End the sketch once an error has stopped it: py5 prints the error and leaves the sketch
        paused, which in a window someone closes, and here would never end."""
        while self.sketch is None or not self.sketch.is_dead_from_error:
            time.sleep(0.2)
        self.sketch.exit_sketch()

    def after_setup(self, sketch) -> None:
        self.send(sketch)

    def after_draw(self, sketch) -> None:
        self.draws += 1
        if self.draws % self.every == 0:
            self.send(sketch)

    def send(self, sketch) -> None:
        from PIL import Image

        data = io.BytesIO()
        Image.fromarray(grab_rgb(sketch)).save(data, format="JPEG", quality=self.quality)
        try:
            self.out.write(struct.pack(">I", data.tell()) + data.getvalue())
        except OSError:  # the notebook stopped listening
            sketch.exit_sketch()

    def listen(self) -> None:
        for line in sys.stdin:
            try:
                message = json.loads(line)
            except ValueError:
                continue
            if message.get("kind") == "stop":
                break
            while self.sketch is None or not self.sketch.is_running:  # events wait for the sketch
                if self.sketch is not None and self.sketch.is_dead:
                    return
                time.sleep(0.02)
            self.post(message)
        if self.sketch is not None:  # asked to stop, or the kernel went away
            self.sketch.exit_sketch()
        else:
            os._exit(0)

    def post(self, message: dict) -> None:
        """The message as a Processing event, queued as a window's would be (drawn next frame)."""
        from jpype import JChar, JClass

        now = int(time.time() * 1000)
        if message.get("kind") == "key":
            event = key_event(message)
            if event is None:
                return
            action, key, code = event
            KeyEvent = JClass("processing.event.KeyEvent")
            self.sketch._instance.postEvent(KeyEvent(None, now, action, 0, JChar(key), code, False))
            if action == 1 and key != "\uffff":  # a character typed, as a window's key_typed sees it
                self.sketch._instance.postEvent(KeyEvent(None, now, 3, 0, JChar(key), 0, False))
        elif message.get("kind") == "mouse" and message.get("action") in MOUSE:
            MouseEvent = JClass("processing.event.MouseEvent")
            action = MOUSE[message["action"]]
            button = BUTTONS.get(message.get("button", 0), 37) if action != 5 else 0
            x, y = int(message.get("x", 0)), int(message.get("y", 0))
            self.sketch._instance.postEvent(MouseEvent(None, now, action, 0, x, y, button, 1))
            if action == 2:  # a press and release at one place is a click, as in a window
                self.sketch._instance.postEvent(MouseEvent(None, now, 3, 0, x, y, button, 1))


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m creativenn.tools.portal", description=__doc__.split("\n")[0])
    p.add_argument("sketch")
    p.add_argument("--frames-fd", type=int, required=True)
    p.add_argument("--every", type=int, default=2)
    p.add_argument("--quality", type=int, default=80)
    argv = sys.argv[1:] if argv is None else list(argv)
    rest = argv[argv.index("--") + 1:] if "--" in argv else []  # the sketch's own arguments
    args = p.parse_args(argv[: len(argv) - len(rest) - ("--" in argv)])
    portal = Portal(args.frames_fd, args.every, args.quality)
    run_file(Path(args.sketch), rest, portal.install)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)  # a JVM with a window thread left would keep the process alive


if __name__ == "__main__":
    sys.exit(main())
