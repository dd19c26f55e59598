"""Your own data: points in a CSV file, read and written for the playground.

A file has one point a line: ``x1,x2,label``. Labels written as whole
numbers (0, 1, 2, …) are classes, and the data a classification; labels
written with a decimal point or exponent (``2.5``, ``1.0``, ``3e-2``) make
the file a regression, the label a value to learn. A
first line of column names is skipped, and so are blank lines and lines
starting with ``#``. ``load_csv`` gives ``(X, Y)`` in the conventions of
``creativenn.worlds.datasets``: X (n, 2); Y a 0/1 column for two classes, one-hot
rows for more, or a column of values.

Every problem is a ``ValueError`` that names the file, the line and what to
change; nothing is returned half-read.

Leaves out: more than two input columns (the playground draws a plane),
text labels, quoted fields.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "points.csv"
>>> _ = path.write_text("x1,x2,label\\n0.5,0.1,0\\n-0.2,0.3,2\\n0.9,-0.9,1\\n")
>>> X, Y = load_csv(path)
>>> X.shape, Y.tolist()
((3, 2), [[1.0, 0.0, 0.0], [0.0, 0.0, 1.0], [0.0, 1.0, 0.0]])
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from ..files import whole_file
from ..maths.checks import TooLarge
from .datasets import labels_to_targets

HEADER = "x1,x2,label"
MAX_CLASSES = 8  # as many as the palette has colours
MOST_POINTS = 100_000  # the playground trains on and draws every point every frame
LONGEST_LINE = 1000  # characters: three numbers and a comment fit


def is_regression(Y) -> bool:
    """Whether targets ``Y`` hold values to learn rather than classes (0/1 column or one-hot)."""
    Y = np.asarray(Y)
    if Y.ndim == 2 and Y.shape[1] > 1:
        return False
    return bool(Y.size) and not np.all(np.isin(Y, (0.0, 1.0)))


def load_csv(path) -> tuple[np.ndarray, np.ndarray]:
    """Points from a CSV file of ``x1,x2,label`` lines (see the module's docstring)."""
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"{path}: no such file; give the path of a CSV file of x1,x2,label lines")
    numbered = []  # (line number, text) of each line that is not blank or a comment
    try:
        with open(path, encoding="utf-8-sig") as file:
            for i, line in enumerate(iter(lambda: file.readline(LONGEST_LINE + 1), ""), start=1):
                if len(line) > LONGEST_LINE:  # read no further: a line that long is no x1,x2,label
                    raise ValueError(f"{path}, line {i}: more than {LONGEST_LINE} characters, not a line "
                                     "x1,x2,label; is it a CSV file of points?")
                line = line.strip()
                if line and not line.startswith("#"):
                    numbered.append((i, line))
                if len(numbered) > MOST_POINTS + 1:  # said before the rest is read (a header may lead)
                    raise TooLarge(f"{path} has more than {MOST_POINTS:,} points, the most the playground "
                                   "takes (it trains on and draws every point each frame): use a sample")
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(
            f"{path}: cannot be read as text ({error}); save it as a UTF-8 CSV file"
        ) from None
    rows, decimal = [], False
    for position, (i, line) in enumerate(numbered):
        fields = [f.strip() for f in line.replace(";", ",").split(",")]
        if len(fields) != 3:
            raise ValueError(
                f"{path}, line {i}: expected 3 columns x1,x2,label, found {len(fields)} in {line!r}"
            )
        try:
            values = [float(f) for f in fields]
        except ValueError:
            if position == 0:
                continue  # column names
            raise ValueError(f"{path}, line {i}: {line!r} holds something that is not a number") from None
        if not all(math.isfinite(v) for v in values):
            raise ValueError(f"{path}, line {i}: {line!r} holds a missing or infinite value; remove it")
        rows.append(values)
        decimal = decimal or any(c in fields[2] for c in ".eE")
    if not rows:
        raise ValueError(f"{path}: no points found; each line should read x1,x2,label like 0.5,-0.2,1")
    data = np.array(rows)
    X, label = data[:, :2], data[:, 2]
    if decimal:
        return X, label[:, None]  # values: a regression
    if label.min() < 0 or label.max() >= MAX_CLASSES:
        raise ValueError(
            f"{path}: class labels must be whole numbers 0 … {MAX_CLASSES - 1}, found {label.min():g} "
            f"… {label.max():g}; for a regression, write the values with a decimal point (like 2.5)"
        )
    return X, labels_to_targets(label)


def save_csv(path, X, Y, regression: bool | None = None) -> Path:
    """Write points to ``path`` as ``x1,x2,label`` lines that ``load_csv`` reads back.

    ``regression`` says whether Y holds values rather than classes (default:
    ``is_regression(Y)``); values are written with a decimal point.
    """
    path = Path(path)
    X, Y = np.asarray(X, dtype=float), np.asarray(Y, dtype=float)
    if X.ndim != 2 or X.shape[1] != 2 or len(Y) != len(X):
        raise ValueError(f"save_csv needs X shaped (n, 2) and Y with n rows, got {X.shape} and {Y.shape}")
    if is_regression(Y) if regression is None else regression:
        labels = [repr(float(v)) for v in Y.ravel()]
    else:
        classes = Y.argmax(axis=1) if Y.ndim == 2 and Y.shape[1] > 1 else Y.reshape(-1)
        labels = [str(int(c)) for c in classes]
    lines = [HEADER] + [f"{x1!r},{x2!r},{y}" for (x1, x2), y in zip(X.tolist(), labels, strict=True)]
    with whole_file(path, "w") as file:  # whole or not at all; never through a link
        file.write("\n".join(lines) + "\n")
    return path
