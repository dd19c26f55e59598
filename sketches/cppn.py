"""A random network that paints: every pixel's (x, y, r) and a drifting latent point → its colour.

What to watch: nothing here is trained. One random network (a CPPN) takes
each pixel's coordinates, its distance from the centre and a latent point,
and its three sigmoid outputs are the pixel's red, green and blue, all
pixels in one forward pass, a = σ(W a + b). Each hidden neuron has its own
activation: sin paints waves, gaussian bumps, abs mirrors, tanh soft edges.
The latent point circles, so the picture morphs and comes back: exporting
LOOP_FRAMES frames gives a seamless loop (``-- loop 120`` sets another length).

Equations are cited by tag, like (G1): see docs/maths.md, or run
``creativenn maths G1``.

Keys: m activation mix · n / N next / previous seed · [ ] fewer / more layers ·
, . fewer / more neurons a layer · + / - more / less detail · z zoom ·
p poster (4000 × 4000 PNG) · space pause · r reset · s save a frame · h help.
"""

import sys
import threading

import py5

from creativenn import colors
from creativenn.worlds.cppn import CPPN, MIXES
from creativenn.draw import draw_help, label

# --- constants: change these --------------------------------------------------
RESOLUTION = 400  # pixels computed a side on screen, scaled up smoothly; 800 (the window's size)
#                   computes every pixel and uploads them as they are with set_np_pixels: sharper, slower
LOOP_FRAMES = 240  # frames for the latent point to go round once
MIX, WIDTH, DEPTH, DETAIL, ZOOM = "waves", 16, 4, 2.5, 1.5
POSTER_SIZE = 4000  # pixels a side; rendered in bands, so memory stays small at any size
ZOOMS = [1.0, 1.5, 2.5, 4.0]
SEED = 0
KEYS = [("m", "activation mix"), ("n / N", "next / previous seed"), ("[ ]", "fewer / more layers"),
        (", .", "fewer / more neurons a layer"), ("+ / -", "more / less detail"), ("z", "zoom"),
        ("p", f"poster: {POSTER_SIZE} × {POSTER_SIZE} PNG"), ("space", "pause / go on"),
        ("r", "reset"), ("s", "save this frame"), ("h", "show / hide this help")]

# --- state --------------------------------------------------------------------
net = picture = None
mix, seed, width, depth, detail, zoom = MIX, SEED, WIDTH, DEPTH, DETAIL, ZOOM
clock, loop_frames, paused, show_help, poster = 0, LOOP_FRAMES, False, False, None


def settings():
    py5.size(800, 800)
    py5.smooth(4)  # also makes image() scale the picture up smoothly


def setup():
    global loop_frames
    py5.window_title("creativenn · cppn")
    if "loop" in sys.argv[1:-1]:
        loop_frames = int(sys.argv[sys.argv.index("loop") + 1])
    reset()


def reset():
    global mix, seed, width, depth, detail, zoom, clock
    mix, seed, width, depth, detail, zoom, clock = MIX, SEED, WIDTH, DEPTH, DETAIL, ZOOM, 0
    rebuild()


def rebuild():
    """A new random network from the current settings (the same settings give the same network)."""
    global net
    net = CPPN(width=width, depth=depth, mix=mix, seed=seed, scale=detail, zoom=zoom)


def draw():
    global clock, picture
    rgb = net.image(RESOLUTION, RESOLUTION, net.latent_at(clock / loop_frames))  # one forward pass (F1)
    if rgb.shape[:2] == (py5.height, py5.width):
        py5.set_np_pixels(rgb, bands="RGB")
    else:
        picture = py5.create_image_from_numpy(rgb, bands="RGB", dst=picture)
        py5.image(picture, 0, 0, py5.width, py5.height)
    draw_caption()
    if show_help:
        draw_help(KEYS)
    if not paused:
        clock = (clock + 1) % loop_frames


def draw_caption():
    py5.no_stroke()
    py5.fill(*colors.BACKGROUND)
    py5.rect(0, py5.height - 34, py5.width, 34)
    shape = "-".join(["5"] + [str(width)] * depth + ["3"])
    text = f"{shape}   {mix}: {' '.join(MIXES[mix])}   seed {seed}   detail {detail:.3g}"
    label(text, 14, py5.height - 26, 14, colors.INK, kind="mono")
    status = f"poster {poster:.0%}" if poster is not None else f"{clock + 1}/{loop_frames}   h help"
    label(status, py5.width - 14, py5.height - 26, 14, colors.MUTED, align="right", kind="mono")


def make_poster():
    """The current picture at POSTER_SIZE, written band by band on a background thread."""
    global poster
    if poster is not None:
        return
    name = f"cppn-{mix}-seed{seed}-{POSTER_SIZE}px.png"
    painter, latent = net, net.latent_at(clock / loop_frames)

    def work():
        global poster
        try:
            painter.poster(name, POSTER_SIZE, POSTER_SIZE, latent, progress=progress)
            print(f"poster written: {name}")
        finally:
            poster = None

    def progress(fraction):
        global poster
        poster = fraction

    poster = 0.0
    threading.Thread(target=work, daemon=True).start()


def state() -> dict:
    """This frame's numbers, for ``creativenn export --sidecar``."""
    return {"frame_in_loop": clock, "loop_frames": loop_frames, "latent": net.latent_at(clock / loop_frames),
            "seed": seed, "mix": mix, "width": width, "depth": depth, "detail": detail}


def key_pressed():
    handle_key(py5.key)


def handle_key(key):
    global paused, show_help
    if key and key in "mnN[],.+=-_z":
        change_network(key)
    elif key == "p":
        make_poster()
    elif key == " ":
        paused = not paused
    elif key == "r":
        reset()
    elif key == "s":
        py5.save_frame("cppn-####.png")
    elif key == "h":
        show_help = not show_help


def change_network(key):
    global mix, seed, width, depth, detail, zoom
    names = list(MIXES)
    if key == "m":
        mix = names[(names.index(mix) + 1) % len(names)]
    elif key in "nN":
        seed += 1 if key == "n" else -1
    elif key in "[]":
        depth = max(1, depth + (1 if key == "]" else -1))
    elif key in ",.":
        width = max(1, width + (2 if key == "." else -2))
    elif key in "+=-_":
        detail = detail * 1.25 if key in "+=" else detail / 1.25
    else:
        zoom = ZOOMS[(ZOOMS.index(zoom) + 1) % len(ZOOMS)] if zoom in ZOOMS else ZOOMS[0]
    rebuild()


py5.run_sketch()
