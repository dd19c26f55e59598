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
import functools
import math
import traceback

from .display import SCREEN

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


# the functions py5 calls, and (``py5_names``) py5's own names: an imported-mode file uses one at least
CALLED_BY_PY5 = frozenset({"settings", "setup", "draw", "pre_draw", "post_draw"})


@functools.cache
def py5_names() -> frozenset[str]:
    """Every name py5 gives an imported-mode sketch (functions, constants, dynamic variables), as py5's
    translators list them. Imported here, not at the top: py5_tools brings numpy and JPype, 0.24 s
    that ``creativenn list`` and ``--help`` would wait for (measured: ``python -X importtime``)."""
    from py5_tools import reference

    return frozenset(reference.PY5_DIR_STR) | CALLED_BY_PY5


def mode_of(source: str, filename: str = "<sketch>") -> str | None:
    """``"module"``, ``"imported"``, ``"class"``, or None for code that is no py5 sketch.

    A SyntaxError if the code does not parse.

    >>> mode_of("print('hello')") is None
    True
    >>> mode_of("@render(40, 40)\\ndef tile(s):\\n    s.background(0)\\n\\ntile()\\n")  # any py5 name
    'imported'
    """
    tree = ast.parse(source, filename=filename)
    if _imports_py5(tree):
        return "class" if _sketch_subclass(tree) else "module"
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    names |= {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
    return "imported" if names & py5_names() else None


def not_python(name: str, error: SyntaxError) -> str:
    """Why a sketch file does not parse, as Python says it (file, line, caret), for one error message.

    >>> try:
    ...     mode_of("def draw(:", "bad.py")
    ... except SyntaxError as error:
    ...     print(not_python("bad.py", error).splitlines()[0])
    bad.py is not valid Python:
    """
    said = "".join(traceback.format_exception_only(type(error), error)).rstrip()
    return f"{name} is not valid Python:\n{said}"


def is_static(source: str) -> bool:
    """An imported-mode sketch with no settings/setup/draw: its code draws one picture."""
    tree = ast.parse(source)
    names = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    return not names & {"settings", "setup", "draw"}


# --- a sketch's constants, set from the command line: NAME=value after -- ---------------------------
# Every top-level CAPITALISED assignment of a literal (LEARNING_RATE = 0.3, SEED = 0, LAYERS = [2, 4, 1]) is
# a knob a student turns in the file; `creativenn export SKETCH -- LEARNING_RATE=0.1` turns it for one
# export, and `LEARNING_RATE=0.01,0.1,1` sweeps it in a series (tools/series.py).

class _NotLiteral:
    def __repr__(self):
        return "<not a literal>"


NOT_LITERAL = _NotLiteral()  # a constant whose value is code (START = Knobs(...)): not settable


def canvas_of(source: str) -> tuple[int, int] | None:
    """The largest canvas the source asks for, where it says: ``size(W, H …)`` in numbers or its
    own constants, the screen for ``full_screen()``; None where it cannot be read.

    >>> canvas_of("def settings():\\n    py5.size(W, 300)\\nW = 400\\n"), canvas_of("full_screen(P2D)")
    ((400, 300), (1920, 1080))
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    known, found = constants(source), []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name == "full_screen":
            found.append(SCREEN)
        elif name == "size" and len(node.args) >= 2:
            sides = [known.get(a.id) if isinstance(a, ast.Name) else
                     a.value if isinstance(a, ast.Constant) else None for a in node.args[:2]]
            if all(isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in sides):
                found.append(tuple(sides))
    return max(found, key=lambda wh: wh[0] * wh[1]) if found else None


def constants(source: str) -> dict:
    """The sketch's top-level CAPITALISED constants: name → literal value (NOT_LITERAL for code); a
    line that unpacks (``ZOOMS, WARPS = [1, 2], [0, 1]``) gives each name its own value.

    >>> constants("LEARNING_RATE = 0.3\\nLOOP = FRAMES = 240\\nSTART = make()\\nA, B = 1, 'x'\\nx = 1\\n")
    {'LEARNING_RATE': 0.3, 'LOOP': 240, 'FRAMES': 240, 'START': <not a literal>, 'A': 1, 'B': 'x'}
    """
    found = {}
    for node, names in _assignments(ast.parse(source)):
        try:
            value = ast.literal_eval(node.value)
        except ValueError:
            value = NOT_LITERAL
        for name, index in names:
            unpacked = isinstance(value, tuple) and index is not None and len(value) > index
            found[name] = value[index] if unpacked else NOT_LITERAL if index is not None else value
    return found


def _assignments(tree: ast.Module):
    """(statement, [(CAPITALISED name, its place in an unpacked tuple or None)]) for each top-level
    assignment with a value."""
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets = [node.target]
        else:
            continue
        names = []
        for t in targets:
            if isinstance(t, ast.Name) and t.id.isupper():
                names.append((t.id, None))
            elif isinstance(t, ast.Tuple) and all(isinstance(e, ast.Name) for e in t.elts):
                names += [(e.id, k) for k, e in enumerate(t.elts) if e.id.isupper()]
        if names:
            yield node, names


def split_setting(text: str) -> tuple[str, str] | None:
    """``NAME=value`` as (NAME, value) when NAME is a Python name; None for any other argument.

    >>> split_setting("LAYERS=[2, 4, 1]"), split_setting("my.csv"), split_setting("a-b=1")
    (('LAYERS', '[2, 4, 1]'), None, None)
    """
    name, equals, value = text.partition("=")
    return (name, value) if equals and name.isidentifier() else None


def setting(text: str, known: dict, sketch: str = "the sketch", what: str = "constant") -> tuple | None:
    """``NAME=value`` as (NAME, value) for one of ``known`` (name → its value now; names matched in any
    case); None for any other argument (the sketch's own, in sys.argv). A name that is not known, or a
    value of another kind than the known one's, is a ValueError saying what the sketch has.

    >>> setting("learning_rate=0.1", {"LEARNING_RATE": 0.3})
    ('LEARNING_RATE', 0.1)
    >>> setting("blobs", {"LEARNING_RATE": 0.3}) is None
    True
    """
    found = split_setting(text)
    if found is None:
        return None
    name, value = found
    settable = sorted(n for n, v in known.items() if v is not NOT_LITERAL)
    spelled = {n.lower(): n for n in known}
    if name.lower() not in spelled:
        raise ValueError(f"{sketch} has no {what} {name}: the {what}s an argument NAME=value can set "
                         f"are {', '.join(settable) or '(none)'}")
    name = spelled[name.lower()]
    current = known[name]
    if current is NOT_LITERAL:
        raise ValueError(f"{name} in {sketch} is code, not a number, text or list, so it cannot be set "
                         f"from the command line; these can: {', '.join(settable) or '(none)'}")
    if isinstance(current, str):
        return name, value
    digits = sum(c.isdigit() for c in value)
    if digits > MOST_DIGITS:
        raise ValueError(f"{name}={_shown(value)}: {digits:,} digits is more than a constant can hold "
                         f"(Python reads and writes numbers of up to {MOST_DIGITS:,}); give a smaller one")
    try:
        parsed = read_literal(value)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        parsed = value  # plain text: a name, a file
    if isinstance(current, float) and isinstance(parsed, int) and not isinstance(parsed, bool):
        parsed = float(parsed)
    if type(parsed) is not type(current):
        raise ValueError(f"{name}={_shown(value)}: {sketch} has {name} = {current!r}, so give a "
                         f"{_kind(current)} like that")
    return name, parsed


def sketch_constants(sketch) -> dict | None:
    """``constants`` of the sketch file; None if it does not parse (the worker reports that, with the
    sketch's own line)."""
    from pathlib import Path

    try:
        return constants(Path(sketch).read_text(encoding="utf-8"))
    except (SyntaxError, UnicodeDecodeError):
        return None


def arguments(name: str, args: list[str], known: dict | None) -> tuple[dict, list[str]]:
    """The sketch ``name``'s arguments parted into constants to set (``NAME=value``, one of ``known``:
    ``sketch_constants``) and the rest, passed on in its sys.argv; a ValueError for a NAME=value it
    has no constant for. With ``known`` None (the sketch does not parse) all are passed on."""
    if known is None:
        return {}, list(args)
    values, argv = {}, []
    for text in args:
        found = setting(text, known, name)
        if found is None:
            argv.append(text)
        else:
            values[found[0]] = found[1]
    return values, argv


MOST_DIGITS = 4000  # Python 3.11 turns an int of more than 4,300 digits into text no more (sys.int_info)
SPECIAL = {"inf": math.inf, "nan": math.nan}  # the bare words, as a user types them
SPECIAL_TEXT = {"inf", "infinity", "nan"}  # what float('…') may hold, signed


def literal_source(value) -> str:
    """``value`` (a number, text, True/False/None, or lists, tuples and dicts of them) as Python source
    that ``read_literal`` — and a sketch — reads back as exactly that value: repr, but inf and nan as
    ``float('inf')`` and ``float('nan')`` (repr writes them as names no sketch defines). A ValueError
    for anything else.

    >>> literal_source([1e999, -0.0, float("nan"), "é", (2**70,)])
    "[float('inf'), -0.0, float('nan'), 'é', (1180591620717411303424,)]"
    >>> read_literal(literal_source({"A": -1e999})), read_literal("nan")
    ({'A': -inf}, nan)
    """
    if isinstance(value, float) and not math.isfinite(value):
        return f"float('{value!r}')"
    if isinstance(value, list | tuple):
        inner = ", ".join(literal_source(v) for v in value)
        return f"[{inner}]" if isinstance(value, list) else f"({inner}{',' if len(value) == 1 else ''})"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{literal_source(k)}: {literal_source(v)}" for k, v in value.items()) + "}"
    if value is None or isinstance(value, bool | int | float | complex | str | bytes):
        text = repr(value)
        if ast.literal_eval(text) != value and value == value:
            raise ValueError(f"{value!r} does not survive being written as Python")
        return text
    raise ValueError(f"{value!r} is not a number, text or list: it cannot be written as a constant")


def read_literal(text: str):
    """``ast.literal_eval``, and also ``float('inf')``, ``float('nan')`` (as ``literal_source`` writes
    them) and the bare words inf and nan (what a user types: ``LEARNING_RATE=inf``)."""
    tree = ast.parse(text.strip(), mode="eval").body

    def special(node):
        if isinstance(node, ast.Name) and node.id in SPECIAL:
            return ast.Constant(SPECIAL[node.id])
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "float"
                and len(node.args) == 1 and not node.keywords and isinstance(node.args[0], ast.Constant)
                and str(node.args[0].value).strip().lower().lstrip("+-") in SPECIAL_TEXT):
            return ast.Constant(float(node.args[0].value))
        return node

    class Specials(ast.NodeTransformer):
        def generic_visit(self, node):
            return special(super().generic_visit(node))

    return ast.literal_eval(Specials().visit(tree))


def _shown(text: str, most: int = 40) -> str:
    """A value as an error message quotes it: cut with … past ``most`` characters."""
    return text if len(text) <= most else text[:most] + "…"


def _kind(value) -> str:
    kinds = {bool: "True or False", int: "whole number", float: "number"}
    return kinds.get(type(value), type(value).__name__)


def with_constants(source: str, values: dict) -> str:
    """The source with each constant in ``values`` set right after the line that assigns it (``; NAME
    = value`` added at its end), so every line keeps its number and tracebacks stay true.

    >>> print(with_constants("RATE = 0.3  # change this\\nx = RATE * 2\\n", {"RATE": 0.1}))
    RATE = 0.3; RATE = 0.1  # change this
    x = RATE * 2
    <BLANKLINE>
    >>> with_constants("LOOK, FOLDS = 'ember', 6\\n", {"FOLDS": 7})
    "LOOK, FOLDS = 'ember', 6; FOLDS = 7\\n"
    """
    lines = source.splitlines(keepends=True)
    inserts = []
    for node, names in _assignments(ast.parse(source)):
        text = "".join(f"; {n} = {literal_source(values[n])}" for n, _ in names if n in values)
        if text:
            inserts.append((node.end_lineno - 1, node.end_col_offset, text))
    for row, column, text in sorted(inserts, reverse=True):
        line = lines[row].encode()  # col offsets count UTF-8 bytes
        lines[row] = (line[:column] + text.encode() + line[column:]).decode()
    return "".join(lines)
