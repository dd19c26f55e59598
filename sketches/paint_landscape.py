"""Paint your own landscape, and watch balls roll down it.

What to watch: drag with the left mouse button to dig a valley, with the
right to raise a hill; the map is the height field, smoothed, with contour
lines. The balls are gradient descent with momentum, θ ← θ − η ∇f(θ) +
β (θ − θ_prev), on the slopes of your field (the gradient of the smoothed
heights): they settle in the valleys you dig, and a ridge you raise splits
their ways. It starts from valleys (an image that comes with creativenn);
give your own on the command line and its brightness becomes the height
(dark is low): ``creativenn run paint_landscape -- photo.png``; c flattens.

Keys: drag left: dig · drag right: raise · [ ] brush smaller / larger ·
b new balls · c flatten · space pause/resume · s save a frame · h help.
"""

import sys

import py5

from creativenn import colors
from creativenn.draw import Controls, Key, draw_ball, draw_terrain, draw_title, draw_trail, label
from creativenn.picture.layout import Mapping, grid, page
from creativenn.worlds.painting import BOUNDS, PaintedLandscape

# --- constants: change these --------------------------------------------------
CELLS = 120  # height grid cells a side
SMOOTHING = 2.5  # cells: how soft the slopes are
BALLS = 6
BRUSH = 0.12  # brush radius, in map units (the map is −1 … 1)
DEPTH = 0.04  # how much a frame of dragging digs or raises
IMAGE = "valleys"  # the heights to start from: an image (dark is low; valleys comes with creativenn), or None
LEARNING_RATE, MOMENTUM = 0.02, 0.9
SEED = 0

# --- state --------------------------------------------------------------------
world = PaintedLandscape(CELLS, SMOOTHING, BALLS, DEPTH, LEARNING_RATE, MOMENTUM, seed=SEED)
boxes = grid(page(800, 800), "map text / . text", widths=[540, None], heights=[540, None], gap=20)
view = Mapping(BOUNDS, rect=boxes["map"])
brush = BRUSH


def resize_brush(key):
    global brush
    brush = brush / 1.25 if key == "[" else brush * 1.25


controls = Controls("paint_landscape", [
    Key("drag left", "dig a valley", short=""), Key("drag right", "raise a hill", short=""),
    Key("[ ]", "brush smaller / larger", resize_brush, "brush"),
    Key("b", "new balls", lambda k: world.new_balls(), "balls"),
    Key("c", "flatten", lambda k: world.flatten()),
])


def settings():
    py5.size(800, 800)
    py5.smooth(4)


def setup():
    py5.window_title("creativenn · paint your own landscape")
    image = sys.argv[1] if len(sys.argv) > 1 else IMAGE  # paint_landscape.py photo.png: yours
    if image:
        controls.attempt(f"{image} could not be used: painting on a bowl instead.", world.load_image, image)
        world.update()
        world.new_balls()


def draw():
    if py5.is_mouse_pressed and view.contains(py5.mouse_x, py5.mouse_y):
        sign = -1 if py5.mouse_button == py5.LEFT else +1  # left digs, right raises
        world.paint(*view.to_model(py5.mouse_x, py5.mouse_y), sign, brush)
    world.update()
    if not controls.paused:
        world.roll()
    py5.background(*colors.BACKGROUND)
    draw_terrain(world.surface, view, resolution=140, levels=14)
    draw_brush()
    for k, ball in enumerate(world.balls):
        draw_trail(ball.trail[-60:], view, colors.class_color(k), 2)
        draw_ball(*ball.position, view, colors.class_color(k), 14)
    draw_text()
    controls.draw()


def draw_brush():
    if view.contains(py5.mouse_x, py5.mouse_y):
        py5.no_fill()
        py5.stroke(*colors.ON)
        py5.stroke_weight(1)
        py5.circle(py5.mouse_x, py5.mouse_y, brush * view.rect[2])  # its radius in pixels: brush · w / 2


def draw_text():
    draw_title("paint your own landscape",
               "drag left: dig · drag right: raise · the balls roll downhill (momentum)")
    x, y = boxes["text"][:2]
    label("θ ← θ − η∇f(θ)\n    + β(θ − θ_prev)", x, y + 10, 13, kind="mono")
    label(f"η = {LEARNING_RATE:g}   β = {MOMENTUM:g}\nbrush {brush:.2f}\nsmoothing {SMOOTHING:g} cells",
          x, y + 50, 14, colors.MUTED, kind="mono")
    lowest = world.surface.minima[0]
    label(f"lowest point ({lowest[0]:+.2f}, {lowest[1]:+.2f})", x, y + 136, 13, colors.MUTED)


def key_pressed():
    controls.press(py5.key)


# --- for the exporter ---------------------------------------------------------
def state() -> dict:
    """This frame's numbers, for ``creativenn export --sidecar``."""
    return {"balls": [ball.position.tolist() for ball in world.balls],
            "heights": [ball.height for ball in world.balls],
            "gradient_norms": [float((ball.gradient ** 2).sum() ** 0.5) for ball in world.balls],
            "lowest": list(world.surface.minima[0])}


py5.run_sketch()
