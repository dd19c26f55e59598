"""The pictures of one training step taken apart (``maths.backprop.Walkthrough``): pulses along the
edges, lit neurons ringed with their error, weights flashing with their change, the stage's
equation, and the table comparing the three backward rules (B2, B3, B4; the tags name equations
of docs/maths.md, ``creativenn maths B4`` prints one).
"""

from __future__ import annotations

import numpy as np
import py5

from ..maths.backprop import RULES, StepTrace, Walkthrough, agreement
from ..picture import colors
from ..picture.layout import edge_segments
from .base import current_sketch, label

RULE_NAMES = {"chain": "exact chain rule (B4)", "proportional": "blame shared by weight (B2)",
              "transpose": "transpose approximation (B3)"}


def eased(t: float) -> float:
    """0 … 1, slow at both ends: how far a stage's pulses have come at time t of it."""
    return t * t * (3 - 2 * t)


def pulses(trace: StepTrace, positions, kind: str, layer: int, t: float) -> np.ndarray:
    """(x, y, radius) of every pulse on W_layer's edges at eased time t: signals forward, blame back."""
    if kind not in ("forward", "backward"):
        return np.zeros((0, 3))
    l = layer - 1
    values = trace.signals[l] if kind == "forward" else trace.blame[l]
    segments = edge_segments(positions, l)
    t = t if kind == "forward" else 1 - t  # blame runs from layer l back to l-1
    xy = segments[..., :2] + t * (segments[..., 2:] - segments[..., :2])
    size = np.abs(values) / max(np.abs(values).max(), 1e-12)
    return np.column_stack([xy.reshape(-1, 2), 3 + 6 * np.sqrt(size.ravel())])


def draw_pulses(trace: StepTrace, positions, kind: str, layer: int, t: float, sketch=None) -> None:
    s = current_sketch(sketch)
    s.stroke(*colors.BACKGROUND)
    s.stroke_weight(1.5)
    s.fill(*(colors.ON if kind == "forward" else colors.ERROR))
    for x, y, r in pulses(trace, positions, kind, layer, t):
        s.circle(x, y, 2 * r)


def draw_neurons(walk: Walkthrough, positions, t: float, radius: float = 17, sketch=None) -> None:
    """Lit where the signal has arrived, with its activation; ringed with its error where the blame has;
    the inputs and the targets written beside their columns."""
    s = current_sketch(sketch)
    trace, kind, layer = walk.trace, walk.stage_kind, walk.stage_layer
    n_layers = len(positions)
    lit = n_layers if kind != "forward" else layer + (t > 0.9)
    blamed = {"forward": n_layers, "error": layer, "backward": layer - (t > 0.9)}.get(kind, 1)
    e_max = max(np.abs(np.concatenate(trace.errors[1:])).max(), 1e-12)
    for l, centres in enumerate(positions):
        for k, (x, y) in enumerate(centres):
            a = trace.activations[l][k]
            span = (0.0, 1.0) if l else (-1.0, 1.0)  # sigmoid outputs; inputs may be negative
            s.fill(*(colors.activation_color(a, *span) if l < lit else colors.OFF))
            s.stroke(*colors.MUTED)
            s.stroke_weight(1.5)
            s.circle(x, y, 2 * radius)
            if l < lit:
                label(f"{a:.2f}", x, y - 7, 12, colors.BACKGROUND if a > 0.3 else colors.INK, align="center",
                      sketch=s)
            if l >= max(blamed, 1) and kind != "forward":
                e = trace.errors[l][k]
                s.no_fill()
                s.stroke(*colors.ERROR)
                s.stroke_weight(1.5 + 5 * abs(e) / e_max)
                s.circle(x, y, 2 * radius + 12)
                label(f"{'δ' if walk.rule == 'chain' else 'e'} {e:+.3f}", x, y + radius + 8, 12, colors.ERROR,
                      align="center", kind="mono", sketch=s)
    for k, (x, y) in enumerate(positions[0]):
        label(f"x{k + 1} = {trace.x[k]:g}", x - 30, y - 8, 14, align="right", kind="mono", sketch=s)
    for k, (x, y) in enumerate(positions[-1]):
        color = colors.MUTED if kind == "forward" else colors.INK
        label(f"d = {trace.target[k]:g}", x + 34, y - 8, 14, color, kind="mono", sketch=s)


def draw_update_flashes(trace: StepTrace, positions, t: float, sketch=None) -> None:
    """Each edge flashes in the colour of its change: blue up, orange down, wider = larger."""
    s = current_sketch(sketch)
    top = max(np.abs(np.concatenate([u.ravel() for u in trace.weight_updates])).max(), 1e-12)
    glow = np.sin(np.pi * t)
    s.stroke_cap(py5.ROUND)
    for l, dW in enumerate(trace.weight_updates):
        segments = edge_segments(positions, l).reshape(-1, 4)
        for (x1, y1, x2, y2), change in zip(segments, dW.ravel(), strict=True):
            s.stroke(*colors.mix(colors.NEUTRAL, colors.weight_color(change, top), glow))
            s.stroke_weight(1 + 9 * glow * abs(change) / top)
            s.line(x1, y1, x2, y2)


def sub(n) -> str:
    """A number as subscript digits: W₂."""
    return str(n).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))


def equation(kind: str, l: int, rule: str, learning_rate: float) -> tuple[str, str]:
    """(the equation of this stage under ``rule``, what it says in words)."""
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


def draw_stage_text(walk: Walkthrough, x: float, y: float, sketch=None) -> None:
    """Which stage this is, its equation, and what it says."""
    s = current_sketch(sketch)
    kind = walk.stage_kind
    formula, words = equation(kind, walk.stage_layer, walk.rule, walk.learning_rate)
    color = colors.ON if kind == "forward" else colors.ERROR if kind in ("error", "backward") else colors.INK
    label(f"stage {walk.stage + 1}/{len(walk.stages)}: {kind}", x, y, 14, color, sketch=s)
    label(formula, x, y + 24, 19, kind="mono", sketch=s)
    label(words, x, y + 56, 14, colors.MUTED, sketch=s)


def draw_rule_table(walk: Walkthrough, x: float, top: float, sketch=None) -> None:
    """Each hidden neuron's blame under the three rules, and how their updates agree."""
    s = current_sketch(sketch)
    label("blame each hidden neuron gets, by rule (each row scaled to its largest)", x, top, 13, colors.MUTED,
          sketch=s)
    hidden = range(1, len(walk.net.sizes) - 1)
    names = [f"{l}.{k + 1}" for l in hidden for k in range(walk.net.sizes[l])]
    x0, cell, row = x + 140, 52, 34
    for i, name in enumerate(names):
        label(name, x0 + (i + 0.5) * cell, top + 24, 12, colors.MUTED, align="center", kind="mono", sketch=s)
    for r, name in enumerate(RULES):
        y = top + 46 + r * row
        values = np.concatenate([walk.traces[name].errors[l] for l in hidden])
        scale = max(np.abs(values).max(), 1e-12)
        label(name, x, y + 4, 14, colors.ON if name == walk.rule else colors.INK, kind="mono", sketch=s)
        for i, v in enumerate(values):
            s.no_stroke()
            s.fill(*colors.PANEL)
            s.rect(x0 + i * cell + 3, y, cell - 6, row - 8)
            s.fill(*colors.weight_color(v, scale))
            s.rect(x0 + i * cell + cell / 2, y + 4, (cell / 2 - 6) * v / scale, row - 16)
    label("+ blue: raising this neuron raises the cost · − orange: lowering it does\n"
          "how far each rule's update points the chain rule's way (cos)", x, top + 160, 13, colors.MUTED,
          sketch=s)
    for r, name in enumerate(RULES[1:]):
        label(f"{name}: {agreement(walk.traces[name], walk.traces['chain']):.2f}", x + 250 * r, top + 206, 14,
              kind="mono", sketch=s)
