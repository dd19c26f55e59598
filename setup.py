"""One thing pyproject.toml cannot say: the wheel also carries ``creativenn-java.pth``.

That file, at the top of site-packages, loads the start-up hook
``_creativenn_java`` so that py5 finds the Java creativenn brings even when a
sketch imports py5 first (``python sketch.py``, notebooks). Everything else
about the package is in pyproject.toml.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

PTH = "creativenn-java.pth"


class BuildPy(build_py):
    """build_py, plus the .pth file next to the packages."""

    def run(self):
        super().run()
        self.copy_file(PTH, str(Path(self.build_lib) / PTH))

    def get_outputs(self, include_bytecode=True):
        return [*super().get_outputs(include_bytecode), str(Path(self.build_lib) / PTH)]


setup(cmdclass={"build_py": BuildPy})
