"""TITLE — a ball rolling down a cost surface by gradient descent, seen from above.

What to watch: the map is a cost f(x, y) (dark = low); the ball steps
θ ← θ − η ∇f(θ) each frame, its trail the way it came, the white arrow the
way downhill (−∇f). Too small an η and it crawls; too large and it
overshoots, bounces across the valley, and diverges. Below: its cost.

Keys: space pause · r reset · + / - learning rate · s save a frame · h help.
Run it: creativenn run FILE · export it: creativenn export FILE --frames 90 --out out/NAME --gif
"""

import py5

import creativenn as cnn
from creativenn import colors
from creativenn.draw import (Controls, draw_axis_names, draw_ball, draw_cross, draw_downhill_arrow,
                             draw_loss_curve, draw_terrain, draw_title, draw_trail, label)
from creativenn.picture.layout import Mapping

# --- constants: CHANGE these ----------------------------------------------------
SURFACE = "bowl"  # CHANGE: bowl, ravine, saddle, rosenbrock, himmelblau, beale, rastrigin, booth
OPTIMIZER = "sgd"  # CHANGE: sgd, momentum, rmsprop, adam
LEARNING_RATE = 0.1  # CHANGE: on the bowl try 0.01, 0.9 and 1.1: crawl, bounce, diverge
START = (-1.6, 1.3)  # CHANGE: where the ball starts (x, y)

# --- state (what changes while the sketch runs) ---------------------------------
surface = cnn.surface(SURFACE)
view = Mapping(surface.bounds, rect=(30, 100, 440, 440))
ball, costs = None, []
controls = Controls("NAME", reset=lambda: reset(), learning_rate=LEARNING_RATE,
                    on_learning_rate=lambda eta: setattr(ball.optimizer, "learning_rate", eta))


def settings():
    py5.size(800, 760)
    py5.smooth(4)


def setup():
    py5.window_title("TITLE")
    reset()


def reset():
    global ball, costs
    ball, costs = cnn.Ball(surface, START, cnn.optimizers.make(OPTIMIZER, controls.learning_rate)), []


def draw():
    if not controls.paused:
        try:
            costs.append(ball.step())  # θ ← θ − η ∇f(θ); the cost before the step
        except cnn.DivergedError as error:
            controls.diverged(error, "ball", kept="ball and its trail")
    py5.background(*colors.BACKGROUND)
    draw_title("TITLE", f"{surface.name}: {surface.description}", controls.status(f"step {ball.steps}"))
    draw_terrain(surface, view)
    for minimum in surface.minima:
        draw_cross(*minimum, view)
    draw_trail(ball.trail, view, colors.ON)
    draw_downhill_arrow(ball, view, colors.INK)
    draw_ball(*ball.position, view, colors.ON)
    draw_axis_names(view, "x", "y", ticks=True)
    (x, y), (gx, gy) = ball.position, ball.gradient
    label(f"θ ← θ − η ∇f(θ)\n\nx = {x:+.3f}\ny = {y:+.3f}\n∇f = ({gx:+.2f}, {gy:+.2f})", 510, 100, 16,
          kind="mono")
    draw_loss_curve(costs, 30, 580, 740, 110, title=f"cost, {OPTIMIZER}, η = {controls.learning_rate:g}")
    controls.draw()


def key_pressed():
    controls.press(py5.key)


py5.run_sketch()
