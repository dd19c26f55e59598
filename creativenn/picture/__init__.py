"""How numbers become a picture, without a window: the palette, layouts, contour lines.

numpy only; may import ``creativenn.maths``. ``creativenn.draw`` reads these to
draw; tests check them with no display. See docs/architecture.md.
"""
