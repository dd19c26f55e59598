def setup():
    size(240, 120)


def draw():
    background(255)
    match frame_count % 3:
        case 0:
            fill(255, 0, 0)
        case 1:
            fill(0, 255, 0)
        case _:
            fill(0, 0, 255)
    rect(20, 20, 200, 80)
