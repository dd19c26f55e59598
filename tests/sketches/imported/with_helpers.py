"""An imported-mode sketch that draws with creativenn's helpers (text in the bundled font)."""

from creativenn.draw import label


def settings():
    size(160, 60)


def draw():
    background(10, 20, 30)
    label("creativenn", 10, 10, 24, (255, 255, 255))
