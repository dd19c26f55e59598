"""Backpropagation, slowed down: one training step of a 2-3-3-2 network, stage by stage.

What to watch: forward, warm pulses carry W_kj a_j along each edge (bigger =
larger) and light the next layer, a = σ(W a + b). Then the output error
e = a − d appears as crimson rings, and crimson pulses carry the blame back
along the edges. Last, every weight's change flashes on its edge (blue up,
orange down) and the step is taken. Press b to switch the backward rule
between the exact chain rule (B4), the course's "blame shared by weight"
(B2) and its transpose approximation (B3): the table at the bottom shows
each hidden neuron's blame under all three, and how far their updates agree.

Equations are cited by tag, like (G1): see docs/maths.md, or run
``creativenn maths G1``.

Keys: space next stage (stops the timer) · a play on a timer · b backward rule ·
n next sample · r reset · + / - learning rate · s save a frame · h help.
"""

import numpy as np
import py5

import creativenn as cnn
from creativenn import colors
from creativenn.maths.backprop import agreement, trace_step
from creativenn.draw import draw_help, draw_loss_curve, draw_network, label
from creativenn.picture.layout import diagram_layout, edge_segments

# --- constants: change these --------------------------------------------------
LAYERS = [2, 3, 3, 2]  # the course's all-sigmoid network, cost (C3)
LEARNING_RATE = 2.0
STAGE_FRAMES = 45  # frames a stage lasts when playing on a timer
RULES = ["chain", "proportional", "transpose"]
RULE_NAMES = {"chain": "exact chain rule (B4)", "proportional": "blame shared by weight (B2)",
              "transpose": "transpose approximation (B3)"}
WEIGHT_SCALE = 3.0
SEED = 0
KEYS = [("space", "next stage (stops the timer)"), ("a", "play the stages on a timer"),
        ("b", "backward rule: chain, shared by weight, transpose"), ("n", "next sample"),
        ("r", "reset the network"), ("+ / -", "learning rate up / down"), ("s", "save this frame"),
        ("h", "show / hide this help")]
NETWORK_BOX = (120, 160, 560, 300)

# --- state --------------------------------------------------------------------
net = X = D = None
stages, stage, clock, auto, rule, sample = [], 0, 0, True, "chain", 0
learning_rate, losses, traces, show_help = LEARNING_RATE, [], {}, False


def settings():
    py5.size(800, 800)
    py5.smooth(4)


def setup():
    py5.window_title("creativenn · backprop")
    reset()


def reset():
    """A fresh network from SEED, XOR's four corners as one-hot targets, the first stage."""
    global net, X, D, stages, stage, clock, sample, losses
    X, labels = cnn.datasets.xor()
    D = np.eye(2)[labels[:, 0].astype(int)]  # class 0 → (1, 0), class 1 → (0, 1)
    net = cnn.MLP(LAYERS, activation="sigmoid", loss="half_mse", seed=SEED)
    L = len(LAYERS) - 1
    stages = ([("forward", l) for l in range(1, L + 1)] + [("error", L)]
              + [("backward", l) for l in range(L, 1, -1)] + [("update", L)])
    stage, clock, sample, losses = 0, 0, 0, [net.loss(X, D)]
    retrace()


def retrace():
    """This sample's step under every rule (the table compares them)."""
    global traces
    traces = {r: trace_step(net, X[sample], D[sample], r, learning_rate) for r in RULES}


def draw():
    run_the_clock()
    py5.background(*colors.BACKGROUND)
    kind, layer = stages[stage]
    draw_stage_text(kind, layer)
    positions = draw_network(net, *NETWORK_BOX, scale=WEIGHT_SCALE)
    if kind == "update":
        draw_update_flashes(positions)
    draw_pulses(kind)
    draw_neurons(positions, kind, layer)
    draw_rule_table(480)
    draw_loss_curve(losses, 540, 480, 230, 230, title="cost C, all 4 samples")
    label("space next stage · a timer · b rule · n sample · r reset · +/- η · h help",
          30, 770, 14, colors.MUTED)
    if show_help:
        draw_help(KEYS)


def run_the_clock():
    """On a timer, a stage lasts STAGE_FRAMES frames; stepping, it waits for space at its end."""
    global clock
    clock = min(clock + 1, STAGE_FRAMES)
    if auto and clock == STAGE_FRAMES:
        next_stage()


def next_stage():
    """The next stage; after the update, the step is taken and the next sample comes."""
    global stage, clock, sample
    if stages[stage][0] == "update":
        traces[rule].apply(net)
        losses.append(net.loss(X, D))
        sample = (sample + 1) % len(X)
        retrace()
    stage, clock = (stage + 1) % len(stages), 0


def travel() -> float:
    """How far this stage's pulses have come, 0 … 1, eased in and out."""
    t = clock / STAGE_FRAMES
    return t * t * (3 - 2 * t)


def pulses(kind: str, layer: int):
    """(x, y, radius) of every pulse now: along W_layer's edges, forward or back."""
    if kind not in ("forward", "backward"):
        return np.zeros((0, 3))
    trace, l = traces[rule], layer - 1
    values = trace.signals[l] if kind == "forward" else trace.blame[l]
    segments = edge_segments(diagram_layout(net.sizes, *NETWORK_BOX)[0], l)
    t = travel() if kind == "forward" else 1 - travel()  # blame runs from layer l back to l-1
    xy = segments[..., :2] + t * (segments[..., 2:] - segments[..., :2])
    size = np.abs(values) / max(np.abs(values).max(), 1e-12)
    return np.column_stack([xy.reshape(-1, 2), 3 + 6 * np.sqrt(size.ravel())])


def draw_pulses(kind: str):
    fill = colors.ON if kind == "forward" else colors.ERROR
    py5.stroke(*colors.BACKGROUND)
    py5.stroke_weight(1.5)
    py5.fill(*fill)
    for x, y, r in pulses(kind, stages[stage][1]):
        py5.circle(x, y, 2 * r)


def draw_neurons(positions, kind: str, layer: int):
    """Lit where the signal has arrived; ringed with their error where the blame has."""
    trace = traces[rule]
    lit = len(LAYERS) if kind != "forward" else layer + (travel() > 0.9)
    blamed = {"forward": len(LAYERS), "error": layer, "backward": layer - (travel() > 0.9)}.get(kind, 1)
    radius = 15
    e_max = max(np.abs(np.concatenate(trace.errors[1:])).max(), 1e-12)
    for l, centres in enumerate(positions):
        for k, (x, y) in enumerate(centres):
            a = trace.activations[l][k]
            if l < lit:
                py5.fill(*colors.activation_color(a, *(0.0, 1.0) if l else (-1.0, 1.0)))
            else:
                py5.fill(*colors.OFF)
            py5.stroke(*colors.MUTED)
            py5.stroke_weight(1.5)
            py5.circle(x, y, 2 * radius)
            if l < lit:
                label(f"{a:.2f}", x, y - 6, 10, colors.BACKGROUND if a > 0.3 else colors.INK, align="center")
            if l >= max(blamed, 1) and kind != "forward":
                e = trace.errors[l][k]
                py5.no_fill()
                py5.stroke(*colors.ERROR)
                py5.stroke_weight(1.5 + 5 * abs(e) / e_max)
                py5.circle(x, y, 2 * radius + 12)
                name = "δ" if rule == "chain" else "e"
                label(f"{name} {e:+.3f}", x, y + radius + 8, 12, colors.ERROR, align="center", kind="mono")
    for k, (x, y) in enumerate(positions[0]):
        label(f"x{k + 1} = {X[sample][k]:g}", x - 30, y - 8, 14, align="right", kind="mono")
    for k, (x, y) in enumerate(positions[-1]):
        label(f"d = {D[sample][k]:g}", x + 34, y - 8, 14, colors.MUTED if kind == "forward" else colors.INK,
              kind="mono")


def draw_update_flashes(positions):
    """Each edge flashes in the colour of its change: blue up, orange down, wider = larger."""
    updates = traces[rule].weight_updates
    top = max(np.abs(np.concatenate([u.ravel() for u in updates])).max(), 1e-12)
    glow = np.sin(np.pi * travel())
    py5.stroke_cap(py5.ROUND)
    for l, dW in enumerate(updates):
        for (x1, y1, x2, y2), change in zip(edge_segments(positions, l).reshape(-1, 4), dW.ravel(),
                                             strict=True):
            py5.stroke(*colors.mix(colors.NEUTRAL, colors.weight_color(change, top), glow))
            py5.stroke_weight(1 + 9 * glow * abs(change) / top)
            py5.line(x1, y1, x2, y2)


def sub(n) -> str:
    return str(n).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))


def equation(kind: str, l: int) -> tuple[str, str]:
    """(the equation of this stage, what it says in words)."""
    if kind == "forward":
        return (f"z{sub(l)} = W{sub(l)} a{sub(l - 1)} + b{sub(l)}    a{sub(l)} = σ(z{sub(l)})    (F1)",
                f"Forward into layer {l}: each edge carries weight × activation; the neuron adds them up.")
    if kind == "error":
        if rule == "chain":
            return (f"e = a{sub(l)} − d    δ{sub(l)} = ∂C/∂a ⊙ σ'(z{sub(l)})    (B1, B4)",
                    "The output error times the sigmoid's slope: how much each output's sum should move.")
        return (f"e{sub(l)} = a{sub(l)} − d    C = 1/(2n) Σ e²    (B1, C3)",
                "The output error: how far each output is from what it should be.")
    if kind == "backward":
        text = {"chain": f"δ{sub(l - 1)} = (W{sub(l)}ᵀ δ{sub(l)}) ⊙ σ'(z{sub(l - 1)})    (B4)",
                "proportional": f"e{sub(l - 1)},ⱼ = Σₖ e{sub(l)},ₖ W{sub(l)},ₖⱼ / Σᵢ W{sub(l)},ₖᵢ    (B2)",
                "transpose": f"e{sub(l - 1)} ≈ W{sub(l)}ᵀ e{sub(l)}    (B3)"}[rule]
        return text, f"Back into layer {l - 1}: each edge carries back a share of the blame, by its weight."
    if rule == "chain":
        return ("Wₗ ← Wₗ − η δₗ aₗ₋₁ᵀ    bₗ ← bₗ − η δₗ    (B4, G1)",
                f"Every weight moves against its gradient, η = {learning_rate:g}. Then the next sample.")
    return ("Wₗ ← Wₗ − η (eₗ ⊙ σ'(zₗ)) aₗ₋₁ᵀ    (G1)",
            f"Every weight moves by error × slope × input, η = {learning_rate:g}. Then the next sample.")


def draw_stage_text(kind: str, layer: int):
    label("backpropagation, one step at a time", 30, 22, 22)
    label(f"{RULE_NAMES[rule]}   step {len(losses) - 1}   {'timer' if auto else 'space: next'}",
          770, 28, 14, colors.MUTED, align="right", kind="mono")
    formula, words = equation(kind, layer)
    label(f"stage {stage + 1}/{len(stages)}: {kind}", 30, 62, 14, colors.ON if kind == "forward"
          else colors.ERROR if kind in ("error", "backward") else colors.INK)
    label(formula, 30, 86, 19, kind="mono")
    label(words, 30, 118, 14, colors.MUTED)


def draw_rule_table(top: float):
    """Each hidden neuron's blame under the three rules, and how their updates agree."""
    label("blame each hidden neuron gets, by rule (each row scaled to its largest)", 30, top, 13,
          colors.MUTED)
    hidden = range(1, len(LAYERS) - 1)
    names = [f"{l}.{k + 1}" for l in hidden for k in range(LAYERS[l])]
    x0, cell, row = 170, 52, 34
    for i, name in enumerate(names):
        label(name, x0 + i * cell + cell / 2, top + 24, 12, colors.MUTED, align="center", kind="mono")
    for r, name in enumerate(RULES):
        y = top + 46 + r * row
        values = np.concatenate([traces[name].errors[l] for l in hidden])
        scale = max(np.abs(values).max(), 1e-12)
        label(name, 30, y + 4, 14, colors.ON if name == rule else colors.INK, kind="mono")
        for i, v in enumerate(values):
            cx = x0 + i * cell + cell / 2
            py5.no_stroke()
            py5.fill(*colors.PANEL)
            py5.rect(x0 + i * cell + 3, y, cell - 6, row - 8)
            py5.fill(*colors.weight_color(v, scale))
            py5.rect(cx, y + 4, (cell / 2 - 6) * v / scale, row - 16)
    label("+ blue: raising this neuron raises the cost · − orange: lowering it does",
          30, top + 160, 13, colors.MUTED)
    label("how far each rule's update points the chain rule's way (cos)", 30, top + 184, 13, colors.MUTED)
    for r, name in enumerate(RULES[1:]):
        label(f"{name}: {agreement(traces[name], traces['chain']):.2f}", 30 + 250 * r, top + 206, 14,
              kind="mono")


def state() -> dict:
    """This frame's numbers, for ``creativenn export --sidecar``."""
    kind, layer = stages[stage]
    trace = traces[rule]
    return {"step": len(losses) - 1, "stage": kind, "layer": layer, "rule": rule, "sample": sample,
            "loss": losses[-1], "errors": trace.errors, "weight_updates": trace.weight_updates}


def key_pressed():
    handle_key(py5.key)


def handle_key(key):
    global auto, rule, sample, learning_rate, show_help, stage, clock
    if key == " ":
        auto = False
        next_stage()
    elif key == "a":
        auto = True
    elif key == "b":
        rule = RULES[(RULES.index(rule) + 1) % len(RULES)]
    elif key == "n":
        sample, stage, clock = (sample + 1) % len(X), 0, 0
        retrace()
    elif key == "r":
        reset()
    elif key == "s":
        py5.save_frame("backprop-####.png")
    elif key in "+=-_":
        learning_rate = learning_rate * 1.5 if key in "+=" else learning_rate / 1.5
        retrace()
    elif key == "h":
        show_help = not show_help


py5.run_sketch()
