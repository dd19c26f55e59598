"""The tooling around the sketches: the ``creativenn`` command, displays and Java, frames and
export folders, and the worker that runs a sketch and grabs its frames.

May import everything below it (maths, picture, worlds); ``tools.render`` is the
one module here that imports py5: it runs sketches. See docs/architecture.md.
"""
