"""Optimizers race down a cost surface, seen from above: SGD, Momentum, RMSProp, Adam.

What to watch: the map is a cost surface f(x, y) (dark = low, contour lines
every step of height); each ball is an optimizer stepping θ ← θ − η ∇f(θ) in
its own way from the same start, its trail the path it took, the arrow the
way downhill (−∇f) where it stands. Plain SGD zig-zags across valleys;
Momentum overshoots and glides; RMSProp and Adam take steps of even length.

Keys: 1-9 surface · o optimizers (all, then one at a time) · n new start
(or click the map) · + / - learning rates · space pause/resume · r restart ·
s save a frame · h help.
"""

import py5

import creativenn as cnn
from creativenn import colors
from creativenn.draw import (Controls, Key, draw_ball, draw_downhill_arrow, draw_cross, draw_terrain,
                             draw_title, draw_trail, label)
from creativenn.draw.race import draw_race_table, race_keys
from creativenn.picture.layout import Mapping, grid, page

# --- constants: change these --------------------------------------------------
SURFACE = "himmelblau"  # bowl, ravine, saddle, rosenbrock, himmelblau, beale, rastrigin, ...
STEPS_PER_FRAME = 1
SEED = 0

# --- state --------------------------------------------------------------------
track = cnn.Racetrack(SURFACE, seed=SEED)  # the surface, the race on it, and what the keys change
controls = Controls("cost_contour", [
    *race_keys(track),
    Key("click", "a new start where you click", short="new start"),
], reset=track.restart)
boxes = grid(page(800, 800), """
    map     table
    formula formula
""", widths=[500, None], heights=[500, None])


def settings():
    py5.size(800, 800)
    py5.smooth(4)


def setup():
    py5.window_title("creativenn · optimizers racing, from above")


def draw():
    if not controls.paused:
        track.race.step(STEPS_PER_FRAME)
    py5.background(*colors.BACKGROUND)
    draw_terrain(track.surface, view())
    for minimum in track.surface.minima:
        draw_cross(*minimum, view())
    draw_balls(view())
    draw_title(f"optimizers racing on {track.surface.name}", track.surface.description,
               controls.status(f"step {track.race.steps}"))
    x, y = boxes["table"].x, boxes["table"].y
    draw_race_table(track.race, x, y)
    label("× a minimum\n→ −∇f, downhill", x, y + 220, 13, colors.MUTED)
    label("θ ← θ − η ∇f(θ)", boxes["formula"].x, boxes["formula"].y, 16, kind="mono")
    controls.draw()


def view() -> Mapping:
    """The surface's bounds on the map's panel: model to screen."""
    return Mapping(track.surface.bounds, rect=boxes["map"])


def draw_balls(view):
    """Every trail first, then the balls on top, each with its arrow downhill while it runs."""
    race = track.race
    for name, ball in race.balls.items():
        draw_trail(ball.trail, view, colors.OPTIMIZERS[name])
    for name, ball in race.balls.items():
        if name not in race.stopped:
            draw_downhill_arrow(ball, view, colors.INK)
        draw_ball(*ball.position, view, colors.OPTIMIZERS[name])


def key_pressed():
    controls.press(py5.key)


def mouse_pressed():
    if view().contains(py5.mouse_x, py5.mouse_y):
        track.restart(view().to_model(py5.mouse_x, py5.mouse_y))


# --- for the exporter ---------------------------------------------------------
def state() -> dict:
    """This frame's numbers, for ``creativenn export --sidecar``."""
    return track.race.numbers()


py5.run_sketch()
