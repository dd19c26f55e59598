"""The canvas as an RGB array, fast: what exports, the notebook and the live portal grab each frame.

py5's ``get_np_pixels(bands="RGB")`` slices the red, green and blue bytes out
of its ARGB array and copies them in one strided copy, which numpy does a
byte at a time: measured 6.8 ms for an 800 × 800 canvas, more than most
sketches take to draw. Three copies, one per channel, give the same array
in 0.8 ms (measured on a 2-core machine under Xvfb; the frames
``bench/live_fps.py`` times include it). py5 is not imported here: the
sketch is handed in.
"""

from __future__ import annotations

import numpy as np


def grab_rgb(sketch, out: np.ndarray | None = None) -> np.ndarray:
    """The sketch's canvas as a (height, width, 3) uint8 array: ``get_np_pixels(bands="RGB")``'s
    pixels, written into ``out`` when given (it must have that shape)."""
    sketch.load_np_pixels()
    argb = sketch.np_pixels
    if out is None:
        out = np.empty((*argb.shape[:2], 3), np.uint8)
    elif out.shape != (*argb.shape[:2], 3):
        raise ValueError(f"out must be shaped {(*argb.shape[:2], 3)}, got {out.shape}")
    for channel in range(3):  # one contiguous-stride copy a channel: R, G, B from A R G B
        out[..., channel] = argb[..., channel + 1]
    return out
