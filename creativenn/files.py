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
import struct
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np


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


def write_png_rows(path, width: int, height: int, bands) -> Path:
    """Write a PNG from ``bands``, an iterable of (rows, width, 3) uint8 arrays, top to bottom.

    Each band is compressed as it arrives and then dropped, so a poster of
    any size needs the memory of one band, not of the whole image (Pillow
    would hold all of it: 192 MB for 8000 × 8000). A plain, standard PNG:
    8-bit RGB, no filtering, one IDAT chunk per band. Written whole or not at
    all (``files.whole_file``).
    """
    path = Path(path)
    with whole_file(path) as f:
        _write_png(f, width, height, bands)
    return path


def _chunk(kind: bytes, data: bytes) -> bytes:
    """One PNG chunk: length, type, data, CRC of type and data."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _write_png(f, width: int, height: int, bands) -> None:
    f.write(b"\x89PNG\r\n\x1a\n")
    f.write(_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)))  # 8-bit RGB
    packer, done = zlib.compressobj(6), 0
    for band in bands:
        band = np.ascontiguousarray(band, dtype=np.uint8)
        if band.ndim != 3 or band.shape[1:] != (width, 3):
            raise ValueError(f"each band must be shaped (rows, {width}, 3), got {band.shape}")
        rows = np.zeros((band.shape[0], 1 + 3 * width), np.uint8)  # each row: filter byte 0, then RGB
        rows[:, 1:] = band.reshape(band.shape[0], -1)
        f.write(_chunk(b"IDAT", packer.compress(rows.tobytes())))
        done += band.shape[0]
    if done != height:
        raise ValueError(f"the bands held {done} rows, the PNG needs {height}")
    f.write(_chunk(b"IDAT", packer.flush()))
    f.write(_chunk(b"IEND", b""))
