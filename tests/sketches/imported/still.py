"""A static sketch in imported mode: no functions, one picture."""

size(120, 80)
background(200, 40, 40)
no_stroke()
fill(255, 255, 255)
rect(10, 10, 30, 30)
