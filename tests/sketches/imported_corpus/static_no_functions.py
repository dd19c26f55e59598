# A static sketch: no functions at all, as py5's first lessons write
size(300, 150)
background(255)
fill(0, 100, 200)
for i in range(5):
    rect(20 + i * 55, 40, 40, 70)
