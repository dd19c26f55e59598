"""pytest start-up: a display for py5 before anything imports it (doctests of creativenn.draw too).

With no display, Xvfb is started for the session (creativenn.display does the same for exports).
"""

from creativenn.display import virtual_display


def pytest_configure(config):
    virtual_display()


def pytest_unconfigure(config):
    """After pytest's summary: silence JOGL's report of open X connections as the JVM exits,
    so the summary stays the last thing a test run prints."""
    import os
    import sys

    sys.stderr.flush()
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
