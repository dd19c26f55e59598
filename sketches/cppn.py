"""A random network that paints: every pixel's (x, y, r) and a drifting latent point → its colour.

What to watch: nothing here is trained. One random network (a CPPN) maps each
pixel's coordinates, its distance from the centre and a latent point to a
colour, all pixels in one forward pass, a = σ(W a + b) (F1, docs/maths.md).
Each hidden neuron has its own activation: sin paints waves, gaussian bumps,
abs mirrors, tanh soft edges. The first output picks a palette's colour (rgb:
the three outputs are red, green, blue). The coordinates are folded into a
symmetry, panned and warped by the network's own output before it sees them.
The latent point goes round a closed path: an export is one seamless loop
(``-- loop 120``). Every pixel is the network's own, a quarter of them new a frame.

Keys: m activation mix · n / N next / previous seed · [ ] fewer / more layers ·
, . fewer / more neurons a layer · + / - more / less detail · z zoom · c palette ·
y symmetry · f / F more / fewer folds · w warp · ← → ↑ ↓ pan · l latent path ·
t tempo · p poster · d plotter SVG · space pause · r reset · s save a frame · h help.
"""

import sys

import py5

from creativenn.draw import Controls, Key, Saves, cycle, drawing_clean, export_draws
from creativenn.draw.art import cppn_keys, draw_caption_bar
from creativenn.picture.palettes import NAMED
from creativenn.worlds.cppn import Interlaced, Knobs, Poster

# --- constants: change these --------------------------------------------------
SEED = 0  # the network's weights; creativenn export --seeds 1-64 renders one clip a seed
PALETTE, SYMMETRY, FOLDS, WARP = "ember", "none", 6, 0.0  # keys c y f w turn them; radial: FOLDS wedges
START = Knobs(mix="waves", seed=SEED, width=16, depth=4, detail=2.5, zoom=1.5, palette=PALETTE,
              symmetry=SYMMETRY, folds=FOLDS, warp=WARP)
PALETTES = ["rgb", *NAMED]  # c: add a picture of your own, "my_photo.jpg": its colours become a palette
LOOP_FRAMES = EXPORT_FRAMES = 240  # frames for the latent point to go round once; an export's length
ZOOMS, WARPS = [1.0, 1.5, 2.5, 4.0], [0.0, 0.25, 0.5, 1.0]
POSTER_SIZE = 4000  # pixels a side; rendered in bands, so memory stays small at any size
POSTER_DPI = 300  # written into the PNG: 4000 pixels at 300 dpi print 33.9 cm wide
PLOT_LEVELS, PLOT_PENS, PLOT_MM = 12, 4, (200, 200)  # d: contour levels, pens (layers), page size

# --- state --------------------------------------------------------------------
knobs, net, live = START, START.network(), None  # live: the sharp picture, a quarter of it a frame
clock, loop_frames, poster = 0, LOOP_FRAMES, None  # poster: the one being written, if any


def turn(**change):
    """New knobs, and the network they make (the same knobs always make the same network)."""
    global knobs, net
    made = controls.attempt("Those knobs make no picture; the old one stays.", knobs.turned(**change).network)
    knobs, net = (knobs.turned(**change), made) if made else (knobs, net)


def reset():
    global knobs, net, clock
    knobs, net, clock = START, START.network(), 0


def retime(key):  # t: a loop half as long, as long, twice as long: slower or faster
    global clock, loop_frames
    frames = cycle([LOOP_FRAMES // 2, LOOP_FRAMES, 2 * LOOP_FRAMES], loop_frames)
    clock, loop_frames = clock * frames // loop_frames, frames


controls = Controls("cppn", [
    *cppn_keys(lambda: knobs, turn, palettes=PALETTES, zooms=ZOOMS, warps=WARPS),
    Key("t", "tempo: a loop half as long, as long, twice as long", retime),
    Key("p", f"poster: {POSTER_SIZE} × {POSTER_SIZE} PNG", lambda k: make_poster(), "poster"),
    Saves("d", "plotter SVG: the picture's contour lines, a layer a pen", save=lambda path: save_svg(path)),
], reset=reset)


def settings():
    py5.size(800, 800)


def setup():
    global loop_frames, live
    py5.window_title("creativenn · cppn")
    if "loop" in sys.argv[1:-1]:
        loop_frames = int(sys.argv[sys.argv.index("loop") + 1])
    elif export_draws():  # exported: the loop is as long as the export, so the clip is seamless
        loop_frames = export_draws()
    live = Interlaced(py5.width, py5.height, exact=export_draws() is not None)  # an export: every pixel


def draw():
    global clock
    picture = live.frame(net, net.latent_at(clock / loop_frames))  # one forward pass (F1)
    py5.set_np_pixels(picture, bands="RGB")  # the window's own pixels: sharp
    if not drawing_clean():
        writing = poster is not None and not poster.done
        draw_caption_bar(f"{knobs.shape()} · {knobs.mix} · seed {knobs.seed} · detail {knobs.detail:.3g}",
                         knobs.look(), f"poster {poster.fraction:.0%}" if writing else
                         f"{clock + 1}/{loop_frames}   h help")
    controls.draw(footer=False, note="top")  # the caption is its only text; notes sit clear of it
    if not controls.paused:
        clock = (clock + 1) % loop_frames


def make_poster():
    """The current picture at POSTER_SIZE, written on a thread of its own: the window goes on."""
    global poster
    if poster is None or poster.done:
        path, latent = controls.next_path(".png"), net.latent_at(clock / loop_frames)
        poster = Poster(net, path, POSTER_SIZE, POSTER_SIZE, latent, then=controls.announce,
                        failed=lambda error: controls.say(f"no poster: {error}"), dpi=POSTER_DPI)


def key_pressed():
    controls.press(py5.key, py5.key_code)


# --- for the exporter ---------------------------------------------------------
def state() -> dict:
    """This frame's numbers, for ``creativenn export --sidecar``."""
    return {"frame_in_loop": clock, "loop_frames": loop_frames, "latent": net.latent_at(clock / loop_frames),
            **vars(knobs)}  # seed, mix, width, depth, detail, zoom, palette, symmetry, folds, pan, warp, path


def save_svg(path):
    """The picture as contour lines for a pen plotter (each one path, a layer a pen, sized in mm)."""
    return net.plot(path, net.latent_at(clock / loop_frames), PLOT_LEVELS, PLOT_PENS, PLOT_MM)


py5.run_sketch()
