def setup():
    size(200, 200)
    no_loop()


def draw():
    background(255, 240, 200)
    fill(0)
    text_size(20)
    text(f"frame {frame_count}", 40, 100)
