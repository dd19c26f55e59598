"""Which of py5's three modes a sketch file is written in, read from its source (py5 is not imported).

- **module** mode: ``import py5`` (or ``from py5 import *``), functions
  ``settings``/``setup``/``draw``, and ``py5.run_sketch()`` at the bottom.
- **imported** mode: no import of py5 at all — ``size()``, ``background()``
  … as bare names, what beginners write in Thonny's py5 mode and what
  ``py5-run-sketch`` runs; with no ``setup``/``draw`` it is a *static*
  sketch (a still picture). Helper modules carry ``# PY5 IMPORTED MODE CODE``.
- **class** mode: a subclass of ``Sketch`` whose instance is started with
  ``.run_sketch()``.

The export worker needs to know before py5 is imported: imported mode must
be switched on first (``py5_tools.set_imported_mode``).

>>> mode_of("import py5\\ndef draw():\\n    py5.background(0)\\npy5.run_sketch()\\n")
'module'
>>> mode_of("def draw():\\n    background(0)\\n")
'imported'
>>> mode_of("from py5 import Sketch\\nclass S(Sketch):\\n    pass\\nS().run_sketch()\\n")
'class'
"""

from __future__ import annotations

import ast

MODES = ("module", "imported", "class")
NOT_A_SKETCH = (
    "a py5 sketch is written in one of three modes: module mode (import py5, def setup()/draw(), "
    "py5.run_sketch() at the end), imported mode (no import: def setup()/draw() calling size(), "
    "background() … directly, as py5-run-sketch runs), or class mode (class S(Sketch) with "
    "setup()/draw() methods, then S().run_sketch())"
)


def _imports_py5(tree: ast.AST) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "py5" for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "py5":
            return True
    return False


def _sketch_subclass(tree: ast.AST) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            for base in node.bases:
                name = base.attr if isinstance(base, ast.Attribute) else getattr(base, "id", "")
                if name == "Sketch":
                    return True
    return False


# Names an imported-mode sketch cannot do without (one of them at least): plain Python is no sketch.
PY5_NAMES = frozenset("""settings setup draw size full_screen background fill stroke no_fill no_stroke
    stroke_weight rect square ellipse circle line point points lines triangle quad arc bezier curve
    vertex begin_shape end_shape text text_size text_font image load_image create_graphics
    translate rotate scale push pop push_matrix pop_matrix frame_rate save_frame color
    random random_seed noise width height frame_count mouse_x mouse_y run_sketch""".split())


def mode_of(source: str, filename: str = "<sketch>") -> str | None:
    """``"module"``, ``"imported"``, ``"class"``, or None for code that is no py5 sketch.

    A SyntaxError if the code does not parse.

    >>> mode_of("print('hello')") is None
    True
    """
    tree = ast.parse(source, filename=filename)
    if _imports_py5(tree):
        return "class" if _sketch_subclass(tree) else "module"
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    names |= {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
    return "imported" if names & PY5_NAMES else None


def is_static(source: str) -> bool:
    """An imported-mode sketch with no settings/setup/draw: its code draws one picture."""
    tree = ast.parse(source)
    names = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    return not names & {"settings", "setup", "draw"}
