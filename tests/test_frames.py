"""Writing frames: PNGs in order, MP4 and GIF with every frame, clear errors."""

import numpy as np
import pytest
from PIL import Image

from creativenn.tools.frames import FrameWriter, make_gif, prepare_out_dir


def frames(n, h=48, w=64):
    for k in range(n):
        rgb = np.zeros((h, w, 3), np.uint8)
        rgb[:, : (k + 1) * 4] = (200, 40 * k % 255, 30)
        yield rgb


def test_pngs_mp4_and_gif_hold_every_frame(tmp_path):
    writer = FrameWriter(tmp_path, mp4=tmp_path / "clip.mp4", fps=10)
    originals = list(frames(9, h=47, w=63))  # odd sides: the MP4 still works
    for rgb in originals:
        writer.write(rgb)
    writer.close()
    assert [p.name for p in writer.paths] == [f"frame-{k:04d}.png" for k in range(1, 10)]
    for path, rgb in zip(writer.paths, originals, strict=True):
        assert np.array_equal(np.asarray(Image.open(path)), rgb)
    import imageio_ffmpeg

    reader = imageio_ffmpeg.read_frames(str(tmp_path / "clip.mp4"))
    meta = next(reader)
    assert meta["size"] == (62, 46) and sum(1 for _ in reader) == 9
    gif = make_gif(writer.paths, tmp_path / "clip.gif", fps=10)
    with Image.open(gif) as image:
        assert image.n_frames == 9 and image.size == (63, 47)


def test_gif_is_scaled_down(tmp_path):
    writer = FrameWriter(tmp_path)
    for rgb in frames(2, h=400, w=1000):
        writer.write(rgb)
    writer.close()
    with Image.open(make_gif(writer.paths, tmp_path / "a.gif", max_width=500)) as image:
        assert image.size == (500, 200)


def test_unwritable_folder_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(OSError, match="cannot write frames to .*Choose another --out folder"):
        prepare_out_dir(blocker / "frames")


def test_a_bad_frame_is_refused(tmp_path):
    writer = FrameWriter(tmp_path)
    with pytest.raises(ValueError, match="uint8"):
        writer.write(np.zeros((4, 4, 3)))
    writer.close()


def test_a_failing_disk_is_reported_and_earlier_frames_stay(tmp_path):
    writer = FrameWriter(tmp_path)
    good = next(frames(1))
    (tmp_path / "frame-0002.png").mkdir()  # the second frame cannot be written where a folder is
    for _ in range(3):
        writer.write(good)
    with pytest.raises(OSError, match="writing frames failed"):
        writer.close()
    assert np.array_equal(np.asarray(Image.open(tmp_path / "frame-0001.png")), good)


def test_frames_must_keep_their_size(tmp_path):
    writer = FrameWriter(tmp_path)
    writer.write(next(frames(1)))
    with pytest.raises(ValueError, match="every frame must be"):
        writer.write(next(frames(1, h=10, w=10)))
    writer.close()


def test_the_fast_grab_gives_py5s_own_rgb_pixels(py5_display):
    import py5

    from creativenn.tools.pixels import grab_rgb

    grabbed = {}

    class Colours(py5.Sketch):
        def settings(self):
            self.size(123, 77)

        def draw(self):
            self.background(10, 200, 30)
            self.no_stroke()
            for k in range(20):  # every channel different, and edges antialiased
                self.fill(13 * k, 255 - 11 * k, (97 * k) % 256)
                self.circle(6 * k + 3, 3.7 * k + 2, 9.5)
            grabbed["py5"] = self.get_np_pixels(bands="RGB")
            grabbed["ours"] = grab_rgb(self)
            grabbed["into"] = grab_rgb(self, out=np.zeros((77, 123, 3), np.uint8))
            self.exit_sketch()

    Colours().run_sketch(block=True)
    assert grabbed["ours"].shape == (77, 123, 3) and grabbed["ours"].dtype == np.uint8
    assert np.array_equal(grabbed["ours"], grabbed["py5"]) and np.array_equal(grabbed["into"], grabbed["py5"])
    assert len(np.unique(grabbed["ours"].reshape(-1, 3), axis=0)) > 20


@pytest.mark.parametrize("renderer", ["P2D", "P3D"])
def test_the_fast_grab_reads_an_opengl_canvas_as_py5_does(py5_display, renderer):
    import py5

    from creativenn.tools.pixels import _read_opengl, grab_rgb

    grabbed = {}

    class Scene(py5.Sketch):
        def settings(self):
            self.size(160, 90, getattr(self, renderer))
            self.smooth(4)

        def draw(self):
            self.background(30, 40, 200)
            self.no_stroke()
            for k in range(12):  # every channel different, edges multisampled
                self.fill(21 * k, 250 - 17 * k, (67 * k) % 256)
                self.circle(12 * k + 5, 5.5 * k + 8, 13.5)
            grabbed["read by OpenGL"] = _read_opengl(self) is not None  # not py5's way, as a fallback
            ours = grab_rgb(self)
            grabbed["py5"], grabbed["ours"] = self.get_np_pixels(bands="RGB"), ours
            self.exit_sketch()

    Scene().run_sketch(block=True)
    assert grabbed["read by OpenGL"] and grabbed["ours"].shape == (90, 160, 3)
    assert np.array_equal(grabbed["ours"], grabbed["py5"])
