"""py5, started on the Java ``creativenn.tools.java`` chooses: imported first by ``creativenn.draw``
and by the export worker, ``tools.render``.

The JVM options an export asks for (``CREATIVENN_JVM_OPTIONS``, see
``job.EXPORT_JVM``) are given before the JVM starts. A JVM that will not
start is a SetupError that carries py5's own report on Java
(``py5_tools.get_jvm_debug_info()``), not a JPype stack trace.
"""

import contextlib
import io
import os
import sys

import py5_tools

from .display import SetupError
from .java import use_java


def import_py5():
    """``import py5`` on the chosen Java, once."""
    if "py5" in sys.modules:
        return sys.modules["py5"]
    if os.environ.get("CREATIVENN_IMPORTED_MODE"):  # the sketch is in imported mode (creativenn export)
        py5_tools.set_imported_mode(True)
    if os.environ.get("CREATIVENN_JVM_OPTIONS") and not py5_tools.is_jvm_running():
        py5_tools.add_options(*os.environ["CREATIVENN_JVM_OPTIONS"].split())
    use_java()
    said = io.StringIO()  # py5 prints its own report before it raises: said once, below, instead
    try:
        with contextlib.redirect_stdout(said), contextlib.redirect_stderr(said):
            import py5
    except Exception as error:  # noqa: BLE001 - JPype's and py5's errors alike
        raise SetupError(could_not_start(error)) from None
    sys.stderr.write(said.getvalue())
    return py5


def could_not_start(error: Exception) -> str:
    """What to tell the user when py5 will not start."""
    try:
        info = py5_tools.get_jvm_debug_info()
    except Exception as debug_error:  # noqa: BLE001
        info = {"debug information": f"unavailable ({debug_error})"}
    lines = "\n".join(f"    {key}: {value}" for key, value in info.items())
    message = str(error).strip().splitlines()
    return (f"py5 could not start: {message[0] if message else type(error).__name__}\n"
            f"  py5's report on Java:\n{lines}\n"
            "  Run `creativenn doctor` to check Java, the display and the rest, with what to do.")


import_py5()
