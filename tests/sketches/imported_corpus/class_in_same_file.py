class Oscillator:
    def __init__(self, amplitude, period):
        self.amplitude, self.period = amplitude, period

    def y(self, t):
        return self.amplitude * sin(TWO_PI * t / self.period)


waves = [Oscillator(40, 60), Oscillator(20, 25)]


def setup():
    size(300, 200)


def draw():
    background(255)
    stroke(0)
    for i, wave in enumerate(waves):
        circle(100 + i * 100, height / 2 + wave.y(frame_count), 24)
