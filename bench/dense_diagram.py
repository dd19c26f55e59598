"""The dense diagram: draw_network on 784-16-16-10 (12,960 edges), frames per second.

Measured side by side in one run, in an 800×800 JAVA2D sketch under this
machine's display (Xvfb and software rendering on CI): the way
``draw_network`` draws dense networks (edges aliased, offscreen, crowded
layers as strips) against the plain way (every edge antialiased on the
canvas, as for small networks). Goal: at least 10 frames/s.

Run: ``make bench`` or ``python bench/dense_diagram.py``.
"""

from __future__ import annotations

import sys
import time

import numpy as np

import creativenn as cnn
from creativenn.tools.display import virtual_display

GOAL = 10.0
FRAMES = 12


def main() -> int:
    virtual_display()
    import py5

    from creativenn.draw import draw_network, network

    net = cnn.MLP([784, 16, 16, 10], activation="sigmoid", loss="cross_entropy", seed=0)
    X, _ = cnn.datasets.digits(wide=True)
    scales = [0.3, 3.0, 3.0]
    fps = {}

    def settings():
        py5.size(800, 800)
        py5.smooth(4)

    def measure(dense_limit):
        network.DENSE = dense_limit
        draw_network(net, 250, 90, 350, 470, sample=X[0], scale=scales)  # warm-up
        start = time.perf_counter()
        for k in range(FRAMES):
            py5.background(21, 23, 28)
            draw_network(net, 250, 90, 350, 470, sample=X[k], scale=scales)
            py5.get_np_pixels(bands="RGB")  # the frame must really be rendered
        return FRAMES / (time.perf_counter() - start)

    def draw():
        default = network.DENSE
        for _ in range(2):  # alternate, best of two
            fps["dense way"] = max(fps.get("dense way", 0), measure(default))
            fps["plain way"] = max(fps.get("plain way", 0), measure(10**9))
        network.DENSE = default
        py5.exit_sketch()

    py5.run_sketch(block=True, sketch_functions={"settings": settings, "draw": draw})
    print(f"dense diagram: draw_network on 784-16-16-10 ({sum(w.size for w in net.weights)} edges), "
          "800×800 JAVA2D")
    print(f"{'way':<40}{'frames/s':>10}{'goal':>8}")
    for name, label in (("dense way", "draw_network (aliased offscreen, strips)"),
                        ("plain way", "every edge antialiased on the canvas")):
        mark = "" if name != "dense way" or fps[name] >= GOAL else "  MISSED"
        goal = f"≥{GOAL:g}" if name == "dense way" else ""
        print(f"{label:<40}{fps[name]:>10.1f}{goal:>8}{mark}")
    print(f"speed-up {fps['dense way'] / fps['plain way']:.1f}×")
    return 0 if fps["dense way"] >= GOAL else 1


if __name__ == "__main__":
    np.seterr(all="ignore")
    sys.exit(main())
