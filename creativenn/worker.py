"""The export worker: ``python -m creativenn.worker SKETCH --frames N --out DIR …``.

``creativenn export`` starts it in a process of its own (a long export's
memory goes away with it). It is ``creativenn.draw.render``'s command line,
imported here so that a Java or display problem met while py5 starts is said
in one message, with py5's own report on Java, and no stack trace; and so
that py5's imported mode can be switched on before py5 is imported, for a
sketch written in it.
"""

import sys

from .display import SetupError

NO_PY5 = 4  # the exit code that says py5 could not start (creativenn export reads it)


def main() -> int:
    _imported_mode_if_need_be(sys.argv[1] if len(sys.argv) > 1 else "")
    try:
        from .draw.render import main as render
    except SetupError as error:
        print(f"error: {error}", file=sys.stderr)
        return NO_PY5
    return render()


def _imported_mode_if_need_be(sketch: str) -> None:
    """py5's imported mode has to be on before py5 is imported, so it is decided here."""
    from .sketchfile import mode_of

    try:
        with open(sketch, encoding="utf-8") as file:
            imported = mode_of(file.read(), sketch) == "imported"
    except (OSError, SyntaxError, UnicodeDecodeError, ValueError):
        return  # render() reports it, with the details
    if imported:
        import py5_tools

        py5_tools.set_imported_mode(True)


if __name__ == "__main__":
    sys.exit(main())
