"""A series on a Dask cluster: ``creativenn export SKETCH --seeds 1-64 --out DIR --cluster ADDRESS``.

Each item goes to the Dask scheduler at ADDRESS as one task. A worker
renders it as this machine would (``creativenn export`` or the poster
worker, in a process of its own, with a virtual screen it starts itself)
into a temporary folder, and sends the files back; they arrive in DIR
here, written whole, and the item is recorded in the manifest as it lands.
A bundled sketch is named; a sketch of your own is sent as its text (files
it loads must be on the workers too). Every machine needs creativenn, the
same version (``pip install 'creativenn[cluster]'``): the task checks.

A worker that dies mid-item (out of memory, a machine switched off) has its
item rendered again on another one by Dask; if that keeps happening the
item is reported failed and the rest go on. How to start a scheduler and
workers: docs/series.md.

Leaves out: sharing a file system (files travel with the results, so the
workers need no access to DIR) and progress within an item (it moves an
item at a time).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from .display import SetupError

CONNECT_SECONDS = 10
WORKER_SECONDS = 30  # how long to wait for a scheduler's first worker


def connect(address: str):
    """A Dask client for the scheduler at ``address``, with at least one worker; SetupError otherwise."""
    try:
        from distributed import Client
    except ImportError:
        raise SetupError("--cluster needs Dask's distributed scheduler: pip install 'creativenn[cluster]'") \
            from None
    try:
        client = Client(address, timeout=f"{CONNECT_SECONDS}s")
    except (OSError, TimeoutError, ValueError) as error:
        raise SetupError(f"no Dask scheduler answers at {address} ({error}). Start one there with `dask "
                         "scheduler` and give its address as tcp://HOST:8786 (docs/series.md)") from None
    try:
        client.wait_for_workers(1, timeout=WORKER_SECONDS)
    except (TimeoutError, OSError):
        client.close()
        raise SetupError(f"the Dask scheduler at {address} has no workers after {WORKER_SECONDS} s: start "
                         f"one on each machine with `dask worker {address}` (docs/series.md)") from None
    return client


def spec(kind) -> dict:
    """What a worker needs to render any item of the series: plain data (the sketch by name, or its
    text); each item's task adds its seed, arguments and name."""
    from .. import __version__, resources
    from .seriesrun import Clips

    task = {"version": __version__}
    if isinstance(kind, Clips):
        bundled = resources.sketches().get(kind.sketch.stem)
        same = bundled is not None and bundled.resolve() == kind.sketch.resolve()
        task.update(kind="export", recipe=kind.recipe.flags(), sketch=kind.sketch.stem if same else None,
                    filename=kind.sketch.name, text=None if same else kind.sketch.read_text(encoding="utf-8"))
    else:
        task.update(kind="poster", size=list(kind.size), bits=kind.bits, dpi=kind.dpi)
    return task


def render_item(task: dict) -> dict:
    """On a worker: render one item into a temporary folder; its files (path → bytes), and any problem."""
    from .. import __version__

    if task["version"] != __version__:
        return {"problem": f"this worker has creativenn {__version__}, the series was started with "
                           f"{task['version']}: install the same version on every machine", "files": {}}
    with tempfile.TemporaryDirectory(prefix="creativenn-item-") as folder:
        folder = Path(folder)
        out = folder / "out"
        if task["kind"] == "export":
            sketch = task["sketch"]
            if sketch is None:
                (folder / "sketch").mkdir()
                sketch = folder / "sketch" / task["filename"]
                sketch.write_text(task["text"], encoding="utf-8")
            item_out = out / task["name"]
            command = [sys.executable, "-m", "creativenn", "export", str(sketch), "--out", str(item_out),
                       "--seed", str(task["seed"]), *task["recipe"], "--", *task["args"]]
        else:
            from .poster import knob_settings, print_flags

            name, (width, height) = task["name"], task["size"]
            command = [sys.executable, "-m", "creativenn.tools.poster", "--out", str(out / f"{name}.png"),
                       "--thumb", str(out / "thumbs" / f"{name}.png"), "--size", f"{width}x{height}",
                       "--seed", str(task["seed"]), "--knobs", repr(knob_settings(task["args"])),
                       *print_flags(task["bits"], task["dpi"])]
        env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
        ran = subprocess.run(command, capture_output=True, text=True, env=env, cwd=folder)
        said = ran.stderr.strip()
        problem = None
        if ran.returncode != 0:  # what the command said after "error: ", else its last words
            problem = said.split("error: ", 1)[-1] if "error: " in said else said[-2000:]
            problem = problem or f"exit code {ran.returncode}"
        files = {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
                 if p.is_file() and not p.name.startswith(".")}
        return {"problem": problem, "files": files, "log": said[-20000:]}


def render_on(address: str, kind, todo: list, out: Path, keys: dict, manifest, progress, stop) -> None:
    """Send ``todo`` to the cluster and record each item as its files arrive."""
    from .job import Stopped
    from .seriesrun import _record

    client = connect(address)  # first: it says what to install when Dask is not there
    from distributed import as_completed

    try:
        shared = spec(kind)  # the sketch found and read once, not once an item
        futures = {client.submit(render_item, {**shared, "seed": item.seed, "args": list(item.args),
                                               "name": item.name}, pure=False,
                                 key=f"creativenn-{item.name}-{keys[item.name]}-{os.getpid()}"): item
                   for item in todo}
        pending = as_completed(futures)
        while True:
            try:
                future = next(pending)
            except StopIteration:
                break
            except Stopped:  # Ctrl-C: what has arrived is kept; the rest is cancelled
                client.cancel(list(futures))
                break
            item = futures[future]
            problem, files = _outcome(future)
            if not problem:
                problem = _land(kind, item, out, files)
            _record(kind, item, keys[item.name], manifest, progress, problem, _Arrived(files), None)
            if stop.signal is not None:
                client.cancel(list(futures))
                break
    finally:
        client.close()


def _outcome(future) -> tuple[str | None, dict]:
    from distributed import KilledWorker

    try:
        result = future.result()
    except KilledWorker as error:
        last = getattr(getattr(error, "last_worker", None), "address", None)
        where = f", the last at {last}" if last else ""
        return (f"each Dask worker that took it died while rendering it{where} (out of memory, or stopped): "
                "see the workers' logs", {})
    except Exception as error:  # noqa: BLE001 - whatever the task raised, said in a line
        return f"the Dask task failed: {type(error).__name__}: {error}", {}
    return result["problem"], result["files"]


def _land(kind, item, out: Path, files: dict) -> str | None:
    """Write an item's files into DIR, each whole; a problem (a full disk) said in a line."""
    from ..files import whole_file

    try:
        with kind.guard(item):
            for relative, data in files.items():
                path = out / relative
                path.parent.mkdir(parents=True, exist_ok=True)
                with whole_file(path) as file:
                    file.write(data)
    except OSError as error:
        return f"its files could not be written into {out}: {error}"
    return None


class _Arrived:
    """An item's files as they came back, shaped like a finished local job for the manifest."""

    def __init__(self, files: dict):
        names = [Path(p).name for p in files]
        self.done = {"frames": sum(n.startswith("frame-") for n in names),
                     "files": [n for n in names if not n.startswith("frame-")]}
