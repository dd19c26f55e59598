"""Input features: what a network is given, computed from each point (x₁, x₂)   (F3).

The tags (F1), (F3), (B4) … name equations of the course notes, docs/maths.md;
``creativenn maths F3`` prints one.

TensorFlow Playground's seven: x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂. A
feature is a fixed function of the point, computed before the first layer,
so the network's input layer has one neuron a feature and nothing else in
the maths changes: a_0 = φ(x) in (F1). What it buys: a circle, x₁² + x₂² < r²,
is a straight line in (x₁², x₂²), so a single neuron fed those two draws it;
fed x₁ and x₂ alone the network must bend lines into one.

Leaves out: learned features (that is what hidden layers are), and features
of more than two inputs.

>>> import numpy as np
>>> phi = Features(["x1", "x1^2", "x1*x2", "sin(x2)"])
>>> phi(np.array([[2.0, 0.0], [-1.0, 3.0]])).round(3)   # sin 3 = 0.141
array([[ 2.   ,  4.   ,  0.   ,  0.   ],
       [-1.   ,  1.   , -3.   ,  0.141]])
>>> phi.labels
['x₁', 'x₁²', 'x₁x₂', 'sin x₂']
"""

from __future__ import annotations

import numpy as np

# name → (the function of columns x1, x2, its label as the diagram shows it)
FEATURES = {
    "x1": (lambda x1, x2: x1, "x₁"),
    "x2": (lambda x1, x2: x2, "x₂"),
    "x1^2": (lambda x1, x2: x1 * x1, "x₁²"),
    "x2^2": (lambda x1, x2: x2 * x2, "x₂²"),
    "x1*x2": (lambda x1, x2: x1 * x2, "x₁x₂"),
    "sin(x1)": (lambda x1, x2: np.sin(x1), "sin x₁"),
    "sin(x2)": (lambda x1, x2: np.sin(x2), "sin x₂"),
}
NAMES = tuple(FEATURES)
_ALIASES = {"x1²": "x1^2", "x2²": "x2^2", "x1**2": "x1^2", "x2**2": "x2^2", "x1x2": "x1*x2", "x1·x2": "x1*x2",
            "sin x1": "sin(x1)", "sin x2": "sin(x2)", "sinx1": "sin(x1)", "sinx2": "sin(x2)"}


def canonical(name: str) -> str:
    """A feature's name as creativenn writes it (``x1²`` → ``x1^2``); a ValueError naming them all."""
    text = str(name).strip().lower().replace("₁", "1").replace("₂", "2")
    text = _ALIASES.get(text, text)
    if text not in FEATURES:
        raise ValueError(f"unknown input feature {name!r}: choose from {', '.join(NAMES)}")
    return text


class Features:
    """A choice of input features: ``Features(names)(X)`` turns points (n, 2) into inputs (n, k)."""

    def __init__(self, names=("x1", "x2")):
        names = [canonical(n) for n in names]
        if not names:
            raise ValueError(f"choose at least one input feature: {', '.join(NAMES)}")
        if len(set(names)) != len(names):
            raise ValueError(f"each input feature once, got {names}")
        self.names = names

    @property
    def labels(self) -> list[str]:
        """Each feature as the network diagram names its input neuron (x₁², sin x₂)."""
        return [FEATURES[n][1] for n in self.names]

    def __call__(self, X) -> np.ndarray:
        """φ(X): one column a feature, for points X shaped (n, 2)   (F3)."""
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or X.shape[1] != 2:
            raise ValueError(f"input features are computed from points (x1, x2): X must be (n, 2), got "
                             f"{X.shape}")
        x1, x2 = X[:, 0], X[:, 1]
        return np.column_stack([FEATURES[n][0](x1, x2) for n in self.names])

    def __len__(self) -> int:
        return len(self.names)

    def __eq__(self, other) -> bool:
        return isinstance(other, Features) and other.names == self.names

    def __repr__(self) -> str:
        return f"Features({self.names})"
