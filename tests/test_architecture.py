"""The package's layers, as docs/architecture.md draws them: no module imports one from a higher layer."""

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "creativenn"

# each layer, lowest first, and what it may import from creativenn besides itself
MAY_IMPORT = {
    "foundation": set(),  # creativenn.files, creativenn.resources
    "maths": {"foundation"},
    "picture": {"foundation", "maths"},
    "worlds": {"foundation", "maths", "picture"},
    "tools": {"foundation", "maths", "picture", "worlds", "package"},
    "draw": {"foundation", "maths", "picture", "worlds", "tools", "package"},
    "package": {"foundation", "maths", "picture", "worlds"},  # creativenn/__init__.py: `import creativenn`
    # creativenn/notebook.py: Jupyter's front end, as the command line is a terminal's (it draws)
    "notebook": {"foundation", "maths", "picture", "worlds", "tools", "draw", "package"},
}
# drawing; what runs sketches (export, projector, notebooks)
PY5_ALLOWED = ("draw", "tools.render", "tools._start", "tools.projector", "tools.portal", "tools.live",
               "notebook")
# py5_tools, py5's tooling that starts no Java (its mode parsing, name lists, live coding), in tools/ too
PY5_TOOLS_ALLOWED = ("tools.",)


def layer_of(module: str) -> str:
    """creativenn.maths.mlp → maths; creativenn.files → foundation; creativenn → package."""
    parts = module.split(".")[1:]
    if not parts or parts[0] in ("__init__", "__main__", "__version__"):
        return "package"
    if parts[0] in ("files", "resources"):
        return "foundation"
    return parts[0]


def imports(path: Path) -> list[str]:
    """The absolute names of everything ``path`` imports (relative imports resolved)."""
    module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    package = module.split(".")[:-1] if path.name != "__init__.py" else module.split(".")[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join([*base, node.module] if node.module else base)
            if node.module is None:  # from . import a, b: a name of the package, or a module in it
                found += [f"{target}.{alias.name}" for alias in node.names]
            else:
                found.append(target)
    return found


def modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        yield path, name.removesuffix(".__init__")


def test_every_module_sits_in_a_layer():
    for path, name in modules():
        assert layer_of(name) in MAY_IMPORT, f"{path}: not in a layer of docs/architecture.md"


def test_no_module_imports_a_higher_layer():
    wrong = []
    for path, name in modules():
        own = layer_of(name)
        if name == "creativenn.__main__":
            continue  # python -m creativenn: the command line, nothing else
        for target in imports(path):
            if target.split(".")[0] != "creativenn":
                continue
            if target.startswith("creativenn.") and target.split(".")[1] in ("sketches", "assets", "notes"):
                continue  # package data, found through creativenn.resources
            other = layer_of(target)
            if other != own and other not in MAY_IMPORT[own]:
                wrong.append(f"{name} ({own}) imports {target} ({other})")
    assert not wrong, "\n".join(wrong)


def test_only_drawing_and_the_sketch_runner_import_py5():
    for path, name in modules():
        inner = name.removeprefix("creativenn.")
        if inner.startswith(PY5_ALLOWED):
            continue
        banned = ("py5",) if inner.startswith(PY5_TOOLS_ALLOWED) else ("py5", "py5_tools")
        py5_names = [n for n in imports(path) if n.split(".")[0] in banned]
        assert not py5_names, (path, py5_names)
    names = [name for _, name in modules()
             if not name.startswith(("creativenn.draw", "creativenn.tools.render", "creativenn.tools._start",
                                     "creativenn.__main__"))]
    code = (f"import importlib, sys\nfor name in {names!r}:\n    importlib.import_module(name)\n"
            "assert 'py5' not in sys.modules, 'creativenn imported py5'\n")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_the_architecture_page_names_every_folder_and_module():
    page = (ROOT / "docs" / "architecture.md").read_text()
    for path, name in modules():
        if path.name in ("__init__.py", "__main__.py"):
            continue
        short = name.removeprefix("creativenn.").replace(".", "/") + ".py"
        assert re.search(re.escape(path.stem), page), f"docs/architecture.md does not mention {short}"
    for folder in ("maths", "picture", "worlds", "tools", "draw"):
        assert f"`{folder}/`" in page


def test_the_package_imports_each_public_name_on_first_use():
    """``import creativenn`` (and the command line) imports none of the maths until a name is used;
    the names, and where they come from, are those of the imports editors read in ``__init__.py``."""
    tree = ast.parse((PACKAGE / "__init__.py").read_text())
    guarded = next(node for node in tree.body
                   if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING")
    read = {alias.name: "." * node.level + (node.module or "")
            for node in guarded.body for alias in node.names}
    code = ("import sys, creativenn, creativenn.tools.cli\n"
            "assert 'numpy' not in sys.modules, sorted(m for m in sys.modules if 'creativenn.' in m)\n"
            "print(repr(creativenn._HOME)); print(sorted(creativenn.__all__))\n"
            "for name in creativenn.__all__: getattr(creativenn, name)\n"
            "from creativenn.maths.mlp import MLP; assert creativenn.MLP is MLP\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    home, public = (ast.literal_eval(line) for line in done.stdout.splitlines())
    assert home == read
    assert public == sorted({*read, "resources"})
