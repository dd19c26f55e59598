def setup():
    size(160, 160)
    background(0)
    stroke(255)
    for i in range(0, 160, 10):
        line(i, 0, 160 - i, 160)
