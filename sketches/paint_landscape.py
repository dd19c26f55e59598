"""Paint your own landscape, and watch balls roll down it.

What to watch: drag with the left mouse button to dig a valley, with the
right to raise a hill; the map is the height field, smoothed, with contour
lines. The balls are gradient descent with momentum, θ ← θ − η ∇f(θ) +
β (θ − θ_prev), on the slopes of your field (the gradient of the smoothed
heights): they settle in the valleys you dig, and a ridge you raise splits
their ways. Give an image on the command line and its brightness becomes
the height (dark is low): ``creativenn run paint_landscape -- photo.png``,
or ``-- valleys`` for the image that comes with creativenn.

Keys: drag left dig · drag right raise · [ ] brush smaller / larger ·
b new balls · c flatten · space pause · s save a frame · h help.
"""

import sys

import numpy as np
import py5

import creativenn as cnn
from creativenn import colors
from creativenn.draw import draw_ball, draw_help, draw_trail, label, terrain
from creativenn.picture.layout import Mapping

# --- constants: change these --------------------------------------------------
CELLS = 120  # height grid cells a side
SMOOTHING = 2.5  # cells: how soft the slopes are
BALLS = 6
BRUSH = 0.12  # brush radius, in map units (the map is −1 … 1)
DEPTH = 0.04  # how much a frame of dragging digs or raises
LEARNING_RATE, MOMENTUM = 0.02, 0.9
SEED = 0
KEYS = [("drag left", "dig a valley"), ("drag right", "raise a hill"), ("[ ]", "brush smaller / larger"),
        ("b", "new balls"), ("c", "flatten"), ("space", "pause / resume"), ("s", "save this frame"),
        ("h", "help")]

# --- state --------------------------------------------------------------------
heights = surface = view = picture = segments = rng = None
balls, brush, dirty, paused, show_help, problem = [], BRUSH, True, False, False, None


def settings():
    py5.size(800, 800)
    py5.smooth(4)


def setup():
    global view, rng
    py5.window_title("creativenn · paint your own landscape")
    rng = np.random.default_rng(SEED)
    view = Mapping(((-1.0, 1.0), (-1.0, 1.0)), rect=(30, 90, 540, 540))
    flatten()
    if len(sys.argv) > 1:
        load_image(sys.argv[1])
    rebuild()
    new_balls()


def flatten():
    """A gentle bowl to begin from: balls have somewhere to go before you paint."""
    global heights, dirty
    y, x = np.mgrid[-1:1:CELLS * 1j, -1:1:CELLS * 1j]
    heights, dirty = 0.15 * (x * x + y * y), True


def load_image(path):
    global heights, problem
    try:
        surface_ = cnn.surface_from_image(path, sigma=0)
    except ValueError as error:
        problem = f"{error}: painting on the bowl instead"
        return
    xs = np.linspace(-1, 1, CELLS)
    gx, gy = np.meshgrid(xs, xs[::-1])  # row 0 at the top
    heights = surface_.height(gx, gy)


def rebuild():
    """The surface from the painted heights (smoothed), its map and contours: only after a change."""
    global surface, picture, segments, dirty
    surface = cnn.surface_from_heights(heights, view.bounds, SMOOTHING)
    rgb, segments = terrain(surface, view, resolution=140, levels=14)
    picture = py5.create_image_from_numpy(rgb, bands="RGB", dst=picture)
    for ball in balls:
        ball.surface = surface
    dirty = False


def new_balls():
    global balls
    balls = [cnn.Ball(surface, surface.random_start(rng), cnn.Momentum(LEARNING_RATE, MOMENTUM))
             for _ in range(BALLS)]


def draw():
    if py5.is_mouse_pressed:
        paint_at(py5.mouse_x, py5.mouse_y, -1 if py5.mouse_button == py5.LEFT else 1)
    if dirty:
        rebuild()
    if not paused:
        roll()
    py5.background(*colors.BACKGROUND)
    draw_map()
    for k, ball in enumerate(balls):
        draw_trail(ball.trail[-60:], view, colors.class_color(k), 2)
        draw_ball(*ball.position, view, colors.class_color(k), 14)
    draw_text()
    if show_help:
        draw_help(KEYS)


def paint_at(mx, my, sign):
    """Dig (sign −1) or raise (+1) a soft round patch of the height grid under the mouse."""
    global dirty
    if not view.contains(mx, my):
        return
    x, y = view.to_model(mx, my)
    gy, gx = np.mgrid[1:-1:CELLS * 1j, -1:1:CELLS * 1j]  # row 0 at the top, as the map
    heights[...] += sign * DEPTH * np.exp(-((gx - x) ** 2 + (gy - y) ** 2) / (2 * brush * brush))
    dirty = True


def roll():
    for ball in balls:
        try:
            ball.step()
        except cnn.DivergedError:
            ball.reset(surface.random_start(rng))
        x, y = ball.position
        if not (-1 <= x <= 1 and -1 <= y <= 1):  # rolled off the map: start again somewhere
            ball.reset(surface.random_start(rng))


def draw_map():
    x, y, w, h = view.rect
    py5.image(picture, x, y, w, h)
    sx1, sy1 = view.to_screen(segments[:, 0], segments[:, 1])
    sx2, sy2 = view.to_screen(segments[:, 2], segments[:, 3])
    py5.stroke(*colors.mix(colors.BACKGROUND, colors.INK, 0.35))
    py5.stroke_weight(1)
    py5.lines(np.column_stack([sx1, sy1, sx2, sy2]).astype(np.float32))
    if view.contains(py5.mouse_x, py5.mouse_y):
        py5.no_fill()
        py5.stroke(*colors.ON)
        py5.circle(py5.mouse_x, py5.mouse_y, brush * w)  # brush radius in pixels: brush · w / 2


def draw_text():
    label("paint your own landscape", 30, 22, 22)
    label("drag left: dig · drag right: raise · the balls roll downhill (momentum)", 30, 56, 14,
          colors.MUTED)
    label("θ ← θ − η∇f + β(θ − θ′)", 590, 100, 13, kind="mono")
    label(f"η = {LEARNING_RATE:g}   β = {MOMENTUM:g}", 590, 124, 14, colors.MUTED, kind="mono")
    label(f"brush {brush:.2f}", 590, 160, 14, colors.MUTED, kind="mono")
    label(f"smoothing {SMOOTHING:g} cells", 590, 184, 14, colors.MUTED, kind="mono")
    lowest = surface.minima[0]
    label(f"lowest point ({lowest[0]:+.2f}, {lowest[1]:+.2f})", 590, 220, 13, colors.MUTED)
    label("drag · [ ] brush · b balls · c flatten · space pause · s save · h help", 30, 770, 13,
          colors.MUTED)
    if problem:
        label(problem, 30, 740, 13, colors.NEGATIVE)


def state() -> dict:
    """This frame's numbers, for ``creativenn export --sidecar``."""
    return {"balls": [ball.position.tolist() for ball in balls],
            "heights": [ball.height for ball in balls],
            "gradient_norms": [float(np.linalg.norm(ball.gradient)) for ball in balls],
            "lowest": list(surface.minima[0])}


def key_pressed():
    handle_key(py5.key)


def handle_key(key):
    global brush, paused, show_help
    if key in "[]":
        brush = brush / 1.25 if key == "[" else brush * 1.25
    elif key == "b":
        new_balls()
    elif key == "c":
        flatten()
    elif key == " ":
        paused = not paused
    elif key == "s":
        py5.save_frame("landscape-####.png")
    elif key == "h":
        show_help = not show_help


py5.run_sketch()
