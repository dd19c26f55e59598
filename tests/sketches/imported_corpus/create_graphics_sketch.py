layer = None


def setup():
    global layer
    size(200, 200)
    layer = create_graphics(100, 100)


def draw():
    layer.begin_draw()
    layer.background(255, 0, 0)
    layer.fill(255)
    layer.circle(50, 50, frame_count * 10)
    layer.end_draw()
    background(30)
    image(layer, 50, 50)
