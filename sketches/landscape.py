"""A real network's loss landscape: three optimizers training it, seen on one slice of weight space.

What to watch: the surface is the loss of a 2-8-8-1 network on the two
moons over a plane through its 97 weights, θ(α, β) = θ₀ + α d₁ + β d₂.
Each ball is a real copy of the network, trained from θ₀ by SGD, Momentum
or Adam: it sits at its weights' projection onto the plane, at the height
of its real loss; its trail is where it has been. With PCA directions (the
two the runs move in most) the paths lie nearly in the plane; with random
filter-normalised ones (Li et al. 2018) they leave it: the percentage says
how much of each path the plane shows. The map on the right is the same
slice from above.

Keys: d directions (PCA / random) · space pause/resume · r restart ·
+ / - learning rates · s save a frame · h help.
"""

import numpy as np
import py5

import creativenn as cnn
from creativenn import colors
from creativenn.draw import draw_ball, draw_help, draw_terrain, draw_trail, label
from creativenn.draw.terrain3d import Terrain3D
from creativenn.worlds.landscape import filter_normalized_directions, pca_directions, plane_surface, project
from creativenn.picture.layout import Mapping

# --- constants: change these --------------------------------------------------
LAYERS = [2, 8, 8, 1]
STEPS = 300  # training steps shown (one a frame); PCA directions come from these runs
LEARNING_RATES = {"sgd": 0.5, "momentum": 0.05, "adam": 0.02}
BATCH_SIZE = 16
MESH = 46  # grid points a side of the slice (each is one loss over all the data)
ORBIT_SPEED = 0.003
SEED = 0
KEYS = [("d", "directions: PCA of the runs / random, filter-normalised"), ("space", "pause / resume"),
        ("r", "restart"), ("+ / -", "learning rates up / down"), ("s", "save this frame"),
        ("h", "show / hide this help")]

# --- state --------------------------------------------------------------------
X = Y = start = d1 = d2 = terrain = top_view = None
runs, directions, speed, paused, show_help = {}, "pca", 1.0, False, False


def settings():
    py5.size(960, 700, py5.P3D)
    py5.smooth(4)


def setup():
    global X, Y, start
    py5.window_title("creativenn · a real network's loss landscape")
    py5.sphere_detail(12)
    X, Y = cnn.datasets.moons(n=120, noise=0.1, seed=SEED)
    start = cnn.MLP(LAYERS, activation="tanh", output_activation="sigmoid", loss="bce", seed=SEED)
    restart()


def new_runs():
    """A copy of the start network per optimizer, each with its own seeded batches."""
    return {name: {"net": start.copy(), "optimizer": cnn.optimizers.make(name, rate * speed),
                   "rng": np.random.default_rng(SEED + i), "path": [start.parameters()],
                   "losses": [start.loss(X, Y)]}
            for i, (name, rate) in enumerate(LEARNING_RATES.items())}


def train(run):
    """One mini-batch step θ ← θ − η ∇C(θ) of one run, and where it went."""
    batch = run["rng"].integers(0, len(X), BATCH_SIZE)
    run["net"].step(X[batch], Y[batch], run["optimizer"])
    run["path"].append(run["net"].parameters())
    run["losses"].append(run["net"].loss(X, Y))


def restart():
    """Directions fixed for this run, the slice computed once, the networks back at θ₀."""
    global runs, d1, d2, terrain, top_view
    theta0 = start.parameters()
    if directions == "pca":  # the plane the runs move in most: rehearse them (same seeds) and ask
        rehearsal = new_runs()
        for run in rehearsal.values():
            for _ in range(STEPS):
                train(run)
        d1, d2 = pca_directions(np.concatenate([np.array(r["path"]) - theta0 for r in rehearsal.values()]))
        reach = max(np.abs(project(r["path"], theta0, d1, d2)).max() for r in rehearsal.values()) * 1.3
    else:
        d1, d2 = filter_normalized_directions(start, seed=SEED)
        reach = 1.0
    bounds = ((-reach, reach), (-reach, reach))
    surface = plane_surface(start, X, Y, theta0, d1, d2, bounds)
    terrain = Terrain3D(surface, MESH, size=420, height=140)
    top_view = Mapping(bounds, rect=(660, 100, 270, 270))
    runs = new_runs()


def draw():
    if not paused and len(runs["sgd"]["path"]) <= STEPS:
        for run in runs.values():
            train(run)
    py5.background(*colors.BACKGROUND)
    py5.push_matrix()
    point_the_camera()
    terrain.draw()
    draw_balls_and_trails()
    py5.pop_matrix()
    draw_overlay()


def point_the_camera():
    py5.translate(330, 390, -80)
    py5.rotate_x(0.95)
    py5.rotate_z(py5.frame_count * ORBIT_SPEED)


def positions(run):
    """(α, β) of the run's path on the plane, and the share of its movement the plane shows."""
    path = np.array(run["path"])
    ab = project(path, path[0], d1, d2)
    moved = np.linalg.norm(path[-1] - path[0])
    in_plane = np.linalg.norm(ab[-1, 0] * d1 + ab[-1, 1] * d2) if moved else 0.0
    return ab, (in_plane / moved if moved else 1.0)


def draw_balls_and_trails():
    py5.hint(py5.DISABLE_DEPTH_TEST)
    for name, run in runs.items():
        ab, _ = positions(run)
        trail = terrain.to_world(ab[:, 0], ab[:, 1], lift=2.0, heights=run["losses"])
        terrain.draw_trail(trail, colors.OPTIMIZERS[name])
        terrain.draw_ball(trail[-1] + [0, 0, 7], colors.OPTIMIZERS[name], 8)
    py5.hint(py5.ENABLE_DEPTH_TEST)


def draw_overlay():
    py5.hint(py5.DISABLE_DEPTH_TEST)
    label("a real network's loss landscape", 30, 22, 22)
    kind = "PCA of the three runs" if directions == "pca" else "random, filter-normalised (Li et al.)"
    label(f"θ(α, β) = θ₀ + α d₁ + β d₂   directions: {kind}", 30, 56, 14, colors.MUTED)
    label(f"step {len(runs['sgd']['path']) - 1} / {STEPS}", 930, 28, 15, colors.MUTED, align="right",
          kind="mono")
    draw_terrain(terrain.surface, top_view, resolution=MESH, levels=12)
    for name, run in runs.items():
        ab, shown = positions(run)
        draw_trail(ab, top_view, colors.OPTIMIZERS[name], 2)
        draw_ball(*ab[-1], top_view, colors.OPTIMIZERS[name], 10)
    label("the same slice from above", 660, 378, 13, colors.MUTED)
    label("              loss   in plane", 660, 410, 13, colors.MUTED, kind="mono")
    for i, (name, run) in enumerate(runs.items()):
        y = 434 + 26 * i
        _, shown = positions(run)
        py5.no_stroke()
        py5.fill(*colors.OPTIMIZERS[name])
        py5.circle(668, y + 9, 13)
        label(f"{name:<9} {run['losses'][-1]:.4f}   {shown:4.0%}", 682, y, 13, kind="mono")
    label("a ball's height: the real loss at its weights", 660, 530, 13, colors.MUTED)
    label("its place: those weights, projected", 660, 548, 13, colors.MUTED)
    label("in plane: share of its move the plane shows", 660, 566, 13, colors.MUTED)
    label("d directions · space pause · r restart · +/- η · s save · h help", 30, 670, 13, colors.MUTED)
    if show_help:
        draw_help(KEYS)
    py5.hint(py5.ENABLE_DEPTH_TEST)


def state() -> dict:
    """This frame's numbers, for ``creativenn export --sidecar``."""
    record = {"step": len(runs["sgd"]["path"]) - 1, "directions": directions}
    for name, run in runs.items():
        ab, shown = positions(run)
        record[name] = {"alpha": float(ab[-1, 0]), "beta": float(ab[-1, 1]), "loss": run["losses"][-1],
                        "gradient_norm": run["net"].gradients(X, Y).norm(), "plane_shows": shown}
    return record


def key_pressed():
    handle_key(py5.key)


def handle_key(key):
    global directions, paused, show_help, speed
    if key == "d":
        directions = "random" if directions == "pca" else "pca"
        restart()
    elif key == " ":
        paused = not paused
    elif key == "r":
        restart()
    elif key in "+=-_":
        speed = speed * 1.5 if key in "+=" else speed / 1.5
        restart()
    elif key == "s":
        py5.save_frame("landscape-####.png")
    elif key == "h":
        show_help = not show_help


py5.run_sketch()
