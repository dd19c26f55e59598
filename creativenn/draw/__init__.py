"""Drawing helpers for py5 sketches: the only part of creativenn that imports py5.

Everything here reads numbers from the core and draws them through one
mapping from model space to screen (``creativenn.layout.Mapping``); nothing
here does maths the core should do. Colours come from ``creativenn.colors``.
"""

import os

import py5_tools

if os.environ.get("CREATIVENN_JVM_OPTIONS") and not py5_tools.is_jvm_running():
    py5_tools.add_options(*os.environ["CREATIVENN_JVM_OPTIONS"].split())  # see cli.EXPORT_JVM

from .base import current_sketch, draw_help, draw_message, font, label, panel
from .network import draw_network, edge_buckets
from .plots import (
    class_labels,
    draw_decision_field,
    draw_loss_curve,
    draw_loss_curves,
    draw_points,
    field_image,
)
from .svg import save_network_svg, save_svg
from .terrain import draw_arrow, draw_ball, draw_downhill_arrow, draw_terrain, draw_trail, terrain

__all__ = [
    "current_sketch", "draw_help", "draw_message", "font", "label", "panel",
    "draw_network", "edge_buckets", "draw_decision_field", "field_image", "draw_points",
    "draw_loss_curve", "draw_loss_curves", "class_labels", "draw_terrain", "terrain", "draw_trail",
    "draw_ball", "draw_arrow", "draw_downhill_arrow", "save_svg", "save_network_svg",
]
