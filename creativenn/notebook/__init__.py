"""creativenn in Jupyter and Colab: a model drawn inline in one call, an animation in another,
a sketch running live in the notebook.

- ``show(thing)`` draws a creativenn object in the sketches' look, as a
  picture Jupyter shows inline (``pictures``); ``plot(x, curves)`` draws
  curves of your own (costs against a prediction, say) in the same look
  (a ``Plot`` returned each frame animates them);
- ``animate(what, frames)`` renders a bundled sketch, a sketch file, or a
  training loop written in the notebook, as a video that plays inline, with
  a progress bar (``animation``);
- ``live(sketch)`` runs a sketch in the notebook, its keys and mouse working (``live``).

Nothing here starts Java until something is drawn; then, on a machine with
no display, a virtual one (Xvfb) is started first. Something that cannot be
drawn is one clear line in the notebook (``NotebookError``), not a stack trace.
"""

from .animation import animate
from .base import NotebookError, Picture, Video
from .live import LiveSketch, live
from .pictures import Plot, plot, show

__all__ = ["LiveSketch", "NotebookError", "Picture", "Plot", "Video", "animate", "live", "plot", "show"]
