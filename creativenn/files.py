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
import itertools
import os
import shutil
import struct
import warnings
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np


class TooLarge(ValueError, MemoryError):
    """Something asked for more than can be had (memory, disk, a limit that keeps a sketch drawable):
    said before anything is allocated, with what asked, how much, the limit and what to do. A
    ValueError (bad input) and a MemoryError both, so either ``except`` catches it."""


class UnusableInput(ValueError):
    """A file or argument the user gave cannot be used, and an export must not go on without it: the
    message says which, what is wrong and what to do, whole (an export says it, not a traceback)."""


def partial_name(path) -> Path:
    """Where ``path`` is written before it is whole: hidden, beside it, with the same ending."""
    path = Path(path)
    return path.with_name(f".{path.stem}.partial{path.suffix}")


class LinkRefused(OSError):
    """A symbolic link stands where a file is to be written: creativenn writes nothing through it."""


def refuse_link(path) -> Path:
    """``path``, or LinkRefused where it is a symbolic link (dangling or not): a file written there
    would land wherever the link points, outside the folder the user chose.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> (folder / "sketch.py").symlink_to("/elsewhere/sketch.py")
    >>> try:
    ...     refuse_link(folder / "sketch.py")
    ... except LinkRefused as error:
    ...     print(str(error).split(": ")[0].endswith("is a symbolic link (to /elsewhere/sketch.py)"))
    True
    """
    path = Path(path)
    if path.is_symlink():
        raise LinkRefused(f"{path} is a symbolic link (to {os.readlink(path)}): creativenn writes no file "
                          "through a link; remove the link, or choose another name")
    return path


def new_file(path, mode: str = "w", **options):
    """``open(path, mode)`` for a file that must not exist yet: a FileExistsError if anything, a link
    included, is already there (O_EXCL: the kernel refuses to follow a link), so nothing is overwritten
    and nothing lands outside the folder."""
    refuse_link(path)
    return open(path, mode.replace("w", "x"), **options)


@contextmanager
def renamed_when_done(path) -> Iterator[Path]:
    """For writers that want a file name (Pillow, py5): the temporary name to give them. A link where
    the file goes is refused (``refuse_link``); a link left at the temporary name is removed first."""
    path = refuse_link(path)
    partial = partial_name(path)
    if partial.is_symlink():
        partial.unlink()
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


MOST_PICTURE_PIXELS = 120_000_000  # a picture read for its colours or heights: a 100 MP camera fits (480 MB)


def small_picture(path, longest: int, resample=None, purpose: str = ""):
    """The picture at ``path`` shrunk to at most ``longest`` pixels a side (a PIL image, loaded): a
    ValueError naming the file (and ``purpose``, "for a palette") for one that is missing, not a
    picture, or cut off, and TooLarge for one of more than MOST_PICTURE_PIXELS (said from its header,
    before it is decoded)."""
    from PIL import Image, UnidentifiedImageError


    path, most = Path(path), f"{MOST_PICTURE_PIXELS / 1e6:.0f} megapixels"
    try:
        with warnings.catch_warnings():  # Pillow warns past 89 megapixels: the bound here is our own
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(path)
        with image:
            width, height = image.size
            if width * height > MOST_PICTURE_PIXELS:
                raise TooLarge(f"{path.name} is {width:,} × {height:,} pixels; a picture read here may have "
                               f"{most} at most (it is shrunk to {longest} a side anyway): save a smaller "
                               "copy")
            image.draft(image.mode, (longest, longest))  # a JPEG decodes small
            image.thumbnail((longest, longest), resample or Image.Resampling.LANCZOS)
            image.load()
            return image.copy()
    except FileNotFoundError:
        raise ValueError(f"could not read {path}: there is no such file") from None
    except Image.DecompressionBombError:  # Pillow's own bound, past ours: said before decoding too
        raise TooLarge(f"{path.name} has more pixels than Pillow opens; a picture read here may have "
                       f"{most} at most: save a smaller copy") from None
    except (OSError, UnidentifiedImageError, SyntaxError) as error:
        purpose = f" {purpose}" if purpose else ""
        raise ValueError(f"could not read {path} as a picture{purpose}: not an image this can read "
                         f"({error}); give a PNG or JPEG file") from None


def is_disk_full(error: BaseException | str) -> bool:
    """Whether an error (or an encoder's message) means the disk, or the user's quota, is full."""
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    text = str(error).lower()
    return "no space left" in text or "disk quota exceeded" in text


def disk_full_message(folder) -> str:
    return f"no space left on the disk that holds {folder}: free some space, or export to another disk"


def check_room(path: Path, needed: int, what: str | None = None, least: bool = False) -> None:
    """A ValueError, before anything is written, where the disk that will hold ``path`` has less free
    room than ``needed`` bytes: it says how much each has and what to do (``what``: the file's name
    unless given; ``least``: ``needed`` is the least it can take, not an estimate)."""
    folder = next((p for p in [path.parent, *path.parent.parents] if p.exists()), Path.cwd())
    free = shutil.disk_usage(folder).free
    if free < needed:
        raise ValueError(f"{what or path.name} would need {'at least' if least else 'about'} "
                         f"{size_text(needed)} and the disk that holds "
                         f"{path.parent} has {size_text(free)} free: free some space, choose a smaller size, "
                         "or write it to another disk")




def size_text(count: float) -> str:
    """Bytes as a person reads them: 840 MB, 12.4 GB, 2.1 TB.

    >>> size_text(149.4e9), size_text(3.2e6), size_text(12)
    ('149.4 GB', '3.2 MB', '0.1 MB')
    """
    for unit, scale in (("TB", 1e12), ("GB", 1e9)):
        if count >= scale:
            return f"{count / scale:.1f} {unit}"
    return f"{max(count / 1e6, 0.1):.1f} MB"


def write_png_rows(path, width: int, height: int, bands, dpi: float | None = None) -> Path:
    """Write a PNG from ``bands``, an iterable of (rows, width, 3) arrays, top to bottom.

    Each band is compressed as it arrives and then dropped, so a poster of
    any size needs the memory of one band, not of the whole image (Pillow
    would hold all of it: 192 MB for 8000 × 8000). A plain, standard PNG:
    RGB, 8 bits a channel for uint8 bands and 16 for uint16 ones (a smooth
    gradient without banding, for print), no filtering, one IDAT chunk per
    band; with ``dpi``, a pHYs chunk that tells print software its size
    (pixels per metre, as PNG stores it). Written whole or not at all
    (``files.whole_file``).
    """
    path = Path(path)
    with whole_file(path) as f:
        _write_png(f, width, height, bands, dpi)
    return path


def _chunk(kind: bytes, data: bytes) -> bytes:
    """One PNG chunk: length, type, data, CRC of type and data."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _write_png(f, width: int, height: int, bands, dpi: float | None) -> None:
    bands = iter(bands)
    first = next(bands, None)
    deep = first is not None and np.asarray(first).dtype == np.uint16
    dtype, bits = (np.dtype(">u2"), 16) if deep else (np.dtype(np.uint8), 8)
    f.write(b"\x89PNG\r\n\x1a\n")
    f.write(_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, bits, 2, 0, 0, 0)))  # RGB
    if dpi is not None:
        if not dpi > 0:
            raise ValueError(f"dpi must be above 0, got {dpi!r}")
        per_metre = round(dpi / 0.0254)
        f.write(_chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)))  # unit 1: the metre
    packer, done = zlib.compressobj(6), 0
    for band in itertools.chain([] if first is None else [first], bands):
        band = np.asarray(band)
        if band.ndim != 3 or band.shape[1:] != (width, 3) or (band.dtype == np.uint16) != deep:
            raise ValueError(f"each band must be shaped (rows, {width}, 3), all uint8 or all uint16, got "
                             f"{band.shape} {band.dtype}")
        row_bytes = 3 * width * dtype.itemsize
        rows = np.zeros((band.shape[0], 1 + row_bytes), np.uint8)  # each row: filter byte 0, then RGB
        rows[:, 1:] = np.ascontiguousarray(band, dtype=dtype).view(np.uint8).reshape(band.shape[0], -1)
        f.write(_chunk(b"IDAT", packer.compress(rows.tobytes())))
        done += band.shape[0]
    if done != height:
        raise ValueError(f"the bands held {done} rows, the PNG needs {height}")
    f.write(_chunk(b"IDAT", packer.flush()))
    f.write(_chunk(b"IEND", b""))

