"""Measures of how good a model is (M1–M3), against hand-worked values and their definitions."""

import math

import numpy as np
import pytest

from creativenn.maths.metrics import EarlyStop, accuracy, confusion, r_squared, rmse


def test_the_confusion_matrix_counts_truth_by_guess_and_its_diagonal_is_the_accuracy():
    rng = np.random.default_rng(0)
    truth, guesses = rng.integers(0, 4, 300), rng.integers(0, 4, 300)
    counts = confusion(truth, guesses, classes=4)
    assert counts.sum() == 300 and counts[2, 1] == np.sum((truth == 2) & (guesses == 1))
    assert np.trace(counts) / 300 == accuracy(truth, guesses)
    assert confusion([1, 1], [1, 1], classes=3).tolist() == [[0, 0, 0], [0, 2, 0], [0, 0, 0]]
    with pytest.raises(ValueError, match="classes must be 0 … 1"):
        confusion([0, 2], [0, 1], classes=2)
    with pytest.raises(ValueError, match="as many"):
        accuracy([0, 1], [0])


def test_rmse_and_r_squared_against_their_definitions():
    rng = np.random.default_rng(1)
    y = rng.normal(size=50)
    y_hat = y + rng.normal(scale=0.3, size=50)
    assert rmse(y, y_hat) == pytest.approx(np.sqrt(np.mean((y_hat - y) ** 2)))
    assert r_squared(y, y_hat) == pytest.approx(1 - np.sum((y - y_hat) ** 2) / np.sum((y - y.mean()) ** 2))
    assert r_squared(y, np.full(50, y.mean())) == pytest.approx(0.0)  # always the mean: explains nothing
    assert r_squared(y, y) == 1.0 and r_squared(y, -y) < 0
    assert math.isnan(r_squared([2.0, 2.0], [1.0, 3.0]))  # no spread to explain
    assert rmse(y[:, None], y_hat) == rmse(y, y_hat)  # a column of targets against a row of values


def test_early_stop_waits_patience_epochs_after_the_best():
    stop = EarlyStop(patience=3, min_delta=0.01)
    said = [stop.update(epoch, loss) for epoch, loss in
            enumerate([1.0, 0.8, 0.795, 0.79, 0.7, 0.71, 0.72, 0.73])]
    assert said[:7] == [None] * 7  # 0.795 and 0.79 are not better by 0.01: epoch 1 stays the best until 4
    assert said[7] == "the test loss has not improved for 3 epochs (best 0.7 at epoch 4)"
    late = EarlyStop(patience=2)
    said = [late.update(epoch, loss) for epoch, loss in [(7 / 6, 0.5), (2.3, 0.6), (3.4, 0.6)]]
    assert said[-1].endswith("(best 0.5 at epoch 1.2)")  # epochs are fractions: said to a tenth
    with pytest.raises(ValueError, match="patience must be more than 0"):
        EarlyStop(0)
