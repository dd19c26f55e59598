"""Writing frames: numbered PNGs, an MP4 as they come, a GIF at the end.

Frames arrive as (height, width, 3) uint8 arrays. A background thread
hands them to ffmpeg so the sketch keeps drawing meanwhile; its queue is
short, so memory stays bounded however long the export. Every file is
written whole or not at all: ffmpeg writes each PNG under a temporary name
and renames it (``-atomic_writing``), the GIF and posters go through
``files.whole_file``; whatever was written before an error stays on disk.

Leaves out: drawing (see ``creativenn.draw``) and anything py5.
"""

from __future__ import annotations

import os
import queue
import re
import threading
from pathlib import Path

import numpy as np

from ..files import disk_full_message, is_disk_full, whole_file

PNG_NAME = "frame-{:04d}.png"
FRAME_NAME = re.compile(r"frame-(\d{4,})\.png")  # PNG_NAME's files: frame-10000.png after frame-9999.png


def frame_files(folder) -> list[Path]:
    """The frames PNG_NAME names in ``folder`` (four digits or more), in frame order."""
    found = [(int(m[1]), p) for p in Path(folder).glob("frame-*.png") if (m := FRAME_NAME.fullmatch(p.name))]
    return [p for _, p in sorted(found)]


def remove_unfinished(out_dir) -> None:
    """Remove the PNGs ffmpeg had not finished (its temporary ``frame-0001.png.tmp`` files)."""
    for leftover in Path(out_dir).glob("frame-*.png.tmp"):
        leftover.unlink(missing_ok=True)


def prepare_out_dir(out) -> Path:
    """Create ``out`` if need be and check it can be written; a clear error otherwise."""
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / ".creativenn-write-test"
        probe.unlink(missing_ok=True)  # a link left there is removed, not written through
        os.close(os.open(probe, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
        probe.unlink()
    except OSError as error:
        raise OSError(
            f"cannot write frames to {out}: {error.strerror or error}. "
            "Choose another --out folder, or fix its permissions."
        ) from None
    return out


class FrameWriter:
    """Writes each frame given to ``write`` as a numbered PNG (and into an MP4 if asked).

    The PNGs are encoded by ffmpeg (the one imageio-ffmpeg ships), in a
    process of its own fed raw pixels through a pipe: measured on an 800×800
    frame, 4.6 ms a frame outside Python against 12 ms in Pillow holding
    the interpreter (bench/export_sketches.py). The pixels are the same.
    """

    def __init__(self, out_dir, *, mp4: Path | None = None, fps: float = 30.0,
                 compress_level: int = 1, queue_size: int = 6):
        self.out_dir = Path(out_dir)
        self.mp4, self.fps, self.compress_level = mp4, fps, compress_level
        self.count = 0
        self.paths: list[Path] = []
        self._queue: queue.Queue = queue.Queue(maxsize=queue_size)
        self._error: BaseException | None = None
        self._png = self._video = None
        self._shape = None
        self._thread = threading.Thread(target=self._work, name="creativenn-frames", daemon=True)
        self._thread.start()

    def start(self, shape) -> None:
        """Start the encoders now, for frames of ``shape`` (height, width, 3), rather than at the first
        frame. For a process that draws on another thread while this one writes: starting ffmpeg
        forks, and a fork while another thread is inside a numpy matrix product deadlocked (OpenBLAS's
        fork handler waits for that product's threads; seen animating in a notebook)."""
        self._shape = tuple(shape)
        self._png = self._start_png_encoder(shape)
        if self.mp4 is not None:
            self._start_video(shape)

    def write(self, rgb: np.ndarray) -> Path:
        """Queue one frame; returns the path its PNG will have."""
        self._raise_if_failed()
        if rgb.ndim != 3 or rgb.shape[2] != 3 or rgb.dtype != np.uint8:
            raise ValueError(f"a frame must be (height, width, 3) uint8, got {rgb.shape} {rgb.dtype}")
        if self._shape is None:
            self._shape = rgb.shape
        elif rgb.shape != self._shape:
            raise ValueError(f"every frame must be {self._shape}, got {rgb.shape}")
        self.count += 1
        path = self.out_dir / PNG_NAME.format(self.count)
        self.paths.append(path)
        self._queue.put(np.ascontiguousarray(rgb))
        return path

    @property
    def whole(self) -> int:
        """How many frames are on disk, whole, counting from the first (after ``close``)."""
        return next((k for k, p in enumerate(self.paths) if not p.is_file()), len(self.paths))

    def close(self) -> None:
        """Wait for every queued frame to be written, and finish the PNGs and the MP4."""
        self._queue.put(None)
        self._thread.join()
        self._raise_if_failed()

    def _raise_if_failed(self):
        if self._error is None:
            return
        if is_disk_full(self._error):
            raise OSError(disk_full_message(self.out_dir))
        raise OSError(f"writing frames failed: {self._error}")

    def _work(self):
        while True:
            rgb = self._queue.get()
            if rgb is None:
                break
            if self._error is not None:
                continue  # drain the queue so write() never blocks forever
            try:
                if self._png is None:
                    self._png = self._start_png_encoder(rgb.shape)
                try:
                    self._png.stdin.write(memoryview(rgb).cast("B"))
                except OSError as error:  # ffmpeg has stopped, or is stopping: its own words say why
                    self._error = self._encoder_error(wait=True) or error
                    continue
                if self.mp4 is not None:
                    self._video_frame(rgb)
            except BaseException as error:  # noqa: BLE001 - reported by write()/close()
                self._error = self._encoder_error() or error
        for finish in (self._finish_png, self._finish_video):
            try:
                finish()
            except BaseException as error:  # noqa: BLE001
                self._error = self._error or error

    def _start_png_encoder(self, shape):
        import subprocess

        import imageio_ffmpeg

        h, w = shape[:2]
        return subprocess.Popen(
            [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-f", "rawvideo",
             "-pix_fmt", "rgb24", "-s", f"{w}x{h}", "-i", "-", "-start_number", "1",
             "-compression_level", str(self.compress_level), "-atomic_writing", "1",
             str(self.out_dir / "frame-%04d.png")],
            stdin=subprocess.PIPE, stderr=subprocess.PIPE,
        )

    def _encoder_error(self, wait: bool = False) -> str | None:
        """What the PNG encoder (ffmpeg) said, if it has stopped. ``wait``: a write to it failed, so it
        has stopped or is stopping: wait for it (on a busy machine the broken pipe came before
        ffmpeg had exited, and its "No space left on device" was lost)."""
        import subprocess

        if self._png is None:
            return None
        try:
            self._png.wait(timeout=60 if wait else 0)
        except subprocess.TimeoutExpired:
            return None
        return self._png.stderr.read().decode(errors="replace").strip() or None

    def _finish_png(self):
        if self._png is None:
            return
        try:
            self._png.stdin.close()
        except OSError:
            pass
        code = self._png.wait()
        message = self._png.stderr.read().decode(errors="replace").strip()
        remove_unfinished(self.out_dir)
        if code != 0:
            raise OSError(f"the PNG encoder (ffmpeg) stopped: {message or code}")
        whole = self.whole
        if whole < len(self.paths):  # ffmpeg goes on, exit code 0, when it cannot rename a PNG into place
            raise OSError(f"{self.paths[whole].name} could not be written{': ' + message if message else ''}")

    def _finish_video(self):
        if self._video is not None:
            self._video.close()

    def _video_frame(self, rgb: np.ndarray):
        h, w = rgb.shape[:2]
        even = rgb[: h - h % 2, : w - w % 2]  # H.264 in yuv420p needs even sides
        if self._video is None:
            self._start_video(rgb.shape)
        self._video.send(np.ascontiguousarray(even))

    def _start_video(self, shape) -> None:
        import imageio_ffmpeg

        h, w = shape[0] - shape[0] % 2, shape[1] - shape[1] % 2
        self._video = imageio_ffmpeg.write_frames(
            str(self.mp4), (w, h), fps=self.fps, codec="libx264", pix_fmt_out="yuv420p", quality=8,
            macro_block_size=2, output_params=["-movflags", "+faststart"],
        )
        self._video.send(None)  # start ffmpeg


def make_gif(pngs, gif_path, fps: float = 30.0, max_width: int = 480) -> Path:
    """A looping GIF from PNG files, scaled down to at most ``max_width`` pixels wide.

    One palette serves every frame, chosen from frames spread over the clip,
    so colours stay steady and GIF can store each frame as its change from
    the last (a fraction of the size of separately quantised frames).
    """
    from PIL import Image

    pngs = [Path(p) for p in pngs]
    if not pngs:
        raise ValueError("make_gif needs at least one frame")

    def load(path):
        with Image.open(path) as image:
            image = image.convert("RGB")
            if image.width > max_width:
                height = round(image.height * max_width / image.width)
                image = image.resize((max_width, height), Image.Resampling.LANCZOS)
            return image

    samples = [load(pngs[i]) for i in sorted({round(k * (len(pngs) - 1) / 5) for k in range(6)})]
    sheet = Image.new("RGB", (samples[0].width, samples[0].height * len(samples)))
    for k, sample in enumerate(samples):
        sheet.paste(sample, (0, k * sample.height))
    palette = sheet.quantize(colors=255, method=Image.Quantize.MEDIANCUT)

    def frames():
        for path in pngs:
            yield load(path).quantize(palette=palette, dither=Image.Dither.NONE)

    images = frames()
    first = next(images)
    duration = max(20, round(1000 / fps / 10) * 10)  # GIF counts in hundredths of a second
    with whole_file(gif_path) as file:
        first.save(file, format="GIF", save_all=True, append_images=images, duration=duration, loop=0,
                   optimize=False, disposal=1)
    return Path(gif_path)
