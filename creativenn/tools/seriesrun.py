"""Running a series (``tools.series``): its items rendered here, several at once, or on a Dask cluster.

``run`` checks every item's arguments before anything renders, skips the
items the manifest says are finished, renders the rest ``jobs`` at a time
(each job a worker process with a virtual screen of its own) or sends them
to ``tools.cluster``, records each item as it ends, and makes the contact
sheet (``tools.sheet``). ``Clips`` and ``Posters`` say what an item is:
an export into ``DIR/NAME/``, or a poster ``DIR/NAME.png``.

Leaves out: what a series is (``tools.series``: seeds, sweeps, names, the
manifest and the progress line).
"""

from __future__ import annotations

import os
import queue
import sys
import threading
import time
from pathlib import Path

from ..files import refuse_link
from .series import LOGS, MANIFEST, THUMBS, Item, Manifest, Progress, SeriesError, file_hash, recipe_key


def run_slots(todo: list, slots: list, work, stop) -> None:
    """``work(item, slot)`` for each item, one at a time on each slot's thread, until all are done or
    ``stop.signal`` is set; returns when every slot has finished its last item."""
    waiting: queue.SimpleQueue = queue.SimpleQueue()
    for item in todo:
        waiting.put(item)

    def slot_loop(slot):
        while stop.signal is None:
            try:
                item = waiting.get_nowait()
            except queue.Empty:
                return
            work(item, slot)

    threads = [threading.Thread(target=slot_loop, args=(s,), daemon=True) for s in slots]
    for thread in threads:
        thread.start()
    from .job import Stopped

    for thread in threads:
        while thread.is_alive():
            try:
                thread.join(0.2)
            except Stopped:  # the signal is passed on to the workers; their items end as unfinished
                continue


def default_jobs(per_job_mb: float, items: int) -> int:
    """As many jobs as there are cores and memory for, and items."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    memory_jobs = max(1, int(0.8 * available_mb() // per_job_mb))
    return max(1, min(cores, memory_jobs, items))


def available_mb() -> float:
    """Memory free for new processes (Linux's MemAvailable; elsewhere the physical memory)."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") / (1 << 20)
    except (ValueError, OSError, AttributeError):
        return 4096.0


# --- what a series renders: clips (exports) or posters ---------------------------------------------

class Clips:
    """Items exported as ``creativenn export`` would, each into the folder ``DIR/NAME/``."""

    unit, needs_display = "clip", True

    def __init__(self, sketch: Path, mode: str | None, recipe, out: Path):
        from dataclasses import asdict

        from .sketchfile import sketch_constants

        self.sketch, self.mode, self.recipe, self.out = Path(sketch), mode, recipe, Path(out)
        self.known = sketch_constants(self.sketch)  # read once, for every item's arguments
        self.key = {"kind": "export", "sketch": self.sketch.name, "text": file_hash(self.sketch),
                    **asdict(recipe)}
        from .job import export_jvm

        heap = int(export_jvm(recipe.size).split("-Xmx")[1].split("m")[0])
        # an export worker at its peak, measured: 365 MB (network, JAVA2D), 520 MB (landscape, P3D), with a
        # 192 MB heap; and ffmpeg, Xvfb
        self.per_job_mb = heap + 450

    def arguments(self, item: Item) -> tuple[dict, list[str]]:
        """The item's constants to set and its own arguments; a ValueError for a NAME the sketch lacks."""
        from .sketchfile import arguments

        return arguments(self.sketch.name, list(item.args), self.known)

    def check(self, item: Item) -> None:
        self.arguments(item)

    def target(self, item: Item) -> Path:
        return self.out / item.name

    def present(self, item: Item) -> bool:
        from .frames import frame_files

        return len(frame_files(self.target(item))) == self.recipe.frames

    def room(self, todo: list[Item]) -> None:
        """A SeriesError, before any is rendered, where the disk cannot hold even the least the clips
        still to render take (``Recipe.check_room``). Above that, an export that fills the disk says so
        and keeps its frames."""
        try:
            self.recipe.check_room(self.target(todo[0]), len(todo))
        except ValueError as error:
            raise SeriesError(str(error)) from None

    def preview(self, item: Item) -> Path:
        from .frames import PNG_NAME

        return self.target(item) / PNG_NAME.format(self.recipe.frames)

    def guard(self, item: Item):
        from .frames import prepare_out_dir
        from .outdir import ExportFolder

        return ExportFolder(prepare_out_dir(self.target(item)))

    def job(self, item: Item):
        from .job import Job

        constants, argv = self.arguments(item)
        return Job(self.sketch, self.target(item), self.recipe, seed=item.seed, constants=constants,
                   argv=argv, mode=self.mode)

    def follow(self, job, update) -> None:
        job.follow(lambda k: update(k / self.recipe.frames))

    def finished(self, job, item: Item) -> dict:
        from .frames import remove_unfinished

        remove_unfinished(self.target(item))
        files = [Path(f).name for f in (job.done or {}).get("files", [])]
        return {"frames": (job.done or {}).get("frames", 0), "files": files}

    def link(self, item: Item) -> str:
        for ending in (".gif", ".mp4"):
            if (self.target(item) / f"{self.sketch.stem}{ending}").is_file():
                return f"{item.name}/{self.sketch.stem}{ending}"
        return f"{item.name}/"


class Posters:
    """Items rendered as posters (``tools.poster``), each the file ``DIR/NAME.png``."""

    unit, needs_display, per_job_mb = "poster", False, 200

    def __init__(self, size: tuple[int, int], out: Path, bits: int | None = None, dpi: float | None = None):
        self.size, self.out, self.bits, self.dpi = tuple(size), Path(out), bits, dpi
        self.key = {"kind": "poster", "size": list(size), "bits": bits, "dpi": dpi}

    def check(self, item: Item) -> None:
        from .poster import knob_settings

        knob_settings(list(item.args))

    def room(self, todo: list[Item]) -> None:
        """A SeriesError, before any is rendered, where the disk cannot hold the posters still to render:
        each estimated by ``CPPN.poster_bytes`` (the largest of the first three, for all)."""
        from ..files import check_room
        from .poster import knob_settings, network

        needed = 0
        for item in todo[:3]:
            net, latent = network(item.seed, knob_settings(list(item.args)))
            needed = max(needed, net.poster_bytes(*self.size, latent, self.bits))
        many = f"{len(todo)} posters of {self.size[0]} × {self.size[1]}" if len(todo) > 1 else None
        try:
            check_room(self.target(todo[0]), needed * len(todo), many)
        except ValueError as error:
            raise SeriesError(str(error)) from None

    def target(self, item: Item) -> Path:
        return self.out / f"{item.name}.png"

    def present(self, item: Item) -> bool:
        return self.target(item).is_file() and self.thumb(item).is_file()

    def thumb(self, item: Item) -> Path:
        return self.out / THUMBS / f"{item.name}.png"

    preview = thumb

    def guard(self, item: Item):
        import contextlib

        return contextlib.nullcontext()

    def job(self, item: Item):
        from .poster import PosterJob, knob_settings

        knobs = knob_settings(list(item.args))
        return PosterJob(self.target(item), self.thumb(item), self.size, item.seed, knobs, self.bits,
                         self.dpi)

    def follow(self, job, update) -> None:
        job.follow(update)

    def finished(self, job, item: Item) -> dict:
        return {"files": [self.target(item).name]}

    def link(self, item: Item) -> str:
        return self.target(item).name


# --- running one ------------------------------------------------------------------------------------
def run(kind, items: list[Item], out: Path, command: str, jobs: int | None = None, cluster: str | None = None,
        title: str = "", stream=None) -> int:
    """Render every unfinished item of the series into ``out``; the contact sheet; 0 when all are done."""
    from .job import StopOnSignal
    from .outdir import folder_lock

    stream = stream or sys.stderr
    for item in items:
        try:
            kind.check(item)
        except ValueError as error:
            raise SeriesError(f"{item.label}: {error}") from None
    out = Path(out)
    with folder_lock(out):
        manifest = Manifest(out, command)
        if manifest.unreadable:
            stream.write(manifest.unreadable + "\n")
        keys = {item.name: recipe_key(kind.key, item) for item in items}
        todo = [i for i in items if not manifest.finished(i, keys[i.name], kind.present)]
        skipped = len(items) - len(todo)
        if cluster is None and todo:
            if jobs is None:
                jobs = default_jobs(kind.per_job_mb, max(1, len(todo)))
            elif jobs > 1:
                most = default_jobs(kind.per_job_mb, 10**9)
                if jobs > max(most, 1) and available_mb() < jobs * kind.per_job_mb:
                    stream.write(f"--jobs {jobs}: memory here is enough for {most} at once; running {most}\n")
                    jobs = most
            jobs = max(1, min(jobs, len(todo) or 1))
        if todo:
            kind.room(todo)
        what = f"{len(todo)} {kind.unit}{'s' * (len(todo) != 1)} to render"
        finished_before = f", {skipped} finished before (kept)" if skipped else ""
        where = f"on the Dask cluster at {cluster}" if cluster else f"{jobs} at a time"
        if not todo:
            what, where = "nothing to render", "every item is finished"
        stream.write(f"series of {len(items)} into {out}/: {what}{finished_before}; {where}\n")
        progress = Progress(len(todo), skipped, stream)
        with StopOnSignal() as stop:
            if cluster is not None:
                from .cluster import render_on

                render_on(cluster, kind, todo, out, keys, manifest, progress, stop)
            elif todo:
                slots = _displays(jobs) if kind.needs_display else [None] * jobs

                def render(item, display):
                    _render_here(kind, item, display, out, keys[item.name], manifest, progress, stop)

                run_slots(todo, slots, render, stop)
            progress.close()
        return _summary(kind, items, out, manifest, keys, stop, title or out.name, stream)


def _displays(jobs: int) -> list[str | None]:
    """A virtual screen for each job where Xvfb is there; else every job on this process's DISPLAY."""
    import shutil

    from .display import has_display, start_xvfb, virtual_display

    if shutil.which("Xvfb") and sys.platform.startswith("linux"):
        return [start_xvfb()[1] for _ in range(jobs)]
    if not has_display():
        virtual_display()  # says what is missing
    return [None] * jobs


def _render_here(kind, item: Item, display, out: Path, key: str, manifest: Manifest, progress: Progress,
                 stop) -> None:
    """One item, in a worker process on this machine; recorded in the manifest when it is done."""
    logs = out / LOGS
    logs.mkdir(exist_ok=True)
    log_path = logs / f"{item.name}.txt"
    start = time.perf_counter()
    try:
        with kind.guard(item), open(refuse_link(log_path), "w") as log:
            job = kind.job(item)
            stop.add(job.start(display, stderr=log))
            kind.follow(job, lambda fraction: progress.update(item.name, fraction))
            code = stop.wait(job.worker)
    except OSError as error:  # the item's folder cannot be written, or another export holds it
        manifest.record(item, key, status="failed", error=str(error))
        progress.finish(item.name, f"{item.name} failed: {error}", ok=False)
        return
    if log_path.stat().st_size == 0:
        log_path.unlink()
    problem = job.problem(code)
    if stop.signal is not None and problem:
        progress.finish(item.name, None, ok=False)  # stopped: not finished, redone next time
        return
    _record(kind, item, key, manifest, progress, problem, job, time.perf_counter() - start,
            log=log_path.relative_to(out) if log_path.exists() else None)


def _record(kind, item, key, manifest, progress, problem, job, seconds, log=None) -> None:
    if problem:
        last = _last_line(Path(kind.out) / log) if log and "unexpectedly" in problem else None
        problem += f"; its last message: {last}" if last else ""  # the cause, not only the log's name
        manifest.record(item, key, status="failed", error=problem)
        said = f" (its messages: {log})" if log else ""
        progress.finish(item.name, f"{item.name} failed: {problem}{said}", ok=False)
        return
    entry = kind.finished(job, item)
    if kind.needs_display:
        from .sheet import thumbnail

        try:
            thumbnail(kind.preview(item), Path(kind.out) / THUMBS / f"{item.name}.png")
        except OSError:
            pass  # the contact sheet shows it as a tile without a picture
    if seconds is not None:
        entry["seconds"] = round(seconds, 2)
    manifest.record(item, key, status="done", **entry)
    progress.finish(item.name)


def _last_line(path: Path) -> str | None:
    """The last line with words in it of a worker's messages (its last 4 kB), or None."""
    try:
        with open(path, "rb") as file:
            file.seek(max(0, file.seek(0, os.SEEK_END) - 4096))
            lines = [line.strip() for line in file.read().decode("utf-8", "replace").splitlines()]
    except OSError:
        return None
    return next((line[:300] for line in reversed(lines) if line), None)


def _summary(kind, items, out: Path, manifest: Manifest, keys: dict, stop, title: str, stream) -> int:
    import signal

    from .sheet import make

    tiles, failed, missing = [], [], []
    for item in items:
        entry = manifest.items.get(item.name, {})
        done = manifest.finished(item, keys[item.name], kind.present)
        note = None if done else "failed" if entry.get("status") == "failed" else "not rendered"
        (failed if note == "failed" else missing if note else []).append(item.name)
        thumb = out / THUMBS / f"{item.name}.png"
        tiles.append({"label": item.label, "thumb": thumb if done else None, "link": kind.link(item),
                      "note": note})
    if (out / LOGS).is_dir() and not any((out / LOGS).iterdir()):
        (out / LOGS).rmdir()  # every item's messages were empty
    if len(items) > 1:
        per_seed = sum(item.seed == items[0].seed for item in items)  # a sweep: one row a seed
        sheets, count, page = make(out, tiles, title, columns=per_seed if 1 < per_seed <= 10 else None)
        pages = f"{sheets[0]}" if count == 1 else f"{len(sheets)} of its {count} pages (those with a " \
                f"finished item), {out}/contact-sheet-*.png"
        stream.write(f"contact sheet: {pages if sheets else 'none yet'}  (and {page.name}, to open in a "
                     "browser)\n")
    done = len(items) - len(failed) - len(missing)
    stream.write(f"{done} of {len(items)} {kind.unit}s finished in {out}/\n")
    if failed:
        stream.write(f"failed: {', '.join(failed)} (why: above, and in {MANIFEST}); the same command again "
                     "redoes them and keeps what is finished\n")
    if stop.signal is not None:
        stream.write(f"stopped by {signal.Signals(stop.signal).name}: {len(missing)} not finished; the same "
                     "command again renders them and keeps what is finished\n")
        return 128 + stop.signal
    return 0 if done == len(items) else 1
