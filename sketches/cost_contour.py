"""Optimizers race down a cost surface, seen from above: SGD, Momentum, RMSProp, Adam.

What to watch: the map is a cost surface f(x, y) (dark = low, contour lines
every step of height); each ball is an optimizer stepping θ ← θ − η ∇f(θ) in
its own way from the same start, its trail the path it took, the arrow the
way downhill (−∇f) where it stands. Plain SGD zig-zags across valleys;
Momentum overshoots and glides; RMSProp and Adam take steps of even length.

Keys: space pause/resume · r restart · n new start (or click the map) ·
1-9 surface · o optimizers (all, then one at a time) · + / - learning rates ·
s save a frame · h help.
"""

import numpy as np
import py5

import creativenn as cnn
from creativenn import colors
from creativenn.draw import (draw_ball, draw_downhill_arrow, draw_help, draw_terrain, draw_trail,
                             label)
from creativenn.picture.layout import Mapping

# --- constants: change these --------------------------------------------------
SURFACE = "himmelblau"  # bowl, ravine, saddle, rosenbrock, himmelblau, beale, rastrigin, ...
STEPS_PER_FRAME = 1
OPTIMIZER_CHOICES = [cnn.Race.NAMES] + [(name,) for name in cnn.Race.NAMES]
SEED = 0
KEYS = [
    ("space", "pause / resume"), ("r", "restart from the same start"),
    ("n / click", "a new start (random / where you click)"),
    ("1 … 9", ", ".join(cnn.surfaces.NAMES)), ("o", "all optimizers, then one at a time"),
    ("+ / -", "learning rates up / down"), ("s", "save this frame"), ("h", "show / hide this help"),
]

# --- state --------------------------------------------------------------------
surface = race = view = rng = None
surface_name, choice, speed = SURFACE, 0, 1.0
paused, show_help = False, False


def settings():
    py5.size(800, 800)
    py5.smooth(4)


def setup():
    global rng
    py5.window_title("creativenn · optimizers racing, from above")
    rng = np.random.default_rng(SEED)
    new_surface(surface_name)


def new_surface(name, start=None):
    """Pick a surface; every optimizer starts again from one start."""
    global surface, race, view, surface_name
    surface_name, surface = name, cnn.surface(name)
    view = Mapping(surface.bounds, rect=(30, 90, 530, 530))
    race = cnn.Race(surface, start, names=OPTIMIZER_CHOICES[choice], speed=speed)


def draw():
    if not paused:
        race.step(STEPS_PER_FRAME)
    py5.background(*colors.BACKGROUND)
    draw_terrain(surface, view)
    draw_minima()
    for name, ball in race.balls.items():
        draw_trail(ball.trail, view, colors.OPTIMIZERS[name])
    for name, ball in race.balls.items():
        x, y = ball.position
        if name not in race.stopped:
            draw_downhill_arrow(ball, view, colors.INK)
        draw_ball(x, y, view, colors.OPTIMIZERS[name])
    draw_title()
    draw_legend()
    if show_help:
        draw_help(KEYS)


def draw_minima():
    py5.stroke(*colors.INK)
    py5.stroke_weight(2)
    for mx, my in surface.minima:
        sx, sy = view.to_screen(mx, my)
        py5.line(sx - 6, sy - 6, sx + 6, sy + 6)
        py5.line(sx - 6, sy + 6, sx + 6, sy - 6)


def draw_title():
    label(f"optimizers racing on {surface.name}", 30, 24, 22)
    label(surface.description, 30, 58, 14, colors.MUTED)
    label("paused" if paused else f"step {race.steps}", 770, 30, 15, colors.MUTED,
          align="right", kind="mono")


def draw_legend():
    x, y = 590, 96
    label("optimizer  η        cost", x, y, 13, colors.MUTED, kind="mono")
    for i, (name, ball) in enumerate(race.balls.items()):
        row = y + 30 + i * 64
        py5.no_stroke()
        py5.fill(*colors.OPTIMIZERS[name])
        py5.circle(x + 7, row + 9, 14)
        label(name, x + 22, row, 15)
        label(f"{ball.optimizer.learning_rate:.3g}", x + 77, row + 22, 13, kind="mono")
        label(f"{ball.height:.3g}", x + 157, row + 22, 13, kind="mono")
        if name in race.stopped:
            label(race.stopped[name], x + 22, row + 40, 12, colors.NEGATIVE)
    label("× a minimum", x, 400, 13, colors.MUTED)
    label("→ −∇f, downhill", x, 420, 13, colors.MUTED)
    label("θ ← θ − η ∇f(θ)", 30, 650, 16, kind="mono")
    label("space pause · r restart · n/click new start · 1-9 surface · o optimizers · "
          "+/- η · h help", 30, 750, 13, colors.MUTED)




def state() -> dict:
    """This frame's numbers, for ``creativenn export --sidecar``."""
    return race.numbers()


def key_pressed():
    handle_key(py5.key)


def handle_key(key):
    global paused, show_help, choice, speed
    if key == " ":
        paused = not paused
    elif key == "r":
        race.restart(race.start)
    elif key == "n":
        race.restart(surface.random_start(rng))
    elif key in "123456789" and int(key) <= len(cnn.surfaces.NAMES):
        new_surface(cnn.surfaces.NAMES[int(key) - 1])
    elif key == "o":
        choice = (choice + 1) % len(OPTIMIZER_CHOICES)
        new_surface(surface_name, race.start)
    elif key in "+=":
        speed *= 1.5
        race.speed = speed
    elif key in "-_":
        speed /= 1.5
        race.speed = speed
    elif key == "s":
        py5.save_frame("cost-contour-####.png")
    elif key == "h":
        show_help = not show_help


def mouse_pressed():
    if view.contains(py5.mouse_x, py5.mouse_y):
        race.restart(view.to_model(py5.mouse_x, py5.mouse_y))


py5.run_sketch()
