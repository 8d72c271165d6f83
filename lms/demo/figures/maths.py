"""Figures for the mathematics courses."""

from lms.demo.figures.drawing import (
    BLUE,
    GREEN,
    INK,
    MUTED,
    ORANGE,
    PALE_BLUE,
    PALE_ORANGE,
    RED,
    Axes,
    dot,
    text,
)


def two_lines(draw) -> None:
    """x + y = 3 and x − y = 1 meet at (2; 1), the system's one solution."""
    axes = Axes((300, 110, 980, 690), (-2, 5), (-3, 4))
    axes.draw(draw, x_label="x", y_label="y")
    axes.curve(draw, lambda x: 3 - x, fill=BLUE)
    axes.curve(draw, lambda x: x - 1, fill=RED)
    meeting = axes.point(2, 1)
    for corner in (axes.point(2, 0), axes.point(0, 1)):
        draw.line([corner, meeting], fill=MUTED, width=2)
    dot(draw, meeting, 11, INK)
    text(
        draw,
        (meeting[0] + 18, meeting[1] - 6),
        "(2; 1)",
        size=30,
        bold=True,
        anchor="lb",
    )
    text(draw, axes.point(-1.9, 2.5), "x + y = 3", size=30, bold=True, fill=BLUE)
    text(draw, axes.point(3.55, 1.35), "x − y = 1", size=30, bold=True, fill=RED)
    text(draw, (1010, 300), "Giao điểm của hai", size=26, fill=INK)
    text(draw, (1010, 336), "đường thẳng là", size=26, fill=INK)
    text(draw, (1010, 372), "nghiệm của hệ.", size=26, fill=INK)


def fraction_bars(draw) -> None:
    """1/2, 2/4 and 4/8 of the same bar: equal fractions cover equal lengths."""
    left, width, height = 220, 700, 110
    for row, parts in enumerate((2, 4, 8)):
        top = 140 + row * 180
        shaded = parts // 2
        for part in range(parts):
            x0 = left + width * part / parts
            x1 = left + width * (part + 1) / parts
            fill = PALE_ORANGE if part < shaded else "white"
            draw.rectangle(
                [x0, top, x1, top + height], fill=fill, outline=ORANGE, width=4
            )
        text(
            draw,
            (left - 30, top + height / 2),
            f"{shaded}/{parts}",
            size=44,
            bold=True,
            anchor="rm",
        )
        text(
            draw,
            (left + width + 30, top + height / 2),
            f"tô màu {shaded} trong {parts} phần",
            size=26,
            fill=MUTED,
            anchor="lm",
        )
    text(
        draw,
        (640, 690),
        "1/2 = 2/4 = 4/8",
        size=36,
        bold=True,
        fill=ORANGE,
        anchor="mb",
    )


def groups_of_six(draw) -> None:
    """Four boxes of six cakes: 6 × 4 = 24."""
    for group in range(4):
        left = 110 + group * 280
        draw.rounded_rectangle(
            [left, 150, left + 240, 470],
            radius=24,
            fill=PALE_BLUE,
            outline=BLUE,
            width=5,
        )
        for cake in range(6):
            column, row = cake % 2, cake // 2
            dot(draw, (left + 75 + column * 90, 220 + row * 95), 32, ORANGE)
        text(
            draw, (left + 120, 500), f"Hộp {group + 1}", size=30, bold=True, anchor="ma"
        )
    text(
        draw, (640, 600), "6 + 6 + 6 + 6 = 6 × 4 = 24", size=48, bold=True, anchor="mm"
    )
    text(draw, (640, 670), "Mỗi hộp có 6 cái bánh", size=28, fill=MUTED, anchor="mm")


SCORES = {2: 1, 3: 1, 4: 2, 5: 3, 6: 6, 7: 8, 8: 7, 9: 3, 10: 1}


def score_chart(draw) -> None:
    """How many learners of a class of 32 got each score out of 10."""
    axes = Axes((170, 120, 1180, 620), (0, 11), (0, 9))
    left, top, right, bottom = axes.rect
    for count in range(0, 10, 2):
        x, y = axes.point(0, count)
        draw.line([(left, y), (right, y)], fill="#e5e7eb", width=2)
        text(draw, (left - 14, y), str(count), size=24, fill=MUTED, anchor="rm")
    for score in range(1, 11):
        x0, y0 = axes.point(score - 0.35, SCORES.get(score, 0))
        x1, y1 = axes.point(score + 0.35, 0)
        if SCORES.get(score):
            draw.rectangle([x0, y0, x1, y1], fill=BLUE)
        text(draw, ((x0 + x1) / 2, bottom + 12), str(score), size=24, anchor="ma")
    draw.line([(left, bottom), (right, bottom)], fill=INK, width=3)
    draw.line([(left, top), (left, bottom)], fill=INK, width=3)
    mean = sum(score * count for score, count in SCORES.items()) / 32
    for value, label, colour in (
        (mean, f"mean {mean:.1f}", ORANGE),
        (7, "median 7", GREEN),
    ):
        x, _ = axes.point(value, 0)
        draw.line([(x, top - 10), (x, bottom)], fill=colour, width=4)
        anchor = "rb" if value < 7 else "lb"
        text(
            draw,
            (x + (-8 if value < 7 else 8), top),
            label,
            size=26,
            bold=True,
            fill=colour,
            anchor=anchor,
        )
    text(draw, ((left + right) / 2, 700), "Score", size=26, bold=True, anchor="mb")
    text(draw, (40, 100), "Learners", size=26, bold=True, anchor="lb")
