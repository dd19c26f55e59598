"""TITLE — a random network that paints: each pixel's (x, y, r) and a drifting latent point → colour.

What to watch: one random network (a CPPN) colours every pixel in one
forward pass; the latent point goes round a circle, so the picture morphs
and comes back after LOOP_FRAMES frames (export that many for a seamless loop).

Keys: n next seed · m activation mix · p poster · space pause · s save a frame · h help.
Run it: creativenn run FILE · export it: creativenn export FILE --frames 120 --out out/NAME --gif
"""

import py5

from creativenn import colors
from creativenn.draw import Controls, Key, cycle, label
from creativenn.worlds.cppn import MIXES, Knobs

# --- constants: CHANGE these ----------------------------------------------------
START = Knobs(mix="waves", width=16, depth=4, detail=2.5, seed=0)  # CHANGE: mix bumps, mirror, soft, all
RESOLUTION = 400  # pixels computed a side (drawn at the window's size)
LOOP_FRAMES = 120
POSTER_SIZE = 3000  # CHANGE: pixels a side of the poster p writes

# --- state (what changes while the sketch runs) ---------------------------------
knobs, picture, clock = START, None, 0
net = knobs.network()


def turn(**change):
    global knobs, net
    knobs = knobs.turned(**change)
    net = knobs.network()


def poster(key):  # takes a few seconds; the window waits
    latent = net.latent_at(clock / LOOP_FRAMES)
    controls.announce(net.poster(controls.next_path(".png"), POSTER_SIZE, POSTER_SIZE, latent))


controls = Controls("NAME", [
    Key("n", "next seed", lambda k: turn(seed=knobs.seed + 1), "seed"),
    Key("m", "activation mix", lambda k: turn(mix=cycle(MIXES, knobs.mix)), "mix"),
    Key("p", f"poster: {POSTER_SIZE} × {POSTER_SIZE} PNG", poster),
])


def settings():
    py5.size(800, 800)
    py5.smooth(4)


def draw():
    global clock, picture
    rgb = net.image(RESOLUTION, RESOLUTION, net.latent_at(clock / LOOP_FRAMES))
    picture = py5.create_image_from_numpy(rgb, bands="RGB", dst=picture)
    py5.image(picture, 0, 0, py5.width, py5.height)  # CHANGE: draw on top of it, frame it, …
    label(f"TITLE   seed {knobs.seed}   {knobs.mix}", 20, py5.height - 30, 14, colors.INK)
    controls.draw(footer=False)
    if not controls.paused:
        clock = (clock + 1) % LOOP_FRAMES


def key_pressed():
    controls.press(py5.key)


py5.run_sketch()
