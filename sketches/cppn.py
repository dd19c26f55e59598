"""A random network that paints: every pixel's (x, y, r) and a drifting latent point → its colour.

What to watch: nothing here is trained. One random network (a CPPN) takes
each pixel's coordinates, its distance from the centre and a latent point,
and its three sigmoid outputs are the pixel's red, green and blue, all
pixels in one forward pass, a = σ(W a + b) (F1). Each hidden neuron has its
own activation: sin paints waves, gaussian bumps, abs mirrors, tanh soft
edges. The latent point circles, so the picture morphs and comes back: an
export is one seamless loop, as long as its frames (``-- loop 120`` sets
another). Tags like (F1) cite docs/maths.md: ``creativenn maths F1``.

Keys: m activation mix · n / N next / previous seed · [ ] fewer / more layers ·
, . fewer / more neurons a layer · + / - more / less detail · z zoom ·
p poster (4000 × 4000 PNG) · space pause · r reset · s save a frame · h help.
"""

import sys

import py5

from creativenn import colors
from creativenn.draw import Controls, Key, cycle, export_draws, label
from creativenn.worlds.cppn import MIXES, Knobs, Poster

# --- constants: change these --------------------------------------------------
RESOLUTION = 400  # pixels computed a side on screen, scaled up smoothly; 800 (the window's size)
#                   computes every pixel and uploads them as they are with set_np_pixels: sharper, slower
LOOP_FRAMES = EXPORT_FRAMES = 240  # frames for the latent point to go round once; an export's length
SEED = 0  # the network's weights; creativenn export --seeds 1-64 renders one clip a seed
START = Knobs(mix="waves", seed=SEED, width=16, depth=4, detail=2.5, zoom=1.5)
POSTER_SIZE = 4000  # pixels a side; rendered in bands, so memory stays small at any size
ZOOMS = [1.0, 1.5, 2.5, 4.0]

# --- state --------------------------------------------------------------------
knobs, net, picture = START, START.network(), None
clock, loop_frames, poster = 0, LOOP_FRAMES, None  # the poster being written, if any


def turn(**change):
    """New knobs, and the network they make (the same knobs always make the same network)."""
    global knobs, net
    knobs = knobs.turned(**change)
    net = knobs.network()


def reset():
    global knobs, net, clock
    knobs, net, clock = START, START.network(), 0


controls = Controls("cppn", [
    Key("m", "activation mix", lambda k: turn(mix=cycle(MIXES, knobs.mix)), "mix"),
    Key("n / N", "next / previous seed", lambda k: turn(seed=knobs.seed + (1 if k == "n" else -1)), "seed"),
    Key("[ ]", "fewer / more layers", lambda k: turn(depth=knobs.depth + (1 if k == "]" else -1)), "layers"),
    Key(", .", "fewer / more neurons a layer", lambda k: turn(width=knobs.width + (2 if k == "." else -2)),
        "neurons"),
    Key("+ / -", "more / less detail", lambda k: turn(detail=knobs.detail * (1.25 if k in "+=" else 0.8)),
        "detail"),
    Key("z", "zoom", lambda k: turn(zoom=cycle(ZOOMS, knobs.zoom))),
    Key("p", f"poster: {POSTER_SIZE} × {POSTER_SIZE} PNG", lambda k: make_poster(), "poster"),
], reset=reset)


def settings():
    py5.size(800, 800)
    py5.smooth(4)  # also makes image() scale the picture up smoothly


def setup():
    global loop_frames
    py5.window_title("creativenn · cppn")
    if "loop" in sys.argv[1:-1]:
        loop_frames = int(sys.argv[sys.argv.index("loop") + 1])
    elif export_draws():  # exported: the loop is as long as the export, so the clip is seamless
        loop_frames = export_draws()


def draw():
    global clock, picture
    rgb = net.image(RESOLUTION, RESOLUTION, net.latent_at(clock / loop_frames))  # one forward pass (F1)
    if rgb.shape[:2] == (py5.height, py5.width):
        py5.set_np_pixels(rgb, bands="RGB")
    else:
        picture = py5.create_image_from_numpy(rgb, bands="RGB", dst=picture)
        py5.image(picture, 0, 0, py5.width, py5.height)
    draw_caption()
    controls.draw(footer=False)  # a picture: the caption is its only text (h shows the keys)
    if not controls.paused:
        clock = (clock + 1) % loop_frames


def draw_caption():
    py5.no_stroke()
    py5.fill(*colors.BACKGROUND)
    py5.rect(0, py5.height - 34, py5.width, 34)
    label(f"{knobs.shape()}   {knobs.mix}: {' '.join(MIXES[knobs.mix])}   seed {knobs.seed}   "
          f"detail {knobs.detail:.3g}", 14, py5.height - 26, 14, colors.INK, kind="mono")
    writing = poster is not None and not poster.done
    status = f"poster {poster.fraction:.0%}" if writing else f"{clock + 1}/{loop_frames}   h help"
    label(status, py5.width - 14, py5.height - 26, 14, colors.MUTED, align="right", kind="mono")


def make_poster():
    """The current picture at POSTER_SIZE, written on a thread of its own: the window goes on."""
    global poster
    if poster is None or poster.done:
        path, latent = controls.next_path(".png"), net.latent_at(clock / loop_frames)
        poster = Poster(net, path, POSTER_SIZE, POSTER_SIZE, latent, then=controls.announce)


def key_pressed():
    controls.press(py5.key)


# --- for the exporter ---------------------------------------------------------
def state() -> dict:
    """This frame's numbers, for ``creativenn export --sidecar``."""
    return {"frame_in_loop": clock, "loop_frames": loop_frames, "latent": net.latent_at(clock / loop_frames),
            "seed": knobs.seed, "mix": knobs.mix, "width": knobs.width, "depth": knobs.depth,
            "detail": knobs.detail}


py5.run_sketch()
