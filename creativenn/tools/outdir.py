"""An export's ``--out`` folder: one export at a time, and earlier frames kept until new ones exist.

- A lock file (``.creativenn-export.lock``, holding the process id) refuses a
  second export into a folder another one is writing; a lock whose process
  is gone is stale and taken over.
- The frames of an earlier export are set aside (``.creativenn-earlier-frames/``)
  rather than deleted. When the new export ends having written frames they
  go; if it wrote none (no Java, a syntax error, a signal) they are put back.
  A folder left behind by a process that was killed outright is sorted out
  the next time: put back if no new frame was written, dropped otherwise.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> _ = (out / "frame-0001.png").write_bytes(b"an earlier frame")
>>> with ExportFolder(out) as folder:
...     folder.earlier
1
>>> sorted(p.name for p in out.iterdir())  # nothing new was written: the earlier frame is back
['frame-0001.png']
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

from .frames import frame_files

LOCK, ASIDE = ".creativenn-export.lock", ".creativenn-earlier-frames"


class BusyError(OSError):
    """Another export is writing into the folder."""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


@contextlib.contextmanager
def folder_lock(out: Path):
    """``with folder_lock(out):`` no other export or series writes into ``out`` meanwhile (a series'
    folder: each item's own folder is an ExportFolder of its own)."""
    folder = ExportFolder(out)
    Path(out).mkdir(parents=True, exist_ok=True)
    folder._lock()
    try:
        yield out
    finally:
        folder._unlock()


class ExportFolder:
    """``with ExportFolder(out) as folder:`` around an export; ``folder.earlier`` frames were set aside."""

    def __init__(self, out: Path):
        self.out, self.earlier, self._locked = Path(out), 0, False

    def __enter__(self) -> ExportFolder:
        self._lock()
        try:
            self._recover()
            aside = self.out / ASIDE
            earlier = frame_files(self.out)
            if earlier:
                aside.mkdir(exist_ok=True)
                for path in earlier:
                    path.replace(aside / path.name)
            self.earlier = len(earlier)
        except BaseException:
            self._unlock()
            raise
        return self

    def __exit__(self, *exc) -> None:
        try:
            if not frame_files(self.out):
                self._put_back()
            else:
                shutil.rmtree(self.out / ASIDE, ignore_errors=True)
        finally:
            self._unlock()

    def _recover(self) -> None:
        """A set-aside folder from an export that was killed before it could tidy up."""
        if (self.out / ASIDE).is_dir():
            if frame_files(self.out):
                shutil.rmtree(self.out / ASIDE, ignore_errors=True)
            else:
                self._put_back()

    def _put_back(self) -> None:
        aside = self.out / ASIDE
        if aside.is_dir():
            for path in frame_files(aside):
                path.replace(self.out / path.name)
            shutil.rmtree(aside, ignore_errors=True)

    def _lock(self) -> None:
        lock = self.out / LOCK
        for _ in range(2):  # a stale lock is removed once, then taken
            try:
                fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                try:
                    pid = int(lock.read_text().strip() or 0)
                except (OSError, ValueError):
                    pid = 0
                if pid and pid != os.getpid() and _alive(pid):
                    raise BusyError(f"another export (process {pid}) is writing into {self.out}/; wait "
                                    "for it to finish, or choose another --out folder") from None
                lock.unlink(missing_ok=True)
                continue
            with os.fdopen(fd, "w") as file:
                file.write(str(os.getpid()))
            self._locked = True
            return
        raise BusyError(f"could not lock {self.out}/ for this export; choose another --out folder")

    def _unlock(self) -> None:
        if self._locked:
            (self.out / LOCK).unlink(missing_ok=True)
            self._locked = False
