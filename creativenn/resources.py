"""The files that ship inside creativenn: bundled sketches, starters, fonts, data sets, images, notes.

They are package data. In the repository they live in the top-level folders
``sketches/``, ``assets/`` and ``docs/`` (the course notes, maths.md);
``pyproject.toml`` maps those folders to the packages ``creativenn.sketches``,
``creativenn.assets`` and ``creativenn.notes``, so a wheel carries them inside
``creativenn/`` and an editable install sees the repository's own copies. Either way they are found
here, with ``importlib.resources``, never by walking out of the package.

A file that is missing or damaged is reported by name with the command that
puts it back, never as a Java stack trace.

>>> sorted(starters())
['blank', 'cost_surface', 'cppn', 'line_fit', 'network', 'playground']
>>> asset("fonts/DejaVuSans.ttf").name
'DejaVuSans.ttf'
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

REINSTALL = "pip install --force-reinstall --no-deps creativenn"


class MissingFileError(FileNotFoundError):
    """A file creativenn ships with is missing or damaged; the message says how to put it back."""

    def __init__(self, what: str, path: Path | str, problem: str = "is missing"):
        super().__init__(
            f"creativenn's {what} {problem}: {path}\n"
            f"  Your installation of creativenn is incomplete or damaged. Put it back with:\n"
            f"    {REINSTALL}\n"
            f"  (in a clone of the repository: git checkout -- . , then make setup)"
        )
        self.path = Path(path)


def folder(package: str) -> Path:
    """The folder on disk that holds the package data ``package`` (a dotted name)."""
    try:
        where = resources.files(package)
    except ModuleNotFoundError:
        raise MissingFileError("folder of bundled files", package.replace(".", "/")) from None
    if not isinstance(where, Path) or not where.is_dir():
        # A zipped install (zipimport): sketches must be real files for Python and Java to open.
        raise MissingFileError("folder of bundled files", where,
                               "is not a folder on disk (is creativenn installed as a zip?)")
    return where


def _sketch_files(package: str) -> dict[str, Path]:
    return {p.stem: p for p in sorted(folder(package).glob("*.py")) if not p.name.startswith("_")}


def sketches() -> dict[str, Path]:
    """The bundled sketches, by name (``network``, ``line_fit``, …)."""
    return _sketch_files("creativenn.sketches")


def starters() -> dict[str, Path]:
    """The starter sketches ``creativenn new`` copies, by name."""
    return _sketch_files("creativenn.sketches.starters")


def asset(relative: str) -> Path:
    """A bundled asset by its path inside ``assets/`` (``fonts/DejaVuSans.ttf``); it must exist."""
    path = folder("creativenn.assets").joinpath(*relative.split("/"))
    if not path.is_file():
        raise MissingFileError(f"file assets/{relative}", path)
    return path


FONTS = {"sans": "fonts/DejaVuSans.ttf", "mono": "fonts/DejaVuSansMono.ttf"}  # inside assets/


def font(kind: str = "sans") -> Path:
    """A bundled font's path, checked: a missing or damaged file is named, with the cure.

    Processing itself would print a Java stack trace for a damaged font and
    draw no text; Pillow reads the file first and says what is wrong.
    """
    from PIL import ImageFont  # only when a font is asked for

    path = asset(FONTS[kind])
    try:
        with open(path, "rb") as file:  # a file, not a name: Pillow would look for a system font of that name
            ImageFont.truetype(file, 12)
    except OSError as error:
        raise MissingFileError(f"font {FONTS[kind]}", path, f"is damaged ({error})") from None
    return path


def images() -> dict[str, Path]:
    """The bundled images (for ``paint_landscape``), by name without the ending."""
    return {p.stem: p for p in sorted(folder("creativenn.assets").joinpath("images").glob("*.png"))}


def image(name_or_path: str | Path) -> Path:
    """A picture file: ``name_or_path`` itself if it is a file, else the bundled image of that name.

    >>> image("valleys").name
    'valleys.png'
    """
    path = Path(name_or_path)
    if path.is_file():
        return path
    bundled = images()
    if path.parent == Path(".") and path.stem in bundled:
        return bundled[path.stem]
    raise FileNotFoundError(f"no image file at {path}; give a path to a PNG or JPEG file, or the name "
                            f"of a bundled image: {', '.join(bundled) or '(none)'}")


def notes() -> Path:
    """The course notes, ``docs/maths.md``: every equation tag the code cites (F1, B4, G1, …)."""
    path = folder("creativenn.notes") / "maths.md"
    if not path.is_file():
        raise MissingFileError("course notes (maths.md)", path)
    return path


def course_notes() -> dict[str, str]:
    """Each equation of the course notes by its tag: ``{"F1": "One layer …\\n…", …}``, in order.

    An entry is a heading ``### (TAG) title`` in ``docs/maths.md`` and the text
    under it, up to the next heading.

    >>> course_notes()["G1"].splitlines()[0]
    'Gradient descent'
    """
    entries: dict[str, list[str]] = {}
    current = None
    for line in notes().read_text(encoding="utf-8").splitlines():
        match = _HEADING.match(line)
        if match:
            current = match.group(1)
            entries[current] = [match.group(2)]
        elif line.startswith("#"):
            current = None
        elif current:
            entries[current].append(line)
    return {tag: "\n".join(lines).strip() + "\n" for tag, lines in entries.items()}


_HEADING = re.compile(r"^#{2,4} \(([A-Z][0-9]+)\) (.+)$")
