"""A network saved to a file and read back: an .npz that numpy can read too.

The file holds ``meta`` (a JSON description: format ``creativenn.MLP/1``,
layer sizes, activations, loss, dtype, regularisation, dropout, features)
and ``parameters`` (the flat vector, ``MLP.parameters()``). A file that is
not one says what is wrong with it before any of its numbers are read, and
an old file is never left half-overwritten.

Leaves out: optimizer state (a loaded network trains on with a new optimizer).
"""

from __future__ import annotations

import json
import math
import zipfile
from pathlib import Path

import numpy as np

from ..files import whole_file
from .checks import TooLarge
from .layers import DTYPES, fits_memory, layer_sizes, n_parameters

FORMAT = "creativenn.MLP/1"
# what a description holds (``MLP.settings``): these always, of these kinds …
REQUIRED = {"sizes": list, "activation": str | list, "output_activation": str, "loss": str, "dtype": str}
# … and these, with what a file written before them means
OPTIONAL = {"regularization": None, "regularization_rate": 0.0, "dropout": 0.0, "features": None}


def save(net, path) -> Path:
    """Write ``net`` to ``path`` (".npz" added when missing); the path written."""
    path = Path(path)
    if path.suffix != ".npz":
        path = path.with_suffix(path.suffix + ".npz")
    meta = {"format": FORMAT, **net.settings()}
    with whole_file(path) as file:  # an old model stays whole if this one cannot be written
        np.savez(file, meta=np.array(json.dumps(meta)), parameters=net.parameters())
    return path


def load(make, path):
    """The network saved at ``path``, made by ``make(**settings)`` (the MLP class; ``MLP.settings``); a
    ValueError naming the file and what is wrong otherwise."""
    path = Path(path)

    def bad(why: str) -> ValueError:
        return ValueError(f"{path} is not a creativenn model file: {why}")

    if not path.is_file():
        raise FileNotFoundError(f"no model file at {path}")
    if path.stat().st_size == 0:
        raise bad("it is empty")
    try:
        data = np.load(path, allow_pickle=False)
        if not isinstance(data, np.lib.npyio.NpzFile):
            raise bad("it holds one array, not a saved model")
        with data:
            missing = sorted({"meta", "parameters"} - set(data.files))
            if missing:
                raise bad(f"it has no {' or '.join(missing)} (saved by something else?)")
            for name, most in (("meta", 1 << 16), ("parameters", None)):
                shape = _stored_shape(data, name)
                if most is not None and math.prod(shape) > most:
                    raise bad(f"its {name} holds {math.prod(shape):,} items, not a description")
            meta = _meta(str(data["meta"]), bad)
            try:
                sizes = layer_sizes(meta["sizes"])
            except ValueError as error:
                raise bad(f"its sizes: {error}") from None
            try:
                fits_memory(sizes, meta["dtype"])
            except TooLarge as error:
                raise TooLarge(f"{path} cannot be loaded: {error}") from None
            expected = n_parameters(sizes)
            if shape != (expected,):  # said before the numbers are read: they might not fit memory
                raise bad(f"its description says layers {list(sizes)}, {expected:,} weights and biases, "
                          f"and it holds {math.prod(shape):,} numbers (shape {shape})")
            vector = data["parameters"]
    except ValueError as error:
        if str(error).startswith(str(path)) or isinstance(error, TooLarge):
            raise
        raise bad(f"numpy cannot read it ({error})") from None
    except (OSError, EOFError, KeyError, zipfile.BadZipFile) as error:
        raise bad(f"it is cut off or damaged ({type(error).__name__}: {error})") from None
    if meta["dtype"] not in DTYPES or vector.dtype.kind != "f":
        raise bad(f"its numbers are {meta['dtype']} / {vector.dtype}; creativenn models use "
                  f"{' or '.join(DTYPES)}")
    try:
        settings = {k: meta[k] for k in REQUIRED} | {k: meta.get(k, v) for k, v in OPTIONAL.items()}
        net = make(**settings, seed=0)
        net.set_parameters(vector)
    except (ValueError, TypeError) as error:
        raise bad(str(error)) from None
    return net


def _meta(text: str, bad) -> dict:
    """A model file's description, checked for the fields ``load`` needs (``bad(why)``: its error)."""
    try:
        meta = json.loads(text)
    except json.JSONDecodeError:
        raise bad("its description (meta) is not JSON") from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        found = meta.get("format") if isinstance(meta, dict) else meta
        raise bad(f"its format is {found!r}, not {FORMAT!r}")
    for name, kind in REQUIRED.items():
        if not isinstance(meta.get(name), kind):
            raise bad(f"its description has no {name} (or a wrong one: {meta.get(name)!r})")
    return meta


def _stored_shape(data, name: str) -> tuple[int, ...]:
    """The shape of array ``name`` in an .npz, read from its header: nothing else is read."""
    with data.zip.open(f"{name}.npy") as file:
        version = np.lib.format.read_magic(file)
        form = np.lib.format
        read = form.read_array_header_1_0 if version == (1, 0) else form.read_array_header_2_0
        return tuple(read(file)[0])
