# PY5 IMPORTED MODE CODE
# A helper module in imported mode (as the Nature of Code port writes them): width, random, stroke …


class Mover:
    def __init__(self, x, y):
        self.x, self.y = x, y
        self.vx, self.vy = random(-2, 2), random(-2, 2)

    def update(self):
        self.x = (self.x + self.vx) % width
        self.y = (self.y + self.vy) % height

    def show(self):
        stroke(0)
        fill(175)
        circle(self.x, self.y, 16)
