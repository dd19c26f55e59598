"""TITLE — a line y = m x + c fitted by gradient descent.

What to watch: the line turns and slides towards the points; the red
segments are the errors e = m x + c − y, and the cost C = 1/N Σ e² below
falls step by step. The dashed line is the exact least-squares answer.

Keys: space pause/resume · r reset · + / - learning rate · s save a frame · h help.
Run it: creativenn run FILE · export it: creativenn export FILE --frames 120 --out out/NAME --gif
"""

import py5

import creativenn as cnn
from creativenn import colors
from creativenn.draw import draw_help, draw_loss_curve, label
from creativenn.picture.layout import Mapping

# --- constants: CHANGE these ----------------------------------------------------
POINTS = 25  # CHANGE: how many points
TRUE_SLOPE, TRUE_INTERCEPT, NOISE = -1.2, 0.4, 0.3  # CHANGE: the line hidden in the data
START_SLOPE, START_INTERCEPT = 2.0, -1.0  # CHANGE: where the descent starts
LEARNING_RATE = 0.05  # CHANGE: try 0.5, then 1.1: too big overshoots and diverges
SEED = 0  # the exporter's --seed reaches this: the same seed, the same frames
KEYS = [("space", "pause / resume"), ("r", "reset"), ("+ / -", "learning rate"), ("s", "save this frame"),
        ("h", "help")]

# --- state (what changes while the sketch runs) ---------------------------------
x = y = line = best = None
learning_rate, costs, paused, show_help, problem = LEARNING_RATE, [], False, False, None
view = Mapping(bounds=((-1.2, 1.2), (-3, 3)), rect=(60, 80, 680, 420))


def settings():
    py5.size(800, 760)
    py5.smooth(4)


def setup():
    global x, y, best
    py5.window_title("TITLE")
    X, Y = cnn.datasets.line(POINTS, TRUE_SLOPE, TRUE_INTERCEPT, NOISE, seed=SEED)
    x, y = X[:, 0], Y[:, 0]
    best = cnn.least_squares(x, y)
    reset()


def reset():
    global line, costs, problem
    line, costs, problem = cnn.LineFit(START_SLOPE, START_INTERCEPT), [], None


def draw():
    global problem
    if not paused and problem is None:
        try:
            costs.append(line.step(x, y, learning_rate))  # m ← m − η ∂C/∂m, c ← c − η ∂C/∂c
        except cnn.DivergedError:
            problem = "diverged: press - to lower the learning rate, then r"
    py5.background(*colors.BACKGROUND)
    label(f"TITLE   y = {line.slope:.3f} x + {line.intercept:.3f}   η {learning_rate:g}", 30, 24, 18)
    draw_line(*best, colors.MUTED)
    draw_errors()
    draw_line(line.slope, line.intercept, colors.ON)
    draw_points()
    draw_loss_curve(costs, 60, 540, 680, 180, title="cost C = 1/N Σ e²")
    if problem:
        label(problem, 30, 50, 14, colors.NEGATIVE)
    if show_help:
        draw_help(KEYS)


def draw_line(slope, intercept, color):
    (x0, x1), _ = view.bounds
    py5.stroke(*color)
    py5.stroke_weight(3)
    py5.line(*view.to_screen(x0, slope * x0 + intercept), *view.to_screen(x1, slope * x1 + intercept))


def draw_errors():
    py5.stroke(*colors.ERROR)
    py5.stroke_weight(1.5)
    for xi, yi, fi in zip(x, y, line.predict(x), strict=True):
        py5.line(*view.to_screen(xi, yi), *view.to_screen(xi, fi))


def draw_points():
    py5.no_stroke()
    py5.fill(*colors.POSITIVE)
    for xi, yi in zip(x, y, strict=True):
        py5.circle(*view.to_screen(xi, yi), 10)


def key_pressed():
    handle_key(py5.key)


def handle_key(key):
    global paused, show_help, learning_rate
    if key == " ":
        paused = not paused
    elif key == "r":
        reset()
    elif key in "+=-_":
        learning_rate = learning_rate * 1.5 if key in "+=" else learning_rate / 1.5
    elif key == "s":
        py5.save_frame("NAME-####.png")
    elif key == "h":
        show_help = not show_help


py5.run_sketch()
