"""A sketch's keys, declared once: shared keys work with no code; footer and help come from the table.

Shared in every sketch: space pause / resume, ``r`` reset, ``s`` save the
frame, ``+`` / ``-`` learning rate, ``h`` help (and Esc quits, as in any
Processing sketch). A sketch adds its own keys to the table, each with what
it does and the function that does it::

    controls = Controls("line_fit", [
        Setting("1 2 3", "batch, stochastic, mini-batch", name="mode",
                options=("batch", "stochastic", "mini-batch")),     # controls.mode
        Key("n", "a new start", new_start)],                         # new_start(key) does it
        reset=restart, learning_rate=LEARNING_RATE)

    def draw():
        if not controls.paused: ...     # uses controls.learning_rate, controls.mode
        ...
        controls.draw()                 # footer, help overlay, "saved …" note

    def key_pressed():
        controls.press(py5.key)

Saved frames go to ``saved/NAME-0001.png``, ``NAME-0002.png`` … in the
folder the sketch runs from; the path is printed and shown on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import py5

from ..files import UnusableInput
from ..maths.divergence import explain
from ..picture import colors
from ..picture.layout import MARGIN
from ..picture.numbers import ladder_step
from .base import (
    cache,
    current_sketch,
    draw_help,
    draw_message,
    drawing_clean,
    font,
    headless,
    label,
    overlay,
    panel,
    wrapped,
)

SAVED = Path("saved")
ARROWS = {"←": "left", "→": "right", "↑": "up", "↓": "down"}
ALIASES = {"+": "=", "-": "_"}  # the same keys without shift
CODED = {py5.LEFT: "left", py5.RIGHT: "right", py5.UP: "up", py5.DOWN: "down"}
NOTE_FRAMES = 90  # how long "saved …" stays on screen, in frames (no wall clock: exports stay the same)


@dataclass
class Key:
    """One row of a sketch's key table: the key(s) as shown, what it does, and what to call.

    ``action(key)`` gets the key pressed; the keys are the one-character
    words of ``keys`` ("1 2 3" is three keys, "1-6" six, "[ ]" two, "b / n" two, arrows
    arrive by name: "left", "up" …). A row
    with no action (a mouse gesture) is only shown. ``short``: its word in
    the footer (default: ``does`` up to its first comma, colon or slash;
    "" leaves it to the help overlay).
    """

    keys: str
    does: str
    action: Callable[[str], object] | None = None
    short: str | None = None

    def brief(self) -> str:
        if self.short is not None:
            return self.short
        return self.does.split(",")[0].split(":")[0].split(" / ")[0]

    def names(self) -> list[str]:
        """The keys this row answers: one-character words, arrows by name, "space" as " "."""
        words = [ARROWS.get(word, " " if word == "space" else word) for word in self.keys.split()]
        for word in [w for w in words if len(w) == 3 and w[1] == "-" and w[0] < w[2]]:  # 1-6: a range
            words += [chr(c) for c in range(ord(word[0]), ord(word[2]) + 1)]
        names = [word for word in words if (len(word) == 1 and word != "/") or word in ARROWS.values()]
        return names + [ALIASES[k] for k in names if k in ALIASES]

    def matches(self, key: str) -> bool:
        return self.action is not None and key in self.names()


@dataclass
class Setting(Key):
    """A key row that chooses one of ``options`` for ``controls.<name>``, with no code in the sketch.

    One key per option ("1 2 3" for three) picks that one; a single key goes
    round them ("q" for (True, False) turns a thing on and off). The first
    option is where it starts.
    """

    name: str = ""
    options: tuple = (True, False)
    then: Callable[[], object] | None = None  # called after a change (to start again with it, say)

    def choose(self, current, key: str):
        keys = [k for k in self.names() if k not in ALIASES.values()]
        if len(keys) == len(self.options) > 1:
            return self.options[keys.index(key)]
        return cycle(self.options, current)


@dataclass
class Saves(Key):
    """A key row that saves a file, with no code in the sketch: ``save(path)`` writes it to
    saved/NAME-0001``suffix`` (the next number free), and where it went is said."""

    save: Callable[[Path], object] | None = None
    suffix: str = ".svg"


def cycle(options, current, step: int = 1):
    """The option after ``current`` (before it, for step −1), going round; the first if it is not one.

    >>> cycle(["sgd", "momentum", "adam"], "adam")
    'sgd'
    """
    options = list(options)
    return options[(options.index(current) + step) % len(options)] if current in options else options[0]


class Controls:
    """The keys of one sketch, its pause, help and learning-rate state, and saving frames."""

    def __init__(self, name: str, keys=(), *, reset: Callable[[], object] | None = None,
                 learning_rate: float | Callable[[], float] | None = None,
                 on_learning_rate: Callable[[float], object] | None = None):
        self.name, self.keys = name, list(keys)
        self.reset, self.on_learning_rate = reset, on_learning_rate
        self._rate = learning_rate  # a number kept here, or where to read it (the world's own η)
        self.paused = self.show_help = False
        self.note, self._note_frames = None, 0
        self.problem, self._problem_pauses = None, False
        self._given: set[str] = set()
        for row in self.keys:
            if isinstance(row, Setting):  # its value lives here, as controls.<name>
                if hasattr(self, row.name):
                    raise ValueError(f"a setting cannot be called {row.name!r}: Controls uses that name")
                setattr(self, row.name, row.options[0])
                row.action = lambda key, row=row: self.choose(row, key)
            if isinstance(row, Saves):
                row.action = lambda key, row=row: self.announce(row.save(self.next_path(row.suffix)))
        taken = {name for row in self.keys for name in row.names()}  # a sketch may give a shared key a job
        shared = [row for row in self.shared() if not taken & set(row.names())]
        self._rows = [*self.keys, *shared]  # the table, made once: it does not change
        self._footer = " · ".join(f"{row.keys} {row.brief()}" for row in self._rows if row.brief())

    def shared(self) -> list[Key]:
        """The shared keys this sketch has (no reset: no r; no learning rate: no + / -)."""
        rows = [Key("space", "pause / resume", lambda k: self.toggle("paused"), "pause")]
        if self.reset is not None:
            rows.append(Key("r", "reset", lambda k: self.restart()))
        rows.append(Key("s", "save this frame", lambda k: self.save(), "save"))
        if self.learning_rate is not None:
            rows.append(Key("+ / -", "learning rate up / down", self.change_learning_rate, "η"))
        rows.append(Key("h", "show / hide this help", lambda k: self.toggle("show_help"), "help"))
        return rows

    def table(self) -> list[Key]:
        return self._rows

    def press(self, key: str, key_code: int | None = None) -> bool:
        """Do what ``key`` does here; False when it does nothing. A sketch's own keys come first.

        Pass ``py5.key_code`` too where the table has arrow keys: they arrive
        as "left", "right", "up", "down". While a problem is shown that does
        not pause the sketch, the first key only closes it.
        """
        key = CODED.get(key_code, "") if key == py5.CODED else str(key)
        if self.problem and not self._problem_pauses:
            self.problem = None
            return True
        for row in self._rows:
            if row.matches(key):
                row.action(key)
                return True
        return False

    def choose(self, row: Setting, key: str) -> None:
        """What a Setting's ``key`` does: the option it picks, or the next one."""
        setattr(self, row.name, row.choose(getattr(self, row.name), key))
        if row.then is not None:
            row.then()

    def toggle(self, flag: str) -> None:
        setattr(self, flag, not getattr(self, flag))
        if flag == "paused" and not self.paused and self._problem_pauses:
            self.problem = None  # going on after a problem: it is behind us

    def halt(self, lines, *, pause: bool = True) -> None:
        """Show what went wrong (a few lines, the first the headline) and, with ``pause``, stop.

        A pausing problem goes when the sketch goes on (space) or is reset;
        one that does not pause (a file that would not load) goes with the
        next key.
        """
        self.problem, self._problem_pauses = list(lines), pause
        if pause:
            self.paused = True

    def attempt(self, headline: str, do, *args, said: str | None = None):
        """``do(*args)``; if it raises ValueError or OSError (a file that will not load, say), show
        ``headline`` and what went wrong in a box the next key closes; in a headless export's setup
        (what it was started with), where nobody reads the box, raise UnusableInput (the export
        stops, says so on the terminal and exits non-zero). If it worked and
        returned something, ``said`` (with ``{}`` for what it returned) is said. Returns the result,
        or None."""
        try:
            result = do(*args)
        except (ValueError, OSError) as error:
            if headless() and current_sketch().frame_count == 0:
                # what the export was started with will not load, and no one reads the box: it stops
                raise UnusableInput(str(error)) from None
            self.halt([headline, str(error), "Press any key to go on."], pause=False)
            return None
        if said and result:
            self.say(said.format(result))
        return result

    def diverged(self, error, what: str = "network", kept: str = "weights") -> None:
        """The usual problem: a run diverged (``error``, a DivergedError) and went back to its last
        good ``kept``: what happened and what to do, and a pause."""
        self.halt(explain(error, self.learning_rate, what, kept))

    def restart(self) -> None:
        if self._problem_pauses and self.problem:
            self.paused = False  # the pause was the problem's: a fresh start goes on
        self.problem = None
        self.reset()

    @property
    def learning_rate(self) -> float | None:
        """η: the one kept here, or read where it lives (``learning_rate=`` a function, then)."""
        return self._rate() if callable(self._rate) else self._rate

    @learning_rate.setter
    def learning_rate(self, value: float) -> None:
        if not callable(self._rate):
            self._rate = value
        if self.on_learning_rate is not None:
            self.on_learning_rate(value)

    def change_learning_rate(self, key: str) -> None:
        self.learning_rate = ladder_step(self.learning_rate, up=key in "+=")  # 0.05 → 0.07: round values

    def next_path(self, suffix: str = ".png") -> Path:
        """saved/NAME-0001.png, or the first number free: where the next saved file goes."""
        SAVED.mkdir(exist_ok=True)
        taken = {p.name for p in self._saved(suffix)} | self._given
        name = next(f"{self.name}-{k:04d}{suffix}" for k in range(1, 10_000)
                    if f"{self.name}-{k:04d}{suffix}" not in taken)
        self._given.add(name)  # a file still being written (a poster) keeps its number
        return SAVED / name

    def latest(self, suffix: str = ".png") -> Path | None:
        """The last file saved here with ``suffix`` (saved/NAME-0007.npz), or None."""
        saved = sorted(self._saved(suffix))
        return saved[-1] if saved else None

    def _saved(self, suffix: str):
        """This sketch's files in saved/ with ``suffix``, named by the one rule: NAME-0001.png …"""
        return SAVED.glob(f"{self.name}-[0-9][0-9][0-9][0-9]{suffix}")

    def announce(self, path) -> None:
        """Say where a file (or files, a tuple) was saved: printed, and on screen for a while."""
        self.say("saved " + (" and ".join(map(str, path)) if isinstance(path, tuple | list) else str(path)))

    def say(self, text: str) -> None:
        """A short note, printed and shown at the bottom right for a while (no wall clock)."""
        print(text)
        self.note, self._note_frames = text, NOTE_FRAMES

    def save(self, sketch=None) -> Path:
        """Save the frame as saved/NAME-0001.png (the first number free); say where."""
        path = self.next_path(".png")
        current_sketch(sketch).save_frame(str(path.resolve()))
        self.announce(path)
        return path

    def status(self, running: str) -> str:
        """What the top-right corner says: ``running`` (the step, the epoch …), "paused" before it."""
        return f"paused · {running}" if self.paused else running

    def footer(self) -> str:
        """The one-line reminder of the keys: the sketch's own, then the shared ones, short."""
        return self._footer

    def _footer_lines(self, s) -> list[str]:
        """The footer, broken at its dots into lines that fit the canvas (measured once a size)."""
        store = cache(s)
        key = ("footer", s.width)
        if key not in store:
            store[key] = wrapped(self._footer, 13, s.width - 2 * MARGIN, sep=" · ", sketch=s)
        return store[key]

    def draw(self, sketch=None, *, footer: bool = True, note: str = "bottom") -> None:
        """The footer at the bottom (``footer=False`` for a piece that keeps its frame clean), the
        note of a saved file (at the bottom right, or under the title's status with ``note="top"``,
        for a page filled to its foot), a problem (``halt``), and the help overlay when asked.
        Nothing in an ``export --clean``."""
        s = current_sketch(sketch)
        if drawing_clean():
            return
        if footer:
            lines = self._footer_lines(s)
            for i, line in enumerate(lines):  # the last line where a one-line footer sits
                label(line, MARGIN, s.height - 40 - 20 * (len(lines) - 1 - i), 13, colors.MUTED, sketch=s)
        if self._note_frames > 0:  # on a dark plate: it reads over a picture or a panel alike
            self._note_frames -= 1
            s.text_font(font(13, "sans", s), 13)
            w, top = s.text_width(self.note), 50 if note == "top" else s.height - 68
            panel(s.width - MARGIN - w - 8, top, w + 16, 24, colors.BACKGROUND, 4, sketch=s)
            with overlay(s):
                label(self.note, s.width - MARGIN, top + 4, 13, colors.ON, align="right", sketch=s)
        if self.show_help:  # asked for: it stands in front of a problem, which is back when it closes
            draw_help([(row.keys, row.does) for row in self._rows], sketch=s)
        elif self.problem:
            draw_message(self.problem, sketch=s)
