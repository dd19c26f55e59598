"""Basins of attraction: every start point painted by the minimum its descent reaches.

What to watch: a ball starts at every pixel of the map and descends — all of
a row's balls at once, one vectorized step of the optimizer for all — and
the pixel takes the colour of the minimum its ball ended in (dark: it flew
off or settled nowhere known), row by row; the thin lines are a few paths.
Change the optimizer or its learning rate and the borders move: momentum
carries balls over ridges, a large step throws them into other basins.

Keys: 1 / 2 himmelblau (four minima) / six-hump camel (six) · o optimizer ·
+ / - learning rate · space pause/resume · r paint again · s save a frame · h help.
"""

import py5

import creativenn as cnn
from creativenn import colors
from creativenn.draw import (Controls, Key, Setting, draw_cross, draw_rows, draw_terrain, draw_title,
                             draw_trail, label)
from creativenn.picture.layout import Mapping, grid, page
from creativenn.worlds.basins import Sweep

# --- constants: change these --------------------------------------------------
SURFACES = ["himmelblau", "six_hump_camel"]
OPTIMIZERS = ["sgd", "momentum", "rmsprop", "adam"]
GRID = 260  # starts across; each is a 2 × 2 square of the 520-pixel map
ROWS_PER_FRAME = 8  # rows of balls descending together …
STEPS_PER_FRAME = 100  # … this many steps a frame: a band is painted every 4 frames
STEPS = 400  # descent steps per ball
PATHS = 10  # balls of each band whose paths are drawn

# --- state --------------------------------------------------------------------
sweep = view = picture = None  # the sweep; its map; the painted rows as an image
speed, paths = 1.0, []  # every learning rate times this (+ / -); a few balls' paths
boxes = grid(page(800, 800), "map legend", widths=[2 * GRID, None], gap=20)  # each start: 2 × 2 pixels


def paint_again(faster=1.0):
    """Clear the map and start the sweep from the top, with this surface, optimizer and speed."""
    global sweep, view, picture, paths, speed
    speed *= faster
    sweep = Sweep(cnn.surface(controls.surface), controls.optimizer, speed, columns=GRID, steps=STEPS)
    view = Mapping(sweep.surface.bounds, rect=(*boxes["map"][:2], 2 * sweep.columns, 2 * sweep.rows))
    picture, paths = None, []


controls = Controls("basins", [
    Setting("1 / 2", "himmelblau / six-hump camel", short="surface", name="surface", options=SURFACES,
            then=paint_again),
    Setting("o", "optimizer: " + ", ".join(OPTIMIZERS), name="optimizer", options=OPTIMIZERS,
            then=paint_again),
    Key("+ / -", "learning rate up / down", lambda k: paint_again(1.5 if k in "+=" else 1 / 1.5), "η"),
    Key("r", "paint again", lambda k: paint_again()),
])


def settings():
    py5.size(800, 800)
    py5.smooth(4)


def setup():
    py5.window_title("creativenn · basins of attraction")
    paint_again()


def draw():
    global paths
    if not controls.paused and not sweep.done:
        sweep.work(ROWS_PER_FRAME, STEPS_PER_FRAME, follow=PATHS)
        paths = sweep.trails(STEPS // 4)
    py5.background(*colors.BACKGROUND)
    draw_terrain(sweep.surface, view, resolution=160, levels=14)
    draw_basins()
    for path in paths:
        draw_trail(path, view, colors.INK, 1)
    for k, minimum in enumerate(sweep.surface.minima):  # each in its basin's colour
        draw_cross(*minimum, view, colors.class_color(k), outline=colors.BACKGROUND)
    draw_legend()
    controls.draw()


def draw_basins():
    global picture
    if not sweep.row:
        return
    if picture is None or picture.height != 2 * sweep.row:  # made again only when the sweep has moved
        squares = sweep.image[:sweep.row].repeat(2, axis=0).repeat(2, axis=1)  # crisp, 1:1
        picture = py5.create_image_from_numpy(squares.copy(), bands="RGB")
    x, y, w, h = view.rect
    py5.image(picture, x, y)
    if not sweep.done:
        py5.stroke(*colors.ON)
        py5.stroke_weight(2)
        py5.line(x, y + h * sweep.row / sweep.rows, x + w, y + h * sweep.row / sweep.rows)


def draw_legend():
    draw_title(f"basins of {sweep.surface.name}: where descent ends, from every start",
               f"{sweep.optimizer}, η = {sweep.learning_rate:.3g}, {STEPS} steps a ball, "
               f"{sweep.columns} × {sweep.rows} starts", controls.status(f"row {sweep.row} / {sweep.rows}"))
    each, escaped = sweep.shares()
    x, y = boxes["legend"][:2]
    label("minimum        share", x, y, 13, colors.MUTED, kind="mono")
    rows = [(colors.class_color(k), f"({mx:+.2f}, {my:+.2f}) {share:4.0%}")
            for k, ((mx, my), share) in enumerate(zip(sweep.surface.minima, each, strict=True))]
    below = draw_rows(rows, x, y + 26, line=24, size=13)
    label(f"flew off / nowhere  {escaped:4.0%}", x, below + 12, 13, colors.MUTED, kind="mono")


def key_pressed():
    controls.press(py5.key)


# --- for the exporter ---------------------------------------------------------
def state() -> dict:
    """This frame's numbers, for ``creativenn export --sidecar``."""
    each, escaped = sweep.shares()
    return {"surface": sweep.surface.name, "optimizer": sweep.optimizer, "learning_rate": sweep.learning_rate,
            "rows_painted": sweep.row, "shares": each, "escaped": escaped}


py5.run_sketch()
