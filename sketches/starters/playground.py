"""TITLE — a playground of your own: your data, your network, trained live.

What to watch: the field on the left is the network's answer at every point of the plane;
the points are its data (ringed: held out for testing). Below, the train loss (yellow), the
test loss (pink) and the accuracy: when train and test part, it overfits.

Keys: click add a point · x its class · c clear · space pause · r replay · + / - learning rate ·
s save a frame · h help.
Run it: creativenn run FILE · export it: creativenn export FILE --frames 150 --out out/NAME --gif
"""

import py5

from creativenn import colors
from creativenn.draw import Controls, Key, draw_network, draw_title
from creativenn.draw.playground import draw_field, draw_losses
from creativenn.picture.layout import Mapping
from creativenn.worlds.playground import Playground, Settings

# --- constants: CHANGE these ----------------------------------------------------
DATA = "circles"  # CHANGE: xor, circles, moons, spirals, blobs, or your file: "my_points.csv" (x1,x2,label)
HIDDEN = (6, 6)  # CHANGE: neurons in each hidden layer
ACTIVATION = "tanh"  # CHANGE: sigmoid, tanh, relu, leaky_relu, sin, gaussian, abs
LEARNING_RATE = 0.03  # CHANGE: too big and it diverges, too small and it crawls
NOISE, TEST_SHARE = 0.1, 0.3  # CHANGE: how noisy the data; how much of it is held out for testing
FEATURES = ("x1", "x2")  # CHANGE: the inputs, from each point: x1 x2 x1^2 x2^2 x1*x2 sin(x1) sin(x2)
REGULARIZATION, RATE = None, 0.0  # CHANGE: "l1" (weights to zero) or "l2" (weights small), and λ
STEPS_PER_FRAME = 3

# --- state (what changes while the sketch runs) ---------------------------------
world = Playground(Settings(hidden=HIDDEN, activation=ACTIVATION, learning_rate=LEARNING_RATE, noise=NOISE,
                            test_fraction=TEST_SHARE, features=FEATURES, regularization=REGULARIZATION,
                            regularization_rate=RATE))
field = Mapping(bounds=((-1.5, 1.5), (-1.5, 1.5)), rect=(30, 80, 380, 380))
controls = Controls("NAME", [
    Key("click x", "add a point; x: the class it gets", lambda k: world.choose_click()),
    Key("c", "clear all points", lambda k: world.clear()),
], reset=world.restart, learning_rate=lambda: world.settings.learning_rate,
   on_learning_rate=lambda eta: world.change(learning_rate=eta))


def settings():
    py5.size(800, 760)
    py5.smooth(4)


def setup():
    py5.window_title("TITLE")
    # a data set by name, or your own points; one that cannot be used says why, on screen
    controls.attempt(f"DATA = {DATA!r}: not a data set's name, nor a CSV file that loads.", world.use, [DATA])


def draw():
    if not controls.paused:
        world.train(STEPS_PER_FRAME)  # θ ← θ − η ∇C(θ) on mini-batches of the training points
        if world.message:  # diverged: the weights went back; say so, and wait
            controls.halt(world.message)
    py5.background(*colors.BACKGROUND)
    draw_title("TITLE", None, controls.status(f"step {world.history.steps}   η = {controls.learning_rate:g}"))
    draw_field(world, field, None)
    draw_network(world.net, 450, 80, 320, 380)
    draw_losses(world, 30, 505, 740, 120, below=80)  # the loss, and under it the accuracy (footer below)
    controls.draw()


def key_pressed():
    controls.press(py5.key)


def mouse_pressed():
    if field.contains(py5.mouse_x, py5.mouse_y):
        world.add_point(*field.to_model(py5.mouse_x, py5.mouse_y), world.click_value())


py5.run_sketch()
