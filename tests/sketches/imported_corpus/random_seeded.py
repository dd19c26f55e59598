def setup():
    size(300, 200)
    random_seed(11)
    background(255)


def draw():
    no_stroke()
    fill(random(255), random(255), random(255), 180)
    circle(random(width), random(height), random(10, 40))
