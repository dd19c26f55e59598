"""Drawing helpers for py5 sketches: the only part of creativenn that imports py5.

Everything here reads numbers from the core and draws them through one
mapping from model space to screen (``creativenn.picture.layout.Mapping``); nothing
here does maths the core should do. Colours come from ``creativenn.picture.colors``.
"""

from ..tools import _start  # noqa: F401 - first: py5 started on the chosen Java, or one clear message
from .base import (
    current_sketch,
    draw_help,
    draw_message,
    draw_panel_title,
    draw_rows,
    draw_title,
    drawing_clean,
    export_draws,
    font,
    label,
    labels_drawn,
    overlay,
    panel,
    pointer_inside,
    wrapped,
)
from .controls import Controls, Key, Saves, Setting, cycle
from .network import EdgeLayer, draw_network, draw_weight_legend, edge_buckets
from .plots import (
    class_labels,
    draw_axis_names,
    draw_boundary,
    draw_class_legend,
    draw_decision_field,
    draw_loss_curve,
    draw_loss_curves,
    draw_pixels,
    draw_points,
    draw_rings,
    field_image,
)
from .svg import save_network_svg, save_svg
from .terrain import draw_arrow, draw_ball, draw_cross, draw_downhill_arrow, draw_terrain, draw_trail, terrain

__all__ = [
    # a sketch's keys, text and panels
    "Controls", "Key", "Saves", "Setting", "cycle", "current_sketch", "draw_help", "draw_message",
    "draw_panel_title", "draw_rows", "draw_title", "font", "label", "labels_drawn", "overlay", "panel",
    "wrapped", "export_draws", "drawing_clean", "pointer_inside",
    # networks and what they learn
    "draw_network", "EdgeLayer", "draw_weight_legend", "edge_buckets", "draw_decision_field", "field_image",
    "draw_boundary", "draw_pixels", "draw_points", "draw_rings", "class_labels", "draw_loss_curve",
    "draw_loss_curves", "draw_axis_names", "draw_class_legend",
    # surfaces and balls on them
    "draw_terrain", "terrain", "draw_trail", "draw_ball", "draw_cross", "draw_arrow", "draw_downhill_arrow",
    # files
    "save_svg", "save_network_svg",
]
