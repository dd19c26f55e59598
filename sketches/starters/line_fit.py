"""TITLE — a line y = m x + c fitted by gradient descent.

What to watch: the line turns and slides towards the points; the coloured
segments are the errors e = m x + c − y, and the cost C = 1/N Σ e² below
falls step by step. The dashed line is the exact least-squares answer.

Keys: space pause/resume · r reset · + / - learning rate · s save a frame · h help.
Run it: creativenn run FILE · export it: creativenn export FILE --frames 120 --out out/NAME --gif
"""

import py5

import creativenn as cnn
from creativenn import colors
from creativenn.draw import Controls, draw_boundary, draw_loss_curve, draw_title
from creativenn.draw.linefit import draw_points_and_line, line_equation
from creativenn.picture.layout import Mapping

# --- constants: CHANGE these ----------------------------------------------------
POINTS = 25  # CHANGE: how many points
TRUE_SLOPE, TRUE_INTERCEPT, NOISE = -1.2, 0.4, 0.3  # CHANGE: the line hidden in the data
START_SLOPE, START_INTERCEPT = 2.0, -1.0  # CHANGE: where the descent starts
LEARNING_RATE = 0.05  # CHANGE: try 0.5, then 1.1: too big overshoots and diverges
SEED = 0  # the exporter's --seed reaches this: the same seed, the same frames

# --- state (what changes while the sketch runs) ---------------------------------
X, Y = cnn.datasets.line(POINTS, TRUE_SLOPE, TRUE_INTERCEPT, NOISE, seed=SEED)
x, y = X[:, 0], Y[:, 0]
best = cnn.least_squares(x, y)  # (slope, intercept) where descent should arrive
line, costs = None, []
view = Mapping(bounds=((-1.2, 1.2), (-3, 3)), rect=(60, 80, 680, 420))
controls = Controls("NAME", reset=lambda: reset(), learning_rate=LEARNING_RATE)


def settings():
    py5.size(800, 760)
    py5.smooth(4)


def setup():
    py5.window_title("TITLE")
    reset()


def reset():
    global line, costs
    line, costs = cnn.LineFit(START_SLOPE, START_INTERCEPT), []


def draw():
    if not controls.paused:
        try:
            costs.append(line.step(x, y, controls.learning_rate))  # m ← m − η ∂C/∂m, c ← c − η ∂C/∂c
        except cnn.DivergedError as error:  # the line went back to its last good slope and intercept
            controls.diverged(error, "line", kept="slope and intercept")
    py5.background(*colors.BACKGROUND)
    draw_title("TITLE", None, controls.status(f"y = {line_equation(line.slope, line.intercept)}"))
    draw_points_and_line(line, x, y, view, squares=False)  # CHANGE: squares=True shows each e²
    draw_boundary(best[0], -1, best[1], view, colors.MUTED, 1.5, dashed=True)  # y = m x + c, least squares
    draw_loss_curve(costs, 60, 530, 680, 160, title="cost C = 1/N Σ e²")
    controls.draw()


def key_pressed():
    controls.press(py5.key)


py5.run_sketch()
