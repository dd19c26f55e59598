"""A series' contact sheet: every item's last frame (or poster) small, labelled, for choosing.

``contact-sheet.png`` is one picture of the whole series in a grid, each
tile labelled with its seed and arguments (a failed or unrendered item is a
grey tile that says so); ``index.html`` is the same grid in a browser, each
tile a link to the item's folder or poster. The tiles are the thumbnails a
series keeps in ``thumbs/`` (one per item, made as the item finishes), so
the sheet of 100 posters of 8000 × 8000 reads 100 small files.

A series of more than PAGE items gets a sheet a page, ``contact-sheet-001.png``
…, each made and written before the next is begun, so a sheet of 100,000
items needs the memory of one page (about 25 MB), not of all of them; a
page none of whose items has a picture yet is not drawn.

Leaves out: rendering (``tools.series``).
"""

from __future__ import annotations

import html
import math
from pathlib import Path
from urllib.parse import quote

TILE = 240  # a tile's longer side, in pixels
PAGE = 100  # tiles a page of the sheet at most (10 × 10: about 2,600 × 3,100 pixels, 25 MB to draw)
LABEL = 44  # room under each tile for two lines of label
MARGIN = 16
INK, MUTED, PAPER, EMPTY = (34, 34, 34), (110, 110, 110), (250, 250, 248), (225, 225, 222)


def thumbnail(picture: Path, thumb: Path, longest: int = 320) -> Path:
    """A small copy of ``picture`` (its longer side ``longest``), written whole."""
    from PIL import Image

    from ..files import whole_file

    thumb.parent.mkdir(parents=True, exist_ok=True)
    with Image.open(picture) as image:
        image.draft("RGB", (longest, longest))
        image = image.convert("RGB")
        image.thumbnail((longest, longest), Image.Resampling.LANCZOS)
        with whole_file(thumb) as file:
            image.save(file, format="PNG")
    return thumb


def make(out: Path, tiles: list[dict], title: str,
         columns: int | None = None) -> tuple[list[Path], int, Path]:
    """Write the contact sheet and ``out/index.html`` from ``tiles``: dicts with ``label``, ``thumb``
    (a Path, or None when there is no picture), ``link`` (relative to out) and ``note`` (what to say
    instead of a picture: "failed", "not rendered"). ``columns``: the sheet's, if not about as many
    as rows. Returns the pages written (``contact-sheet.png``, or ``contact-sheet-001.png`` … for
    more than PAGE tiles), how many pages the sheet has, and the index."""
    columns = columns or min(len(tiles), max(1, math.ceil(math.sqrt(len(tiles)))), 10)
    per_page = max(columns, PAGE // columns * columns)  # whole rows a page
    count = math.ceil(len(tiles) / per_page)
    for old in out.glob("contact-sheet*.png"):  # an earlier sheet, perhaps paged otherwise: made anew
        old.unlink()
    pages = []
    for k in range(count):
        part = tiles[k * per_page:(k + 1) * per_page]
        if count > 1 and not any(tile.get("thumb") is not None for tile in part):
            continue  # nothing on it to see yet
        name = "contact-sheet.png" if count == 1 else f"contact-sheet-{k + 1:0{len(str(count))}d}.png"
        heading = title if count == 1 else f"{title} · page {k + 1} of {count}: items {k * per_page + 1}–" \
                                           f"{k * per_page + len(part)}"
        pages.append(_sheet(out / name, part, heading, columns))
    return pages, count, _page(out, tiles, title, columns)


def _sheet(path: Path, tiles: list[dict], title: str, columns: int) -> Path:
    from PIL import Image, ImageDraw, ImageFont

    from .. import resources
    from ..files import whole_file

    pictures = [_picture(tile.get("thumb")) for tile in tiles]
    high = max((p.height for p in pictures if p is not None), default=TILE)
    rows = math.ceil(len(tiles) / columns)
    heading, cell = 56, high + LABEL + MARGIN
    width = MARGIN + columns * (TILE + MARGIN)
    sheet = Image.new("RGB", (width, heading + rows * cell + MARGIN), PAPER)
    draw = ImageDraw.Draw(sheet)
    sans = str(resources.font("sans"))
    small = ImageFont.truetype(sans, 15)
    size = 24  # the title as large as fits, down to 14 px; then cut with …
    while size > 14 and ImageFont.truetype(sans, size).getlength(title) > width - 2 * MARGIN:
        size -= 1
    big = ImageFont.truetype(sans, size)
    draw.text((MARGIN, 16), _fit(title, big, width - 2 * MARGIN), font=big, fill=INK)
    for k, (tile, picture) in enumerate(zip(tiles, pictures, strict=True)):
        x = MARGIN + (k % columns) * (TILE + MARGIN)
        y = heading + (k // columns) * cell
        if picture is not None:
            sheet.paste(picture, (x + (TILE - picture.width) // 2, y + high - picture.height))
        else:
            draw.rectangle((x, y, x + TILE - 1, y + high - 1), fill=EMPTY)
            note = tile.get("note") or "no picture"
            draw.text((x + TILE // 2, y + high // 2), note, font=small, fill=MUTED, anchor="mm")
        first, _, rest = tile["label"].partition(" · ")
        for line, text in enumerate([first] + ([rest] if rest else [])):
            draw.text((x, y + high + 4 + 19 * line), _fit(text, small, TILE), font=small,
                      fill=INK if line == 0 else MUTED)
    with whole_file(path) as file:
        sheet.save(file, format="PNG")
    return path


def _picture(thumb):
    """A thumbnail fitted into a tile (TILE wide, at most TILE high), or None."""
    from PIL import Image

    if thumb is None or not Path(thumb).is_file():
        return None
    with Image.open(thumb) as image:
        image = image.convert("RGB")
        image.thumbnail((TILE, TILE), Image.Resampling.LANCZOS)
        return image


def _fit(text: str, font, room: float) -> str:
    """``text`` cut with … to fit ``room`` pixels."""
    if font.getlength(text) <= room:
        return text
    while len(text) > 1 and font.getlength(text + "…") > room:
        text = text[:-1]
    return text + "…"


def _page(out: Path, tiles: list[dict], title: str, columns: int | None) -> Path:
    from ..files import whole_file

    cells = []
    for tile in tiles:
        label = html.escape(tile["label"])
        thumb = tile.get("thumb")
        if thumb is not None and Path(thumb).is_file():
            picture = f'<img src="{quote(Path(thumb).relative_to(out).as_posix())}" alt="{label}" ' \
                      'loading="lazy">'
        else:
            picture = f'<div class="empty">{html.escape(tile.get("note") or "no picture")}</div>'
        link = tile.get("link")
        if link and (out / link).exists():
            picture = f'<a href="{quote(link)}">{picture}</a>'
        cells.append(f"<figure>{picture}<figcaption>{label}</figcaption></figure>")
    repeat = f"repeat({columns or 'auto-fill'}, minmax({TILE}px, 1fr))"
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>
body {{ font-family: sans-serif; background: #fafaf8; color: #222; margin: 24px; }}
main {{ display: grid; grid-template-columns: {repeat}; gap: 16px; }}
figure {{ margin: 0; }} img {{ width: 100%; height: auto; image-rendering: auto; display: block; }}
.empty {{ aspect-ratio: 1; background: #e1e1de; color: #6e6e6e; display: grid; place-items: center; }}
figcaption {{ font-size: 15px; margin-top: 4px; overflow-wrap: anywhere; }}
</style></head>
<body><h1>{html.escape(title)}</h1>
<main>
{chr(10).join(cells)}
</main></body></html>
"""
    path = out / "index.html"
    with whole_file(path, "w") as file:
        file.write(page)
    return path
