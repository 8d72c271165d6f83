"""Course covers for the demo: the subject's colour and motif, and the title.

Covers are drawn at 1280 × 720, twice the widest a page shows them (a course
card or the course hero, about 36rem), so they stay crisp on 2× screens. The
title is set in Roboto Bold from the ``font-roboto`` package, which has every
Vietnamese letter; it is wrapped at spaces and made smaller until it fits,
never cut.
"""

import io
import math
from collections.abc import Callable
from dataclasses import dataclass

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont

from lms.demo.fonts import roboto, wrap
from lms.text import ascii_slug
from lms.vocabulary import Subject
from materials.models import MaterialImage

COVER_SIZE = (1280, 720)
MARGIN = 80
TEXT_WIDTH = 720  # the left part; the motif takes the right
LARGEST, SMALLEST, STEP = 96, 40, 4
LINE_SPACING = 1.22
WHITE = (255, 255, 255)
# Dark enough for white text at 4.5:1 or more.
SUBJECT_COLOURS = {
    Subject.MATHEMATICS: "#1d4ed8",
    Subject.LITERATURE: "#9f1239",
    Subject.ENGLISH: "#6d28d9",
    Subject.PHYSICS: "#0e7490",
    Subject.CHEMISTRY: "#047857",
    Subject.BIOLOGY: "#3f6212",
    Subject.HISTORY: "#92400e",
    Subject.GEOGRAPHY: "#0f766e",
    Subject.INFORMATICS: "#334155",
}
OTHER_COLOUR = "#475569"


@dataclass(frozen=True)
class TitleLayout:
    size: int
    lines: tuple[str, ...]
    origins: tuple[tuple[int, int], ...]  # left, top of each line


def title_font(size: int) -> ImageFont.FreeTypeFont:
    return roboto(size, bold=True)


def cover_image(title: str, *, subject: str) -> MaterialImage:
    """An unsaved cover image whose file is already in storage."""
    width, height = COVER_SIZE
    image = MaterialImage(
        title=title, alt_text="", credit="Kho học liệu số", width=width, height=height
    )
    image.file.save(
        f"{ascii_slug(title, max_length=60)}.png",
        ContentFile(draw_cover(title, subject=subject)),
        save=False,
    )
    image.width, image.height = width, height
    return image


def draw_cover(title: str, *, subject: str) -> bytes:
    """The cover as PNG bytes."""
    image = Image.new("RGB", COVER_SIZE, SUBJECT_COLOURS.get(subject, OTHER_COLOUR))
    overlay = Image.new("RGBA", COVER_SIZE, (0, 0, 0, 0))
    _draw_motif(ImageDraw.Draw(overlay), subject)
    image.paste(overlay, mask=overlay)
    draw = ImageDraw.Draw(image)
    layout = layout_title(title)
    font = title_font(layout.size)
    for line, origin in zip(layout.lines, layout.origins, strict=True):
        draw.text(origin, line, font=font, fill=WHITE, anchor="la")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def layout_title(title: str) -> TitleLayout:
    """The largest size at which the whole title, wrapped at spaces, fits the
    text box; the lines are centred on the cover's height."""
    box_height = COVER_SIZE[1] - 2 * MARGIN
    for size in range(LARGEST, SMALLEST - 1, -STEP):
        lines = wrap(title, title_font(size), TEXT_WIDTH)
        if lines and _block_height(lines, size) <= box_height:
            return _place(lines, size)
    size = SMALLEST
    while size > 8:
        size -= STEP
        lines = wrap(title, title_font(size), TEXT_WIDTH)
        if lines and _block_height(lines, size) <= box_height:
            break
    return _place(lines or [title], size)


def _line_height(size: int) -> int:
    return round(size * LINE_SPACING)


def _block_height(lines: list[str], size: int) -> int:
    ascent, descent = title_font(size).getmetrics()
    return _line_height(size) * (len(lines) - 1) + ascent + descent


def _place(lines: list[str], size: int) -> TitleLayout:
    top = (COVER_SIZE[1] - _block_height(lines, size)) // 2
    origins = tuple(
        (MARGIN, top + index * _line_height(size)) for index in range(len(lines))
    )
    return TitleLayout(size=size, lines=tuple(lines), origins=origins)


# Motifs: simple line drawings in translucent white on the right of the cover.

CENTRE = (1040, 360)
RADIUS = 150
INK = (255, 255, 255, 150)
HALO = (255, 255, 255, 28)
STROKE = 14


def _draw_motif(draw: ImageDraw.ImageDraw, subject: str) -> None:
    x, y = CENTRE
    draw.ellipse([x - 210, y - 210, x + 210, y + 210], fill=HALO)
    MOTIFS.get(subject, _star)(draw, x, y, RADIUS)


def _maths(draw, x, y, r) -> None:
    half = r // 2
    for dx, dy in ((-half, -half), (half, half)):
        cx, cy = x + dx, y + dy
        draw.line([cx - 45, cy, cx + 45, cy], fill=INK, width=STROKE)
        if dy < 0:
            draw.line([cx, cy - 45, cx, cy + 45], fill=INK, width=STROKE)
    cx, cy = x + half, y - half
    draw.line([cx - 35, cy - 35, cx + 35, cy + 35], fill=INK, width=STROKE)
    draw.line([cx - 35, cy + 35, cx + 35, cy - 35], fill=INK, width=STROKE)
    cx, cy = x - half, y + half
    draw.line([cx - 45, cy, cx + 45, cy], fill=INK, width=STROKE)
    for dot in (cy - 30, cy + 30):
        draw.ellipse([cx - 9, dot - 9, cx + 9, dot + 9], fill=INK)


def _book(draw, x, y, r) -> None:
    top, bottom = y - r * 0.6, y + r * 0.6
    left = [(x, top + 20), (x - r, top), (x - r, bottom), (x, bottom + 20)]
    right = [(x, top + 20), (x + r, top), (x + r, bottom), (x, bottom + 20)]
    draw.line([*left, left[0]], fill=INK, width=STROKE, joint="curve")
    draw.line([*right, right[0]], fill=INK, width=STROKE, joint="curve")
    for step in (0.25, 0.5, 0.75):
        line_y = top + 20 + (bottom - top) * step
        draw.line([x - r + 30, line_y, x - 30, line_y], fill=INK, width=8)
        draw.line([x + 30, line_y, x + r - 30, line_y], fill=INK, width=8)


def _speech(draw, x, y, r) -> None:
    box = [x - r, y - r * 0.7, x + r, y + r * 0.5]
    draw.rounded_rectangle(box, radius=40, outline=INK, width=STROKE)
    tail = [
        (x - r * 0.5, y + r * 0.5),
        (x - r * 0.7, y + r),
        (x - r * 0.1, y + r * 0.5),
    ]
    draw.line(tail, fill=INK, width=STROKE, joint="curve")
    font = title_font(120)
    draw.text((x, y - r * 0.1), "Aa", font=font, fill=INK, anchor="mm")


def _ellipse(x, y, a, b, angle) -> list[tuple[float, float]]:
    """Points round an ellipse with half-axes ``a`` and ``b``, turned by ``angle``."""
    cos, sin = math.cos(angle), math.sin(angle)
    steps = (math.tau * step / 90 for step in range(91))
    return [
        (
            x + a * math.cos(t) * cos - b * math.sin(t) * sin,
            y + a * math.cos(t) * sin + b * math.sin(t) * cos,
        )
        for t in steps
    ]


def _atom(draw, x, y, r) -> None:
    for angle in (0, math.pi / 3, 2 * math.pi / 3):
        draw.line(_ellipse(x, y, r, r * 0.35, angle), fill=INK, width=10)
    draw.ellipse([x - 22, y - 22, x + 22, y + 22], fill=INK)


def _flask(draw, x, y, r) -> None:
    neck = r * 0.25
    outline = [
        (x - neck, y - r),
        (x - neck, y - r * 0.3),
        (x - r, y + r * 0.9),
        (x + r, y + r * 0.9),
        (x + neck, y - r * 0.3),
        (x + neck, y - r),
    ]
    draw.line(outline, fill=INK, width=STROKE, joint="curve")
    draw.line([x - neck - 25, y - r, x + neck + 25, y - r], fill=INK, width=STROKE)
    draw.polygon(
        [(x - r * 0.62, y + r * 0.35), (x + r * 0.62, y + r * 0.35), *outline[3:1:-1]],
        fill=INK,
    )


def _leaf(draw, x, y, r) -> None:
    draw.polygon(_ellipse(x + 10, y - 10, r, r * 0.5, -math.pi / 4), fill=INK)
    tip = r * 0.7
    draw.line([x - tip, y + tip, x + tip - 20, y - tip + 20], fill=HALO, width=10)
    draw.line([x - tip - 40, y + tip + 40, x - tip, y + tip], fill=INK, width=STROKE)


def _column(draw, x, y, r) -> None:
    draw.polygon([(x - r, y - r * 0.5), (x, y - r), (x + r, y - r * 0.5)], fill=INK)
    for index in range(4):
        cx = x - r * 0.75 + index * r * 0.5
        draw.rectangle([cx - 14, y - r * 0.4, cx + 14, y + r * 0.7], fill=INK)
    draw.rectangle([x - r, y + r * 0.78, x + r, y + r * 0.92], fill=INK)


def _globe(draw, x, y, r) -> None:
    draw.ellipse([x - r, y - r, x + r, y + r], outline=INK, width=STROKE)
    draw.ellipse([x - r * 0.45, y - r, x + r * 0.45, y + r], outline=INK, width=10)
    draw.line([x, y - r, x, y + r], fill=INK, width=10)
    for offset in (-0.5, 0, 0.5):
        half = r * math.sqrt(1 - offset**2)
        draw.line(
            [x - half, y + r * offset, x + half, y + r * offset], fill=INK, width=10
        )


def _screen(draw, x, y, r) -> None:
    draw.rounded_rectangle(
        [x - r, y - r * 0.75, x + r, y + r * 0.5], radius=18, outline=INK, width=STROKE
    )
    draw.line(
        [x - r * 0.4, y + r * 0.85, x + r * 0.4, y + r * 0.85], fill=INK, width=STROKE
    )
    draw.line([x, y + r * 0.5, x, y + r * 0.85], fill=INK, width=STROKE)
    draw.text((x, y - r * 0.12), "</>", font=title_font(96), fill=INK, anchor="mm")


def _star(draw, x, y, r) -> None:
    points = [
        (
            x + (r if i % 2 == 0 else r * 0.45) * math.sin(math.pi * i / 5),
            y - (r if i % 2 == 0 else r * 0.45) * math.cos(math.pi * i / 5),
        )
        for i in range(10)
    ]
    draw.polygon(points, fill=INK)


MOTIFS: dict[str, Callable[..., None]] = {
    Subject.MATHEMATICS: _maths,
    Subject.LITERATURE: _book,
    Subject.ENGLISH: _speech,
    Subject.PHYSICS: _atom,
    Subject.CHEMISTRY: _flask,
    Subject.BIOLOGY: _leaf,
    Subject.HISTORY: _column,
    Subject.GEOGRAPHY: _globe,
    Subject.INFORMATICS: _screen,
}
