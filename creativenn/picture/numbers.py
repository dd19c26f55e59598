"""Numbers as text that keeps its width: a read-out that cannot run off its panel.

A value drawn as ``f"{v:.3f}"`` grows with the value: 1.500 is five
characters, 490655.058 ten, 1e150 a hundred and fifty-four. ``fixed`` keeps a
number to the width of its column, switching to powers of ten (1.2e+05) when
the decimals no longer fit; ``term`` writes ``+ c`` or ``− c`` for the
middle of an equation, never ``+ -c``.

Leaves out: locale-specific decimal marks, units.

>>> fixed(1.5), fixed(-490655.058, 8), fixed(-22039026.759, 8), fixed(1e150), fixed(0.000123)
(' 1.500', ' -490655', '-2.2e+07', '1e+150', ' 1e-04')
>>> "y = " + fixed(1.5, 5) + " x " + term(-0.25)
'y = 1.500 x − 0.250'

``ladder_step`` moves a learning rate up or down a ladder of round values
(1, 1.5, 2, 3, 5, 7 times a power of ten), so η reads 0.07, never 0.0759375.

>>> ladder_step(0.05, up=True), ladder_step(0.05, up=False), ladder_step(0.04, up=True)
(0.07, 0.03, 0.05)
"""

from __future__ import annotations

import math

LADDER = (1.0, 1.5, 2.0, 3.0, 5.0, 7.0)  # round values a decade, about ×1.5 apart


def fixed(value: float, width: int = 6, places: int = 3, sign: bool = False) -> str:
    """``value`` right-aligned in ``width`` characters: ``places`` decimals while they fit and show
    a digit, fewer when they do not, then powers of ten with as many digits as fit (at least one:
    a number is never cut, so 1e+150 may take six characters)."""
    value = float(value)
    plus = "+" if sign else ""
    if not math.isfinite(value):
        return f"{value:{plus}}".rjust(width)
    for p in range(places, -1, -1):
        text = f"{value:{plus}.{p}f}"
        if len(text) <= width and (value == 0 or any(d in text for d in "123456789")):
            return text.rjust(width)
    for p in range(max(0, width - 6), -1, -1):  # d.ddde+XX: the mantissa's digits that fit
        text = f"{value:{plus}.{p}e}"
        if len(text) <= width:
            return text.rjust(width)
    return f"{value:{plus}.0e}"


def term(value: float, width: int = 5, places: int = 3) -> str:
    """``+ 0.250`` or ``− 0.250``: a number added in an equation, its size kept to ``width``."""
    value = float(value)
    return ("− " if value < 0 else "+ ") + fixed(abs(value), width, places).strip()


def ladder_step(value: float, up: bool) -> float:
    """The next round value above (or below) ``value`` on the ``LADDER``: what + and - do to η."""
    decade = math.floor(math.log10(value))
    rungs = [round(m * 10.0 ** k, 12) for k in (decade - 1, decade, decade + 1) for m in LADDER]
    if up:
        return next(r for r in rungs if r > value * (1 + 1e-9))
    return next(r for r in reversed(rungs) if r < value * (1 - 1e-9))
