"""The export worker: ``python -m creativenn.tools.worker SKETCH --frames N --out DIR …``.

``creativenn export`` starts it in a process of its own (a long export's
memory goes away with it). It is ``creativenn.tools.render``'s command line,
imported here so that a Java or display problem met while py5 starts is said
in one message, with py5's own report on Java, and no stack trace. (For a
sketch in imported mode, ``creativenn export`` sets CREATIVENN_IMPORTED_MODE:
py5's imported mode must be on before py5 is imported.)
"""

import os
import sys

from .display import SetupError

NO_PY5 = 4  # the exit code that says py5 could not start (creativenn export reads it)
# what the export tells the sketch it runs (tools.render sets them; creativenn.draw reads them)
EXPORT_DRAWS, CLEAN = "CREATIVENN_EXPORT_DRAWS", "CREATIVENN_CLEAN"
HEADLESS = "CREATIVENN_HEADLESS"  # set in the export worker: no one sees its frames as they are drawn
PROJECTOR = "CREATIVENN_PROJECTOR"  # projector mode: "factor,left,top" of the sketch in its window


def main() -> int:
    os.environ[HEADLESS] = "1"
    try:
        from .render import main as render
    except SetupError as error:
        print(f"error: {error}", file=sys.stderr)
        return NO_PY5
    code = render()
    # Every file is closed and the result reported. End here: a JVM left with a live window thread
    # (a sketch whose settings() failed, say) would otherwise keep the process from exiting.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    sys.exit(main())
