"""The canvas as an RGB array, fast: what exports, the notebook and the live portal grab each frame.

py5's ``get_np_pixels(bands="RGB")`` slices the red, green and blue bytes out
of its ARGB array and copies them in one strided copy, which numpy does a
byte at a time: measured 6.8 ms for an 800 × 800 canvas, more than most
sketches take to draw. Three copies, one per channel, give the same array
in 0.8 ms (measured on a 2-core machine under Xvfb; the frames
``bench/live_fps.py`` times include it).

On P2D and P3D, py5 first has Processing's ``loadPixels`` read the OpenGL
canvas back and convert it, pixel by pixel in Java, to ARGB: 14–16 ms at
800 × 800 under Mesa's software OpenGL. Here the canvas is read with
Processing's own ``PGL.readPixels`` (which resolves a multisampled canvas
first) straight into a buffer numpy can see: 2–3 ms, the same pixels
(tested). Should that ever fail, the slow way is used.

py5 is not imported here: the sketch is handed in.
"""

from __future__ import annotations

import numpy as np

_GL_BUFFERS: dict = {}  # id(sketch) → (sketch, a direct ByteBuffer the size of its canvas)


def grab_rgb(sketch, out: np.ndarray | None = None) -> np.ndarray:
    """The sketch's canvas as a (height, width, 3) uint8 array: ``get_np_pixels(bands="RGB")``'s
    pixels, written into ``out`` when given (it must have that shape)."""
    rgba = _read_opengl(sketch)
    if rgba is not None:
        source, first = rgba[::-1], 0  # OpenGL's rows run bottom up; channels R G B A
    else:
        sketch.load_np_pixels()
        source, first = sketch.np_pixels, 1  # channels A R G B
    if out is None:
        out = np.empty((*source.shape[:2], 3), np.uint8)
    elif out.shape != (*source.shape[:2], 3):
        raise ValueError(f"out must be shaped {(*source.shape[:2], 3)}, got {out.shape}")
    for channel in range(3):  # one contiguous-stride copy a channel
        out[..., channel] = source[..., channel + first]
    return out


def _read_opengl(sketch) -> np.ndarray | None:
    """An OpenGL sketch's canvas as (height, width, 4) RGBA rows bottom up; None for JAVA2D, or if
    reading it this way fails."""
    try:
        graphics = sketch._instance.g
        if not graphics.isGL():
            return None
        import jpype

        width, height = int(graphics.pixelWidth), int(graphics.pixelHeight)
        kept = _GL_BUFFERS.get(id(sketch))
        if kept is None or kept[0] is not sketch or kept[1].capacity() != width * height * 4:
            buffer = jpype.JClass("java.nio.ByteBuffer").allocateDirect(width * height * 4)
            kept = _GL_BUFFERS[id(sketch)] = (sketch, buffer)
        buffer = kept[1]
        buffer.rewind()
        graphics.flush()  # what is still queued, drawn first
        gl = jpype.JClass("processing.opengl.PGL")
        graphics.pgl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, buffer)
        return np.asarray(memoryview(buffer)).view(np.uint8).reshape(height, width, 4)
    except Exception:  # noqa: BLE001 - any surprise: py5's own (slower) way
        return None
