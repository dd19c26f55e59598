"""Make assets/data/digits.npz: the 8×8 handwritten digits (UCI "Optical Recognition of
Handwritten Digits", test part, 1,797 images, 0-16 grey levels), as shipped inside
scikit-learn (sklearn.datasets.load_digits, no download).

Run once by hand (scikit-learn is not a dependency of creativenn):
    .venv/bin/pip install scikit-learn && .venv/bin/python assets/make_digits.py
"""

from pathlib import Path

import numpy as np
from sklearn.datasets import load_digits

digits = load_digits()
out = Path(__file__).resolve().parent / "data" / "digits.npz"
out.parent.mkdir(exist_ok=True)
np.savez_compressed(out, images=digits.images.astype(np.uint8), labels=digits.target.astype(np.uint8))
print(f"{out}: {len(digits.target)} images, {out.stat().st_size} bytes")
