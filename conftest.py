"""pytest start-up: a display for py5 before anything imports it (doctests of creativenn.draw too).

With no display, Xvfb is started for the session (creativenn.display does the same for exports).
"""

from creativenn.display import virtual_display


def pytest_configure(config):
    virtual_display()

