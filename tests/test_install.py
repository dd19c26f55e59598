"""`pip install creativenn` gives the whole tool: a wheel installed non-editable, used from elsewhere.

The wheel and the sdist are built from a copy of the repository with no
build isolation (no download). The wheel goes into a fresh venv that
reaches the dependencies already in ``.venv`` through a folder of links
(everything there but creativenn itself), and every command then runs from
a temporary folder with no display, as a new user's would.
"""

import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
NOT_COPIED = shutil.ignore_patterns(".venv", ".git", "out", "build", "dist", "*.egg-info", "__pycache__",
                                    ".pytest_cache", ".ruff_cache", "gallery", "hs_err_pid*")
BUILD = "import sys; from setuptools import build_meta as b; getattr(b, sys.argv[1])(sys.argv[2])"


def run(*command, cwd, check=True, timeout=300):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "PYTHONPATH")}
    done = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout)
    if check:
        assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(venv bin folder, wheel, sdist, a folder far from the repository to work in)."""
    root = tmp_path_factory.mktemp("install")
    source, dist = root / "source", root / "dist"
    shutil.copytree(ROOT, source, ignore=NOT_COPIED)
    for build in ("build_wheel", "build_sdist"):  # one process each: setuptools keeps state
        run(sys.executable, "-c", BUILD, build, dist, cwd=source)
    (wheel,), (sdist,) = dist.glob("*.whl"), dist.glob("*.tar.gz")
    deps = root / "deps"  # .venv's packages, less creativenn's own (editable) install
    deps.mkdir()
    for entry in Path(sysconfig.get_paths()["purelib"]).iterdir():
        if not entry.name.startswith(("creativenn", "__editable__")) and entry.suffix != ".pth":
            (deps / entry.name).symlink_to(entry)
    venv = root / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=root)
    bin_ = venv / "bin"
    purelib = run(bin_ / "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                  cwd=root).stdout.strip()
    (Path(purelib) / "reach_dev_packages.pth").write_text(f"{deps}\n")
    run(bin_ / "python", "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
        wheel, cwd=root)
    elsewhere = root / "elsewhere"
    elsewhere.mkdir()
    return bin_, wheel, sdist, elsewhere


def test_the_distributions_carry_sketches_assets_notes_and_licence(installed):
    _, wheel, sdist, _ = installed
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        metadata = z.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    for inside in ("creativenn/sketches/network.py", "creativenn/sketches/starters/cppn.py",
                   "creativenn/assets/fonts/DejaVuSans.ttf", "creativenn/assets/data/digits.npz",
                   "creativenn/assets/images/valleys.png", "creativenn/notes/maths.md"):
        assert inside in names, inside
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert not any("gallery" in n or n.startswith("tests/") for n in names)
    assert "License-Expression: MIT" in metadata and "Topic :: Artistic Software" in metadata
    requires = [line for line in metadata.splitlines() if line.startswith("Requires-Dist:")
                and "extra ==" not in line]
    assert sorted(r.split()[1].split(">")[0] for r in requires) == ["imageio-ffmpeg", "numpy", "pillow",
                                                                   "py5"]
    with tarfile.open(sdist) as tar:
        members = {m.split("/", 1)[1] for m in tar.getnames() if "/" in m}
    for inside in ("LICENSE", "sketches/network.py", "sketches/starters/blank.py",
                   "assets/fonts/DejaVuSans.ttf", "assets/data/digits.npz", "assets/images/valleys.png",
                   "docs/maths.md", "pyproject.toml"):
        assert inside in members, inside


def test_commands_work_from_any_folder(installed):
    bin_, _, _, here = installed
    version = run(bin_ / "creativenn", "--version", cwd=here).stdout
    assert version.startswith("creativenn 0.") and "py5" in version
    where = run(bin_ / "python", "-c", "import creativenn; print(creativenn.__file__)", cwd=here).stdout
    assert str(bin_.parent) in where and str(ROOT) not in where  # the wheel, not the repository
    listed = run(bin_ / "creativenn", "list", cwd=here).stdout
    assert sorted(line.split()[0] for line in listed.splitlines()) == sorted(
        p.stem for p in (ROOT / "sketches").glob("*.py") if not p.name.startswith("_"))
    assert "(B4) The chain rule" in run(bin_ / "creativenn", "maths", "B4", cwd=here).stdout  # notes
    assert "XOR learned." in run(bin_ / "creativenn", "demo", cwd=here).stdout
    digits = run(bin_ / "python", "-c", "from creativenn import datasets; X, Y = datasets.digits(); "
                 "print(X.shape, Y.shape)", cwd=here).stdout
    assert digits.strip() == "(1797, 64) (1797, 10)"


@pytest.mark.parametrize("sketch, args", [("network", []),  # JAVA2D, with text in the bundled font
                                          ("cost_surface", []),  # P3D
                                          ("paint_landscape", ["--", "valleys"])])  # the bundled image
def test_bundled_sketches_export(installed, sketch, args):
    bin_, _, _, here = installed
    run(bin_ / "creativenn", "export", sketch, "--frames", 2, "--out", f"out/{sketch}", *args, cwd=here)
    frames = sorted((here / "out" / sketch).glob("frame-*.png"))
    assert len(frames) == 2 and np.asarray(Image.open(frames[-1])).std() > 5


def test_new_from_a_starter_then_export(installed):
    bin_, _, _, here = installed
    run(bin_ / "creativenn", "new", "my_project", "--from", "line_fit", cwd=here)
    run(bin_ / "creativenn", "export", "my_project.py", "--frames", 2, "--out", "out/mine", cwd=here)
    assert len(list((here / "out" / "mine").glob("frame-*.png"))) == 2


def test_a_damaged_or_missing_bundled_file_is_named_with_the_cure(installed):
    bin_, _, _, here = installed
    where = "import creativenn, os; print(os.path.dirname(creativenn.__file__))"
    package = Path(run(bin_ / "python", "-c", where, cwd=here).stdout.strip())
    font, digits = package / "assets" / "fonts" / "DejaVuSans.ttf", package / "assets" / "data" / "digits.npz"
    font_bytes, digits_bytes = font.read_bytes(), digits.read_bytes()
    try:
        font.write_bytes(b"not a font" * 100)
        broken = run(bin_ / "creativenn", "export", "network", "--frames", 1, "--out", "out/broken", cwd=here,
                     check=False)
        assert broken.returncode == 1
        assert "fonts/DejaVuSans.ttf is damaged" in broken.stderr
        assert "pip install --force-reinstall --no-deps creativenn" in broken.stderr
        assert "java." not in broken.stderr and "Exception in thread" not in broken.stderr
        digits.unlink()
        missing = run(bin_ / "python", "-c", "from creativenn import datasets; datasets.digits()", cwd=here,
                      check=False)
        assert missing.returncode == 1 and "data/digits.npz is missing" in missing.stderr
        assert "pip install --force-reinstall" in missing.stderr
    finally:
        font.write_bytes(font_bytes)
        digits.write_bytes(digits_bytes)
