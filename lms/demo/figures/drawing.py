"""What every demo figure is drawn with: a white 1280 × 720 canvas, Roboto
text, arrows, labelled boxes and coordinate axes.

A lesson shows a figure at most 640 px wide (40rem), so drawing at 1280 × 720
keeps lines and diacritics crisp on 2× screens. Sizes below are in those
canvas pixels.
"""

import io
import math
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, ImageDraw

from lms.demo.fonts import roboto, wrap

SIZE = (1280, 720)
INK = "#1f2937"
MUTED = "#6b7280"
GRID = "#e5e7eb"
BLUE, RED, GREEN, ORANGE = "#1d4ed8", "#b91c1c", "#047857", "#c2410c"
PALE_BLUE, PALE_GREEN, PALE_ORANGE = "#dbeafe", "#d1fae5", "#ffedd5"

Drawing = Callable[[ImageDraw.ImageDraw], None]


def render(drawing: Drawing, title: str) -> bytes:
    """The figure as PNG bytes: ``title`` across the top, then the drawing."""
    image = Image.new("RGB", SIZE, "white")
    draw = ImageDraw.Draw(image)
    draw.text(
        (SIZE[0] // 2, 28), title, font=roboto(36, bold=True), fill=INK, anchor="ma"
    )
    drawing(draw)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def text(draw, xy, words: str, *, size=28, bold=False, fill=INK, anchor="la"):
    draw.text(xy, words, font=roboto(size, bold=bold), fill=fill, anchor=anchor)


def arrow(draw, start, end, *, fill=INK, width=5, head=18) -> None:
    """A line from ``start`` to ``end`` with a filled head at ``end``."""
    (x1, y1), (x2, y2) = start, end
    angle = math.atan2(y2 - y1, x2 - x1)
    base = (x2 - head * math.cos(angle), y2 - head * math.sin(angle))
    draw.line([start, base], fill=fill, width=width)
    spread = head * 0.55
    left = (base[0] + spread * math.sin(angle), base[1] - spread * math.cos(angle))
    right = (base[0] - spread * math.sin(angle), base[1] + spread * math.cos(angle))
    draw.polygon([end, left, right], fill=fill)


def box(draw, rect, label: str, *, fill=PALE_BLUE, outline=BLUE, size=28, bold=False):
    """A rounded box with ``label`` wrapped and centred inside it."""
    left, top, right, bottom = rect
    draw.rounded_rectangle(rect, radius=16, fill=fill, outline=outline, width=4)
    lines = wrap(label, roboto(size, bold=bold), right - left - 24) or [label]
    line_height = round(size * 1.3)
    y = (top + bottom) / 2 - line_height * (len(lines) - 1) / 2
    for index, line in enumerate(lines):
        centre = ((left + right) / 2, y + index * line_height)
        text(draw, centre, line, size=size, bold=bold, anchor="mm")


def dot(draw, centre, radius, fill) -> None:
    x, y = centre
    draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=fill)


@dataclass(frozen=True)
class Axes:
    """Data coordinates mapped onto a rectangle of the canvas."""

    rect: tuple[int, int, int, int]  # left, top, right, bottom
    x_range: tuple[float, float]
    y_range: tuple[float, float]

    def point(self, x: float, y: float) -> tuple[float, float]:
        left, top, right, bottom = self.rect
        (x0, x1), (y0, y1) = self.x_range, self.y_range
        return (
            left + (x - x0) / (x1 - x0) * (right - left),
            bottom - (y - y0) / (y1 - y0) * (bottom - top),
        )

    def draw(self, draw, *, x_label: str, y_label: str, step: float = 1) -> None:
        """Grid, both axes through the origin with arrows, ticks and numbers."""
        (x0, x1), (y0, y1) = self.x_range, self.y_range
        for value in _ticks(x0, x1, step):
            draw.line(
                [self.point(value, y0), self.point(value, y1)], fill=GRID, width=2
            )
        for value in _ticks(y0, y1, step):
            draw.line(
                [self.point(x0, value), self.point(x1, value)], fill=GRID, width=2
            )
        arrow(draw, self.point(x0, 0), self.point(x1, 0), width=3)
        arrow(draw, self.point(0, y0), self.point(0, y1), width=3)
        for value in _ticks(x0, x1, step):
            if value:
                x, y = self.point(value, 0)
                text(
                    draw, (x, y + 10), _number(value), size=22, fill=MUTED, anchor="ma"
                )
        for value in _ticks(y0, y1, step):
            if value:
                x, y = self.point(0, value)
                text(
                    draw, (x - 10, y), _number(value), size=22, fill=MUTED, anchor="rm"
                )
        x, y = self.point(0, 0)
        text(draw, (x - 10, y + 10), "O", size=22, fill=MUTED, anchor="ra")
        text(draw, self.point(x1, 0), x_label, size=26, bold=True, anchor="rb")
        tip_x, tip_y = self.point(0, y1)
        text(draw, (tip_x + 16, tip_y), y_label, size=26, bold=True, anchor="lt")

    def curve(self, draw, function, *, fill, width=6, samples=200) -> None:
        """The graph of ``function`` where it lies inside the axes."""
        (x0, x1), (y0, y1) = self.x_range, self.y_range
        points = [
            self.point(x, function(x))
            for x in (x0 + (x1 - x0) * step / samples for step in range(samples + 1))
            if y0 <= function(x) <= y1
        ]
        draw.line(points, fill=fill, width=width, joint="curve")


def _ticks(start: float, stop: float, step: float) -> list[float]:
    first = math.ceil(start / step)
    last = math.floor(stop / step)
    return [index * step for index in range(first, last + 1)]


def _number(value: float) -> str:
    """Numbers as Vietnamese write them: a decimal comma and a real minus."""
    shown = f"{value:g}".replace(".", ",")
    return shown.replace("-", "−")
