"""A screen for py5: what the runner checks before any sketch starts (Java: ``creativenn.tools.java``).

py5 cannot even be imported without an X display. On a machine with no
screen (a server, CI) ``virtual_display()`` starts Xvfb, a virtual screen,
with 24-bit colour (at 8 bits P2D/P3D draw nothing; at 16 colours come out
quantised), and stops it on exit.

Leaves out: Wayland-only desktops without XWayland, and macOS, where py5
has its own rules (blocking run_sketch, JAVA2D-only helpers).
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile

SCREEN = (1920, 1080)  # the virtual screen started where there is no display


class SetupError(RuntimeError):
    """Something outside Python that sketches need is missing; the message says how to get it."""


def has_display() -> bool:
    """Whether this process can open windows: always on macOS and Windows; with X, when DISPLAY is set."""
    return sys.platform in ("darwin", "win32") or bool(os.environ.get("DISPLAY"))


def x_display_answers() -> bool:
    """Whether the X display in DISPLAY opens (asked through libX11; True where that cannot be asked)."""
    import ctypes
    import ctypes.util

    if not sys.platform.startswith("linux") or not os.environ.get("DISPLAY"):
        return True
    try:  # the usual name first: find_library runs ldconfig, a moment of every `creativenn run`
        x11 = ctypes.CDLL("libX11.so.6")
    except OSError:
        name = ctypes.util.find_library("X11")
        try:
            x11 = ctypes.CDLL(name) if name else None
        except OSError:
            x11 = None
    if x11 is None:
        return True
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    display = x11.XOpenDisplay(os.environ["DISPLAY"].encode())
    if not display:
        return False
    x11.XCloseDisplay(display)
    return True


def virtual_display(width: int = SCREEN[0], height: int = SCREEN[1]) -> subprocess.Popen | None:
    """Make sure there is an X display, starting Xvfb if need be; sets ``DISPLAY``.

    Returns the Xvfb process it started (stopped when Python exits), or None
    when a display was already there. Raises SetupError when Xvfb is missing.
    """
    if has_display():
        if sys.platform.startswith("linux") and not x_display_answers():
            raise SetupError(
                f"DISPLAY is set to {os.environ['DISPLAY']}, but no X display answers there (an X server "
                "that has stopped, or a session that has ended).\n"
                "  Unset it and creativenn starts a virtual screen itself:  unset DISPLAY\n"
                "  or start the X server again, or point DISPLAY at one that runs."
            )
        return None
    process, name = start_xvfb(width, height)
    os.environ["DISPLAY"] = name
    return process


def start_xvfb(width: int = SCREEN[0], height: int = SCREEN[1]) -> tuple[subprocess.Popen, str]:
    """A virtual screen of its own (Xvfb, 24-bit), stopped when Python exits: (process, ":N").
    DISPLAY is left as it is (a series gives each of its workers a screen of its own)."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        raise SetupError(
            "There is no display (DISPLAY is not set) and no Xvfb to make a virtual one.\n"
            "  Debian/Ubuntu: sudo apt-get install xvfb   (or run `make setup`, which does it)\n"
            "  or run on a machine with a screen."
        )
    read_end, write_end = os.pipe()
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(  # -displayfd: Xvfb picks a free display and tells us its number
        [xvfb, "-displayfd", str(write_end), "-screen", "0", f"{width}x{height}x24",
         "-nolisten", "tcp"],
        pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=log, start_new_session=True,
    )
    os.close(write_end)
    with os.fdopen(read_end) as numbers:
        number = numbers.readline().strip()
    if not number.isdigit():
        process.kill()
        process.wait()
        log.seek(0)
        error = log.read().decode(errors="replace").strip()
        raise SetupError(f"Xvfb did not start: {error or 'no display number came back'}")
    atexit.register(stop_xvfb, process)
    return process, f":{number}"


def stop_xvfb(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
