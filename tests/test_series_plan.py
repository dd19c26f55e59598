"""A series' plan, manifest, thumbnails and contact sheet, and a sketch's constants set from the command
line: the parts that need no JVM (tests/test_series.py renders series)."""

import json

import numpy as np
import pytest
from PIL import Image

from creativenn.tools import sketchfile
from creativenn.tools.poster import Shrink, knob_settings
from creativenn.tools.series import Item, Manifest, SeriesError, choices, parse_seeds, plan, recipe_key
from creativenn.tools.sheet import make


def test_seeds_are_ranges_and_lists_each_once_in_order():
    assert parse_seeds("1-64") == list(range(1, 65))
    assert parse_seeds("1-8,20,31") == [*range(1, 9), 20, 31]
    assert parse_seeds(" 3 , 1-2 ,3") == [3, 1, 2]
    assert parse_seeds("0") == [0]


@pytest.mark.parametrize("text, said", [
    ("", "--seeds is empty"),
    ("  ", "--seeds is empty"),
    ("1-", "'1-' is not a seed or a range"),
    ("1,,3", "'' is not a seed or a range"),
    ("a-b", "'a-b' is not a seed"),
    ("-3", "'-3' is not a seed"),
    ("8-1", "the range 8-1 goes down; write it from low to high (1-8)"),
    ("1-999999", "more than 100,000 seeds"),
])
def test_a_malformed_seed_range_says_what_to_write(text, said):
    with pytest.raises(SeriesError, match=None) as raised:
        parse_seeds(text)
    assert said in str(raised.value)


def test_a_comma_list_is_a_choice_each_but_brackets_quotes_and_files_stay_whole(tmp_path):
    rates = ["LEARNING_RATE=0.01", "LEARNING_RATE=0.1", "LEARNING_RATE=1"]
    assert choices("LEARNING_RATE=0.01,0.1,1") == rates
    assert choices("LAYERS=[2,4,1],[2,8,8,1]") == ["LAYERS=[2,4,1]", "LAYERS=[2,8,8,1]"]
    assert choices("TITLE='a, b'") == ["TITLE='a, b'"]
    assert choices("blobs,moons") == ["blobs", "moons"]
    assert choices("4") == ["4"]
    odd = tmp_path / "points,2024.csv"
    odd.write_text("x,y\n")
    assert choices(str(odd)) == [str(odd)]
    with pytest.raises(SeriesError, match="empty choice"):
        choices("LEARNING_RATE=0.1,,1")


def test_the_plan_is_every_seed_with_every_choice_named_by_what_varies():
    items = plan([1, 10], ["blobs", "LEARNING_RATE=0.1,1"])
    # the sketch's own words are shown with a sweep; a constant only when it varies
    assert [i.name for i in items] == ["seed-01_blobs_LEARNING_RATE=0.1", "seed-01_blobs_LEARNING_RATE=1",
                                       "seed-10_blobs_LEARNING_RATE=0.1", "seed-10_blobs_LEARNING_RATE=1"]
    assert items[0].args == ("blobs", "LEARNING_RATE=0.1")  # the fixed argument goes to every item
    assert items[3].label == "seed 10 · blobs · LEARNING_RATE=1"
    fixed = plan([1], ["POINTS=12", "LEARNING_RATE=0.1,1"])
    assert [i.name for i in fixed] == ["seed-1_LEARNING_RATE=0.1", "seed-1_LEARNING_RATE=1"]
    assert [i.name for i in plan([1, 2], ["valleys"])] == ["seed-1", "seed-2"]  # nothing varies but the seed
    # names are file names, even for arguments that are paths or hold / and spaces
    odd = plan([0], ["NAME=a/b c,d"])
    assert all("/" not in i.name and " " not in i.name for i in odd)
    assert len({i.name for i in odd}) == 2


def test_constants_are_set_right_after_their_line_and_lines_keep_their_numbers():
    source = ("import py5\nLEARNING_RATE = 0.3  # change this\nLOOP = FRAMES = (\n    240)\n"
              "START = make(LOOP)\nSEED: int = 0\nx = LEARNING_RATE\n")
    known = sketchfile.constants(source)
    assert known["LEARNING_RATE"] == 0.3 and known["LOOP"] == known["FRAMES"] == 240 and known["SEED"] == 0
    assert known["START"] is sketchfile.NOT_LITERAL and "x" not in known
    changed = sketchfile.with_constants(source, {"LEARNING_RATE": 0.1, "FRAMES": 60, "SEED": 7})
    assert len(changed.splitlines()) == len(source.splitlines())
    space = {}
    exec(changed.replace("import py5\n", "\n").replace("make(LOOP)", "LOOP"), space)
    assert space["x"] == 0.1 and space["FRAMES"] == 60 and space["LOOP"] == 240 and space["SEED"] == 7
    assert "# change this" in changed.splitlines()[1]


def test_a_setting_is_checked_against_the_sketchs_own_constants():
    known = sketchfile.constants("RATE = 0.3\nPOINTS = 30\nNAME = 'moons'\nLAYERS = [2, 4, 1]\nON = True\n"
                                 "START = f()\n")
    assert sketchfile.setting("rate=1", known) == ("RATE", 1.0)  # any case; a whole number is a number
    assert sketchfile.setting("NAME=blobs", known) == ("NAME", "blobs")
    assert sketchfile.setting("LAYERS=[2,8,1]", known) == ("LAYERS", [2, 8, 1])
    assert sketchfile.setting("ON=False", known) == ("ON", False)
    assert sketchfile.setting("moons", known) is None and sketchfile.setting("a-b=1", known) is None
    cases = [("RAT=1", "has no constant RAT: the constants an argument NAME=value can set are LAYERS, NAME, "
              "ON, POINTS, RATE"),
             ("POINTS=1.5", "POINTS=1.5: the sketch has POINTS = 30, so give a whole number like that"),
             ("ON=1", "give a True or False"),
             ("START=3", "START in the sketch is code")]
    for text, said in cases:
        with pytest.raises(ValueError) as raised:
            sketchfile.setting(text, known)
        assert said in str(raised.value), str(raised.value)


def test_poster_knobs_are_the_sketchs_and_nothing_else():
    assert knob_settings(["mix=bumps", "detail=3", "at=0.25"]) == {"mix": "bumps", "detail": 3.0, "at": 0.25}
    for args, said in [(["mix=plaid"], "the mixes are waves"), (["colour=red"], "has no knob colour"),
                       (["bumps"], "takes knobs as NAME=value"), (["width=0"], "give 1 or more")]:
        with pytest.raises(ValueError, match=said):
            knob_settings(args)


def test_the_manifest_keeps_finished_items_and_knows_a_changed_recipe(tmp_path):
    item, other = Item(1, (), "seed-1", "seed 1"), Item(2, (), "seed-2", "seed 2")
    recipe = {"kind": "export", "frames": 3}
    key = recipe_key(recipe, item)
    manifest = Manifest(tmp_path, "creativenn export x --seeds 1-2")
    manifest.record(item, key, status="done", frames=3)
    manifest.record(other, recipe_key(recipe, other), status="failed", error="it broke")
    again = Manifest(tmp_path, "the same")
    assert again.finished(item, key, lambda i: True)
    assert not again.finished(item, key, lambda i: False)  # its files are gone
    assert not again.finished(item, recipe_key({**recipe, "frames": 4}, item), lambda i: True)
    assert not again.finished(other, recipe_key(recipe, other), lambda i: True)
    saved = json.loads((tmp_path / "series.json").read_text())
    assert saved["items"]["seed-1"]["command"] == "creativenn export x --seeds 1-2"
    assert recipe_key(recipe, item) != recipe_key(recipe, other)
    (tmp_path / "series.json").write_text("{ half a file")
    assert "is not JSON" in Manifest(tmp_path, "x").unreadable


@pytest.mark.parametrize("text, said", [
    ('{"items": []}', "it has no items by name"),
    ('{"items": {"seed-1": "done"}}', "its item 'seed-1' has no status and key"),
    ('{"items": {"seed-1": {"status": "done", "key": 7}}}', "its item 'seed-1' has no status and key"),
    ('[1, 2]', "it has no items by name"),
    ('"just text"', "it has no items by name"),
    ("\xff\xfe", "cannot be read"),
])
def test_a_manifest_of_the_wrong_shape_is_set_aside_kept_and_not_trusted(tmp_path, text, said):
    (tmp_path / "series.json").write_bytes(text.encode("latin-1"))
    manifest = Manifest(tmp_path, "x")
    assert said in manifest.unreadable and "set aside as series.json.unreadable" in manifest.unreadable
    item = Item(1, (), "seed-1", "seed 1")
    assert manifest.items == {} and not manifest.finished(item, "k", lambda i: True)
    assert (tmp_path / "series.json.unreadable").read_bytes() == text.encode("latin-1")  # kept, whole
    (tmp_path / "series.json").write_text(text)
    Manifest(tmp_path, "x")  # a second one goes beside the first, which stays
    assert (tmp_path / "series.json.unreadable.2").is_file()


def test_a_large_series_sheet_is_made_a_page_at_a_time_and_skips_pages_with_nothing_on_them(tmp_path):
    from PIL import Image

    from creativenn.tools.sheet import PAGE, make

    thumb = tmp_path / "thumbs" / "t.png"
    thumb.parent.mkdir()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(thumb)
    (tmp_path / "contact-sheet.png").write_bytes(b"an earlier sheet")
    tiles = [{"label": f"seed {k}", "thumb": thumb if k < 150 or k == 1234 else None, "link": None,
              "note": None if k < 150 else "not rendered"} for k in range(25 * PAGE)]
    pages, count, index = make(tmp_path, tiles, "a long series")
    assert count == 25
    assert [p.name for p in pages] == ["contact-sheet-01.png", "contact-sheet-02.png", "contact-sheet-13.png"]
    assert not (tmp_path / "contact-sheet.png").exists()  # the earlier, unpaged sheet is replaced
    for page in pages:
        with Image.open(page) as image:
            assert image.width <= 10 * 256 + 16 and image.height <= 56 + 10 * 300 + 16  # one page's tiles
    assert index.read_text().count("<figure>") == 25 * PAGE and 'loading="lazy"' in index.read_text()


@pytest.mark.parametrize("width, height", [(640, 480), (1001, 333), (50, 700)])
def test_a_posters_thumbnail_is_the_mean_of_each_block_of_its_pixels(width, height):
    picture = np.random.default_rng(0).integers(0, 256, (height, width, 3), dtype=np.uint8)
    shrink = Shrink(width, height, 64)
    for top in range(0, height, 7):  # bands as a poster gives them
        shrink.add(picture[top:top + 7])
    small, k = shrink.result(), shrink.k
    assert max(small.shape[:2]) <= 64
    for row, col in [(0, 0), (small.shape[0] - 1, small.shape[1] - 1), (small.shape[0] // 2, 1)]:
        block = picture[row * k:(row + 1) * k, col * k:(col + 1) * k].astype(float)
        assert np.array_equal(small[row, col], np.rint(block.mean(axis=(0, 1))))


def test_the_contact_sheet_labels_every_item_and_shows_a_failed_one_as_such(tmp_path):
    thumbs = tmp_path / "thumbs"
    thumbs.mkdir()
    tiles = []
    for k in range(5):
        path = thumbs / f"seed-{k}.png"
        Image.new("RGB", (320, 240), (40 * k, 100, 200)).save(path)
        tiles.append({"label": f"seed {k} · LEARNING_RATE=0.{k}", "thumb": path, "link": f"seed-{k}/"})
    tiles.append({"label": "seed 5", "thumb": None, "link": "seed-5/", "note": "failed"})
    (sheet,), _, page = make(tmp_path, tiles, "creativenn export network --seeds 0-5")
    with Image.open(sheet) as image:
        picture = np.asarray(image.convert("RGB"))
    assert picture.shape[1] == 16 + 3 * (240 + 16)  # 6 tiles: 3 columns of 2 rows
    assert (picture == (0, 100, 200)).all(axis=2).sum() == 240 * 180  # the first thumbnail, fitted
    text = page.read_text()
    assert text.count("<figure>") == 6 and "seed 3 · LEARNING_RATE=0.3" in text
    assert 'src="thumbs/seed-4.png"' in text and ">failed<" in text


def test_a_worker_gets_its_progress_pipe_before_the_sketchs_own_arguments():
    import os
    import subprocess
    import sys

    from creativenn.tools.job import launch, reports

    said = "import json, os, sys; os.write(int(sys.argv[sys.argv.index('--progress-fd') + 1]), " \
           "(json.dumps({'argv': sys.argv[1:]}) + '\\n').encode())"
    worker, pipe = launch([sys.executable, "-c", said, "--frames", "2", "--", "valleys"], dict(os.environ),
                          subprocess.DEVNULL)
    (message,) = list(reports(pipe))
    assert worker.wait() == 0
    argv = message["argv"]
    assert argv[-1] == "valleys" and argv.index("--progress-fd") < argv.index("--")
