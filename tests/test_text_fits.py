"""Text that reads: inside the canvas, at least 12 px, and no two pieces on one layer overlapping.

Every piece of text goes through ``creativenn.draw.label``, which remembers the
box it covers; help and messages are drawn on an overlay layer (they cover the
page on purpose). Each sketch is rendered with the help off, then on, then
after each of its keys in turn (one key a frame, every frame checked).
"""

import pytest

from creativenn import resources

KEYS = [*"h1234567890h", *"rs+=-_dbnoaqcxkltvwi[],.mzfgNpab", *"++++++++",  # the last: until it diverges
        "up", "down", "left", "right", "h", "o", "o"]
HOOK = '''
_sketch_draw, _drawn, _keys = draw, [], {keys!r}


def draw():
    if 3 <= py5.frame_count < 3 + len(_keys):
        controls.press(_keys[py5.frame_count - 3])
    _sketch_draw()
    from creativenn.draw import labels_drawn
    _drawn.append((py5.frame_count, labels_drawn()))


'''


def problems(records, width, height):
    found = []
    for frame, drawn in records:
        shown = [d for d in drawn if d.text.strip()]
        for d in shown:
            x, y, w, h = d.box
            if x < -1 or y < -1 or x + w > width + 1 or y + h > height + 1:
                where = tuple(round(v) for v in d.box)
                found.append(f"frame {frame}: {d.text!r} runs off the canvas at {where}")
            if d.size < 12:
                found.append(f"frame {frame}: {d.text!r} is {d.size} px, under 12")
        for layer in ("page", "overlay"):
            mine = [d for d in shown if d.layer == layer]
            for i, a in enumerate(mine):
                for b in mine[i + 1:]:
                    if a.box.inset(1).overlaps(b.box.inset(1)):
                        found.append(f"frame {frame}: {a.text!r} overlaps {b.text!r}")
    return found


def rendered(render, tmp_path, monkeypatch, name, argv=None, frames=5, keys="h"):
    source = resources.sketches()[name].read_text()
    source = source.replace("POSTER_SIZE = 4000", "POSTER_SIZE = 200")  # p: a small poster, quickly
    head, tail = source.rsplit("py5.run_sketch()", 1)
    sketch = tmp_path / f"{name}.py"
    sketch.write_text(head + HOOK.format(keys=list(keys)) + "py5.run_sketch()" + tail)
    monkeypatch.chdir(tmp_path)
    return render(sketch, frames, argv=argv)


@pytest.mark.parametrize("name", sorted(resources.sketches()))
def test_every_label_fits_and_none_overlaps_after_every_key(render, tmp_path, monkeypatch, name):
    result, frames = rendered(render, tmp_path, monkeypatch, name, frames=len(KEYS) + 4, keys=KEYS)
    records = result.namespace["_drawn"]
    assert records and all(drawn for _, drawn in records)  # text was drawn, and seen
    assert any(d.layer == "overlay" for d in records[2][1])  # the help (frame 3), on its own layer
    height, width = frames[-1].shape[:2]
    assert not problems(records, width, height)


def test_a_long_message_is_broken_into_lines_that_fit(render, tmp_path, monkeypatch):
    bad = tmp_path / ("a file with a long name that goes on and on, " * 2 + "points.csv")
    bad.write_text("x1,x2,label\n0.1,0.2,1\n0.3,zero,0\n")
    result, frames = rendered(render, tmp_path, monkeypatch, "playground", [str(bad)])
    message = [d for d in result.namespace["_drawn"][1][1] if d.layer == "overlay"]
    assert len(message) >= 4 and any("line 3" in d.text for d in message)  # headline, reason (wrapped), key
    height, width = frames[-1].shape[:2]
    assert not problems(result.namespace["_drawn"][:2], width, height)


def test_a_loss_axis_after_longer_training_still_reads(render, tmp_path, monkeypatch):
    """By step 480 network's loss spans most of a decade: its ticks must not crowd (0.6 over 0.4 did)."""
    result, frames = rendered(render, tmp_path, monkeypatch, "network", frames=120)
    height, width = frames[-1].shape[:2]
    ticks = [d.text for d in result.namespace["_drawn"][-1][1] if d.text in ("0.05", "0.1", "0.2", "0.5")]
    assert len(ticks) >= 3 and not problems(result.namespace["_drawn"][-1:], width, height)
