"""Fitting a line y = m x + c by gradient descent, beside the cost surface it rolls on.

What to watch: left, the line moves towards the points and the residuals e = m x + c − y
shrink: each is a square of side |e|, so the squares' mean area is the cost C = 1/N Σ e²
(G3 in docs/maths.md). Right, that cost C(m, c) for these very points: the ball is the
current line, its trail the path descent took, × the least-squares answer. Drag a point
and the whole bowl moves while the line chases it. Batch descent rolls smoothly;
stochastic descent, one point a step, staggers (ringed: its points).

Keys: 1 2 3 batch, stochastic, mini-batch · q squares on/off · drag a point: move it, or the map:
a new start · space pause/resume · r restart · s save a frame · + / - η · h help.
"""

import py5

import creativenn as cnn
from creativenn import colors
from creativenn.draw import (Controls, Key, Setting, draw_axis_names, draw_ball, draw_cross, draw_panel_title,
                             draw_terrain, draw_title, draw_trail)
from creativenn.draw.linefit import draw_line_readout, draw_points_and_line
from creativenn.picture.layout import Mapping, grid, page
from creativenn.worlds.linefit import Fitting

# --- constants: change these --------------------------------------------------
POINTS = 30
TRUE_SLOPE, TRUE_INTERCEPT, NOISE = 1.5, 0.5, 0.35
LEARNING_RATE = 0.05
MINI_BATCH, STEPS_PER_FRAME = 8, 1  # points in a mini-batch; steps between two frames
SEED = 0

# --- state --------------------------------------------------------------------
X, Y = cnn.datasets.line(POINTS, TRUE_SLOPE, TRUE_INTERCEPT, NOISE, seed=SEED)
run = Fitting(X[:, 0], Y[:, 0], seed=SEED)  # the points, the line, the cost map it moves on
boxes = grid(page(800, 800, header=110), "data cost / readout readout", heights=[400, None])
data_view = Mapping(((-1.2, 1.2), (run.y.min() - 1, run.y.max() + 1)), rect=boxes["data"])
cost_view = Mapping(run.cost.bounds, rect=boxes["cost"])
held = None  # the point being dragged
controls = Controls("line_fit", [
    Setting("1 2 3", "batch, stochastic, mini-batch descent", short="descent", name="mode",
            options=("batch", "stochastic", "mini-batch")),
    Setting("q", "residual squares on / off", short="squares", name="squares"),
    Key("drag", "a point to move it (the bowl follows), the map to start there", short="a point or the map"),
], reset=lambda: run.restart(), learning_rate=LEARNING_RATE)


def settings():
    py5.size(800, 800)
    py5.smooth(4)


def setup():
    py5.window_title("creativenn · fitting a line")


def draw():
    if not controls.paused:
        descend_a_little()
    py5.background(*colors.BACKGROUND)
    draw_title(f"fitting a line by {controls.mode} gradient descent", None,
               controls.status(f"step {run.fit.steps}   η = {controls.learning_rate:g}"))
    draw_panel_title("the points and the line y = m x + c", data_view.rect)
    draw_points_and_line(run.fit, run.x, run.y, data_view, run.used, controls.squares)
    draw_cost_map()
    draw_line_readout(run.fit, run.x, run.y, *boxes["readout"][:2])
    controls.draw()


def descend_a_little():
    """m ← m − η ∂C/∂m, c ← c − η ∂C/∂c on the points of this mode (G2, G3)."""
    for _ in range(STEPS_PER_FRAME):
        try:
            run.step(controls.mode, controls.learning_rate, MINI_BATCH)
        except cnn.DivergedError as error:  # the line went back to its last good slope and intercept
            controls.diverged(error, "line", kept="slope and intercept")
            return


def draw_cost_map():
    draw_panel_title("the cost C(m, c) of every line: the ball is this one", cost_view.rect)
    draw_terrain(run.cost, cost_view)
    draw_cross(*run.cost.minima[0], cost_view)  # least squares: where descent should arrive
    draw_trail(run.trail, cost_view, colors.ON)
    draw_ball(run.fit.slope, run.fit.intercept, cost_view, colors.ON)
    draw_axis_names(cost_view, "m (slope)", "c", ticks=True)


def key_pressed():
    controls.press(py5.key)


def mouse_pressed():
    press_at(py5.mouse_x, py5.mouse_y)


def mouse_dragged():
    drag_to(py5.mouse_x, py5.mouse_y)


def mouse_released():
    global held
    held = None


def press_at(mx, my):
    """Pick up the data point under the mouse, or start the descent where the map is clicked."""
    global held
    held = data_view.pick(run.x, run.y, mx, my)
    drag_to(mx, my)


def drag_to(mx, my):
    """Move the held point there (the cost bowl follows; training carries on), or restart on the map."""
    if held is not None and data_view.contains(mx, my):
        run.move_point(held, *data_view.to_model(mx, my))
    elif held is None and cost_view.contains(mx, my):
        run.restart(cost_view.to_model(mx, my))


# --- for the exporter ---------------------------------------------------------
def state() -> dict:
    """This frame's numbers, for ``creativenn export --sidecar``."""
    return {**run.numbers(), "mode": controls.mode, "learning_rate": controls.learning_rate}


py5.run_sketch()
