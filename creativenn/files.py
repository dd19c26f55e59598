"""Files written whole or not at all: first under a temporary name beside the target, then renamed.

A crash, a signal or a full disk in the middle leaves the file that was
there before (or none), never half of one. ``os.replace`` is atomic on one
file system, and the temporary file sits in the target's own folder.

>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "notes.txt"
>>> with whole_file(target, "w") as f:
...     _ = f.write("all of it")
>>> target.read_text(), sorted(p.name for p in target.parent.iterdir())
('all of it', ['notes.txt'])
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def partial_name(path) -> Path:
    """Where ``path`` is written before it is whole: hidden, beside it, with the same ending."""
    path = Path(path)
    return path.with_name(f".{path.stem}.partial{path.suffix}")


@contextmanager
def renamed_when_done(path) -> Iterator[Path]:
    """For writers that want a file name (Pillow, py5): the temporary name to give them."""
    path = Path(path)
    partial = partial_name(path)
    try:
        yield partial
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


@contextmanager
def whole_file(path, mode: str = "wb") -> Iterator:
    """Open a temporary file for writing; on success it becomes ``path``, on any error it is removed."""
    with renamed_when_done(path) as partial, open(partial, mode) as file:
        yield file


def is_disk_full(error: BaseException | str) -> bool:
    """Whether an error (or an encoder's message) means the disk, or the user's quota, is full."""
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    text = str(error).lower()
    return "no space left" in text or "disk quota exceeded" in text


def disk_full_message(folder) -> str:
    return f"no space left on the disk that holds {folder}: free some space, or export to another disk"
