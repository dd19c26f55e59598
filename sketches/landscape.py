"""A real network's loss landscape: three optimizers training it, seen on one slice of weight space.

What to watch: the surface is the loss of a 2-8-8-1 network on the two moons over a plane through
its 97 weights, θ(α, β) = θ₀ + α d₁ + β d₂. Each ball is a real copy of the network, trained from θ₀
by SGD, Momentum or Adam: it sits at its weights' projection onto the plane, at the height of its
real loss. With PCA directions (the two the runs move in most) the paths lie nearly in the plane;
with random filter-normalised ones (Li et al. 2018) they leave it: the percentage says how much of
each path the plane shows. Right: from above.

Keys: d directions (PCA / random) · + / - learning rates · space pause/resume · r restart ·
s save a frame · h help.
"""

import py5

import creativenn as cnn
from creativenn import colors
from creativenn.draw import (Controls, Key, Setting, draw_ball, draw_panel_title, draw_rows, draw_terrain,
                             draw_title, draw_trail, label)
from creativenn.draw.terrain3d import Terrain3D, orbit
from creativenn.picture.layout import Mapping, grid, page
from creativenn.worlds.landscape import Landscape

# --- constants: change these --------------------------------------------------
LAYERS = [2, 8, 8, 1]
STEPS = 300  # training steps shown (one a frame); PCA directions come from these runs
LEARNING_RATES = {"sgd": 0.5, "momentum": 0.05, "adam": 0.02}
BATCH_SIZE, MESH = 16, 46  # samples a step; grid points a side of the slice (a loss over all data each)
ORBIT_SPEED = 0.003
SEED = 0

# --- state --------------------------------------------------------------------
X, Y = cnn.datasets.moons(n=120, noise=0.1, seed=SEED)
start = cnn.MLP(LAYERS, activation="tanh", output_activation="sigmoid", loss="bce", seed=SEED)
world = terrain = top_view = None  # the runs and their plane; its mesh; the map from above
speed = 1.0  # every learning rate times this (+ / -)
boxes = grid(page(960, 700), "scene top / scene table", widths=[None, 270], heights=[270, None])


def restart(faster=1.0):
    """Directions fixed for this run, the slice computed once, the networks back at θ₀."""
    global world, terrain, top_view, speed
    speed *= faster
    world = Landscape(start, X, Y, LEARNING_RATES, STEPS, BATCH_SIZE, controls.directions, speed, SEED)
    terrain = Terrain3D(world.surface, MESH, size=420, height=140)
    top_view = Mapping(world.bounds, rect=boxes["top"])


controls = Controls("landscape", [
    Setting("d", "directions: PCA of the runs / random, filter-normalised", name="directions",
            options=("pca", "random"), then=restart),
    Key("+ / -", "learning rates up / down", lambda k: restart(1.5 if k in "+=" else 1 / 1.5), "η"),
], reset=restart)


def settings():
    py5.size(960, 700, py5.P3D)
    py5.smooth(4)


def setup():
    py5.window_title("creativenn · a real network's loss landscape")
    py5.sphere_detail(12)
    restart()


def draw():
    if not controls.paused:
        world.step()
    py5.background(*colors.BACKGROUND)
    py5.push_matrix()
    x, y, w, h = boxes["scene"]
    orbit(x + w / 2, y + h / 2 + 20, -80, py5.frame_count * ORBIT_SPEED, 0.95)
    terrain.draw()
    py5.hint(py5.DISABLE_DEPTH_TEST)  # the balls seen through the surface; the rest flat, on top
    draw_balls_and_trails()
    py5.pop_matrix()
    terrain.draw_marks()
    draw_top_view()
    draw_text()
    controls.draw()
    py5.hint(py5.ENABLE_DEPTH_TEST)


def draw_balls_and_trails():
    for name, run in world.runs.items():
        trail = terrain.to_world(*world.positions(run)[0].T, lift=2.0, heights=run.losses)
        terrain.draw_trail(trail, colors.OPTIMIZERS[name])
        terrain.mark_ball(trail[-1] + [0, 0, 7], colors.OPTIMIZERS[name], 16)  # drawn flat on top, later


def draw_top_view():
    draw_terrain(world.surface, top_view, resolution=MESH, levels=12)
    for name, run in world.runs.items():
        ab, _ = world.positions(run)
        draw_trail(ab, top_view, colors.OPTIMIZERS[name], 2)
        draw_ball(*ab[-1], top_view, colors.OPTIMIZERS[name], 10)
    draw_panel_title("the same slice from above", boxes["table"])


def draw_text():
    pca = controls.directions == "pca"
    kind = "PCA of the three runs" if pca else "random, filter-normalised (Li et al.)"
    draw_title("a real network's loss landscape", f"θ(α, β) = θ₀ + α d₁ + β d₂   directions: {kind}",
               controls.status(f"step {world.step_count} / {STEPS}"))
    x, y = boxes["table"][:2]
    label("           loss   in plane", x, y + 20, 13, colors.MUTED, kind="mono")
    draw_rows([(colors.OPTIMIZERS[name], f"{name:<9} {run.losses[-1]:.4f}   "  # a run that diverged stopped
                f"{'diverged' if run.diverged else format(world.positions(run)[1], '4.0%')}")
               for name, run in world.runs.items()], x, y + 44, size=13)
    label("a ball's height: the real loss at its weights\nits place: those weights, projected\n"
          "in plane: share of its move the plane shows", x, y + 140, 13, colors.MUTED)


def key_pressed():
    controls.press(py5.key)


# --- for the exporter ---------------------------------------------------------
def state() -> dict:
    """This frame's numbers, for ``creativenn export --sidecar``."""
    return world.numbers()


py5.run_sketch()
