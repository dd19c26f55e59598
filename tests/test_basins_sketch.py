"""The basins sketch: the sweep paints every start by the minimum its ball reaches."""

from pathlib import Path

import numpy as np

from creativenn import colors
from creativenn.worlds.basins import basin_labels, descend

SKETCH = Path(__file__).resolve().parent.parent / "sketches" / "basins.py"


def test_the_sweep_paints_himmelblaus_four_basins(render):
    result, frames = render(SKETCH, 133, seed=0)  # 260 rows, 8 a band, 4 frames a band: done after 132
    ns = result.namespace
    sweep, view = ns["sweep"], ns["view"]
    surface, labels, starts, image = sweep.surface, sweep.labels, sweep.starts, sweep.image
    assert sweep.row == image.shape[0] and set(labels.tolist()) == {0, 1, 2, 3}
    some = np.random.default_rng(0).choice(len(starts), 200, replace=False)
    again = basin_labels(surface, descend(surface, starts[some], "sgd", sweep.learning_rate, ns["STEPS"]))
    np.testing.assert_array_equal(labels[some], again)  # the painted label is the descent's own
    frame = frames[-1]
    for k, minimum in enumerate(surface.minima):
        i = int(np.linalg.norm(starts - minimum, axis=1).argmin())
        assert labels[i] == k
        r, c = divmod(i, ns["GRID"])
        expected = (np.array(colors.class_color(k)) * sweep.shade[i]).astype(np.uint8)
        assert np.array_equal(image[r, c], expected)
        x, y = view.rect[0] + 2 * c + 1, view.rect[1] + 2 * r + 1  # each start: a 2 × 2 square
        if np.hypot(*np.subtract(view.to_screen(*minimum), (x, y))) > 12:  # not under the × mark
            assert np.abs(frame[int(y), int(x)].astype(int) - expected).max() <= 2
    record = ns["state"]()
    assert abs(sum(record["shares"]) + record["escaped"] - 1) < 1e-9


def test_a_new_optimizer_paints_again_from_the_top(render):
    ns = render(SKETCH, 3, seed=0)[0].namespace
    ns["controls"].press("o")
    sweep = ns["sweep"]
    assert sweep.optimizer == "momentum" and sweep.row == 0 and (sweep.labels == -2).all()
    ns["controls"].press("2")
    assert ns["sweep"].surface.name == "six_hump_camel" and ns["sweep"].image.shape[:2] == (156, 260)
    ns["controls"].press("+")
    assert ns["sweep"].speed == 1.5 and ns["sweep"].optimizer == "momentum"
