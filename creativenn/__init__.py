"""creativenn: neural-network maths you can watch, for py5 sketches.

The core (this package, numpy only) holds the maths: the MLP's forward pass
and backpropagation, optimizers, the perceptron, line fitting, cost surfaces
and a ball rolling on them, small data sets. Drawing lives in
``creativenn.draw``, the only part that imports py5.

>>> import creativenn as cnn
>>> net = cnn.MLP([2, 4, 1], activation="tanh", loss="bce", seed=0)
>>> X, Y = cnn.datasets.xor()
>>> history = net.fit(X, Y, epochs=2000, optimizer=cnn.Adam(0.05))
>>> history[-1] < 0.05, net.predict(X).tolist()
(True, [0, 1, 1, 0])
"""

import importlib
from typing import TYPE_CHECKING

from . import resources

if TYPE_CHECKING:  # what editors and type checkers read; at run time each name is imported on first use
    from .maths import activations, backprop, losses, optimizers
    from .maths.checks import DivergedError
    from .maths.features import Features
    from .maths.gradcheck import gradient_check, numerical_gradient
    from .maths.mlp import MLP, Gradients
    from .maths.optimizers import SGD, Adam, Momentum, Optimizer, RMSProp
    from .picture import colors, layout
    from .worlds import basins, cppn, csvdata, datasets, landscape, physics, surfaces
    from .worlds.ball import Ball, Race, Racetrack, learning_rate_for
    from .worlds.linefit import LineFit, cost_grid, cost_surface, least_squares
    from .worlds.perceptron import Perceptron
    from .worlds.surfaces import Surface, surface, surface_from_heights, surface_from_image

__version__ = "0.2.0"  # the one place the version is written (pyproject reads it)

__all__ = [
    "MLP", "Gradients", "Perceptron", "LineFit", "least_squares", "cost_grid", "cost_surface",
    "SGD", "Momentum", "RMSProp", "Adam", "Optimizer",
    "Surface", "surface", "surface_from_heights", "surface_from_image", "Ball", "Race", "Racetrack",
    "learning_rate_for",
    "DivergedError", "gradient_check", "numerical_gradient", "Features",
    "activations", "backprop", "basins", "physics", "cppn", "csvdata", "losses", "optimizers", "resources",
    "surfaces", "datasets", "landscape", "colors", "layout",
]

# Where each public name lives, the same as the imports above. Nothing is imported until a name is
# first asked for, so a command that needs none of it (``creativenn run``, which hands over to a
# fresh Python at once) does not pay for numpy and the maths twice.
_HOME = {name: module for module, names in [
    (".maths", "activations backprop losses optimizers"),
    (".maths.checks", "DivergedError"),
    (".maths.features", "Features"),
    (".maths.gradcheck", "gradient_check numerical_gradient"),
    (".maths.mlp", "MLP Gradients"),
    (".maths.optimizers", "SGD Adam Momentum Optimizer RMSProp"),
    (".picture", "colors layout"),
    (".worlds", "basins cppn csvdata datasets landscape physics surfaces"),
    (".worlds.ball", "Ball Race Racetrack learning_rate_for"),
    (".worlds.linefit", "LineFit cost_grid cost_surface least_squares"),
    (".worlds.perceptron", "Perceptron"),
    (".worlds.surfaces", "Surface surface surface_from_heights surface_from_image"),
] for name in names.split()}


def __getattr__(name: str):
    """A public name, imported the first time it is asked for (PEP 562), then kept."""
    if name not in _HOME:
        raise AttributeError(f"module 'creativenn' has no attribute {name!r}")
    home = importlib.import_module(_HOME[name], __name__)
    value = getattr(home, name) if hasattr(home, name) else importlib.import_module(f".{name}", home.__name__)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
