"""A class-mode sketch that draws with creativenn's helpers (they find the sketch by `self`)."""

from py5 import Sketch

from creativenn.draw import label


class Words(Sketch):
    def settings(self):
        self.size(160, 60)

    def draw(self):
        self.background(10, 20, 30)
        label("creativenn", 10, 10, 24, (255, 255, 255))


Words().run_sketch()
