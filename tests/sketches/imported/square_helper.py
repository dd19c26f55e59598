# PY5 IMPORTED MODE CODE
"""A helper module of an imported-mode sketch: py5's names without an import, as py5 allows."""


def square_at(x, y):
    no_stroke()
    fill(250, 200, 0)
    rect(x, y, 20, 20)
