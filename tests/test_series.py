"""Series rendered as a user renders them: several seeds and choices at once, stopped and resumed, an item
that fails or whose worker dies, posters, and the same series on a local Dask cluster, byte for byte."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tests.conftest import ROOT, creativenn

SEEDED = ROOT / "tests" / "sketches" / "seeded.py"


def frames(folder: Path) -> list[bytes]:
    return [p.read_bytes() for p in sorted(folder.glob("frame-*.png"))]


def colour(folder: Path) -> tuple:
    with Image.open(folder / "frame-0001.png") as image:
        return image.convert("RGB").getpixel((100, 5))


@pytest.fixture(scope="module")
def local_series(tmp_path_factory):
    """Seeds 1-3 of the seeded sketch, 2 jobs, 3 frames each."""
    out = tmp_path_factory.mktemp("series") / "three"
    done = creativenn("export", SEEDED, "--seeds", "1-3", "--frames", 3, "--jobs", 2, "--out", out)
    return out, done


def test_a_series_renders_each_seed_as_a_single_export_would(local_series, tmp_path):
    out, done = local_series
    assert done.returncode == 0, done.stderr
    assert "series of 3 into" in done.stderr and "2 at a time" in done.stderr
    assert "3 of 3 clips finished" in done.stderr
    for seed in (1, 2, 3):
        expected = tuple(int(c) for c in np.random.default_rng(seed).integers(0, 256, 3))
        assert colour(out / f"seed-{seed}") == expected  # SEED reached the top of the file
    single = creativenn("export", SEEDED, "--seed", 2, "--frames", 3, "--out", tmp_path)
    assert single.returncode == 0, single.stderr
    assert frames(out / "seed-2") == frames(tmp_path)
    manifest = json.loads((out / "series.json").read_text())
    assert {n: e["status"] for n, e in manifest["items"].items()} == {f"seed-{s}": "done" for s in (1, 2, 3)}
    assert manifest["items"]["seed-2"]["command"].startswith("creativenn export ")
    assert "--seeds 1-3" in manifest["command"]
    assert (out / "contact-sheet.png").is_file() and "seed 3" in (out / "index.html").read_text()
    assert sorted(p.name for p in (out / "thumbs").iterdir()) == ["seed-1.png", "seed-2.png", "seed-3.png"]


def test_a_rerun_skips_finished_items_and_redoes_what_is_missing_or_changed(local_series):
    out, _ = local_series
    before = {p: p.stat().st_mtime_ns for p in out.glob("seed-*/frame-*.png")}
    start = time.perf_counter()
    again = creativenn("export", SEEDED, "--seeds", "1-3", "--frames", 3, "--jobs", 2, "--out", out)
    assert again.returncode == 0, again.stderr
    assert "nothing to render, 3 finished before (kept)" in again.stderr
    assert time.perf_counter() - start < 60  # no JVM started: seconds, not the minutes of a render
    assert {p: p.stat().st_mtime_ns for p in out.glob("seed-*/frame-*.png")} == before
    (out / "seed-2" / "frame-0003.png").unlink()  # a file lost: that item is redone, no other
    redo = creativenn("export", SEEDED, "--seeds", "1-4", "--frames", 3, "--out", out)
    assert redo.returncode == 0, redo.stderr
    assert "2 clips to render, 2 finished before (kept)" in redo.stderr
    assert (out / "seed-1" / "frame-0001.png").stat().st_mtime_ns == before[out / "seed-1" / "frame-0001.png"]
    assert len(frames(out / "seed-2")) == 3 and len(frames(out / "seed-4")) == 3


def test_an_item_that_fails_is_reported_and_the_rest_go_on(tmp_path):
    out = tmp_path / "broken"
    done = creativenn("export", SEEDED, "--seeds", "1-3", "--frames", 3, "--jobs", 2, "--out", out, "--",
                      "BREAK=2")
    assert done.returncode == 1
    assert "seed-2 failed: seeded.py raised an error at frame 2" in done.stderr
    assert "seed 2 breaks on purpose" in done.stderr
    assert "2 of 3 clips finished" in done.stderr and "failed: seed-2" in done.stderr
    assert len(frames(out / "seed-1")) == 3 and len(frames(out / "seed-3")) == 3
    assert len(frames(out / "seed-2")) == 1  # what it drew before the error is kept
    manifest = json.loads((out / "series.json").read_text())["items"]
    assert manifest["seed-2"]["status"] == "failed" and "breaks on purpose" in manifest["seed-2"]["error"]
    again = creativenn("export", SEEDED, "--seeds", "1-3", "--frames", 3, "--out", out, "--", "BREAK=2")
    assert "1 clip to render, 2 finished before (kept)" in again.stderr and again.returncode == 1


def test_a_worker_that_dies_mid_item_is_reported_and_the_rest_go_on(tmp_path):
    out = tmp_path / "dies"
    done = creativenn("export", SEEDED, "--seeds", "1-3", "--frames", 3, "--jobs", 2, "--out", out, "--",
                      "DIE=1")
    assert done.returncode == 1
    assert "seed-1 failed: the export stopped unexpectedly (killed by SIGKILL)" in done.stderr
    assert len(frames(out / "seed-2")) == 3 and len(frames(out / "seed-3")) == 3


def test_a_stopped_series_keeps_what_it_finished_and_a_rerun_finishes_it(tmp_path):
    out = tmp_path / "stopped"
    command = [sys.executable, "-m", "creativenn", "export", str(SEEDED), "--seeds", "1-4", "--frames", "3",
               "--jobs", "1", "--out", str(out)]
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    series = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    manifest = out / "series.json"
    for _ in range(600):  # until the first item is finished (however busy the machine)
        if manifest.is_file() and "done" in manifest.read_text():
            break
        time.sleep(0.2)
    series.send_signal(signal.SIGINT)
    said = series.communicate(timeout=120)[1]
    assert series.returncode == 130, said
    assert "stopped by SIGINT" in said and "the same command again renders them" in said
    finished = [n for n, e in json.loads(manifest.read_text())["items"].items() if e["status"] == "done"]
    assert 1 <= len(finished) < 4
    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert f"{len(finished)} finished before (kept)" in again.stderr
    assert all(len(frames(out / f"seed-{s}")) == 3 for s in range(1, 5))


def test_a_sweep_of_a_constant_makes_one_item_a_choice(tmp_path):
    out = tmp_path / "sweep"
    done = creativenn("export", "line_fit", "--frames", 2, "--out", out, "--", "LEARNING_RATE=0.01,0.5",
                      "POINTS=12")
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in out.iterdir() if p.is_dir() and p.name.startswith("seed"))
    assert names == ["seed-0_LEARNING_RATE=0.01", "seed-0_LEARNING_RATE=0.5"]
    slow, fast = (frames(out / n)[-1] for n in names)
    assert slow != fast  # the constant reached the sketch
    manifest = json.loads((out / "series.json").read_text())["items"]
    assert manifest[names[1]]["args"] == ["LEARNING_RATE=0.5", "POINTS=12"]


def test_bad_series_input_gets_a_clear_error_and_renders_nothing(tmp_path):
    cases = [
        (["--seeds", "1-"], "'1-' is not a seed or a range"),
        (["--seeds", ""], "--seeds is empty"),
        (["--seeds", "5-2"], "goes down"),
        (["--seeds", "1-2", "--seed", "3"], "not both"),
        (["--seeds", "1-2", "--jobs", "0"], "--jobs must be 1 or more"),
        (["--seeds", "1-2", "--", "LERNING_RATE=0.1,0.2"], "has no constant LERNING_RATE"),
        (["--seeds", "1-2", "--", "POINTS=a,b"], "POINTS=a: line_fit.py has POINTS = 30, so give a whole"),
        (["--", "LEARNING_RATE=0.1,,0.2"], "empty choice"),
        (["--seeds", "1-2", "--cluster", "tcp://127.0.0.1:1"], "no Dask scheduler answers at tcp://127.0.0.1:1"),
    ]
    for args, said in cases:
        done = creativenn("export", "line_fit", "--frames", 2, "--out", tmp_path / "bad", *args)
        assert done.returncode == 2, (args, done.stderr)
        assert said in done.stderr, (args, done.stderr)
    assert not list((tmp_path / "bad").glob("seed-*/frame-*.png"))


def test_posters_are_the_networks_pictures_at_any_size_with_a_sheet(tmp_path):
    from creativenn.tools.poster import network

    out = tmp_path / "posters"
    done = creativenn("poster", "cppn", "--seeds", "1-2", "--size", "300x200", "--bits", "8", "--out", out,
                      "--", "mix=waves,bumps", "at=0.25")
    assert done.returncode == 0, done.stderr
    assert "4 of 4 posters finished" in done.stderr
    with Image.open(out / "seed-2_mix=bumps.png") as image:
        picture = np.asarray(image.convert("RGB"))
    net, latent = network(2, {"mix": "bumps", "at": 0.25})  # the sketch's START: its palette too
    assert net.palette.name == "ember" and np.array_equal(picture, net.image(300, 200, latent))
    with Image.open(out / "thumbs" / "seed-2_mix=bumps.png") as thumb:
        assert thumb.size == (300, 200)  # small already: block of 1
    assert (out / "contact-sheet.png").is_file()
    bad = creativenn("poster", "network", "--out", out)
    assert bad.returncode == 2 and "renders the cppn sketch's pictures" in bad.stderr


@pytest.fixture(scope="module")
def dask_cluster():
    distributed = pytest.importorskip("distributed")
    import dask

    with dask.config.set({"distributed.scheduler.allowed-failures": 1}), \
            distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                     dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def test_a_series_on_a_dask_cluster_gives_the_same_bytes_as_here(local_series, dask_cluster, tmp_path):
    here, _ = local_series
    out = tmp_path / "cluster"
    done = creativenn("export", SEEDED, "--seeds", "1-3", "--frames", 3, "--out", out, "--cluster",
                      dask_cluster)
    assert done.returncode == 0, done.stderr
    assert "on the Dask cluster at" in done.stderr and "3 of 3 clips finished" in done.stderr
    for seed in (1, 2, 3):
        assert frames(out / f"seed-{seed}") == frames(here / f"seed-{seed}")
    assert (out / "contact-sheet.png").is_file() and len(list((out / "thumbs").iterdir())) == 3


def test_a_dask_worker_that_dies_fails_its_item_only(dask_cluster, tmp_path):
    out = tmp_path / "killed"
    done = creativenn("export", SEEDED, "--seeds", "1-3", "--frames", 3, "--out", out, "--cluster",
                      dask_cluster, "--", "KILL_GRANDPARENT=2")
    assert done.returncode == 1, done.stderr
    assert "seed-2 failed: each Dask worker that took it died while rendering it" in done.stderr
    assert len(frames(out / "seed-1")) == 3 and len(frames(out / "seed-3")) == 3


def test_posters_on_a_dask_cluster_are_the_same_bytes_as_here(dask_cluster, tmp_path):
    runs = {}
    for where, extra in (("here", []), ("cluster", ["--cluster", dask_cluster])):
        done = creativenn("poster", "cppn", "--seeds", "3-4", "--size", "160x120", "--out", tmp_path / where,
                          *extra, "--", "detail=3")
        assert done.returncode == 0, done.stderr
        runs[where] = {p.name: p.read_bytes() for p in (tmp_path / where).glob("seed-*.png")}
    assert runs["here"] == runs["cluster"] and len(runs["here"]) == 2


def test_constants_reach_an_imported_mode_sketch_and_its_errors_name_its_own_file(tmp_path):
    sketch = ROOT / "tests" / "sketches" / "imported" / "shades.py"
    out = tmp_path / "shades"
    done = creativenn("export", sketch, "--seeds", "4-5", "--frames", 2, "--out", out, "--", "SHADE=200")
    assert done.returncode == 0, done.stderr
    for seed in (4, 5):
        with Image.open(out / f"seed-{seed}" / "frame-0002.png") as image:
            picture = image.convert("RGB")
            assert picture.getpixel((100, 70)) == (200, seed, 30)  # the constants, and SEED from --seeds
            assert picture.getpixel((25, 30)) == (250, 200, 0)  # the helper module beside it was found
    broken = creativenn("export", sketch, "--frames", 3, "--out", tmp_path / "broken", "--", "FAIL=True")
    assert broken.returncode == 1
    assert f'File "{sketch}", line 16, in draw' in broken.stderr, broken.stderr


def test_a_cluster_without_dask_installed_says_what_to_install(tmp_path):
    hidden = tmp_path / "no_dask"
    (hidden / "distributed").mkdir(parents=True)
    (hidden / "distributed" / "__init__.py").write_text("raise ImportError('no Dask here')\n")
    env = {**{k: v for k, v in os.environ.items() if k != "DISPLAY"}, "PYTHONPATH": str(hidden)}
    done = subprocess.run([sys.executable, "-m", "creativenn", "poster", "cppn", "--seeds", "1-2", "--size",
                           "50x50", "--out", str(tmp_path / "p"), "--cluster", "tcp://127.0.0.1:8786"],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert "pip install 'creativenn[cluster]'" in done.stderr and "Traceback" not in done.stderr
