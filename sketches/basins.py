"""Basins of attraction: every start point painted by the minimum its descent reaches.

What to watch: a ball starts at every pixel of the map and descends — all of
a row's balls at once, one vectorized step of the optimizer for all — and
the pixel takes the colour of the minimum its ball ended in (dark: it flew
off or settled nowhere known). The sweep paints the map row by row; the thin
lines are a few of the paths. Change the optimizer or its learning rate and
the borders move: momentum carries balls over ridges, a large step throws
them into other basins.

Keys: 1 himmelblau (four minima) · 2 six-hump camel (six) · o optimizer ·
+ / - learning rate · space pause · r paint again · s save a frame · h help.
"""

import numpy as np
import py5

import creativenn as cnn
from creativenn import colors
from creativenn.worlds.basins import ESCAPED, basin_labels, descend, start_grid
from creativenn.draw import draw_help, draw_terrain, draw_trail, label
from creativenn.picture.layout import Mapping

# --- constants: change these --------------------------------------------------
SURFACES = ["himmelblau", "six_hump_camel"]
OPTIMIZERS = ["sgd", "momentum", "rmsprop", "adam"]
GRID = 260  # starts across; each is a 2 × 2 square of the 520-pixel map
ROWS_PER_FRAME = 8
STEPS = 400  # descent steps per ball
PATHS = 10  # sample paths drawn from each row
SEED = 0
KEYS = [("1 / 2", "himmelblau / six-hump camel"), ("o", "optimizer"), ("+ / -", "learning rate"),
        ("space", "pause / resume"), ("r", "paint again"), ("s", "save this frame"), ("h", "help")]

# --- state --------------------------------------------------------------------
surface = view = starts = labels = image = shade = picture = None
surface_name, optimizer, speed, row, paths = SURFACES[0], "sgd", 1.0, 0, []
paused, show_help = False, False


def settings():
    py5.size(800, 800)
    py5.smooth(4)


def setup():
    py5.window_title("creativenn · basins of attraction")
    new_surface(surface_name)


def new_surface(name):
    global surface, surface_name, view
    surface_name, surface = name, cnn.surface(name)
    view = Mapping(surface.bounds, rect=(30, 90, 2 * GRID, 2 * round(GRID * span(1) / span(0))))
    paint_again()


def span(axis):
    low, high = surface.bounds[axis]
    return high - low


def learning_rate():
    return cnn.learning_rate_for(optimizer, surface, speed)


def paint_again():
    """Clear the map and start the sweep from the top."""
    global starts, labels, image, shade, row, paths, picture
    rows = round(GRID * span(1) / span(0))
    starts = start_grid(surface, GRID, rows)
    heights = surface.height(starts[:, 0], starts[:, 1])
    shade = 1 - 0.5 * surface.relief(heights, heights.min(), heights.max())  # high ground darker
    labels = np.full(len(starts), -2)  # -2: not painted yet
    image = np.zeros((rows, GRID, 3), np.uint8)
    row, paths, picture = 0, [], None


def draw():
    if not paused and row < image.shape[0]:
        paint_rows()
    py5.background(*colors.BACKGROUND)
    draw_terrain(surface, view, resolution=160, levels=14)
    draw_basins()
    for path in paths:
        draw_trail(path, view, colors.INK, 1)
    draw_minima()
    draw_legend()
    if show_help:
        draw_help(KEYS)


def paint_rows():
    """The next rows' balls all descend together; each start gets its minimum's colour."""
    global row, paths
    rows = slice(row * GRID, min(row + ROWS_PER_FRAME, image.shape[0]) * GRID)
    ends = descend(surface, starts[rows], optimizer, learning_rate(), STEPS)
    labels[rows] = basin_labels(surface, ends)
    fills = np.array([colors.class_color(k) for k in range(len(surface.minima))] + [colors.BACKGROUND])
    image.reshape(-1, 3)[rows] = fills[labels[rows]] * shade[rows, None]  # ESCAPED (−1): the last, dark
    paths = [sample_path(start) for start in starts[rows][:: max(1, (rows.stop - rows.start) // PATHS)]]
    row = min(row + ROWS_PER_FRAME, image.shape[0])


def sample_path(start):
    """One ball's whole path, for drawing (the same optimizer, from rest)."""
    ball = cnn.Ball(surface, start, cnn.optimizers.make(optimizer, learning_rate()))
    try:
        for _ in range(STEPS // 4):
            ball.step()
    except cnn.DivergedError:
        pass
    return ball.trail


def draw_basins():
    global picture
    if not row:
        return
    if picture is None or picture.height != 2 * row:  # made again only when the sweep has moved
        squares = np.ascontiguousarray(image[:row].repeat(2, axis=0).repeat(2, axis=1))  # crisp, 1:1
        picture = py5.create_image_from_numpy(squares, bands="RGB")
    x, y, w, h = view.rect
    py5.image(picture, x, y)
    if row < image.shape[0]:
        py5.stroke(*colors.ON)
        py5.stroke_weight(2)
        sweep = y + h * row / image.shape[0]
        py5.line(x, sweep, x + w, sweep)


def draw_minima():
    for k, (mx, my) in enumerate(surface.minima):
        sx, sy = view.to_screen(mx, my)
        py5.stroke(*colors.BACKGROUND)
        py5.stroke_weight(5)
        py5.line(sx - 7, sy - 7, sx + 7, sy + 7)
        py5.line(sx - 7, sy + 7, sx + 7, sy - 7)
        py5.stroke(*colors.class_color(k))
        py5.stroke_weight(2.5)
        py5.line(sx - 7, sy - 7, sx + 7, sy + 7)
        py5.line(sx - 7, sy + 7, sx + 7, sy - 7)


def shares():
    """Each minimum's share of the starts painted so far, and the share that escaped."""
    painted = labels[labels > -2]
    if not len(painted):
        return [0.0] * len(surface.minima), 0.0
    each = [float(np.mean(painted == k)) for k in range(len(surface.minima))]
    return each, float(np.mean(painted == ESCAPED))


def draw_legend():
    label(f"basins of {surface.name}: where descent ends, from every start", 30, 22, 20)
    label(f"{optimizer}, η = {learning_rate():.3g}, {STEPS} steps a ball, {GRID} × {image.shape[0]} starts",
          30, 56, 14, colors.MUTED)
    x, y = 570, 100
    label("minimum        share", x, y, 13, colors.MUTED, kind="mono")
    each, escaped = shares()
    for k, ((mx, my), share) in enumerate(zip(surface.minima, each, strict=True)):
        py5.no_stroke()
        py5.fill(*colors.class_color(k))
        py5.rect(x, y + 28 + 24 * k, 14, 14)
        label(f"({mx:+.2f}, {my:+.2f}) {share:5.0%}", x + 22, y + 26 + 24 * k, 13, kind="mono")
    label(f"flew off / nowhere  {escaped:4.0%}", x, y + 40 + 24 * len(surface.minima), 13, colors.MUTED,
          kind="mono")
    label("1 / 2 surface · o optimizer · +/- η · space pause · r again · s save · h help", 30, 770, 13,
          colors.MUTED)


def state() -> dict:
    """This frame's numbers, for ``creativenn export --sidecar``."""
    each, escaped = shares()
    return {"surface": surface.name, "optimizer": optimizer, "learning_rate": learning_rate(),
            "rows_painted": row, "shares": each, "escaped": escaped}


def key_pressed():
    handle_key(py5.key)


def handle_key(key):
    global optimizer, speed, paused, show_help
    if key in "12":
        new_surface(SURFACES[int(key) - 1])
    elif key == "o":
        optimizer = OPTIMIZERS[(OPTIMIZERS.index(optimizer) + 1) % len(OPTIMIZERS)]
        paint_again()
    elif key in "+=-_":
        speed = speed * 1.5 if key in "+=" else speed / 1.5
        paint_again()
    elif key == " ":
        paused = not paused
    elif key == "r":
        paint_again()
    elif key == "s":
        py5.save_frame("basins-####.png")
    elif key == "h":
        show_help = not show_help


py5.run_sketch()
