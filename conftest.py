"""pytest start-up: Java and a display for py5 before anything imports it (doctests of creativenn.draw too).

The Java is the one creativenn chooses (creativenn.tools.java: the user's JAVA_HOME, else the runtime
creativenn brings, else the system's); with no display, Xvfb is started for the session
(creativenn.tools.display does the same for exports).
"""

from creativenn.tools.display import virtual_display
from creativenn.tools.java import use_java


def pytest_configure(config):
    use_java()
    virtual_display()
