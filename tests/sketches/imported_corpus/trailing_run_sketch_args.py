def setup():
    size(220, 120)
    text_size(24)


def draw():
    background(255)
    fill(0)
    text(f"frame {frame_count}", 20, 70)


run_sketch(block=True)
