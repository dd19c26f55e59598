"""Balls rolling down a cost surface in 3D: gradient descent as the picture every course draws.

What to watch: the surface is a cost f(x, y) — height is cost, so low is
good — shaded by height with contour lines. Each ball is an optimizer from
the same start, stepping θ ← θ − η ∇f(θ) in its own way; its trail is the
path it took, the white arrow under it the way downhill (−∇f). The camera
orbits slowly; hold the mouse button and move to look around.

Keys: 1-9 surface · o optimizers (all, then one at a time) · n new start ·
+ / - learning rates · mouse: hold and move to look around · space pause/resume ·
r restart · s save a frame · h help.
"""

import py5

import creativenn as cnn
from creativenn import colors
from creativenn.draw import Controls, Key, draw_title, label
from creativenn.draw.race import draw_race_table, race_keys
from creativenn.draw.terrain3d import Terrain3D, orbit
from creativenn.picture.layout import grid, page

# --- constants: change these --------------------------------------------------
SURFACE = "himmelblau"
STEPS_PER_FRAME = 1
MESH = 90  # grid points a side
SIZE, HEIGHT = 500.0, 150.0  # the surface's width and its tallest point, in pixels
ORBIT_SPEED = 0.004  # radians a frame
SEED = 0

# --- state --------------------------------------------------------------------
track = cnn.Racetrack(SURFACE, seed=SEED)  # the surface, the race on it, and what the keys change
terrain = None  # the surface's mesh and contour lines, built once a surface
ball_screen = {}  # where each ball was drawn on screen: for tests and curious readers
boxes = grid(page(800, 800), "scene scene / table formula", heights=[490, None])


def build_terrain():
    global terrain
    terrain = Terrain3D(track.surface, MESH, SIZE, HEIGHT, levels=16)


controls = Controls("cost_surface", [
    *race_keys(track, on_surface=build_terrain),
    Key("mouse", "hold and move to look around", short="drag to look"),
], reset=track.restart)


def settings():
    py5.size(800, 800, py5.P3D)
    py5.smooth(4)


def setup():
    py5.window_title("creativenn · a ball rolling down a cost surface")
    py5.sphere_detail(14)
    build_terrain()


def draw():
    if not controls.paused:
        track.race.step(STEPS_PER_FRAME)
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
    orbit(py5.width / 2, py5.height / 2 - 10, -60, turn, tilt)


def draw_balls_and_trails():
    """Trails in the 3D scene; each ball and its way downhill (−∇f) marked, to draw flat on top."""
    py5.hint(py5.DISABLE_DEPTH_TEST)  # seen through the surface's walls: never lost in a pit
    race = track.race
    for name, ball in race.balls.items():
        color = colors.OPTIMIZERS[name]
        terrain.draw_trail(terrain.to_world(*ball.trail.T, lift=2.0), color)
        if name not in race.stopped:
            terrain.mark_downhill_arrow(ball)
        ball_screen[name] = terrain.mark_ball(terrain.to_world(*ball.position, lift=9.0), color)
    py5.hint(py5.ENABLE_DEPTH_TEST)


def draw_overlay():
    py5.hint(py5.DISABLE_DEPTH_TEST)  # balls, arrows and text on top of the 3D scene
    terrain.draw_marks()
    draw_title(f"a ball rolling down {track.surface.name}", track.surface.description,
               controls.status(f"step {track.race.steps}"))
    draw_race_table(track.race, *boxes["table"][:2], one_line=True)
    x, y, w, _ = boxes["formula"]
    label("θ ← θ − η ∇f(θ)", x + w, y, 16, align="right", kind="mono")
    label("height: log(1 + cost − lowest)", x + w, y + 28, 13, colors.MUTED, align="right")
    controls.draw()
    py5.hint(py5.ENABLE_DEPTH_TEST)


def key_pressed():
    controls.press(py5.key)


# --- for the exporter ---------------------------------------------------------
def state() -> dict:
    """This frame's numbers, for ``creativenn export --sidecar``."""
    return track.race.numbers()


py5.run_sketch()
