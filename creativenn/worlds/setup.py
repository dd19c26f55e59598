"""A playground setup as a JSON file: to share, to hand in, to start the playground from.

``setup_json(world)`` writes every setting — the data set (or the points
themselves), features, layers, activations, loss, optimizer, learning rate,
regularisation, dropout, stopping — and, if asked, the points and the
weights; ``read_setup(path)`` reads one back, checked, for
``Playground.use_setup`` (``creativenn run playground -- setup.json``).

A setup that cannot be used is a ValueError that says what is wrong and what
to do — not JSON, another kind of file, made by a newer creativenn, a
setting that does not exist, a feature or activation unknown — and the
playground keeps the setup it has.

Leaves out: the optimizer's momentum and averages (a loaded run restarts
them), the history of losses.

>>> import json
>>> from creativenn.worlds.playground import Playground, Settings
>>> text = setup_json(Playground(Settings(dataset="xor", features=("x1", "x2", "x1*x2"), hidden=(3,))))
>>> json.loads(text)["settings"]["features"]
['x1', 'x2', 'x1*x2']
>>> read_setup_text(text)["settings"].hidden
(3,)
"""

from __future__ import annotations

import json
from dataclasses import asdict, fields, replace
from pathlib import Path

import numpy as np

from ..maths.checks import TooLarge

FORMAT, VERSION = "creativenn.playground", 1


def setup_json(world, data: bool = False, weights: bool = False) -> str:
    """The world's setup as JSON text; with ``data`` its points, with ``weights`` its network's numbers.
    Points of your own (clicked, from a CSV) always go in: no generator can make them again."""
    from .playground import DATASETS

    s = world.settings
    setup = {"format": FORMAT, "version": VERSION, "settings": asdict(s)}
    if data or s.dataset not in DATASETS:
        setup["data"] = {"points": world.X.round(6).tolist(), "targets": world.Y.round(6).tolist(),
                         "test": world.test.astype(int).tolist(), "regression": bool(world.regression)}
    if weights:
        setup["weights"] = {"sizes": list(world.net.sizes), "parameters": world.net.parameters().tolist()}
    return json.dumps(setup, indent=1, ensure_ascii=False) + "\n"


def read_setup(path) -> dict:
    """A setup file, checked: {"settings": Settings, "data": … or None, "weights": … or None}."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ValueError(f"no setup file at {path}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(f"{path} cannot be read: {error}") from None
    return read_setup_text(text, path.name)


def read_setup_text(text: str, name: str = "the setup") -> dict:
    from .playground import Settings, check

    try:
        setup = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"{name} is not JSON: line {error.lineno}, column {error.colno}: "
                         f"{error.msg}") from None
    if not isinstance(setup, dict) or setup.get("format") != FORMAT:
        raise ValueError(f"{name} is not a playground setup (its format is not {FORMAT!r}); the playground "
                         "writes one with its e key")
    version = setup.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise ValueError(f"{name} was made by a newer creativenn (setup version {version}); this one reads "
                         f"version {VERSION}: pip install -U creativenn")
    given = setup.get("settings")
    if not isinstance(given, dict):
        raise ValueError(f"{name} has no settings")
    known = {f.name: f for f in fields(Settings)}
    unknown = sorted(set(given) - set(known))
    if unknown:
        raise ValueError(f"{name} has settings the playground does not know: {', '.join(unknown)} (it knows "
                         f"{', '.join(known)})")
    values = {}
    for key, value in given.items():
        values[key] = tuple(value) if isinstance(value, list) else value
    try:
        settings = replace(Settings(), **values)
        check(settings)  # types and ranges too: the setting, its value and what to give
    except TooLarge as error:
        raise TooLarge(f"{name}: {error}") from None
    except (TypeError, ValueError) as error:
        raise ValueError(f"{name}: {error}") from None
    return {"settings": settings, "data": _data(setup.get("data"), name),
            "weights": _weights(setup.get("weights"), name)}


def _data(data, name: str):
    if data is None:
        return None
    try:
        X = np.asarray(data["points"], float).reshape(-1, 2)
        Y = np.asarray(data["targets"], float)
        Y = Y.reshape(len(X), -1)
        test = np.asarray(data.get("test", [0] * len(X)), bool)
        regression = bool(data.get("regression", False))
    except (KeyError, TypeError, ValueError):
        raise ValueError(f"{name}: its data must hold points [[x1, x2], …] and as many targets") from None
    if len(test) != len(X) or not (np.isfinite(X).all() and np.isfinite(Y).all()):
        raise ValueError(f"{name}: its data's points, targets and test marks must be as many, and numbers")
    return {"X": X, "Y": Y, "test": test, "regression": regression}


def _weights(weights, name: str):
    if weights is None:
        return None
    try:
        return {"sizes": [int(n) for n in weights["sizes"]],
                "parameters": np.asarray(weights["parameters"], float)}
    except (KeyError, TypeError, ValueError):
        raise ValueError(f"{name}: its weights must hold sizes and parameters (numbers)") from None


def sketch_code(world, setup_file: str | None = None) -> str:
    """This run as a sketch of its own: the playground sketch with ``START`` set to these settings (and
    ``SETUP`` naming ``setup_file`` to load, for points of your own). It runs as it is and draws the
    same frames as the playground started from the same setup: a student's sketch to hand in."""
    import ast

    from .. import resources

    source = resources.sketches()["playground"].read_text(encoding="utf-8")
    lines = source.splitlines(keepends=True)
    start = setup = None
    for node in ast.parse(source).body:
        targets = [getattr(t, "id", None) for t in getattr(node, "targets", [])]
        if "START" in targets:
            start = node
        elif "SETUP" in targets:
            setup = node
    if start is None or setup is None:
        raise ValueError("the bundled playground sketch has no START or SETUP to set: reinstall "
                         "creativenn")
    from .playground import DATASETS, OWN_POINTS

    settings = world.settings  # points not from a generator come from the setup file: none till then
    settings = settings if settings.dataset in DATASETS else replace(settings, dataset=OWN_POINTS)
    replaced = {start.lineno: _settings_code(settings) + "\n",
                setup.lineno: f"SETUP = {setup_file!r}  # the setup file it starts from (beside it)\n"}
    skip = {n for node in (start, setup) for n in range(node.lineno + 1, node.end_lineno + 1)}
    out = []
    for number, line in enumerate(lines, start=1):
        if number in replaced:
            out.append(replaced[number])
        elif number not in skip:
            out.append(line)
    text = "".join(out)
    first = text.index('"""') + 3
    title = f"My playground: {world.settings.dataset}, inputs {' '.join(world.settings.features)}, network " \
            f"{'-'.join(map(str, world.net.sizes))}. Exported from creativenn's playground (its e key)."
    return text[:first] + title + "\n\n" + text[first:]


def _settings_code(settings) -> str:
    """``START = Settings(...)``, every setting written out, a few to a line."""
    words = [f"{f.name}={getattr(settings, f.name)!r}" for f in fields(settings)]
    lines, line = [], "START = Settings("
    for word in words:
        if len(line) + len(word) + 2 > 104:
            lines.append(line.rstrip())
            line = " " * 17
        line += word + ", "
    lines.append(line.rstrip().rstrip(",") + ")")
    return "\n".join(lines)
