"""A sketch whose settings() calls sys.exit(3): py5 alone would leave the process hanging."""

import sys

import py5


def settings():
    py5.size(120, 80)
    sys.exit(3)


def draw():
    py5.background(0)


py5.run_sketch()
