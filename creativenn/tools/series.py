"""A series: one sketch rendered for many seeds and arguments, several at once, resumable.

``creativenn export SKETCH --seeds 1-64 --out DIR -- LEARNING_RATE=0.01,0.1``
makes one *item* per seed and per choice of each comma list (64 × 2 here),
each exported as a single export is, into a folder of its own under DIR
(``creativenn poster`` makes one PNG an item instead). Items are rendered
``jobs`` at a time, each in a worker process with a display of its own; one
progress line covers the series.

DIR holds ``series.json``, the manifest: the command, and each finished
item with what made it (the sketch's text, the export's options, seed and
arguments). A rerun skips an item that is finished with the same recipe and
still has its files, and redoes the rest; an item that fails is reported,
and the others go on. At the end ``tools.sheet`` makes the contact sheet.
This module says what a series is; ``tools.seriesrun`` runs one.

>>> parse_seeds("1-3,20,31")
[1, 2, 3, 20, 31]
>>> choices("LAYERS=[2, 4, 1],[2, 8, 1]")
['LAYERS=[2, 4, 1]', 'LAYERS=[2, 8, 1]']
>>> [i.name for i in plan([1, 2], ["loop", "60,120"])]
['seed-1_loop_60', 'seed-1_loop_120', 'seed-2_loop_60', 'seed-2_loop_120']
>>> plan([7], ["blobs", "2,4", "LEARNING_RATE=0.1,1"])[-1].label
'seed 7 · blobs 4 · LEARNING_RATE=1'

Leaves out: running a series (``tools.seriesrun``), rendering an item
(``tools.job``, ``tools.poster``) and the cluster (``tools.cluster``).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import os
import re
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from .sketchfile import split_setting

MANIFEST, LOGS, THUMBS = "series.json", "logs", "thumbs"
MOST_ITEMS = 100_000


class SeriesError(ValueError):
    """A series was asked for in a way that cannot be rendered; the message says what instead."""


def parse_seeds(text: str) -> list[int]:
    """Seeds from ``1-64`` (both ends included), ``1-8,20,31`` or ``7``; each once, in order given."""
    seeds: list[int] = []
    parts = [p.strip() for p in text.split(",")]
    if not text.strip():
        raise SeriesError("--seeds is empty: give seeds like 1-64 (both ends included) or 1-8,20,31")
    for part in parts:
        found = re.fullmatch(r"(\d+)(?:\s*-\s*(\d+))?", part)
        if not found:
            raise SeriesError(f"--seeds {text}: {part!r} is not a seed or a range of seeds; write whole "
                              "numbers 0 or more, like 1-64 (both ends included) or 1-8,20,31")
        first, last = int(found[1]), int(found[2] if found[2] is not None else found[1])
        if last < first:
            raise SeriesError(f"--seeds {text}: the range {part} goes down; write it from low to high "
                              f"({last}-{first})")
        if len(seeds) + last - first + 1 > MOST_ITEMS:
            raise SeriesError(f"--seeds {text} is more than {MOST_ITEMS:,} seeds; render it in parts")
        seeds.extend(range(first, last + 1))
    return list(dict.fromkeys(seeds))


def choices(arg: str) -> list[str]:
    """The choices a sketch argument sweeps: its comma list, commas inside brackets or quotes kept
    (``LAYERS=[2,4,1]`` is one choice). A file that exists is one choice, commas and all."""
    if os.path.exists(arg):
        return [arg]
    setting = split_setting(arg)
    prefix, text = (setting[0] + "=", setting[1]) if setting else ("", arg)
    parts, depth, quote, start = [], 0, None, 0
    for i, c in enumerate(text):
        if quote:
            quote = None if c == quote else quote
        elif c in "'\"":
            quote = c
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    if len(parts) > 1 and any(not p.strip() for p in parts):
        raise SeriesError(f"the sketch argument {arg!r} has an empty choice in its comma list: write "
                          "each choice, like LEARNING_RATE=0.01,0.1,1")
    return [prefix + p.strip() if len(parts) > 1 else prefix + p for p in parts]


@dataclass(frozen=True)
class Item:
    """One picture or clip of a series: its seed, the sketch's arguments, the folder or file it gets."""

    seed: int
    args: tuple[str, ...]
    name: str
    label: str


def plan(seeds: list[int], sketch_args: list[str]) -> list[Item]:
    """Every item: each seed with each choice of every swept argument (seed first, then the
    arguments in order). Names show the seed and the arguments that vary, nothing else."""
    lists = [choices(a) for a in sketch_args]
    count = len(seeds) * math.prod(len(c) for c in lists)
    if count > MOST_ITEMS:  # said before a single item is made
        raise SeriesError(f"the series has {count:,} items, more than {MOST_ITEMS:,}; render it in "
                          "parts")
    width = len(str(max(seeds)))
    items, names = [], set()
    sweep = [len(c) > 1 for c in lists]
    for seed, args in itertools.product(seeds, itertools.product(*lists)):
        # what varies, and with a sweep the sketch's own words around it (loop 60: not just 60)
        shown = [a for a, v in zip(args, sweep, strict=True) if v or (any(sweep) and not split_setting(a))]
        name = "_".join([f"seed-{seed:0{width}d}", *(_safe(a) for a in shown)])
        while name in names:  # two choices that only differ in characters a name cannot hold
            name += "+"
        names.add(name)
        words = []  # the label: settings apart, the sketch's own words together
        for a in shown:
            if words and not split_setting(a) and not split_setting(words[-1]):
                words[-1] += f" {a}"
            else:
                words.append(a)
        label = " · ".join([f"seed {seed}", *words])
        items.append(Item(seed, tuple(args), name, label))
    return items


def _safe(arg: str) -> str:
    """An argument as part of a file name: letters, digits and . _ = + - kept, anything else as -."""
    text = os.path.basename(arg.rstrip("/")) or arg
    return re.sub(r"[^A-Za-z0-9._=+-]+", "-", text).strip("-")[:40] or "arg"


def recipe_key(recipe: dict, item: Item) -> str:
    """What made an item, as a short hash: the same key means the same frames."""
    text = json.dumps({**recipe, "seed": item.seed, "args": list(item.args)}, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def file_hash(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]


class Manifest:
    """``DIR/series.json``: the command, and each item finished (or failed) with its recipe key.

    Written whole after every item (a temporary file renamed), so a series stopped at any moment
    keeps every item it finished.
    """

    def __init__(self, out: Path, command: str):
        self.path, self.command, self.items, self._lock = Path(out) / MANIFEST, command, {}, threading.Lock()
        self.unreadable: str | None = None  # why the manifest there was not trusted (it is set aside)
        if self.path.is_file() or self.path.is_symlink():
            try:
                self.items = read_manifest(self.path)
            except ValueError as error:  # not trusted: set aside (kept), and every item redone
                aside = _free_name(self.path.with_name(f"{MANIFEST}.unreadable"))
                self.path.replace(aside)
                self.unreadable = f"{self.path} {error}: set aside as {aside.name}, and every item is " \
                                  "rendered again"

    def finished(self, item: Item, key: str, present) -> bool:
        entry = self.items.get(item.name)
        return bool(entry) and entry.get("status") == "done" and entry.get("key") == key and present(item)

    def record(self, item: Item, key: str, **entry) -> None:
        from ..files import whole_file

        with self._lock:
            self.items[item.name] = {"seed": item.seed, "args": list(item.args), "label": item.label,
                                     "key": key, "command": self.command, **entry}
            with whole_file(self.path, "w") as file:
                json.dump({"command": self.command, "items": self.items}, file, indent=1)


def read_manifest(path: Path) -> dict:
    """A series.json's items, checked for shape as well as syntax: name → {"status": "done" or "failed",
    "key": str, …}. A ValueError saying what is wrong (the file is then not trusted at all)."""
    try:
        if Path(path).stat().st_size > 256 << 20:
            raise ValueError("is larger than any series' manifest (256 MB)")
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(f"cannot be read ({error})") from None
    except json.JSONDecodeError as error:
        raise ValueError(f"is not JSON (line {error.lineno}: {error.msg})") from None
    items = data.get("items") if isinstance(data, dict) else None
    if not isinstance(items, dict):
        raise ValueError("is not a series manifest: it has no items by name")
    for name, entry in items.items():
        if not isinstance(entry, dict) or entry.get("status") not in ("done", "failed") \
                or not isinstance(entry.get("key"), str):
            raise ValueError(f"is not a series manifest: its item {name[:60]!r} has no status and key")
    return items


def _free_name(path: Path) -> Path:
    """``path``, or ``path.2``, ``path.3`` … : the first name not taken."""
    k, found = 1, path
    while found.exists() or found.is_symlink():
        k += 1
        found = path.with_name(f"{path.name}.{k}")
    return found


class Progress:
    """One line for the whole series: items done (with the running ones' fractions), failures, time."""

    def __init__(self, total: int, skipped: int, stream=None):
        self.total, self.skipped, self.stream = total, skipped, stream or sys.stderr
        self.tty = self.stream.isatty()
        self.running: dict[str, float] = {}
        self.done = self.failed = 0
        self.start, self.shown, self._lock = time.perf_counter(), 0.0, threading.Lock()

    def update(self, name: str, fraction: float) -> None:
        with self._lock:
            self.running[name] = fraction
        if self.tty and time.perf_counter() - self.shown > 0.1:
            self.show()

    def finish(self, name: str, message: str | None = None, ok: bool = True) -> None:
        with self._lock:
            self.running.pop(name, None)
            self.done += ok
            self.failed += not ok
            if message:
                self.stream.write(("\r\033[K" if self.tty else "") + message + "\n")
            if not self.tty:
                self.stream.write(f"{self.done + self.failed}/{self.total} items  ({self.failed} failed)  "
                                  f"{self._left()}\n")
        self.show()

    def show(self) -> None:
        if not self.tty:
            return
        with self._lock:
            share = self.done + self.failed + sum(self.running.values())
            filled = round(30 * share / max(self.total, 1))
            failed = f" · {self.failed} failed" if self.failed else ""
            bar = f"[{'█' * filled}{'·' * (30 - filled)}]"
            count = f"{self.done + self.failed}/{self.total} items · {len(self.running)} running{failed}"
            self.stream.write(f"\r{bar} {count} · {self._left()}\033[K")
            self.stream.flush()
            self.shown = time.perf_counter()

    def _left(self) -> str:
        share = self.done + self.failed + sum(self.running.values())
        seconds = time.perf_counter() - self.start
        if share < 0.05:
            return "time left: measuring"
        left = seconds * (self.total - share) / share
        return f"{int(left // 60)}:{int(left % 60):02d} left"

    def close(self) -> None:
        if self.tty:
            self.stream.write("\n")
