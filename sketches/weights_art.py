"""A network learning, drawn as a generative piece: its weights flow, its neurons breathe.

What to watch: every curve is one weight of a 2-8-8-1 network learning the
two moons: orange is negative, blue positive, and the thicker the curve the
larger |w| (the project's colours, so the picture stays honest). Curves sway
with time; each frame also leaves a faint trace on the canvas behind, so the
history of training layers up like a long exposure: weights that changed
sign leave both colours. Neurons breathe, lit by their activation for the
sample passing through.

Equations are cited by tag, like (G1): see docs/maths.md, or run
``creativenn maths G1``.

Keys: c clear the history · d save the curves as SVG (for a plotter) ·
space pause/resume · r reset · s save a frame · + / - learning rate · h help.
"""

import numpy as np
import py5

import creativenn as cnn
from creativenn import colors
from creativenn.draw import Controls, Key, label
from creativenn.draw import save_svg as write_svg
from creativenn.picture.layout import diagram_layout

# --- constants: change these --------------------------------------------------
LAYERS = [2, 8, 8, 1]
LEARNING_RATE = 0.02
STEPS_PER_FRAME = 2
SWAY = 40.0  # pixels a strong curve's middle swings
PERIOD = 240  # frames for one sway
TRACE_ALPHA = 10  # how strongly each frame marks the history (0-255)
WEIGHT_SCALE = 2.0
SEED = 0

# --- state --------------------------------------------------------------------
net = optimizer = X = Y = rng = history = positions = phases = None
steps, loss = 0, float("nan")
controls = Controls("weights_art", [
    Key("c", "clear the history", lambda k: clear_history()),
    Key("d", "save the curves as SVG (for a plotter)",
        lambda k: controls.announce(save_svg(controls.next_path(".svg")))),
], reset=lambda: reset(), learning_rate=LEARNING_RATE,
   on_learning_rate=lambda eta: setattr(optimizer, "learning_rate", eta))


def settings():
    py5.size(800, 800)
    py5.smooth(4)


def setup():
    global positions
    py5.window_title("creativenn · weights_art")
    positions = diagram_layout(LAYERS, 90, 90, 620, 560)[0]
    reset()


def reset():
    global net, optimizer, X, Y, rng, phases, steps, history
    rng = np.random.default_rng(SEED)
    X, Y = cnn.datasets.moons(n=200, noise=0.1, seed=SEED)
    net = cnn.MLP(LAYERS, activation="tanh", output_activation="sigmoid", loss="bce", seed=SEED)
    optimizer = cnn.Adam(controls.learning_rate)
    phases = [rng.uniform(0, 2 * np.pi, W.shape) for W in net.weights]  # each curve sways its own way
    steps = 0
    history = py5.create_graphics(py5.width, py5.height)
    clear_history()


def clear_history():
    history.begin_draw()
    history.background(*colors.BACKGROUND)
    history.end_draw()


def draw():
    if not controls.paused:
        train_a_little()
    leave_a_trace()
    py5.image(history, 0, 0)
    draw_curves(py5.get_current_sketch())
    draw_neurons()
    draw_caption()
    controls.draw(footer=False)  # a piece: its frame stays clean (h shows the keys)


def train_a_little():
    """A few mini-batch steps: θ ← θ − η ∇C(θ)   (G1)."""
    global steps, loss
    for _ in range(STEPS_PER_FRAME):
        batch = rng.integers(0, len(X), 16)
        try:
            loss = net.step(X[batch], Y[batch], optimizer)
        except cnn.DivergedError:  # the network kept its last good weights
            controls.diverged()
            return
        steps += 1


def curves():
    """Every edge as a cubic Bézier: (weight, x1, y1, cx1, cy1, cx2, cy2, x2, y2), weakest first."""
    t = 2 * np.pi * py5.frame_count / PERIOD
    found = []
    for l, W in enumerate(net.weights):
        for (k, j), w in np.ndenumerate(W):
            (x1, y1), (x2, y2) = positions[l][j], positions[l + 1][k]
            sway = SWAY * min(abs(w) / WEIGHT_SCALE, 1.0) * np.sin(t + phases[l][k, j])
            dx = (x2 - x1) / 3
            found.append((w, x1, y1, x1 + dx, y1 + sway, x2 - dx, y2 - sway, x2, y2))
    return sorted(found, key=lambda c: abs(c[0]))


def draw_curves(g, alpha=255, thin=1.0):
    """The curves on ``g`` (the canvas, the history or an SVG): colour = sign, width = |w|."""
    g.no_fill()
    g.stroke_cap(py5.ROUND)
    for w, *points in curves():
        g.stroke(*colors.weight_color(w, WEIGHT_SCALE), alpha)
        g.stroke_weight(thin * float(colors.weight_width(w, WEIGHT_SCALE)))
        g.bezier(*(float(p) for p in points))


def leave_a_trace():
    history.begin_draw()
    draw_curves(history, TRACE_ALPHA, thin=0.6)
    history.end_draw()


def draw_neurons():
    """Breathing neurons, lit by their activation for one sample."""
    sample = X[(py5.frame_count // 20) % len(X)]
    breath = 1 + 0.12 * np.sin(2 * np.pi * py5.frame_count / 90)
    for l, (centres, a) in enumerate(zip(positions, net.activations(sample), strict=True)):
        low, high = (0.0, 1.0) if l == len(LAYERS) - 1 else (-1.0, 1.0)  # sigmoid out, tanh inside
        for (x, y), value in zip(centres, a, strict=True):
            fill = colors.activation_color(value, low, high)
            py5.no_stroke()
            for ring, shade in ((2.0, 0.15), (1.5, 0.35), (1.0, 1.0)):  # a soft glow, then the core
                py5.fill(*colors.mix(colors.BACKGROUND, fill, shade))
                py5.circle(x, y, 18 * ring * breath)


def draw_caption():
    label(f"a {'-'.join(map(str, LAYERS))} network learning two moons", 30, 24, 18, colors.INK)
    label(f"step {steps}   loss {loss:.3f}   η {controls.learning_rate:g}", 770, 28, 14, colors.MUTED,
          align="right", kind="mono")
    label("orange: negative weight · blue: positive · thicker: larger |w| · the haze: its history",
          30, 760, 13, colors.MUTED)


def state() -> dict:
    """This frame's numbers, for ``creativenn export --sidecar``."""
    return {"step": steps, "loss": loss, "learning_rate": controls.learning_rate, "weights": net.weights}


def save_svg(path):
    """The curves and neurons as vectors, one path per weight: for plotters and ``export --svg``."""

    def vectors(g):
        draw_curves(g)
        g.no_stroke()
        g.fill(*colors.INK)
        for centres in positions:
            for x, y in centres:
                g.circle(float(x), float(y), 18)

    return write_svg(path, vectors)


def key_pressed():
    controls.press(py5.key)


py5.run_sketch()
