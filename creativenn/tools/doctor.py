"""``creativenn doctor``: does this machine have what a sketch needs? One line a check, with what to do.

Checks, in the order a problem would bite: Python, creativenn's own files
(sketches, starters, fonts, data, images, notes), py5, the Java runtime
(which one, where from), a display or Xvfb, a test frame drawn with JAVA2D,
P2D and P3D, ffmpeg for MP4, and whether this folder takes files. The
frames are drawn in a process of their own (py5 starts a JVM), so this
module, like the rest of the core, never imports py5.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .. import __version__, resources
from .display import SetupError, has_display, virtual_display
from .java import find_java, use_java

FRAME_SECONDS = 240  # three JVM sketches on a busy 2-core machine take ~10 s; a hang is a failure


@dataclass
class Finding:
    """One check: whether it passed, what was found, and what to do when it did not."""

    name: str
    ok: bool
    found: str
    fix: str = ""
    needed: bool = True  # False: worth knowing, but sketches still work (e.g. no screen for windows)


def check_python() -> Finding:
    ok = sys.version_info >= (3, 11)
    return Finding("Python", ok, f"{sys.version.split()[0]} ({sys.executable})",
                   "" if ok else "creativenn needs Python 3.11 or newer: install one, then pip install it")


def check_files() -> Finding:
    try:
        sketches, starters, images = resources.sketches(), resources.starters(), resources.images()
        for kind in resources.FONTS:
            resources.font(kind)
        from ..worlds.datasets import digits

        digits()
        notes = resources.course_notes()
    except (OSError, ValueError) as error:
        return Finding("creativenn's files", False, str(error).splitlines()[0],
                       f"reinstall them: {resources.REINSTALL}")
    return Finding("creativenn's files", True,
                   f"creativenn {__version__}: {len(sketches)} sketches, {len(starters)} starters, 2 fonts, "
                   f"the digits data, {len(images)} image, {len(notes)} equations in the notes")


def check_py5() -> Finding:
    try:
        found = f"py5 {version('py5')}, JPype {version('jpype1')}"
    except PackageNotFoundError as error:
        return Finding("py5", False, f"{error.name} is not installed", "pip install creativenn (brings py5)")
    return Finding("py5", True, found)


def check_java() -> Finding:
    try:
        return Finding("Java", True, str(find_java()))
    except SetupError as error:
        problem, *todo = str(error).splitlines()
        return Finding("Java", False, problem, "\n".join(line.strip() for line in todo))


def check_display() -> Finding:
    if not sys.platform.startswith("linux") or has_display():
        where = f"DISPLAY={os.environ['DISPLAY']}" if has_display() else "the desktop"
        return Finding("display", True, f"windows open on {where}")
    from shutil import which

    xvfb = which("Xvfb")
    if xvfb:
        return Finding("display", True, f"no screen here: creativenn starts Xvfb ({xvfb}) for exports and "
                       "tests; `creativenn run` needs a screen")
    return Finding("display", False, "no screen (DISPLAY is not set) and no Xvfb to make a virtual one",
                   "Debian/Ubuntu: sudo apt-get install xvfb (Fedora: sudo dnf install xorg-x11-server-Xvfb)")


def check_frames(renderers=("JAVA2D", "P2D", "P3D")) -> list[Finding]:
    """A test frame per renderer, drawn by ``python -m creativenn.draw.check`` in its own process."""
    try:
        use_java()
        virtual_display()
    except SetupError as error:
        return [Finding(f"a test frame in {r}", False, "not drawn: " + str(error).splitlines()[0],
                        "fix the problems above first") for r in renderers]
    try:
        done = subprocess.run([sys.executable, "-m", "creativenn.draw.check", *renderers],
                              capture_output=True, text=True, timeout=FRAME_SECONDS)
        out, err = done.stdout, done.stderr
    except subprocess.TimeoutExpired as timeout:
        out, err = (timeout.stdout or b"").decode(), f"no answer in {FRAME_SECONDS} s"
    results = {}
    for line in out.splitlines():
        if line.startswith("{"):
            record = json.loads(line)
            results[record["renderer"]] = record
    findings = []
    for r in renderers:
        record = results.get(r) or {"ok": False, "detail": "not drawn: " + _the_error(err)}
        fix = "" if record["ok"] else _frame_fix(r, findings)
        findings.append(Finding(f"a test frame in {r}", record["ok"], record["detail"], fix))
    return findings


def _the_error(stderr: str) -> str:
    """The line that says what went wrong in a Python process's messages: its exception's."""
    lines = [line for line in stderr.splitlines() if line.strip() and not line.startswith("X11Util")]
    errors = [line for line in lines if re.match(r"^[\w.]*(Error|Exception): ", line)]
    line = errors[-1] if errors else lines[-1] if lines else "the check stopped"
    return line.split("Error: ", 1)[-1] if errors else line


def _frame_fix(renderer: str, before: list[Finding]) -> str:
    if renderer == "JAVA2D" or any(not f.ok for f in before):
        return "py5 cannot draw here: read the message, and the Java and display lines above"
    return (f"{renderer} needs OpenGL: on Linux, Mesa (sudo apt-get install libgl1-mesa-dri); "
            "JAVA2D sketches still work")


def check_ffmpeg() -> Finding:
    try:
        import imageio_ffmpeg

        exe = imageio_ffmpeg.get_ffmpeg_exe()
        first = subprocess.run([exe, "-version"], capture_output=True, text=True, timeout=60).stdout
    except (ImportError, OSError, RuntimeError, subprocess.SubprocessError) as error:
        return Finding("ffmpeg for MP4", False, str(error), "pip install --force-reinstall imageio-ffmpeg")
    return Finding("ffmpeg for MP4", True, f"{' '.join(first.split()[:3])} ({exe})")


def check_folder(folder: Path | None = None) -> Finding:
    folder = Path.cwd() if folder is None else folder
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".creativenn-doctor-"):
            pass
    except OSError as error:
        return Finding("this folder", False, f"{folder} takes no files ({error.strerror})",
                       "export into a folder you can write to: --out ~/creativenn-out")
    return Finding("this folder", True, f"{folder} takes exports")


def findings(frames: bool = True) -> list[Finding]:
    result = [check_python(), check_files(), check_py5(), check_java(), check_display()]
    if frames:
        result += check_frames()
    return result + [check_ffmpeg(), check_folder()]


def report(results: list[Finding], stream=sys.stdout) -> int:
    """Print one line a finding (and what to do); 0 when everything a sketch needs is there."""
    print("creativenn doctor: does this machine have what a sketch needs?", file=stream)
    for f in results:
        print(f"  {'ok ' if f.ok else 'FIX'}  {f.name}: {f.found}", file=stream)
        for line in f.fix.splitlines() if not f.ok else ():
            print(f"         {line}", file=stream)
    problems = [f for f in results if not f.ok and f.needed]
    if problems:
        print(f"\n{len(problems)} to fix: {', '.join(f.name for f in problems)} (what to do is under each).",
              file=stream)
        return 1
    print("\nAll set. Try:  creativenn run network  or  creativenn export network --frames 60 --out n --gif",
          file=stream)
    return 0
