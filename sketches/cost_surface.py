"""Balls rolling down a cost surface in 3D: gradient descent as the picture every course draws.

What to watch: the surface is a cost f(x, y) — height is cost, so low is
good — shaded by height with contour lines. Each ball is an optimizer from
the same start, stepping θ ← θ − η ∇f(θ) in its own way; its trail is the
path it took, the white arrow under it the way downhill (−∇f). The camera
orbits slowly; hold the mouse button and move to look around.

Keys: space pause/resume · r restart · n new start · 1-9 surface ·
o optimizers (all, then one at a time) · + / - learning rates · s save · h help.
"""

import numpy as np
import py5

import creativenn as cnn
from creativenn import colors
from creativenn.draw import draw_help, label
from creativenn.draw.terrain3d import Terrain3D

# --- constants: change these --------------------------------------------------
SURFACE = "himmelblau"
STEPS_PER_FRAME = 1
MESH = 90  # grid points a side
SIZE, HEIGHT = 500.0, 150.0  # the surface's width and its tallest point, in pixels
ORBIT_SPEED = 0.004  # radians a frame
OPTIMIZER_CHOICES = [cnn.Race.NAMES] + [(name,) for name in cnn.Race.NAMES]
SEED = 0
KEYS = [
    ("space", "pause / resume"), ("r", "restart from the same start"), ("n", "a new random start"),
    ("1 … 9", ", ".join(cnn.surfaces.NAMES)), ("o", "all optimizers, then one at a time"),
    ("+ / -", "learning rates up / down"), ("mouse", "hold and move to look around"),
    ("s", "save this frame"), ("h", "show / hide this help"),
]

# --- state --------------------------------------------------------------------
surface = race = terrain = rng = None
surface_name, choice, speed, paused, show_help = SURFACE, 0, 1.0, False, False
ball_screen = {}  # where each ball was drawn on screen: for tests and curious readers


def settings():
    py5.size(800, 800, py5.P3D)
    py5.smooth(4)


def setup():
    global rng
    py5.window_title("creativenn · a ball rolling down a cost surface")
    py5.sphere_detail(14)
    rng = np.random.default_rng(SEED)
    new_surface(surface_name)


def new_surface(name, start=None):
    """Pick a surface, build its mesh and contour lines once, start the race."""
    global surface, race, surface_name, terrain
    surface_name, surface = name, cnn.surface(name)
    terrain = Terrain3D(surface, MESH, SIZE, HEIGHT, levels=16)
    race = cnn.Race(surface, start, names=OPTIMIZER_CHOICES[choice], speed=speed)


def draw():
    if not paused:
        race.step(STEPS_PER_FRAME)
    py5.background(*colors.BACKGROUND)
    py5.push_matrix()
    point_the_camera()
    terrain.draw()
    draw_balls_and_trails()
    py5.pop_matrix()
    draw_overlay()


def point_the_camera():
    if py5.is_mouse_pressed:
        turn, tilt = py5.mouse_x / py5.width * py5.TWO_PI, 0.4 + py5.mouse_y / py5.height * 0.9
    else:
        turn, tilt = py5.frame_count * ORBIT_SPEED, 0.8
    py5.translate(py5.width / 2, py5.height / 2 - 10, -60)
    py5.rotate_x(tilt)
    py5.rotate_z(turn)


def draw_balls_and_trails():
    py5.hint(py5.DISABLE_DEPTH_TEST)  # seen through the surface's walls: never lost in a pit
    for name, ball in race.balls.items():
        color = colors.OPTIMIZERS[name]
        terrain.draw_trail(terrain.to_world(ball.trail[:, 0], ball.trail[:, 1], lift=2.0), color)
        if name not in race.stopped:
            draw_downhill_arrow(ball)
        X, Y, Z = terrain.to_world(*ball.position, lift=9.0)
        ball_screen[name] = (py5.screen_x(X, Y, Z), py5.screen_y(X, Y, Z))
        terrain.draw_ball((X, Y, Z), color, 9)
    py5.hint(py5.ENABLE_DEPTH_TEST)


def draw_downhill_arrow(ball):
    """−∇f on the surface under the ball, longer where it is steeper."""
    gx, gy = ball.gradient
    size = float(np.hypot(gx, gy))
    (x0, x1), _ = surface.bounds
    length = 0.09 * (x1 - x0) * float(surface.steepness(*ball.position))
    if size == 0 or length < 0.01 * (x1 - x0):
        return
    x, y = ball.position
    ux, uy = -gx / size, -gy / size
    tip = (x + ux * length, y + uy * length)
    side = 0.3 * length
    head = [(tip[0] - ux * side + uy * side * 0.6, tip[1] - uy * side - ux * side * 0.6),
            (tip[0] - ux * side - uy * side * 0.6, tip[1] - uy * side + ux * side * 0.6)]
    start, end = terrain.to_world(x, y, lift=3), terrain.to_world(*tip, lift=3)
    py5.stroke(*colors.INK)
    py5.stroke_weight(2.5)
    py5.line(*start, *end)
    for hx, hy in head:
        py5.line(*end, *terrain.to_world(hx, hy, lift=3))


def draw_overlay():
    py5.hint(py5.DISABLE_DEPTH_TEST)
    label(f"a ball rolling down {surface.name}", 30, 24, 22)
    label(surface.description, 30, 58, 14, colors.MUTED)
    label("paused" if paused else f"step {race.steps}", 770, 30, 15, colors.MUTED, align="right",
          kind="mono")
    for i, (name, ball) in enumerate(race.balls.items()):
        y = 640 + i * 24
        py5.no_stroke()
        py5.fill(*colors.OPTIMIZERS[name])
        py5.circle(38, y + 9, 13)
        state = race.stopped.get(name, f"cost {ball.height:.4g}")
        label(f"{name:<9} η = {ball.optimizer.learning_rate:<8.3g} {state}", 52, y, 14, kind="mono")
    label("θ ← θ − η ∇f(θ)", 770, 640, 16, align="right", kind="mono")
    label("height: log(1 + cost − lowest)", 770, 668, 13, colors.MUTED, align="right")
    label("1-9 surface · o optimizers · n new start · +/- η · space pause · drag to look · h help",
          30, 760, 13, colors.MUTED)
    if show_help:
        draw_help(KEYS)
    py5.hint(py5.ENABLE_DEPTH_TEST)




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
        py5.save_frame("cost-surface-####.png")
    elif key == "h":
        show_help = not show_help


py5.run_sketch()
