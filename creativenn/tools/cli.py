"""The ``creativenn`` command (also ``python -m creativenn``).

    creativenn --version                     creativenn's version, and what it runs on
    creativenn list                          the bundled sketches
    creativenn run SKETCH                    open a sketch in a window
    creativenn live SKETCH                   live coding: it runs again each time you save it
    creativenn export SKETCH [--frames N] --out DIR [--gif] [--mp4] [--clean] ...
    creativenn export SKETCH --seeds 1-64 --out DIR [--jobs N | --cluster ADDRESS] -- NAME=a,b,c
                                             a series: every seed × every choice, a contact sheet
    creativenn poster cppn [--seeds 1-100] [--size 8000x8000 | 30x40cm] [--dpi 300] [--bits 16] --out DIR
                                             posters, in bands; print sizes, 16-bit PNG
    creativenn new NAME [--from network|line_fit|cppn|blank]   start a class project
    creativenn demo                          train XOR in the terminal
    creativenn doctor                        check this machine: Java, display, test frames, …
    creativenn maths [TAG]                   the course notes (docs/maths.md), or one equation

SKETCH is a path to a py5 sketch or the name of a bundled one (``network``).
Anything after ``--`` is passed to the sketch as its own arguments, but
``NAME=value`` sets the sketch's constant NAME (``LEARNING_RATE=0.1``), and
a comma list (``LEARNING_RATE=0.01,0.1,1``) makes a series, one item a choice.

This module starts no JVM itself: it checks the machine (Java, a display,
starting Xvfb when there is none) and runs the sketch in a subprocess, so a
long export's memory goes away with it.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import os
import shlex
import shutil
import signal
import sys
import threading
import time
from pathlib import Path

from .. import __version__, resources
from . import sketchfile
from .display import SetupError, has_display, virtual_display
from .java import find_java, use_java
from .job import (
    MB,
    SKETCH_ENV,
    Job,
    ProgressBar,
    Recipe,
    StopOnSignal,
    Stopped,
    check_video,
    pass_on_messages,
)
from .sketchfile import NOT_A_SKETCH, mode_of
from .worker import NO_PY5


def check_canvas(width: int, height: int) -> None:
    """Refuse up front a --size that Java cannot hold here, naming the largest square that works."""
    try:
        memory = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):  # not on this system: only Java's own limit
        memory = float("inf")
    room = min((0.75 * memory - 256 * MB) / (5 * 4), 2**31 - 1)  # pixels: 5 copies of 4 bytes each
    if width * height > room:
        side = int(room**0.5) // 100 * 100
        raise UsageError(f"--size {width}x{height} is more than Java can hold on this machine; the largest "
                         f"square is about {side}x{side}. For prints larger than that, the cppn sketch "
                         "renders posters of any size in bands (its p key, or CPPN.poster).")


class UsageError(ValueError):
    """The command was given something it cannot use; the message says what instead."""


def describe(path: Path) -> str:
    """The first line of a sketch's docstring."""
    try:
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    except (OSError, SyntaxError):
        return "(unreadable)"
    return doc.strip().splitlines()[0] if doc.strip() else ""


def find_sketch(name: str) -> Path:
    """A sketch path from a path or a bundled sketch's name."""
    path = Path(name)
    if path.suffix == ".py" or os.sep in name:
        if not path.is_file():
            raise UsageError(f"no sketch file at {path}")
        return path.resolve()
    sketches = resources.sketches()
    if name not in sketches:
        raise UsageError(
            f"no bundled sketch called {name!r}; choose one of: {', '.join(sketches) or '(none)'} "
            "or give a path to a .py file"
        )
    return sketches[name]


def cmd_list(_args) -> int:
    sketches = resources.sketches()
    width = max((len(n) for n in sketches), default=0)
    for name, path in sketches.items():
        print(f"{name:<{width}}  {describe(path)}")
    return 0


def cmd_run(args) -> int:
    """A window, in any mode: the sketch run as its mode runs it, by ``tools.projector.run_file``."""
    sketch = find_sketch(args.sketch)
    _mode(sketch)  # a clear error for a file that is no sketch
    if not has_display():
        raise SetupError(
            "There is no display here (DISPLAY is not set), so no window can open.\n"
            f"  Export frames instead:  creativenn export {args.sketch} --frames 120 --out out/"
            f"{sketch.stem} --gif\n"
            "  or run on a virtual screen:  "
            f"xvfb-run -s '-screen 0 1920x1080x24' creativenn run {args.sketch}"
        )
    virtual_display()  # with a DISPLAY set: checks that it answers
    use_java()
    # Every mode through tools/projector.run_file: drawn bigger and sharp when asked, and Ctrl-C
    # ending the sketch between two frames (imported mode through py5's own runner there)
    how = ["--fullscreen"] if args.fullscreen else ["--scale", str(args.scale)] if args.scale else []
    command = [sys.executable, "-m", "creativenn.tools.projector", str(sketch), *how, "--", *args.sketch_args]
    os.execve(sys.executable, command, {**os.environ, **SKETCH_ENV})
    return 0  # not reached


def cmd_live(args) -> int:
    """py5's live coding: the sketch runs in a window and re-runs each time its file is saved.

    Both through py5's live coding (``tools.live``): an imported-mode file run as py5's
    imported-mode runner runs it.
    """
    sketch = find_sketch(args.sketch)
    mode = _mode(sketch)
    if mode not in ("module", "imported"):
        raise UsageError(f"{sketch.name} is in {mode} mode; live coding (py5's own) works on module-mode "
                         "sketches (py5. before every call, py5.run_sketch() at the end) and imported-mode "
                         "ones (no import, no prefix)")
    if not has_display():
        raise SetupError("Live coding opens a window, and there is no display here (DISPLAY is not set).")
    virtual_display()
    use_java()
    command = [sys.executable, "-m", "creativenn.tools.live", str(sketch), "--archive-dir",
               str(Path.cwd() / "archive"), *(["--imported"] if mode == "imported" else [])]
    print(f"live coding {sketch}: save the file and the sketch runs again (Ctrl-C to end). Screenshots "
          "and code backups go to archive/.", file=sys.stderr)
    os.execve(sys.executable, command, {**os.environ, **SKETCH_ENV})
    return 0  # not reached


def _mode(sketch: Path) -> str:
    """The sketch's py5 mode; a clear error for a file that is no sketch or does not parse."""
    try:
        mode = mode_of(sketch.read_text(encoding="utf-8"), str(sketch))
    except SyntaxError as error:
        raise UsageError(sketchfile.not_python(sketch.name, error)) from None
    if mode is None:
        raise UsageError(f"{sketch.name} is not a py5 sketch: {NOT_A_SKETCH}")
    return mode


DEFAULT_FRAMES = 120


def export_frames(sketch: Path) -> int:
    """How many frames an export writes when not told: the sketch's ``EXPORT_FRAMES = N`` (a whole
    loop, a whole story), else DEFAULT_FRAMES."""
    try:
        tree = ast.parse(sketch.read_text(encoding="utf-8"))
    except (SyntaxError, UnicodeDecodeError, OSError):
        return DEFAULT_FRAMES
    for node in tree.body:
        names = [getattr(target, "id", None) for target in getattr(node, "targets", [])]
        value = getattr(getattr(node, "value", None), "value", None)
        if "EXPORT_FRAMES" in names and isinstance(value, int) and not isinstance(value, bool):
            return value
    return DEFAULT_FRAMES


def cmd_export(args) -> int:
    sketch = find_sketch(args.sketch)
    try:
        mode = mode_of(sketch.read_text(encoding="utf-8"), str(sketch))
    except (SyntaxError, UnicodeDecodeError):
        mode = None  # the worker reports it, with the sketch's own line
    recipe = _recipe(args, sketch)
    if _is_series(args):
        return _export_series(args, sketch, mode, recipe)
    try:
        constants, argv = sketchfile.arguments(sketch.name, args.sketch_args,
                                               sketchfile.sketch_constants(sketch))
    except ValueError as error:
        raise UsageError(str(error)) from None
    from .frames import PNG_NAME, frame_files, prepare_out_dir, remove_unfinished  # numpy: not for `run`
    from .outdir import ExportFolder

    try:
        recipe.check_room(Path(args.out))
    except ValueError as error:
        raise UsageError(str(error)) from None
    out = prepare_out_dir(args.out)
    job = Job(sketch, out, recipe, seed=args.seed or 0, constants=constants, argv=argv, mode=mode)
    with ExportFolder(out) as folder, StopOnSignal() as stop:
        use_java()
        virtual_display()
        earlier = folder.earlier
        print(f"exporting {sketch.stem}: {recipe.frames} frames to {out}/"
              + (f" (replacing {earlier} frames of an earlier export)" if earlier else ""), file=sys.stderr)
        stop.add(job.start())
        threading.Thread(target=pass_on_messages, args=(job.worker.stderr, stop), daemon=True).start()
        bar, start = ProgressBar(recipe.frames), time.perf_counter()
        with contextlib.suppress(Stopped):
            job.follow(bar.show)
        code = stop.wait(job.worker)
        bar.finish()
        remove_unfinished(out)  # a PNG ffmpeg was writing when it was stopped
        if recipe.mp4 and (stop.signal is not None or job.problem(code)):
            said = check_video(out / f"{sketch.stem}.mp4")
            if said:
                print(said, file=sys.stderr)
    if stop.signal is not None:
        kept = len(frame_files(out))
        print(f"stopped by {signal.Signals(stop.signal).name}: {kept} whole frames kept in {out}/",
              file=sys.stderr)
        return 128 + stop.signal
    if job.done is None and code == NO_PY5:
        return 2  # the worker said why py5 could not start
    problem = job.problem(code)
    if problem:
        print(f"\nerror: {problem}", file=sys.stderr)
        return 1
    written, seconds = job.done["frames"], time.perf_counter() - start
    print(f"{written} frames in {out}/ ({PNG_NAME.format(1)} … {PNG_NAME.format(written)}), "
          f"{seconds:.1f} s, {written / seconds:.1f} frames/s", file=sys.stderr)
    for path in job.done["files"]:
        print(f"  {path}", file=sys.stderr)
    return 0


def _is_series(args) -> bool:
    """Whether the export is a series: seeds, jobs or a cluster asked for, or an argument with choices."""
    from .series import SeriesError, choices

    try:
        sweep = any(len(choices(a)) > 1 for a in args.sketch_args)
    except SeriesError as error:
        raise UsageError(str(error)) from None
    return sweep or args.seeds is not None or args.jobs is not None or args.cluster is not None


def _series_items(args):
    """The items of a series from --seeds (or --seed) and the sketch's arguments, checked."""
    from . import series

    if args.seeds is not None and args.seed is not None:
        raise UsageError("give --seed N (one) or --seeds 1-64 (a series), not both")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError(f"--jobs must be 1 or more, got {args.jobs}")
    if args.jobs is not None and args.cluster is not None:
        raise UsageError("--jobs is for this machine; with --cluster, the Dask workers decide (start each "
                         "with --nworkers N)")
    try:
        seeds = series.parse_seeds(args.seeds) if args.seeds is not None else [args.seed or 0]
        return series.plan(seeds, args.sketch_args)
    except series.SeriesError as error:
        raise UsageError(str(error)) from None


def _run_series(kind, items, out: Path, args) -> int:
    from . import series, seriesrun

    command = " ".join(["creativenn", *map(shlex.quote, args.argv)])
    title = " ".join(["creativenn", *map(shlex.quote, _without_out(args.argv))])
    try:
        return seriesrun.run(kind, items, out, command, jobs=args.jobs, cluster=args.cluster, title=title)
    except series.SeriesError as error:
        raise UsageError(str(error)) from None


def _without_out(argv: list[str]) -> list[str]:
    """The command's words less ``--out DIR`` (the contact sheet is in DIR already)."""
    words, skip = [], False
    for word in argv:
        if skip:
            skip = False
        elif word == "--out":
            skip = True
        elif not word.startswith("--out="):
            words.append(word)
    return words


def _export_series(args, sketch: Path, mode: str | None, recipe: Recipe) -> int:
    """``creativenn export SKETCH --seeds …`` or a sweep: a series of exports (tools/series.py)."""
    from .frames import prepare_out_dir
    from .seriesrun import Clips

    items = _series_items(args)
    out = prepare_out_dir(args.out)
    if args.cluster is None:
        use_java()
    return _run_series(Clips(sketch, mode, recipe, out), items, out, args)


def cmd_poster(args) -> int:
    """``creativenn poster cppn --seeds 1-100 --size 8000x8000 --out DIR``: posters, banded."""
    from .frames import prepare_out_dir
    from .poster import LARGEST, print_size
    from .seriesrun import Posters

    if args.sketch != "cppn" and Path(args.sketch).stem != "cppn":
        raise UsageError(f"creativenn poster renders the cppn sketch's pictures (a network that paints has "
                         f"no resolution of its own, so any size is sharp), not {args.sketch}; for a larger "
                         "picture of another sketch: creativenn export SKETCH --size WxH")
    try:
        size, dpi = print_size(args.size, args.dpi)
    except ValueError as error:
        raise UsageError(str(error)) from None
    if max(size) > LARGEST:
        raise UsageError(f"--size {args.size}: {size[0]} × {size[1]} pixels; at most {LARGEST} a side")
    items = _series_items(args)
    out = prepare_out_dir(args.out)
    bits = None if args.bits == "auto" else int(args.bits)
    printed = f", {size[0] / dpi * 2.54:.1f} × {size[1] / dpi * 2.54:.1f} cm at {dpi:g} dpi" if dpi else ""
    depth = "as each picture needs (16 where 8 would band)" if bits is None else f"{bits}"
    sys.stderr.write(f"posters of {size[0]} × {size[1]} pixels{printed}; bits a channel: {depth}\n")
    return _run_series(Posters(size, out, bits, dpi), items, out, args)


def _recipe(args, sketch: Path) -> Recipe:
    """The export's options, checked: a clear error for each that cannot be used."""
    frames = export_frames(sketch) if args.frames is None else args.frames
    if frames < 1:
        raise UsageError(f"--frames must be 1 or more, got {frames}")
    if args.every < 1:
        raise UsageError(f"--every must be 1 or more, got {args.every}")
    if args.gif_width < 16:
        raise UsageError(f"--gif-width must be 16 or more, got {args.gif_width}")
    if not 1 <= args.fps <= 240:  # also refuses nan and inf
        raise UsageError(f"--fps must be between 1 and 240 frames a second, got {args.fps:g}")
    if args.size:
        check_canvas(*args.size)
    return Recipe(frames, args.every, args.fps, args.size, args.gif, args.mp4, args.svg, args.sidecar,
                  args.clean, args.gif_width)


def cmd_new(args) -> int:
    """Write NAME.py from a starter sketch; never over an existing file."""
    starter = resources.starters()[args.template]
    path = Path(args.name if args.name.endswith(".py") else f"{args.name}.py")
    if not path.stem.isidentifier():
        raise UsageError(f"{path.stem!r} is not a usable sketch name: use letters, digits and _ "
                         "(like my_network)")
    if path.is_symlink():
        raise UsageError(f"{path} is a symbolic link (to {os.readlink(path)}); creativenn new writes no file "
                         "through a link. Choose another name, or remove the link first.")
    if path.exists():
        raise UsageError(f"{path} exists already; creativenn new never overwrites a file. "
                         "Choose another name, or move that file away first.")
    if not path.parent.is_dir():
        raise UsageError(f"there is no folder {path.parent}/ to write {path.name} into")
    me = typed_command()  # what works in this shell: creativenn, or .venv/bin/creativenn after make
    text = starter.read_text().replace("it: creativenn ", f"it: {me} ")
    text = text.replace("TITLE", path.stem.replace("_", " ")).replace("FILE", str(path))
    from ..files import new_file  # numpy comes with it: not at start-up (bench/startup.py)

    try:
        with new_file(path, "w", encoding="utf-8") as file:  # O_EXCL: nothing there, not even a link
            file.write(text.replace("NAME", path.stem))
    except FileExistsError:
        raise UsageError(f"{path} appeared while it was being written; nothing was overwritten") from None
    print(f"wrote {path}, started from the {args.template} starter. Next:\n"
          f"  change the lines marked CHANGE, then\n"
          f"  {me} run {path}        (a window)\n"
          f"  {me} export {path} --frames 120 --out out/{path.stem} --gif   (frames and a GIF)")
    return 0


def typed_command() -> str:
    """How to type the creativenn that is running, here: its name when that is the one on PATH,
    else its path (.venv/bin/creativenn after `make`), else python -m creativenn."""
    script = Path(sys.executable).parent / ("creativenn.exe" if os.name == "nt" else "creativenn")
    found = shutil.which("creativenn")
    if found and script.exists() and Path(found).resolve() == script.resolve():
        return "creativenn"
    if script.exists():
        relative = os.path.relpath(script)
        return relative if not relative.startswith("..") else str(script)
    return f"{sys.executable} -m creativenn"


def cmd_maths(args) -> int:
    """The course notes' equations: all their tags and titles, or one whole entry."""
    entries = resources.course_notes()
    if args.tag is None:
        for tag, text in entries.items():
            print(f"{tag:<4} {text.splitlines()[0]}")
        print(f"\n  creativenn maths TAG   one of them in full;  all of them: {resources.notes()}")
        return 0
    tag = args.tag.strip("()").upper()
    if tag not in entries:
        raise UsageError(f"the course notes have no equation {args.tag!r}; they have "
                         f"{', '.join(entries)} (creativenn maths lists them)")
    print(f"({tag}) {entries[tag]}")
    return 0


def version_text() -> str:
    """creativenn's version and what it runs on: Python, numpy, py5 (not imported) and Java."""
    from importlib.metadata import PackageNotFoundError, version

    import numpy as np

    try:
        py5_version = version("py5")
    except PackageNotFoundError:
        py5_version = "not installed"
    try:
        java = str(find_java())
    except SetupError as error:
        java = "no usable Java: " + str(error).splitlines()[0]
    return (f"creativenn {__version__} (Python {sys.version.split()[0]}, numpy {np.__version__}, "
            f"py5 {py5_version})\n{java}")


class _PrintVersion(argparse.Action):
    """``--version``: looks Java up only when asked (``java -version`` takes a moment)."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):
        print(version_text())
        parser.exit()


def cmd_doctor(args) -> int:
    from . import doctor

    return doctor.report(doctor.findings(frames=not args.no_frames))


def demo(epochs: int = 1000, every: int = 100) -> int:
    """Train XOR and print the loss as a bar that shrinks."""
    import numpy as np

    from ..maths.mlp import MLP
    from ..maths.optimizers import SGD
    from ..worlds import datasets

    X, Y = datasets.xor()
    net = MLP([2, 4, 1], activation="tanh", output_activation="sigmoid", loss="bce", seed=0)
    optimizer = SGD(learning_rate=0.5)
    print(f"{net}\nlearning XOR with batch gradient descent, η = {optimizer.learning_rate}\n")
    first = None
    for epoch in range(epochs + 1):
        loss = net.step(X, Y, optimizer) if epoch < epochs else net.loss(X, Y)
        first = first or loss
        if epoch % every == 0:
            bar = "█" * max(1, round(40 * loss / first))
            print(f"step {epoch:5d}  loss {loss:.4f}  {bar}")
    print("\ninput   target  output")
    for x, y, a in zip(X, Y, net.forward(X), strict=True):
        print(f"{x.astype(int).tolist()}  {int(y[0])}       {a[0]:.3f}")
    correct = np.array_equal(net.predict(X), Y[:, 0].astype(int))
    print("\nXOR learned." if correct else "\nNot learned yet: try more steps.")
    return 0 if correct else 1


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 800x600, got {text!r}") from None
    if w < 1 or h < 1:
        raise argparse.ArgumentTypeError(f"size must be positive, got {text!r}")
    return w, h


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value <= 10:
        raise argparse.ArgumentTypeError(f"must be a number above 0 and at most 10 (1.5 for a window half "
                                         f"as big again), got {text!r}")
    return value


def parser() -> argparse.ArgumentParser:
    from .poster import PRINT_DPI
    p = argparse.ArgumentParser(prog="creativenn", description="Neural-network maths you can watch.")
    p.add_argument("--version", action=_PrintVersion,
                   help="creativenn's version, and the Python, numpy, py5 and Java it runs on")
    commands = p.add_subparsers(dest="command", required=True)
    commands.add_parser("list", help="list the bundled sketches")
    run = commands.add_parser("run", help="open a sketch in a window (module, imported or class mode)")
    run.add_argument("sketch", help="a bundled sketch's name or a path to a .py file")
    projector = run.add_mutually_exclusive_group()
    projector.add_argument("--fullscreen", action="store_true",
                           help="for a projector: fill the screen, the sketch drawn as big as fits, sharp")
    projector.add_argument("--scale", type=_positive_float, metavar="F",
                           help="for a projector: a window F times the sketch's size, drawn sharp")
    live = commands.add_parser("live", help="live coding: the sketch runs again each time you save it")
    live.add_argument("sketch", help="a module- or imported-mode sketch: a bundled one's name or a .py file")
    export = commands.add_parser(
        "export", help="render frames offline (PNG, and GIF/MP4 if asked); one, or a series",
        epilog="After --: the sketch's own arguments. NAME=value sets the sketch's constant NAME "
               "(LEARNING_RATE=0.1); a comma list (LEARNING_RATE=0.01,0.1,1) makes a series, one export a "
               "choice, each in DIR/seed-N_NAME=value/, with series.json and a contact sheet.")
    export.add_argument("sketch", help="a bundled sketch's name or a path to a .py file")
    export.add_argument("--frames", type=int, help="how many frames to write (default: the sketch's own "
                        "EXPORT_FRAMES, or 120)")
    export.add_argument("--out", required=True, help="the folder to write them to")
    export.add_argument("--seed", type=int, help="seed for every random generator and the sketch's SEED (0)")
    export.add_argument("--seeds", help="a series: one export per seed, each in DIR/seed-N/ (1-64, "
                        "1-8,20,31)")
    export.add_argument("--jobs", type=int, help="a series: how many at once (default: the cores, as memory "
                        "allows)")
    export.add_argument("--cluster", metavar="ADDRESS", help="a series: render on the Dask cluster whose "
                        "scheduler is at ADDRESS (tcp://host:8786; pip install 'creativenn[cluster]')")
    export.add_argument("--size", type=_size, help="canvas size WxH, instead of the sketch's")
    export.add_argument("--gif", action="store_true", help="also write SKETCH.gif")
    export.add_argument("--mp4", action="store_true", help="also write SKETCH.mp4 (H.264)")
    export.add_argument("--svg", action="store_true",
                        help="also write SKETCH.svg: the last frame as vectors (sketches with save_svg)")
    export.add_argument("--sidecar", action="store_true",
                        help="also write SKETCH.jsonl: each frame's numbers (step, parameters, loss, …)")
    export.add_argument("--clean", action="store_true",
                        help="the picture alone: no titles, legends, footers or help (for prints and art)")
    export.add_argument("--fps", type=float, default=30.0, help="frames per second of GIF/MP4 (30)")
    export.add_argument("--every", type=int, default=1, help="keep every K-th frame (a time-lapse)")
    export.add_argument("--gif-width", type=int, default=480, help="the GIF's width at most (480)")
    poster = commands.add_parser("poster", help="the cppn sketch's pictures as posters, any size, "
                                 "one or a series")
    poster.add_argument("sketch", help="cppn")
    poster.add_argument("--out", required=True, help="the folder to write them to (DIR/seed-N.png)")
    poster.add_argument("--size", default="4000x4000",
                        help="WxH in pixels (4000x4000), or a print size: 30x40cm, 300x400mm, 12x16in")
    poster.add_argument("--dpi", type=float, help=f"dots per inch, written into the PNG (a print size: "
                        f"{PRINT_DPI} unless given)")
    poster.add_argument("--bits", choices=("8", "16", "auto"), default="auto",
                        help="bits a channel: 16 keeps smooth gradients from banding in print; auto "
                             "(default) takes 16 where 8 would band")
    poster.add_argument("--seed", type=int, help="the network's seed (0)")
    poster.add_argument("--seeds", help="a series: one poster per seed (1-100, 1-8,20,31)")
    poster.add_argument("--jobs", type=int, help="how many at once (default: the cores)")
    poster.add_argument("--cluster", metavar="ADDRESS", help="render on the Dask cluster at ADDRESS")
    new = commands.add_parser("new", help="start a class project: write NAME.py from a starter sketch")
    new.add_argument("name", help="the new sketch's file name (NAME or NAME.py)")
    new.add_argument("--from", dest="template", default="network",
                     choices=sorted(resources.starters()),
                     help="the starter to begin from (network)")
    commands.add_parser("demo", help="train XOR in the terminal and watch the loss fall")
    doctor = commands.add_parser("doctor", help="check what sketches need here (Java, display, test frames)")
    doctor.add_argument("--no-frames", action="store_true", help="skip the test frames (no JVM started)")
    maths = commands.add_parser("maths", help="the course notes: every equation the code cites, or one")
    maths.add_argument("tag", nargs="?", help="an equation's tag (F1, B4, G1, …); none: list them all")
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    sketch_args = argv[argv.index("--") + 1:] if "--" in argv else []
    commands = {"list": cmd_list, "run": cmd_run, "live": cmd_live, "export": cmd_export, "new": cmd_new,
                "poster": cmd_poster,
                "demo": lambda a: demo(), "maths": cmd_maths,
                "doctor": cmd_doctor}
    try:
        args = parser().parse_args(argv[: len(argv) - len(sketch_args) - ("--" in argv)])
        args.sketch_args, args.argv = sketch_args, argv
        return commands[args.command](args)
    except BrokenPipeError:  # `creativenn list | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (UsageError, SetupError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
