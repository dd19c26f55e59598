"""Make assets/images/valleys.png: a grey height map for paint_landscape (dark is low).

Three valleys of different depths and a ridge between two of them, so balls
dropped at random settle in different places. Run once: python assets/make_valleys.py
"""

from pathlib import Path

import numpy as np
from PIL import Image

y, x = np.mgrid[0:200, 0:200] / 200.0
valleys = [(0.72, 0.30, 0.012, 0.85), (0.25, 0.72, 0.008, 0.6), (0.70, 0.78, 0.005, 0.4)]
height = 1.0 - sum(depth * np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * s)) for cx, cy, s, depth in valleys)
height += 0.25 * np.exp(-((x - y) ** 2) / 0.004) * (x + y > 0.9)  # a ridge along the diagonal
height = (height - height.min()) / (height.max() - height.min())
out = Path(__file__).resolve().parent / "images" / "valleys.png"
Image.fromarray((height * 255).astype(np.uint8)).save(out)
print(f"wrote {out}")
