"""Same picture, same bytes: a CPPN's pixels computed here, by the CLI, in a series job, with 1, 2 or 16
BLAS threads, another BLAS kernel, another band size, and with both cores kept busy meanwhile.

The float32 sums of a layer used to go through BLAS, whose order of adding depends on its thread count,
its kernel and the product's width: 1,642 of a poster's 125,316 16-bit levels came out one apart between
OPENBLAS_NUM_THREADS=1 and 2 (docs/architecture.md, "Same picture, same bytes"). No test here needs an
idle machine: ``busy_cores`` keeps every core busy while they run.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from test_posters_print import png_pixels

from conftest import ROOT, creativenn
from creativenn.tools.poster import network
from creativenn.worlds.cppn import CPPN, Interlaced

KNOBS = {"palette": "glacier", "symmetry": "radial", "folds": 5, "at": 0.5}
PICTURE = """
import sys, numpy as np
from creativenn.tools.poster import network
net, z = network(4, {knobs})
bands = np.concatenate(list(net.bands(236, 177, z, bits=16)))
thin = np.concatenate(list(net.bands(236, 177, z, band_rows=7)))  # another band size
np.save(sys.argv[1], np.stack([bands.astype(np.int64), np.rint(thin.astype(np.int64) * 257),
                               net.image(236, 177, z).astype(np.int64) * 257]))
"""


@pytest.fixture
def busy_cores():
    """Every core kept busy by a loop of its own for the length of the test (as a student's machine is
    while a browser and a video call run)."""
    loops = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(os.cpu_count() or 2)]
    yield len(loops)
    for loop in loops:
        loop.kill()
        loop.wait()


def _blas_settings() -> list[dict]:
    """Thread counts, and where the processor has AVX2 and nobody set one, OpenBLAS's Haswell kernel
    (the one whose multi-threaded sums differed): each an environment to compute the picture in."""
    settings = [{"OPENBLAS_NUM_THREADS": str(n), "OMP_NUM_THREADS": str(n)} for n in (1, 2, 16)]
    flags = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    if " avx2" in flags and "OPENBLAS_CORETYPE" not in os.environ:
        settings += [{"OPENBLAS_NUM_THREADS": str(n), "OPENBLAS_CORETYPE": "Haswell"} for n in (1, 2)]
    return settings


def test_a_picture_is_the_same_bits_whatever_the_threads_kernel_band_or_load(busy_cores, tmp_path):
    net, z = network(4, KNOBS)
    here = np.concatenate(list(net.bands(236, 177, z, bits=16))).astype(np.int64)
    script = tmp_path / "picture.py"
    script.write_text(PICTURE.replace("{knobs}", repr(KNOBS)))
    for k, blas in enumerate(_blas_settings()):
        out = tmp_path / f"picture-{k}.npy"
        done = subprocess.run([sys.executable, str(script), str(out)], env={**os.environ, **blas},
                              capture_output=True, text=True, timeout=300, cwd=ROOT)
        assert done.returncode == 0, done.stderr
        bands, thin, image = np.load(out)
        np.testing.assert_array_equal(bands, here, err_msg=f"16-bit bands with {blas}")
        eight = np.rint(here / 257) * 257  # 8 bits: the same picture, rounded once
        np.testing.assert_array_equal(thin, image, err_msg=f"band sizes with {blas}")
        assert np.abs(image - eight).max() <= 257, blas


def test_a_live_pictures_interlaced_parts_are_the_whole_pictures_pixels(busy_cores):
    net = CPPN(seed=5, palette="dusk", warp=0.4)
    z = net.latent_at(0.3)
    live = Interlaced(203, 151, every=3)
    for _ in range(9):
        picture = live.frame(net, z)
    np.testing.assert_array_equal(picture, net.image(203, 151, z))
    np.testing.assert_array_equal(picture, np.concatenate(list(net.bands(203, 151, z, band_rows=5))))


def test_posters_from_the_command_line_and_a_series_are_the_bytes_computed_here(busy_cores, tmp_path):
    done = creativenn("poster", "cppn", "--seeds", "4", "--size", "236x177", "--bits", "16", "--out",
                      tmp_path / "one", "--", *(f"{k}={v}" for k, v in KNOBS.items()))
    assert done.returncode == 0, done.stderr
    series = creativenn("poster", "cppn", "--seeds", "3-4", "--size", "236x177", "--bits", "8", "--jobs", "2",
                        "--out", tmp_path / "series", "--", *(f"{k}={v}" for k, v in KNOBS.items()))
    assert series.returncode == 0, series.stderr
    net, z = network(4, KNOBS)
    np.testing.assert_array_equal(png_pixels((tmp_path / "one" / "seed-4.png").read_bytes()),
                                  np.concatenate(list(net.bands(236, 177, z, bits=16))))
    with Image.open(tmp_path / "series" / "seed-4.png") as image:
        np.testing.assert_array_equal(np.asarray(image.convert("RGB")), net.image(236, 177, z))
    manifest = json.loads((tmp_path / "series" / "series.json").read_text())
    assert {e["status"] for e in manifest["items"].values()} == {"done"}

