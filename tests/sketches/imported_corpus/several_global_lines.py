a = 0
b = 0
c = 0


def setup():
    global a, b
    global c
    # size() after two global lines and a comment
    size(210, 90)
    a, b, c = 10, 20, 30


def draw():
    background(a, b, c)
    fill(255)
    rect(a + frame_count * 10, b, c, c)
