"""Fitting a line y = m x + c by gradient descent, beside the cost surface it rolls on.

What to watch: on the left, the line moves towards the points and the
residuals e = m x + c − y shrink: each is drawn as a square of side |e|, so
its area is e² and the squares' mean area is the cost C = 1/N Σ e². On the
right is that cost C(m, c) for these very points: every (slope, intercept)
is a point of this map, the ball is the current line, its trail the path
descent took, × the least-squares answer. Drag a point on the left and the
whole bowl moves while the line chases it. Batch descent rolls smoothly;
stochastic descent, one point per step, staggers (ringed: its points).

Equations are cited by tag, like (G1): see docs/maths.md, or run
``creativenn maths G1``.

Keys: 1 2 3 batch, stochastic, mini-batch · q squares on/off · drag a point: move it ·
drag on the map: a new start · space pause/resume · r restart · s save a frame ·
+ / - learning rate · h help.
"""

import numpy as np
import py5

import creativenn as cnn
from creativenn import colors
from creativenn.draw import Controls, Key, draw_ball, draw_terrain, draw_trail, label
from creativenn.picture.layout import Mapping

# --- constants: change these --------------------------------------------------
POINTS = 30
TRUE_SLOPE, TRUE_INTERCEPT, NOISE = 1.5, 0.5, 0.35
LEARNING_RATE = 0.05
MINI_BATCH = 8
STEPS_PER_FRAME = 1
SEED = 0
MODES = {"1": "batch", "2": "stochastic", "3": "mini-batch"}

# --- state --------------------------------------------------------------------
x = y = fit = cost = rng = data_view = cost_view = None
mode, start, squares, held = "batch", None, True, None
trail, used = [], []


def set_mode(key):
    global mode
    mode = MODES[key]


def toggle_squares(key):
    global squares
    squares = not squares


controls = Controls("line_fit", [
    Key("1 2 3", "batch, stochastic, mini-batch descent", set_mode, "descent"),
    Key("q", "residual squares on / off", toggle_squares, "squares"),
    Key("drag", "a point to move it (the bowl follows), the map to start there", short="a point or the map"),
], reset=lambda: restart(start), learning_rate=LEARNING_RATE)


def settings():
    py5.size(800, 800)
    py5.smooth(4)


def setup():
    global x, y, cost, rng, data_view, cost_view
    py5.window_title("creativenn · fitting a line")
    rng = np.random.default_rng(SEED)
    X, Y = cnn.datasets.line(POINTS, TRUE_SLOPE, TRUE_INTERCEPT, NOISE, seed=SEED)
    x, y = X[:, 0], Y[:, 0]
    cost = cnn.cost_surface(x, y)
    data_view = Mapping(((-1.2, 1.2), (y.min() - 1, y.max() + 1)), rect=(30, 110, 350, 400))
    cost_view = Mapping(cost.bounds, rect=(420, 110, 350, 400))
    restart(cost.start)


def restart(at):
    """The line starts again at slope, intercept = ``at``."""
    global fit, start, trail, used
    start = at
    fit = cnn.LineFit(*at)
    trail, used = [at], []


def draw():
    if not controls.paused:
        descend_a_little()
    py5.background(*colors.BACKGROUND)
    draw_data_and_line()
    draw_cost_map()
    draw_readout()
    controls.draw()


def descend_a_little():
    """m ← m − η ∂C/∂m, c ← c − η ∂C/∂c on the points of this mode (G2, G3)."""
    global used
    for _ in range(STEPS_PER_FRAME):
        size = {"batch": POINTS, "stochastic": 1, "mini-batch": MINI_BATCH}[mode]
        used = np.arange(POINTS) if size == POINTS else rng.choice(POINTS, size, replace=False)
        try:
            fit.step(x[used], y[used], controls.learning_rate)
        except cnn.DivergedError:  # the line kept its last good slope and intercept
            controls.diverged("line", kept="slope and intercept")
            return
        trail.append((fit.slope, fit.intercept))


def draw_data_and_line():
    label("the points and the line y = m x + c", 30, 84, 14, colors.MUTED)
    py5.no_stroke()
    py5.fill(*colors.PANEL)
    py5.rect(*data_view.rect)
    e = fit.predict(x) - y  # residuals
    sx, sy = data_view.to_screen(x, y)
    _, sy_line = data_view.to_screen(x, fit.predict(x))
    if squares:
        draw_squares(sx, sy, sy_line, e)
    py5.stroke_weight(2)
    for sign, color in ((-1, colors.NEGATIVE), (1, colors.POSITIVE)):
        mine = np.sign(e) == sign
        py5.stroke(*color)
        py5.lines(np.column_stack([sx[mine], sy[mine], sx[mine], sy_line[mine]]).astype(np.float32))
    (x0, x1), _ = data_view.bounds
    lx, ly = data_view.to_screen(np.array([x0, x1]), fit.predict([x0, x1]))
    py5.stroke(*colors.ON)
    py5.stroke_weight(3)
    py5.line(lx[0], ly[0], lx[1], ly[1])
    py5.stroke(*colors.BACKGROUND)
    py5.stroke_weight(11)
    py5.points(np.column_stack([sx, sy]).astype(np.float32))
    py5.stroke(*colors.INK)
    py5.stroke_weight(8)
    py5.points(np.column_stack([sx, sy]).astype(np.float32))
    if len(used) < POINTS:
        py5.no_fill()
        py5.stroke(*colors.ON)
        py5.stroke_weight(2)
        for i in used:
            py5.circle(sx[i], sy[i], 20)


def draw_squares(sx, sy, sy_line, e):
    """Each residual as a square of side |e| (in the y axis's pixels): its area is e²."""
    for px, top, bottom, error in zip(sx, sy, sy_line, e, strict=True):
        side = abs(bottom - top)
        py5.no_stroke()
        py5.fill(*(colors.NEGATIVE if error < 0 else colors.POSITIVE), 60)
        py5.rect(px, min(top, bottom), side if px + side < 380 else -side, side)


def draw_cost_map():
    label("the cost C(m, c) of every line: the ball is this one", 420, 84, 14, colors.MUTED)
    draw_terrain(cost, cost_view)
    (m0, c0), = cost.minima
    sx, sy = cost_view.to_screen(m0, c0)
    py5.stroke(*colors.INK)
    py5.stroke_weight(2)
    py5.line(sx - 7, sy - 7, sx + 7, sy + 7)
    py5.line(sx - 7, sy + 7, sx + 7, sy - 7)
    draw_trail(trail, cost_view, colors.ON)
    draw_ball(fit.slope, fit.intercept, cost_view, colors.ON)
    label("m (slope) →", 770, 515, 12, colors.MUTED, align="right")
    label("c ↑", 424, 114, 12, colors.MUTED)


def draw_readout():
    label(f"fitting a line by {mode} gradient descent", 30, 24, 22)
    label(f"step {fit.steps}   η = {controls.learning_rate:g}", 770, 30, 15, colors.MUTED, align="right",
          kind="mono")
    dm, dc = fit.gradient(x, y)
    m0, c0 = cnn.least_squares(x, y)
    lines = [
        f"y = {fit.slope:.3f} x + {fit.intercept:.3f}      least squares: y = {m0:.3f} x + {c0:.3f}",
        f"C = 1/N Σ (m xᵢ + c − yᵢ)² = {fit.cost(x, y):.4f}   (the squares' mean area)",
        f"∂C/∂m = 2/N Σ eᵢ xᵢ = {dm:+.4f}     ∂C/∂c = 2/N Σ eᵢ = {dc:+.4f}",
        "m ← m − η ∂C/∂m      c ← c − η ∂C/∂c",
    ]
    for i, text in enumerate(lines):
        label(text, 30, 560 + i * 30, 15, kind="mono")


def key_pressed():
    controls.press(py5.key)


def state() -> dict:
    """This frame's numbers, for ``creativenn export --sidecar``."""
    dm, dc = fit.gradient(x, y)
    return {"step": fit.steps, "mode": mode, "slope": fit.slope, "intercept": fit.intercept,
            "cost": fit.cost(x, y), "gradient_norm": float(np.hypot(dm, dc)),
            "learning_rate": controls.learning_rate}


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
    sx, sy = data_view.to_screen(x, y)
    nearest = int(np.argmin(np.hypot(sx - mx, sy - my)))
    if data_view.contains(mx, my) and np.hypot(sx[nearest] - mx, sy[nearest] - my) < 12:
        held = nearest
    else:
        drag_to(mx, my)


def drag_to(mx, my):
    """Move the held point there (the cost bowl is remade for the new points), or restart on the map."""
    global cost
    if held is not None and data_view.contains(mx, my):
        x[held], y[held] = data_view.to_model(mx, my)
        cost = cnn.cost_surface(x, y)  # exact for the new points; training carries on
    elif held is None and cost_view.contains(mx, my):
        restart(cost_view.to_model(mx, my))

py5.run_sketch()
