"""Every key of every sketch, pressed while it runs: none may break the sketch."""

from pathlib import Path

import pytest

from creativenn import resources

ROOT = Path(__file__).resolve().parent.parent
ALL = sorted(resources.sketches())  # the bundled sketches, as the command finds them
KEYS = [*" rs+=-_hdbnoaqcxkltvwi[],.123456789mzfgN", "up", "down", "left", "right", "p", "a", "b", " "]
HOOK = '''
_sketch_draw = draw
_pressed = iter({keys!r})


def draw():
    for _ in range(2):  # two keys a frame, then the frame as the sketch draws it
        key = next(_pressed, None)
        if key is not None:
            controls.press(key)
    _sketch_draw()


'''


@pytest.mark.parametrize("name", ALL)
def test_pressing_every_key_keeps_the_sketch_running(render, tmp_path, monkeypatch, name):
    source = (ROOT / "sketches" / f"{name}.py").read_text()
    source = source.replace("POSTER_SIZE = 4000", "POSTER_SIZE = 200")  # p: a small poster, quickly
    head, tail = source.rsplit("py5.run_sketch()", 1)
    sketch = tmp_path / f"{name}_keys.py"
    sketch.write_text(head + HOOK.format(keys=KEYS) + "py5.run_sketch()" + tail)
    monkeypatch.chdir(tmp_path)  # s, p, d and w write files here
    result, frames = render(sketch, len(KEYS) // 2 + 2, seed=0, size=(400, 400)
                            if name not in ("cost_surface", "landscape") else None)
    assert len(frames) == len(KEYS) // 2 + 2
