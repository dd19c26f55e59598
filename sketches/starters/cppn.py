"""TITLE — a random network that paints: each pixel's (x, y, r) and a drifting latent point → colour.

What to watch: one random network (a CPPN) colours every pixel in one
forward pass; the latent point goes round a circle, so the picture morphs
and comes back after LOOP_FRAMES frames (export that many for a seamless loop).

Keys: n next seed · m activation mix · p poster · space pause · s save a frame · h help.
Run it: creativenn run FILE · export it: creativenn export FILE --frames 120 --out out/NAME --gif
"""

import py5

from creativenn import colors
from creativenn.worlds.cppn import CPPN, MIXES
from creativenn.draw import draw_help, label

# --- constants: CHANGE these ----------------------------------------------------
MIX = "waves"  # CHANGE: waves, bumps, mirror, soft, all — or your own list: ("sin", "abs")
WIDTH, DEPTH = 16, 4  # CHANGE: neurons a layer, hidden layers: more = more intricate
DETAIL = 2.5  # CHANGE: how busy the picture is
RESOLUTION = 400  # pixels computed a side (drawn at the window's size)
LOOP_FRAMES = 120
POSTER_SIZE = 3000  # CHANGE: pixels a side of the poster p writes
SEED = 0  # the exporter's --seed reaches this: the same seed, the same picture
KEYS = [("n", "next seed"), ("m", "activation mix"), ("p", "poster"), ("space", "pause / go on"),
        ("s", "save this frame"), ("h", "help")]

# --- state (what changes while the sketch runs) ---------------------------------
net = picture = None
mix, seed, clock, paused, show_help = MIX, SEED, 0, False, False


def settings():
    py5.size(800, 800)
    py5.smooth(4)


def setup():
    py5.window_title("TITLE")
    make_network()


def make_network():
    global net
    net = CPPN(width=WIDTH, depth=DEPTH, mix=mix, seed=seed, scale=DETAIL)


def draw():
    global clock, picture
    rgb = net.image(RESOLUTION, RESOLUTION, net.latent_at(clock / LOOP_FRAMES))
    picture = py5.create_image_from_numpy(rgb, bands="RGB", dst=picture)
    py5.image(picture, 0, 0, py5.width, py5.height)  # CHANGE: draw on top of it, frame it, …
    label(f"TITLE   seed {seed}   {mix}", 20, py5.height - 30, 14, colors.INK)
    if show_help:
        draw_help(KEYS)
    if not paused:
        clock = (clock + 1) % LOOP_FRAMES


def key_pressed():
    handle_key(py5.key)


def handle_key(key):
    global seed, mix, paused, show_help
    if key == "n":
        seed += 1
        make_network()
    elif key == "m":
        names = [*MIXES]
        mix = names[(names.index(mix) + 1) % len(names)] if mix in names else names[0]
        make_network()
    elif key == "p":  # takes a few seconds; the window waits
        latent = net.latent_at(clock / LOOP_FRAMES)
        print(f"poster written: {net.poster(f'NAME-poster-{seed}.png', POSTER_SIZE, POSTER_SIZE, latent)}")
    elif key == " ":
        paused = not paused
    elif key == "s":
        py5.save_frame("NAME-####.png")
    elif key == "h":
        show_help = not show_help


py5.run_sketch()
