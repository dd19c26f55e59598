"""Your own data in CSV: read, written back, and every malformed file told apart clearly."""

import numpy as np
import pytest

import creativenn as cnn
from creativenn.worlds.csvdata import is_regression, load_csv, save_csv


def write(tmp_path, text, name="points.csv"):
    path = tmp_path / name
    path.write_text(text)
    return path


def test_two_classes_come_as_a_column_more_as_one_hot(tmp_path):
    X, Y = load_csv(write(tmp_path, "1,2,0\n3,4,1\n"))
    assert X.tolist() == [[1, 2], [3, 4]] and Y.tolist() == [[0.0], [1.0]]
    X, Y = load_csv(write(tmp_path, "# my points\nx,y,class\n\n1,2,0\n3,4,4\n"))
    assert Y.shape == (2, 5) and Y.argmax(axis=1).tolist() == [0, 4]


def test_labels_with_a_decimal_point_are_a_regression(tmp_path):
    X, Y = load_csv(write(tmp_path, "0,0,1.0\n1,1,2.5\n0,1,-3e-1\n"))
    assert Y.ravel().tolist() == [1.0, 2.5, -0.3] and is_regression(Y)


@pytest.mark.parametrize("make", [
    lambda: cnn.datasets.moons(n=30, seed=1),
    lambda: cnn.datasets.blobs(n=30, classes=4, seed=1),
    lambda: cnn.datasets.wave(n=30, seed=1),
])
def test_save_then_load_gives_the_same_points(tmp_path, make):
    X, Y = make()
    X2, Y2 = load_csv(save_csv(tmp_path / "d.csv", X, Y))
    np.testing.assert_array_equal(X2, X)
    np.testing.assert_array_equal(Y2, Y)


def test_a_regression_of_whole_values_survives_the_round_trip(tmp_path):
    X, Y = np.zeros((3, 2)), np.array([[0.0], [1.0], [2.0]])
    _, Y2 = load_csv(save_csv(tmp_path / "d.csv", X, Y, regression=True))
    assert is_regression(Y2) is True and Y2.ravel().tolist() == [0.0, 1.0, 2.0]


@pytest.mark.parametrize("text, says", [
    ("1,2,0\n3,4\n", "line 2: expected 3 columns"),
    ("1,2,0\n3,four,1\n", "line 2: '3,four,1' holds something that is not a number"),
    ("1,2,0\n3,nan,1\n", "line 2: '3,nan,1' holds a missing or infinite value"),
    ("x1,x2,label\n", "no points found"),
    ("1,2,0\n3,4,-1\n", "class labels must be whole numbers 0 … 7"),
    ("1,2,0\n3,4,9\n", "for a regression, write the values with a decimal point"),
])
def test_malformed_files_say_where_and_what(tmp_path, text, says):
    path = write(tmp_path, text)
    with pytest.raises(ValueError, match="points.csv") as error:
        load_csv(path)
    assert says in str(error.value)


def test_missing_and_binary_files_are_clear_errors(tmp_path):
    with pytest.raises(ValueError, match="no such file"):
        load_csv(tmp_path / "nope.csv")
    path = tmp_path / "image.csv"
    path.write_bytes(b"\x89PNG\xff\xfe\x00")
    with pytest.raises(ValueError, match="cannot be read as text"):
        load_csv(path)


def test_wave_is_a_smooth_regression():
    X, Y = cnn.datasets.wave(n=500, noise=0.0, seed=2)
    assert X.shape == (500, 2) and Y.shape == (500, 1) and is_regression(Y)
    np.testing.assert_allclose(Y[:, 0], np.sin(2 * X[:, 0]) * np.cos(2 * X[:, 1]))
    net = cnn.MLP([2, 16, 1], activation="tanh", output_activation="linear", loss="mse", seed=0)
    history = net.fit(X, Y, epochs=300, batch_size=32, optimizer=cnn.Adam(0.01))
    assert history[-1] < 0.1 * history[0]
