"""How good is it? Accuracy and the confusion matrix for classes (M1), RMSE and R² for values (M2),
and when to stop (M3).

The tags (F1), (M1), (G1) … name equations of the course notes, docs/maths.md;
``creativenn maths M1`` prints one.

A loss is what gradient descent goes down; these are what a person asks:
how many did it get right, which classes does it mix up, how far off are
its values, and is it still getting better on points it has not trained on.

Leaves out: precision, recall and F1 per class (the confusion matrix holds
them), ROC curves, cross-validation.

>>> import numpy as np
>>> confusion([0, 0, 1, 1, 2], [0, 1, 1, 1, 0], classes=3)   # rows: truth, columns: guess
array([[1, 1, 0],
       [0, 2, 0],
       [1, 0, 0]])
>>> accuracy([0, 0, 1, 1, 2], [0, 1, 1, 1, 0])
0.6
>>> y = np.array([1.0, 2.0, 3.0, 4.0])
>>> rmse(y, y + 0.5), r_squared(y, y + 0.5)   # off by ½ everywhere; 1 − 1/5
(0.5, 0.8)
"""

from __future__ import annotations

import math

import numpy as np


def accuracy(truth, guesses) -> float:
    """The share of guesses that are right   (M1)."""
    truth, guesses = np.asarray(truth).reshape(-1), np.asarray(guesses).reshape(-1)
    _same_length(truth, guesses)
    return float(np.mean(truth == guesses)) if len(truth) else math.nan


def confusion(truth, guesses, classes: int | None = None) -> np.ndarray:
    """Counts: row i, column j = how many of class i were guessed j   (M1). The diagonal is right."""
    truth = np.asarray(truth).reshape(-1).astype(int)
    guesses = np.asarray(guesses).reshape(-1).astype(int)
    _same_length(truth, guesses)
    k = classes or (int(max(truth.max(initial=0), guesses.max(initial=0))) + 1)
    if len(truth) and (min(truth.min(), guesses.min()) < 0 or max(truth.max(), guesses.max()) >= k):
        raise ValueError(f"classes must be 0 … {k - 1}, got {sorted(set(truth) | set(guesses))}")
    counts = np.zeros((k, k), int)
    np.add.at(counts, (truth, guesses), 1)
    return counts


def rmse(truth, values) -> float:
    """Root mean squared error √(1/N Σ (ŷ − y)²): how far off, in the targets' own units   (M2)."""
    truth, values = _pair(truth, values)
    return float(np.sqrt(np.mean((values - truth) ** 2))) if truth.size else math.nan


def r_squared(truth, values) -> float:
    """R² = 1 − Σ (y − ŷ)² / Σ (y − ȳ)²: the share of the targets' spread the model explains   (M2).

    1 is perfect; 0 is no better than always answering the mean ȳ; below 0, worse than that.
    """
    truth, values = _pair(truth, values)
    spread = float(((truth - truth.mean()) ** 2).sum()) if truth.size else 0.0
    if spread == 0:
        return math.nan  # every target the same: nothing to explain
    return 1.0 - float(((truth - values) ** 2).sum()) / spread


class EarlyStop:
    """Stop when the test loss has not improved for ``patience`` epochs   (M3).

    ``update(epoch, loss)`` after each check returns None, or the reason to
    stop, in words, once ``patience`` epochs have passed since the best loss
    (improving means falling by more than ``min_delta``).

    >>> stop = EarlyStop(patience=2)
    >>> [stop.update(e, loss) for e, loss in enumerate([0.5, 0.4, 0.41, 0.42, 0.39])][:4]
    [None, None, None, 'the test loss has not improved for 2 epochs (best 0.4 at epoch 1)']
    """

    def __init__(self, patience: float, min_delta: float = 0.0):
        if not patience > 0:
            raise ValueError(f"patience must be more than 0 epochs, got {patience!r}")
        self.patience, self.min_delta = patience, min_delta
        self.best, self.best_epoch = math.inf, None

    def update(self, epoch: float, loss: float) -> str | None:
        if loss < self.best - self.min_delta:
            self.best, self.best_epoch = loss, epoch
            return None
        if self.best_epoch is not None and epoch - self.best_epoch >= self.patience:
            return (f"the test loss has not improved for {self.patience:g} epochs (best {self.best:.3g} at "
                    f"epoch {round(self.best_epoch, 1):g})")
        return None


def _same_length(a, b) -> None:
    if len(a) != len(b):
        raise ValueError(f"truth and guesses must be as many, got {len(a)} and {len(b)}")


def _pair(truth, values) -> tuple[np.ndarray, np.ndarray]:
    truth, values = np.asarray(truth, float), np.asarray(values, float)
    if truth.shape != values.shape and truth.size == values.size:
        values = values.reshape(truth.shape)
    if truth.shape != values.shape:
        raise ValueError(f"targets and values must have the same shape, got {truth.shape} and {values.shape}")
    return truth, values
