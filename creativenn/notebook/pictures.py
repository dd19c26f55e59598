"""Pictures of creativenn objects, in the sketches' look: ``show(thing)``.

``show`` draws a network (its diagram, lit by a sample, beside its decision
field when the inputs are two), a training run, a loss history, a line fit
beside its cost map, a surface with its balls, and returns a ``Picture``
Jupyter shows inline. ``choose`` says how a thing is drawn and how tall;
``animation`` draws a notebook's own training loop frame by frame with it.

>>> show(object())  # doctest: +ELLIPSIS
Traceback (most recent call last):
    ...
creativenn.notebook.base.NotebookError: show() cannot draw a object: give it an MLP, a Training, ...

Leaves out: anything not drawn by creativenn (a py5 sketch of your own: ``py5.render_frame``).
"""

from __future__ import annotations

import numpy as np

from .base import NotebookError, Picture, start_py5

WIDTH = 800  # pixels: the sketches' own width, so text keeps its size


def show(thing, X=None, Y=None, *, sample=None, title: str | None = None) -> Picture:
    """``thing`` drawn in the sketches' look, as a Picture Jupyter shows inline.

    An MLP (with its data ``X``, ``Y`` if you have them: the points on its
    field; ``sample`` lights the diagram), a Training (network, data and loss
    curve), a list of losses, a ``linefit.Fitting``, a Surface, a Ball, a Race, or a ``Plot``.
    """
    how, payload, height = choose(thing, X, Y, sample)
    return render_picture(how, payload, title, height)


class Plot:
    """Curves of your own, to draw in the sketches' look (``show(Plot(...))``, or return one a frame
    from a function you ``animate``): ``curves`` maps each curve's name to its values at ``x`` (each
    drawn in its own colour, named in it); ``points`` = (xs, ys), dots drawn with them (data);
    ``limits`` = (lowest, highest) value shown: a curve leaves the frame beyond them, and a value
    that is not a number (nan) leaves a gap.

    >>> Plot([0, 1], {"a": [1, 2, 3]})
    Traceback (most recent call last):
        ...
    creativenn.notebook.base.NotebookError: plot(): curve 'a' has 3 values for 2 x values
    """

    def __init__(self, x, curves: dict, *, points=None, x_name: str = "x", y_name: str = "y",
                 title: str | None = None, limits=None):
        x = np.asarray(x, dtype=float)
        if x.ndim != 1 or x.size < 2 or not np.all(np.diff(x) > 0):
            raise NotebookError("plot(): x must be two or more values, each larger than the last")
        if not isinstance(curves, dict) or not curves:
            raise NotebookError("plot(): curves must be a dict, {name: values at x}")
        values = {}
        for name, ys in curves.items():
            ys = np.asarray(ys, dtype=float)
            if ys.shape != x.shape:
                raise NotebookError(f"plot(): curve {name!r} has {ys.size} values for {x.size} x values")
            values[str(name)] = ys
        if points is not None:
            points = tuple(np.asarray(v, dtype=float).ravel() for v in points)
            if len(points) != 2 or points[0].shape != points[1].shape:
                raise NotebookError("plot(): points must be (xs, ys), as many of each")
        seen = np.concatenate([*values.values(), *(points[1:] if points is not None else ())])
        seen = seen[np.isfinite(seen)]
        if limits is None:
            if seen.size == 0:
                raise NotebookError("plot(): no finite value to draw")
            lo, hi = float(seen.min()), float(seen.max())
            pad = 0.06 * (hi - lo) or 1.0
            limits = (lo - pad, hi + pad)
        if not limits[1] > limits[0]:
            raise NotebookError(f"plot(): limits must be (lowest, highest), got {limits}")
        self.x, self.curves, self.points, self.limits = x, values, points, tuple(map(float, limits))
        self.x_name, self.y_name, self.title = x_name, y_name, title


def plot(x, curves: dict, **options) -> Picture:
    """``show(Plot(x, curves, ...))``: your own curves (and points), drawn now, as a Picture."""
    return show(Plot(x, curves, **options))


def choose(thing, X=None, Y=None, sample=None):
    """How ``thing`` is drawn: (drawing function, what it draws, height in pixels); a
    NotebookError for what cannot be."""
    from ..maths.mlp import MLP
    from ..worlds.ball import Ball, Race
    from ..worlds.linefit import Fitting
    from ..worlds.surfaces import Surface
    from ..worlds.training import Training

    if isinstance(thing, Plot):
        return _curves, thing, 520
    if isinstance(thing, Training):
        return _training, thing, 800
    if isinstance(thing, MLP):
        if X is not None and Y is None:
            raise NotebookError("show(net, X, Y): give the targets Y with the inputs X, or neither")
        takes = thing.sizes[0] if thing.features is None else 2  # with input features: points (x1, x2)
        what = f"{takes} inputs" if thing.features is None else "points (x1, x2) and computes its features"
        if X is not None and np.ndim(X) == 2 and np.shape(X)[1] != takes:
            raise NotebookError(f"X has {np.shape(X)[1]} columns, one per input; this network takes {what}")
        if sample is not None and np.size(sample) != takes:
            raise NotebookError(f"sample has {np.size(sample)} values; this network takes {what}")
        return _network, (thing, X, Y, sample), 520
    if isinstance(thing, Fitting):
        return _fitting, thing, 520
    if isinstance(thing, Surface | Ball | Race):
        return _surface, thing, 560
    try:
        losses = np.asarray(thing, dtype=float)
    except (TypeError, ValueError):
        losses = None
    if losses is not None and losses.ndim == 1 and losses.size >= 1:
        return _losses, losses, 300
    raise NotebookError(f"show() cannot draw a {type(thing).__name__}: give it an MLP, a Training, a list of "
                        "losses, a Fitting, a Surface, a Ball, a Race or a Plot")


# ---- drawing: each draws on the sketch py5 hands it ----------------------------------------

def render_picture(how, thing, title, height: int) -> Picture:
    """One frame drawn by ``how`` (see ``choose``), as a Picture."""
    py5 = start_py5()
    failed = []

    def frame(s):
        try:
            draw_on(s, how, thing, title)
        except Exception as error:  # noqa: BLE001 - said in one line, below, not in Java's words
            failed.append(error)

    image = py5.render_frame(frame, WIDTH, height)
    if failed:
        error = failed[0]
        raise NotebookError(f"{type(error).__name__}: {error}") from error
    return Picture(image.convert("RGB"))


def draw_on(s, how, thing, title) -> None:
    """Draw ``thing`` with ``how`` on the py5 sketch ``s``, from a clean background."""
    from ..picture import colors

    s.background(*colors.BACKGROUND)
    how(s, thing, title)


def _curves(s, thing, title):
    from ..draw import draw_title, label
    from ..draw.base import clipped, fitting
    from ..draw.plots import axis_ticks
    from ..picture import colors
    from ..picture.layout import Mapping

    x, values, points, x_name, y_name, (lo, hi) = (thing.x, thing.curves, thing.points, thing.x_name,
                                                   thing.y_name, thing.limits)
    draw_title(title or thing.title or f"{', '.join(values)} against {x_name}", None, None, sketch=s)
    view = Mapping(((float(x[0]), float(x[-1])), (lo, hi)), rect=(80, 100, 470, 360))
    left, top, w, h = view.rect
    s.stroke_weight(1)
    for value, text in axis_ticks(lo, hi, log=False):  # round values, a faint line across at each
        sy = view.to_screen(x[0], value)[1]
        s.stroke(*colors.mix(colors.BACKGROUND, colors.NEUTRAL, 0.45))
        s.line(left, sy, left + w, sy)
        label(text, left - 8, sy - 8, 14, colors.MUTED, align="right", kind="mono", sketch=s)
    for value, text in axis_ticks(float(x[0]), float(x[-1]), log=False):
        sx = view.to_screen(value, lo)[0]
        s.stroke(*colors.MUTED)
        s.line(sx, top + h, sx, top + h + 5)
        label(text, sx, top + h + 8, 14, colors.MUTED, align="center", kind="mono", sketch=s)
    s.no_fill()
    s.stroke(*colors.NEUTRAL)
    s.rect(*view.rect)
    label(f"{x_name} →", left + w, top + h + 32, 15, colors.INK, align="right", sketch=s)
    label(f"{y_name} ↑", left - 70, top - 30, 15, colors.INK, sketch=s)
    row = top  # the curves' names, down the right, each in its colour
    for k, (name, ys) in enumerate(values.items()):
        color = colors.CLASSES[k % len(colors.CLASSES)]
        sx, sy = view.to_screen(x, np.clip(ys, lo - 10 * (hi - lo), hi + 10 * (hi - lo)))
        whole = np.isfinite(sy[:-1]) & np.isfinite(sy[1:])  # a value that is not a number: a gap
        s.stroke(*color)
        s.stroke_weight(3)
        with clipped((left, top, w, h), sketch=s):  # beyond the limits: out of the frame, not along it
            s.lines(np.column_stack([sx[:-1], sy[:-1], sx[1:], sy[1:]])[whole].astype(np.float32))
        s.line(575, row + 10, 600, row + 10)
        label(name, 610, row, fitting(name, 16, 180, sketch=s), color, sketch=s)
        row += 30
    if points is not None:
        sx, sy = view.to_screen(*points)
        s.no_stroke()
        s.fill(*colors.INK)
        with clipped((left, top, w, h), sketch=s):
            for px, py in zip(sx, sy, strict=True):
                if np.isfinite(px) and np.isfinite(py):
                    s.circle(px, py, 9)


def _network(s, thing, title):
    from ..draw import draw_axis_names, draw_decision_field, draw_network, draw_points, draw_title
    from ..picture.layout import Mapping

    net, X, Y, sample = thing
    features = getattr(net, "features", None)  # inputs computed from points (x1, x2): still a plane
    two = net.sizes[0] == 2 or features is not None
    if sample is None and X is not None:
        sample = np.asarray(X, float)[0]
    inputs = net.sizes[0]
    why = None if two or X is None else (f"no decision field: its {inputs} inputs are not a plane; "
                                         "the diagram is lit by the first sample")
    draw_title(title or f"a {'-'.join(map(str, net.sizes))} network", why, None, sketch=s)
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
    room = 50 if features is not None else 0  # the inputs' names, left of them (sin x₁)
    draw_network(net, (440 if two else 30) + room, 90, (330 if two else 740) - room, 380, sample=sample,
                 sketch=s)


def _training(s, run, title):
    from ..draw import draw_loss_curve

    _network(s, (run.net, run.X, run.Y, None), title or f"a {'-'.join(map(str, run.net.sizes))} network, "
             f"step {run.steps}")
    if run.losses:
        draw_loss_curve(run.losses, 30, 560, 740, 200, title="loss on all the data, over training steps",
                        sketch=s)


def _losses(s, losses, title):
    from ..draw import draw_loss_curve

    draw_loss_curve(list(losses), 30, 40, 740, 240, title=title or "loss (log scale) over training steps",
                    sketch=s)


def _fitting(s, run, title):
    from ..draw import draw_axis_names, draw_ball, draw_cross, draw_terrain, draw_title, draw_trail
    from ..draw.linefit import draw_points_and_line
    from ..picture import colors
    from ..picture.layout import Mapping

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
    from ..draw import draw_axis_names, draw_ball, draw_cross, draw_terrain, draw_title, draw_trail
    from ..draw.race import draw_race_table
    from ..picture import colors
    from ..picture.layout import Mapping
    from ..worlds.ball import Ball, Race

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
