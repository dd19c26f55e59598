"""Live coding an imported-mode sketch with py5's own live coding (``creativenn live FILE``).

py5's live coding (``py5-live-coding``) takes module-mode files: it runs the
file in a namespace of its own each time it is saved and swaps the new
``setup()``/``draw()`` into the running window. An imported-mode file has no
``py5.`` before its calls, so here the same live coding runs it the way py5's
imported-mode runner (``py5_tools.imported.run_code``) does: imported mode on
before py5 is imported, py5's names in the namespace, py5's reserved-word
check, ``frame_count``/``mouse_x`` … read as py5's calls
(``parsing.transform_py5_code``) and ``size()`` moved out of ``setup()`` by
py5's ``split_setup`` in imported mode. Only the step that runs the file is
replaced (``syncing.exec_user_code``); the window, the file watching, the
archive and the error pages are py5's. The code is compiled from the user's
own file, so a traceback names that file and its lines.

Run as ``python -m creativenn.tools.live SKETCH [--imported] --archive-dir DIR``;
module-mode files go to py5's launcher unchanged. Either way Ctrl-C closes the
window (py5's live coding does not hear it).
"""

import argparse
import ast
from pathlib import Path

import py5_tools

from .java import use_java
from .projector import stop_on_ctrl_c


class SketchRefused(Exception):
    """What py5 refuses in an imported-mode file (a reserved word used as a name …), in py5's words."""


def exec_imported(sketch, filename, namespace, mock_run_sketch, activate_keyboard_shortcuts):
    """``syncing.exec_user_code`` for an imported-mode file: the file run as py5's runner runs it."""
    import py5
    from py5_tools import imported, parsing
    from py5_tools.live_coding import syncing

    syncing.init_namespace(filename, namespace)
    namespace.update({k: v for k, v in vars(py5).items() if not k.startswith("__")})
    code = Path(filename).read_text(encoding="utf-8")
    if imported.is_static_mode(code):  # no setup()/draw(): py5 runs the file as setup()
        ok, found = parsing.check_for_problems(code, str(filename))
        if not ok:
            raise SketchRefused(found)
        functions, counts = static_functions(*found, str(filename), namespace)
        mock_run_sketch._called = True
        return user_functions(sketch, functions, counts, namespace, activate_keyboard_shortcuts)
    tree = ast.parse(code, filename=str(filename), mode="exec")
    if problems := parsing.check_reserved_words(code, tree):
        raise SketchRefused("py5 will not run this code:\n" + "\n".join(problems))
    try:
        exec(compile(parsing.transform_py5_code(tree), filename=str(filename), mode="exec"), namespace)
    except syncing.Py5RunSketchBlockException:  # the file's own trailing run_sketch()
        functions, counts = mock_run_sketch._functions, mock_run_sketch._function_param_counts
    else:  # imported mode needs no run_sketch(): py5's reminder to add one is for module mode
        mock_run_sketch._called = True
        functions, counts = py5.bridge._extract_py5_user_function_data(namespace)
    return user_functions(sketch, functions, counts, namespace, activate_keyboard_shortcuts)


def static_functions(before: str, special: str, rest: str, filename: str, namespace: dict):
    """A static sketch (no functions) as py5's runner splits it: the lines before, of and after ``size()``.

    As ``py5_tools.imported._run_static_code``: ``settings()`` runs the
    ``size()``/``smooth()`` lines, ``setup()`` the lines before and after them,
    each compiled from the user's file with its own line numbers.
    """
    from py5_tools import parsing

    def compiled(text: str):
        return compile(parsing.transform_py5_code(ast.parse(text, filename=filename)), filename, "exec")

    settings_code = compiled("\n" * before.count("\n") + special)  # same line numbers
    setup_code = compiled(before + "\n" * special.count("\n") + rest)

    def settings():
        exec(settings_code, namespace)

    def setup():
        exec(setup_code, namespace)

    return {"settings": settings, "setup": setup}, {"settings": 0, "setup": 0}


def user_functions(sketch, functions, counts, namespace, activate_keyboard_shortcuts):
    """py5's ``syncing.process_user_functions`` with ``size()`` found as imported mode writes it."""
    from py5_tools import split_setup
    from py5_tools.live_coding.syncing import UserFunctionWrapper

    functions = split_setup.transform(functions, namespace, namespace, sketch.println, mode="imported") or {}
    user_supplied_draw = "draw" in functions
    for name in ["settings", "setup", "draw"] + (["key_typed"] if activate_keyboard_shortcuts else []):
        if name not in functions:
            functions[name] = lambda: None
            counts[name] = 0
    wrapped = {name: UserFunctionWrapper(sketch, name, f, counts.get(name, 0))
               for name, f in functions.items()}
    return wrapped, counts, user_supplied_draw


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sketch")
    parser.add_argument("--imported", action="store_true", help="the sketch is in imported mode")
    parser.add_argument("--archive-dir", default="archive")
    args = parser.parse_args(argv)
    if args.imported:
        py5_tools.set_imported_mode(True)
    use_java()
    from py5_tools.live_coding import standard_launcher, syncing

    if args.imported:
        syncing.exec_user_code = exec_imported
    stop_on_ctrl_c()
    standard_launcher.launch_live_coding(args.sketch, archive_dir=args.archive_dir)


if __name__ == "__main__":
    main()
