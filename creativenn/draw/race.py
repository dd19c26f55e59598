"""What the race sketches share: their keys, and the table of optimizers with their costs."""

from __future__ import annotations

from ..picture import colors
from ..worlds.ball import Race, Racetrack
from ..worlds.surfaces import NAMES
from .base import current_sketch, draw_rows
from .controls import Key


def race_keys(track: Racetrack, on_surface=None) -> list[Key]:
    """Keys 1-9 (surface), o (optimizers), n (new start), + / - (learning rates) for ``track``.

    ``on_surface()`` is called after a new surface is chosen (to build its mesh, say).
    """
    def choose(key):
        track.use(NAMES[int(key) - 1])
        if on_surface is not None:
            on_surface()

    return [Key(f"1-{min(len(NAMES), 9)}", ", ".join(NAMES[:9]), choose, "surface"),
            Key("o", "all optimizers, then one at a time", lambda k: track.next_optimizers(), "optimizers"),
            Key("n", "a new random start", lambda k: track.new_start(), "new start"),
            Key("+ / -", "learning rates up / down", lambda k: track.faster(1.5 if k in "+=" else 1 / 1.5),
                "η")]


def draw_race_table(race: Race, x: float, y: float, one_line: bool = False, sketch=None) -> float:
    """A row per optimizer: its colour, name, learning rate and cost (or why it stopped); the
    name on a line of its own unless ``one_line``. Returns the y below the table."""
    rows = [(colors.OPTIMIZERS[name],
             f"{name:<9}" + (" " if one_line else "\n") + f"η {ball.optimizer.learning_rate:<6.3g} "
             + race.stopped.get(name, f"cost {ball.height:.3g}"))
            for name, ball in race.balls.items()]
    return draw_rows(rows, x, y, line=26 if one_line else 50, sketch=current_sketch(sketch))
