"""The decision field: the output over a 200×200 grid in one forward pass, and its upload.

Measured side by side in one run, in milliseconds a frame, and as a ratio to
the bare matmul of the first layer (the least any forward pass must do):

- ``matmul``: X @ W₁ᵀ for the 40,000 grid points alone;
- ``forward``: ``net.forward`` over the grid (every layer, activations);
- ``field image``: forward plus colouring (``field_image``), an RGB array;
- ``upload``: that image into py5 (``create_image_from_numpy``) and drawn.

Run: ``make bench`` or ``python bench/decision_field.py``.
"""

from __future__ import annotations

import sys
import time

import creativenn as cnn
from creativenn.picture.layout import Mapping
from creativenn.tools.display import virtual_display

GRID = 200
ROUNDS, REPEAT = 5, 20


def best_ms(work) -> float:
    best = float("inf")
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for _ in range(REPEAT):
            work()
        best = min(best, (time.perf_counter() - start) / REPEAT)
    return best * 1e3


def main() -> int:
    virtual_display()
    import py5

    from creativenn.draw import draw_decision_field, field_image

    net = cnn.MLP([2, 8, 8, 1], activation="tanh", loss="bce", seed=0)
    view = Mapping(((-1.3, 1.3), (-1.3, 1.3)), rect=(0, 0, 400, 400))
    points = view.grid(GRID, GRID)
    W = net.weights[0]
    times = {}

    def settings():
        py5.size(400, 400)

    def draw():
        times["matmul"] = best_ms(lambda: points @ W.T)
        times["forward"] = best_ms(lambda: net.forward(points))
        times["field image"] = best_ms(lambda: field_image(net, view, GRID))
        times["upload"] = best_ms(lambda: draw_decision_field(net, view, GRID))
        py5.exit_sketch()

    py5.run_sketch(block=True, sketch_functions={"settings": settings, "draw": draw})
    print(f"decision field: a {GRID}×{GRID} grid through a 2-8-8-1 network, best of {ROUNDS}")
    print(f"{'step':<34}{'ms/frame':>10}{'vs matmul':>11}")
    for name, label in (("matmul", "first layer's matmul alone"), ("forward", "net.forward (all layers)"),
                        ("field image", "+ colouring (field_image)"),
                        ("upload", "+ upload and draw (py5)")):
        print(f"{label:<34}{times[name]:>10.2f}{times[name] / times['matmul']:>10.1f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
