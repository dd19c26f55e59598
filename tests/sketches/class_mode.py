"""A class-mode sketch: a Sketch subclass started with .run_sketch()."""

from py5 import Sketch


class Squares(Sketch):
    def settings(self):
        self.size(120, 80)

    def draw(self):
        self.background(10, 20, 30)
        self.no_stroke()
        self.fill(250, 200, 0)
        self.rect(self.frame_count * 10, 20, 20, 20)


Squares().run_sketch()
