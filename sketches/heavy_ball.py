"""The heavy ball for real, beside the momentum method it turns into.

What to watch: the white curve is a ball sliding with friction γ on the
surface, x'' = −∇f(x) − γ x', followed closely in time. The blue dots are
gradient descent with momentum taking steps of Δt:
θ ← θ − α ∇f(θ) + β (θ − θ_prev) with α = Δt² and β = 1 − γΔt — the same
equation, taken in steps. With a small Δt they stay together; raise Δt and
the method cuts corners, overshoots, and finally flies off where the real
ball never would. The plot below shows how far apart they are.

Keys: [ ] smaller / larger time step Δt · f / g less / more friction γ ·
1-9 surface · n / click a new start · space pause · r restart · s save a frame · h help.
"""

import numpy as np
import py5

import creativenn as cnn
from creativenn import colors
from creativenn.draw import draw_ball, draw_help, draw_loss_curve, draw_terrain, draw_trail, label
from creativenn.picture.layout import Mapping
from creativenn.worlds.physics import HeavyBall, matching_momentum

# --- constants: change these --------------------------------------------------
SURFACE = "ravine"
BETA = 0.9  # the momentum the starting friction matches: γ = (1 − β) / Δt
SEED = 0
KEYS = [("[ ]", "time step Δt smaller / larger"), ("f / g", "friction γ less / more"),
        ("1 … 9", "surface: bowl, ravine, saddle, …, booth"), ("n / click", "a new start (random / here)"),
        ("space", "pause / resume"), ("r", "restart"), ("s", "save this frame"), ("h", "help")]

# --- state --------------------------------------------------------------------
surface = view = ball = method = rng = None
surface_name, dt, friction, start = SURFACE, 0.0, 0.0, None
gaps, paused, show_help, problem = [], False, False, None


def settings():
    py5.size(800, 800)
    py5.smooth(4)


def setup():
    global rng
    py5.window_title("creativenn · the heavy ball and momentum")
    rng = np.random.default_rng(SEED)
    new_surface(surface_name)


def new_surface(name):
    """A surface, with a time step and friction that suit it (β = BETA to begin with)."""
    global surface, view, surface_name, dt, friction, start
    surface_name, surface = name, cnn.surface(name)
    view = Mapping(surface.bounds, rect=(30, 90, 490, 490))
    dt = 0.5 * np.sqrt(surface.learning_rate)  # α = Δt² a quarter of the SGD learning rate that suits it
    friction = (1 - BETA) / dt
    start = surface.start
    restart()


def restart():
    """Both balls back at the start, at rest, with this Δt and γ."""
    global ball, method, gaps, problem
    ball = HeavyBall(surface, start, friction=friction, dt=dt)
    learning_rate, momentum = matching_momentum(friction, dt)
    method = cnn.Ball(surface, start, cnn.Momentum(learning_rate, momentum))
    gaps, problem = [], None


def draw():
    if not paused and problem is None:
        step_both()
    py5.background(*colors.BACKGROUND)
    draw_terrain(surface, view, resolution=160)
    draw_trail(ball.fine_trail, view, colors.INK, 2.5)
    draw_method()
    draw_ball(*ball.position, view, colors.INK, 18)
    draw_text()
    if show_help:
        draw_help(KEYS)


def step_both():
    """Δt of the motion, and one step of the method."""
    global problem
    try:
        ball.step()
        method.step()
    except cnn.DivergedError:
        problem = "the momentum method flew off: this Δt is too large for it ([ makes it smaller)"
        return
    gaps.append(float(np.linalg.norm(ball.position - method.position)))


def draw_method():
    trail = method.trail
    draw_trail(trail, view, colors.OPTIMIZERS["momentum"], 1.5)
    sx, sy = view.to_screen(trail[:, 0], trail[:, 1])
    py5.stroke(*colors.OPTIMIZERS["momentum"])
    py5.stroke_weight(6)
    py5.points(np.column_stack([sx, sy]).astype(np.float32))
    draw_ball(*method.position, view, colors.OPTIMIZERS["momentum"], 14)


def draw_text():
    alpha, beta = matching_momentum(friction, dt)
    label("the heavy ball, and momentum: the same equation in steps", 30, 22, 20)
    label(f"{surface.name}: {surface.description}", 30, 56, 13, colors.MUTED)
    x = 545
    label("the ball (white)", x, 96, 15)
    label("x'' = −∇f(x) − γ x'", x, 120, 15, kind="mono")
    label(f"γ = {friction:.3g}   Δt = {dt:.3g}", x, 146, 14, colors.MUTED, kind="mono")
    label("momentum (blue dots)", x, 190, 15, colors.OPTIMIZERS["momentum"])
    label("θ ← θ − α∇f + β(θ − θ_prev)", x, 214, 14, kind="mono")
    label(f"α = Δt² = {alpha:.3g}", x, 240, 14, colors.MUTED, kind="mono")
    label(f"β = 1 − γΔt = {beta:.3g}", x, 262, 14, colors.MUTED, kind="mono")
    label(f"time {ball.time:.2f}   step {method.steps}", x, 306, 14, colors.MUTED, kind="mono")
    label(f"energy {ball.energy:.4g}", x, 330, 14, colors.MUTED, kind="mono")
    label("(½|x'|² + f: friction only lowers it)", x, 352, 13, colors.MUTED)
    draw_loss_curve(gaps, 30, 615, 740, 130, title="distance between the ball and the method (log)")
    if problem:
        label(problem, 30, 760, 14, colors.NEGATIVE)
    else:
        label("[ ] Δt · f / g friction · 1-9 surface · n / click new start · space · r · s · h help",
              30, 770, 13, colors.MUTED)


def state() -> dict:
    """This frame's numbers, for ``creativenn export --sidecar``."""
    gx, gy = surface.gradient(*ball.position)
    return {"time": ball.time, "step": method.steps, "ball": ball.position.tolist(),
            "momentum": method.position.tolist(), "gap": gaps[-1] if gaps else 0.0,
            "height": float(surface.height(*ball.position)), "gradient_norm": float(np.hypot(gx, gy)),
            "dt": dt, "friction": friction}


def mouse_pressed():
    handle_click(py5.mouse_x, py5.mouse_y)


def handle_click(mx, my):
    global start
    if view.contains(mx, my):
        start = view.to_model(mx, my)
        restart()


def key_pressed():
    handle_key(py5.key)


def handle_key(key):
    global paused, show_help, dt, friction, start
    if key in "[]":
        dt = dt / 1.5 if key == "[" else dt * 1.5
        friction = min(friction, 0.99 / dt)  # β = 1 − γΔt must stay ≥ 0
        restart()
    elif key in "fg":
        friction = friction / 1.5 if key == "f" else min(friction * 1.5, 0.99 / dt)
        restart()
    elif key in "123456789" and int(key) <= len(cnn.surfaces.NAMES):
        new_surface(cnn.surfaces.NAMES[int(key) - 1])
    elif key == "n":
        start = surface.random_start(rng)
        restart()
    elif key == " ":
        paused = not paused
    elif key == "r":
        restart()
    elif key == "s":
        py5.save_frame("heavy-ball-####.png")
    elif key == "h":
        show_help = not show_help


py5.run_sketch()
