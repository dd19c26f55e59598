"""The heavy ball for real, beside the momentum method it turns into.

What to watch: the white curve is a ball sliding with friction γ on the
surface, x'' = −∇f(x) − γ x', followed closely in time. The blue dots are
gradient descent with momentum taking steps of Δt:
θ ← θ − α ∇f(θ) + β (θ − θ_prev) with α = Δt² and β = 1 − γΔt — the same
equation, taken in steps. With a small Δt they stay together; raise Δt and
the method cuts corners, overshoots, and at last flies off where the real
ball never would. Below: how far apart they are.

Keys: [ ] smaller / larger time step Δt · f / g less / more friction γ · 1-9 surface ·
n new start (or click the map) · space pause/resume · r restart · s save a frame · h help.
"""

import numpy as np
import py5

import creativenn as cnn
from creativenn import colors
from creativenn.draw import (Controls, Key, draw_ball, draw_loss_curve, draw_terrain, draw_title,
                             draw_trail, label)
from creativenn.picture.layout import Mapping, grid, page
from creativenn.worlds.physics import BallAndMethod, matching_momentum

# --- constants: change these --------------------------------------------------
SURFACE = "ravine"
BETA = 0.9  # the momentum the starting friction matches: γ = (1 − β) / Δt
SEED = 0
SURFACES = cnn.surfaces.NAMES  # keys 1-9
MOMENTUM = colors.OPTIMIZERS["momentum"]  # the method's colour

# --- state --------------------------------------------------------------------
pair = view = None  # the ball and the method, side by side; the map
rng = np.random.default_rng(SEED)
boxes = grid(page(800, 800), "map text / gap gap", widths=[490, None], heights=[490, None])


def new_surface(name):
    """A surface, with a time step and friction that suit it (β = BETA to begin with)."""
    global pair, view
    pair = BallAndMethod(cnn.surface(name), beta=BETA)
    view = Mapping(pair.surface.bounds, rect=boxes["map"])


controls = Controls("heavy_ball", [
    Key("[ ]", "time step Δt smaller / larger", lambda k: pair.scale_dt(1 / 1.5 if k == "[" else 1.5),
        "Δt"),
    Key("f / g", "friction γ less / more", lambda k: pair.scale_friction(1 / 1.5 if k == "f" else 1.5),
        "friction"),
    Key("1-9", ", ".join(SURFACES), lambda k: new_surface(SURFACES[int(k) - 1]), "surface"),
    Key("n", "a new random start", lambda k: pair.restart(pair.surface.random_start(rng)), "new start"),
    Key("click", "a new start here", short=""),
], reset=lambda: pair.restart())


def settings():
    py5.size(800, 800)
    py5.smooth(4)


def setup():
    py5.window_title("creativenn · the heavy ball and momentum")
    new_surface(SURFACE)


def draw():
    if not controls.paused:
        step_both()
    py5.background(*colors.BACKGROUND)
    draw_terrain(pair.surface, view, resolution=160)
    draw_trail(pair.ball.fine_trail, view, colors.INK, 2.5)
    draw_trail(pair.method.trail, view, MOMENTUM, 1.5, dots=6)  # the method: a dot each step
    draw_ball(*pair.method.position, view, MOMENTUM, 14)
    draw_ball(*pair.ball.position, view, colors.INK, 18)
    draw_title("the heavy ball, and momentum: the same equation in steps",
               f"{pair.surface.name}: {pair.surface.description}")
    draw_equations(*boxes["text"][:2])
    draw_loss_curve(pair.gaps, *boxes["gap"], title="distance between the ball and the method (log)")
    controls.draw()


def step_both():
    """Δt of the motion, and one step of the method."""
    try:
        pair.step()
    except cnn.DivergedError:
        controls.halt(["The momentum method flew off: this Δt is too large for it.",
                       "The real ball would not: it follows the motion closely.",
                       "Press [ for a smaller Δt, or r to start again."])


def draw_equations(x, y):
    alpha, beta = matching_momentum(pair.friction, pair.dt)
    ball, method = pair.ball, pair.method
    label("the ball (white)", x, y, 15)
    label("x'' = −∇f(x) − γ x'", x, y + 24, 15, kind="mono")
    label(f"γ = {pair.friction:.3g}   Δt = {pair.dt:.3g}", x, y + 50, 14, colors.MUTED, kind="mono")
    label("momentum (blue dots)", x, y + 94, 15, MOMENTUM)
    label("θ ← θ − α∇f + β(θ − θ_prev)", x, y + 118, 14, kind="mono")
    label(f"α = Δt² = {alpha:.3g}\nβ = 1 − γΔt = {beta:.3g}", x, y + 144, 14, colors.MUTED, kind="mono")
    label(f"time {ball.time:.2f}   step {method.steps}\nenergy {ball.energy:.4g}", x, y + 210, 14,
          colors.MUTED, kind="mono")
    label("(½|x'|² + f: friction only lowers it)", x, y + 256, 13, colors.MUTED)


def key_pressed():
    controls.press(py5.key)


def mouse_pressed():
    if view.contains(py5.mouse_x, py5.mouse_y):
        pair.restart(view.to_model(py5.mouse_x, py5.mouse_y))


# --- for the exporter ---------------------------------------------------------
def state() -> dict:
    """This frame's numbers, for ``creativenn export --sidecar``."""
    return pair.numbers()


py5.run_sketch()
