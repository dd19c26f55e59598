"""creativenn in Jupyter and Colab: a model drawn inline in one call, a sketch as an inline video.

``show(thing)`` draws a creativenn object in the sketches' look and returns a
``Picture``, which Jupyter shows inline (its ``_repr_png_``): a network (its
diagram, lit by a sample, beside its decision field when the inputs are two),
a training run, a loss history, a line fit beside its cost map, a surface
with its balls. ``animate(sketch, frames)`` renders a bundled sketch or a
sketch file offline, exactly as ``creativenn export`` does (seeded, in a
process of its own), and returns a ``Video`` that plays inline.

Nothing here starts Java until something is drawn; then, on a machine with
no display, a virtual one (Xvfb) is started first. Something that cannot be
drawn is one clear line in the notebook (``NotebookError``), not a stack trace.

>>> import creativenn as cnn
>>> show(object())  # doctest: +ELLIPSIS
Traceback (most recent call last):
    ...
creativenn.notebook.NotebookError: show() cannot draw a object: give it an MLP, a Training, ...

Leaves out: live sketches in the notebook (py5's sketch portal): next.
"""

from __future__ import annotations

import base64
import io
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

WIDTH = 800  # pixels: the sketches' own width, so text keeps its size


class NotebookError(ValueError):
    """Something the notebook helpers cannot do, said in one line (IPython shows just that line)."""

    def _render_traceback_(self) -> list[str]:
        return [f"creativenn: {self}"]


class Picture:
    """A drawn frame: shown inline by Jupyter, ``.image`` a PIL image, ``.save(path)`` a PNG."""

    def __init__(self, image):
        self.image = image

    def _repr_png_(self) -> bytes:
        out = io.BytesIO()
        self.image.save(out, format="PNG")
        return out.getvalue()

    def save(self, path) -> Path:
        self.image.save(path)
        return Path(path)


class Video:
    """An MP4 shown inline by Jupyter (an HTML5 video that loops), ``.path`` the file."""

    def __init__(self, path):
        self.path = Path(path)

    def _repr_html_(self) -> str:
        data = base64.b64encode(self.path.read_bytes()).decode("ascii")
        return f'<video controls autoplay loop muted src="data:video/mp4;base64,{data}"></video>'


def show(thing, X=None, Y=None, *, sample=None, title: str | None = None) -> Picture:
    """``thing`` drawn in the sketches' look, as a Picture Jupyter shows inline.

    An MLP (with its data ``X``, ``Y`` if you have them: the points on its
    field; ``sample`` lights the diagram), a Training (network, data and loss
    curve), a list of losses, a ``linefit.Fitting``, a Surface, a Ball or a Race.
    """
    from .maths.mlp import MLP
    from .worlds.ball import Ball, Race
    from .worlds.linefit import Fitting
    from .worlds.surfaces import Surface
    from .worlds.training import Training

    if isinstance(thing, Training):
        return _draw(_training, thing, title, height=800)
    if isinstance(thing, MLP):
        if X is not None and Y is None:
            raise NotebookError("show(net, X, Y): give the targets Y with the inputs X, or neither")
        return _draw(_network, (thing, X, Y, sample), title, height=520)
    if isinstance(thing, Fitting):
        return _draw(_fitting, thing, title, height=520)
    if isinstance(thing, Surface | Ball | Race):
        return _draw(_surface, thing, title, height=560)
    try:
        losses = np.asarray(thing, dtype=float)
    except (TypeError, ValueError):
        losses = None
    if losses is not None and losses.ndim == 1 and losses.size >= 1:
        return _draw(_losses, losses, title, height=300)
    raise NotebookError(f"show() cannot draw a {type(thing).__name__}: give it an MLP, a Training, a list of "
                        "losses, a Fitting, a Surface, a Ball or a Race")


def animate(sketch: str, frames: int = 90, *, every: int = 1, seed: int = 0, fps: int = 30,
            args=()) -> Video:
    """A bundled sketch (by name) or a sketch file rendered for ``frames`` frames, as ``creativenn
    export`` makes them (seeded, repeatable, in a process of its own), as a Video shown inline."""
    out = Path(tempfile.mkdtemp(prefix="creativenn-"))
    command = [sys.executable, "-m", "creativenn", "export", str(sketch), "--frames", str(frames),
               "--every", str(every), "--seed", str(seed), "--fps", str(fps), "--out", str(out), "--mp4",
               *(["--", *map(str, args)] if args else [])]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:  # the export's own words: its "error:" line, and the exception's last line
        said = [line.strip() for line in done.stderr.splitlines() if line.strip()]
        where = next((line.removeprefix("error: ") for line in said if line.startswith("error:")), "")
        kinds = ("Error", "Exception")
        raised = next((line for line in reversed(said) if line.split(":")[0].endswith(kinds)), "")
        reason = " ".join(part for part in (where, raised) if part) or (said or ["no reason given"])[-1]
        raise NotebookError(f"{sketch} could not be animated: {reason}")
    videos = sorted(out.glob("*.mp4"))
    if not videos:
        raise NotebookError(f"{sketch}: the export wrote no MP4 (is ffmpeg there? run creativenn doctor)")
    return Video(videos[0])


# ---- drawing: each draws on the sketch py5 hands it ----------------------------------------

def _draw(how, thing, title, height: int) -> Picture:
    from .tools.display import virtual_display
    from .tools.java import use_java

    virtual_display()  # no display (a kernel on a server, Colab): a virtual one, before py5 starts
    use_java()
    import py5

    from .draw import current_sketch  # noqa: F401 - py5 started on the chosen Java, or one clear message

    failed = []

    def frame(s):
        try:
            from .picture import colors

            s.background(*colors.BACKGROUND)
            how(s, thing, title)
        except Exception as error:  # noqa: BLE001 - said in one line, below, not in Java's words
            failed.append(error)

    image = py5.render_frame(frame, WIDTH, height)
    if failed:
        error = failed[0]
        raise NotebookError(f"{type(error).__name__}: {error}") from error
    return Picture(image.convert("RGB"))


def _network(s, thing, title):
    from .draw import draw_axis_names, draw_decision_field, draw_network, draw_points, draw_title
    from .picture.layout import Mapping

    net, X, Y, sample = thing
    two = net.sizes[0] == 2
    if sample is None and X is not None:
        sample = np.asarray(X, float)[0]
    draw_title(title or f"a {'-'.join(map(str, net.sizes))} network", None, None, sketch=s)
    if two:
        bounds = ((-1.5, 1.5), (-1.5, 1.5))
        if X is not None:  # the data's own square, a little wider
            X = np.asarray(X, float)
            middle, half = (X.max(0) + X.min(0)) / 2, 0.6 * float((X.max(0) - X.min(0)).max()) or 1.0
            bounds = tuple((float(m - half), float(m + half)) for m in middle)
        field = Mapping(bounds=bounds, rect=(30, 90, 380, 380))
        draw_decision_field(net, field, resolution=90, sketch=s)
        classes = None
        if X is not None:
            draw_points(X, Y, field, sketch=s)
            classes = max(2, np.asarray(Y).reshape(len(X), -1).shape[1])
        draw_axis_names(field, "x₁", "x₂", classes=classes, sketch=s)
    draw_network(net, 440 if two else 30, 90, 330 if two else 740, 380, sample=sample, sketch=s)


def _training(s, run, title):
    from .draw import draw_loss_curve

    _network(s, (run.net, run.X, run.Y, None), title or f"a {'-'.join(map(str, run.net.sizes))} network, "
             f"step {run.steps}")
    if run.losses:
        draw_loss_curve(run.losses, 30, 560, 740, 200, title="loss on all the data, over training steps",
                        sketch=s)


def _losses(s, losses, title):
    from .draw import draw_loss_curve

    draw_loss_curve(list(losses), 30, 40, 740, 240, title=title or "loss (log scale) over training steps",
                    sketch=s)


def _fitting(s, run, title):
    from .draw import draw_axis_names, draw_ball, draw_cross, draw_terrain, draw_title, draw_trail
    from .draw.linefit import draw_points_and_line
    from .picture import colors
    from .picture.layout import Mapping

    draw_title(title or f"a line fitted by gradient descent, step {run.fit.steps}", None, None, sketch=s)
    data = Mapping(((-1.2, 1.2), (run.y.min() - 1, run.y.max() + 1)), rect=(30, 90, 355, 380))
    draw_points_and_line(run.fit, run.x, run.y, data, squares=False, sketch=s)
    cost = Mapping(run.cost.bounds, rect=(415, 90, 355, 380))
    draw_terrain(run.cost, cost, sketch=s)
    draw_cross(*run.cost.minima[0], cost, sketch=s)
    draw_trail(run.trail, cost, colors.ON, sketch=s)
    draw_ball(run.fit.slope, run.fit.intercept, cost, colors.ON, sketch=s)
    draw_axis_names(cost, "m (slope)", "c", ticks=True, sketch=s)


def _surface(s, thing, title):
    from .draw import draw_axis_names, draw_ball, draw_cross, draw_terrain, draw_title, draw_trail
    from .draw.race import draw_race_table
    from .picture import colors
    from .picture.layout import Mapping
    from .worlds.ball import Ball, Race

    surface = thing if not isinstance(thing, Ball | Race) else thing.surface
    balls = ({type(thing.optimizer).__name__.lower(): thing} if isinstance(thing, Ball) else
             thing.balls if isinstance(thing, Race) else {})
    draw_title(title or surface.name, surface.description, None, sketch=s)
    view = Mapping(surface.bounds, rect=(30, 100, 440, 440))
    draw_terrain(surface, view, sketch=s)
    for minimum in surface.minima:
        draw_cross(*minimum, view, sketch=s)
    for name, ball in balls.items():
        color = colors.OPTIMIZERS.get(name, colors.ON)
        draw_trail(ball.trail, view, color, sketch=s)
        draw_ball(*ball.position, view, color, sketch=s)
    draw_axis_names(view, "x", "y", ticks=True, sketch=s)
    if isinstance(thing, Race):
        draw_race_table(thing, 500, 100, sketch=s)
