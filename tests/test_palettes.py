"""Palettes are what their definitions say: cosine formula, stops at their places, an image's colours."""

import numpy as np
import pytest
from PIL import Image

from creativenn.picture import palettes
from creativenn.picture.palettes import NAMED, Cosine, Stops, from_image


@pytest.mark.parametrize("name", [n for n, p in NAMED.items() if isinstance(p, Cosine)])
def test_each_cosine_palette_is_a_plus_b_cos_2pi_c_t_plus_d(name):
    p = NAMED[name]
    t = np.linspace(0, 1, 101)
    a, b, c, d = (np.array(getattr(p, k)) for k in "abcd")
    for k in range(3):  # channel by channel, the formula written out
        expected = np.clip(a[k] + b[k] * np.cos(2 * np.pi * (c[k] * t + d[k])), 0, 1)
        np.testing.assert_allclose(p.colors(t)[:, k], expected)
    assert p.name == name


@pytest.mark.parametrize("name", [n for n, p in NAMED.items() if isinstance(p, Stops)])
def test_each_stops_palette_passes_through_its_colours_evenly_spaced(name):
    p = NAMED[name]
    n = len(p.stops)
    at_stops = p.to_uint8(np.linspace(0, 1, n))
    np.testing.assert_array_equal(at_stops, np.rint(p.stops * 255))
    halfway = p.colors((np.arange(n - 1) + 0.5) / (n - 1))  # midway between neighbours: their mean
    np.testing.assert_allclose(halfway, (p.stops[:-1] + p.stops[1:]) / 2)
    assert p.name == name


def test_sixteen_bits_carry_a_smooth_gradient_eight_bits_band_it():
    t = np.linspace(0, 1, 4000)
    gradient = NAMED["ink"]
    assert len(np.unique(gradient.to_uint8(t)[:, 0])) <= 256
    assert len(np.unique(gradient.to_uint16(t)[:, 0])) > 3000  # a level for nearly every step


def test_a_palette_from_an_image_has_its_colours_dark_to_light(tmp_path):
    picture = np.zeros((40, 60, 3), np.uint8)
    picture[:, :20] = (200, 30, 40)
    picture[:, 20:40] = (20, 20, 90)
    picture[:, 40:] = (250, 240, 200)
    Image.fromarray(picture).save(tmp_path / "three.png")
    p = from_image(tmp_path / "three.png", count=3)
    assert p.swatch(3) == [(20, 20, 90), (200, 30, 40), (250, 240, 200)] and p.name == "three"
    assert palettes.get(str(tmp_path / "three.png")).swatch(3) == p.swatch(3)


def test_bad_palettes_say_what_was_wrong(tmp_path):
    (tmp_path / "notes.png").write_text("not a picture")
    with pytest.raises(ValueError, match="could not read .*notes.png as a picture"):
        from_image(tmp_path / "notes.png")
    with pytest.raises(ValueError, match="could not read .*missing.png"):
        from_image(tmp_path / "missing.png")
    Image.new("RGBA", (8, 8), (0, 0, 0, 0)).save(tmp_path / "clear.png")
    with pytest.raises(ValueError, match="no colours to take: every pixel is transparent"):
        from_image(tmp_path / "clear.png")
    with pytest.raises(ValueError, match="at least one colour, got none"):
        Stops([])
    with pytest.raises(ValueError, match="#rrggbb"):
        Stops(["#12345"])
    with pytest.raises(ValueError, match="three numbers"):
        Cosine((0.5, 0.5), (0.5,) * 3, (1,) * 3, (0,) * 3)
    with pytest.raises(ValueError, match="no palette 'neon': choose one of rgb, rainbow"):
        palettes.get("neon")
    assert palettes.get("rgb") is None


def test_png_rows_in_16_bits_keep_a_gradients_levels_and_carry_the_dpi(tmp_path):
    from creativenn.files import write_png_rows

    t = np.linspace(0, 1, 3000)
    band = np.repeat(NAMED["ink"].to_uint16(t)[None], 4, axis=0)  # 4 rows, 3000 pixels
    path = write_png_rows(tmp_path / "deep.png", 3000, 8, [band, band], dpi=300)
    with Image.open(path) as image:
        assert round(image.info["dpi"][0]) == 300
    import zlib  # read the pixels back from the file's own bytes: 16 bits a channel, big-endian
    data = path.read_bytes()
    assert data[24] == 16 and data[25] == 2  # IHDR: bit depth 16, colour type RGB
    idat, at = b"", 8
    while at < len(data):
        length = int.from_bytes(data[at:at + 4], "big")
        if data[at + 4:at + 8] == b"IDAT":
            idat += data[at + 8:at + 8 + length]
        at += 12 + length
    rows = np.frombuffer(zlib.decompress(idat), np.uint8).reshape(8, 1 + 6 * 3000)[:, 1:]
    red = rows[0].view(">u2").reshape(3000, 3)[:, 0]
    np.testing.assert_array_equal(red, band[0, :, 0])
    assert len(np.unique(red)) > 2500  # 8 bits would allow 256
    with pytest.raises(ValueError, match="all uint8 or all uint16"):
        write_png_rows(tmp_path / "mixed.png", 3000, 8, [band, band.astype(np.uint8)])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deep.png"]  # nothing half-written
