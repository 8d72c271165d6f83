"""Figures for physics, chemistry, biology and informatics."""

import math

from lms.demo.figures.drawing import (
    BLUE,
    GREEN,
    INK,
    MUTED,
    ORANGE,
    PALE_BLUE,
    PALE_GREEN,
    PALE_ORANGE,
    RED,
    Axes,
    arrow,
    box,
    dot,
    text,
)


def oscillation(draw) -> None:
    """x = 4cos(πt): amplitude 4 cm, period 2 s."""
    axes = Axes((140, 130, 1180, 650), (0, 4.6), (-5, 5))
    axes.draw(draw, x_label="t (s)", y_label="x (cm)", step=1)
    axes.curve(draw, lambda t: 4 * math.cos(math.pi * t), fill=BLUE)
    for level in (4, -4):
        draw.line([axes.point(0, level), axes.point(4.4, level)], fill=MUTED, width=2)
    text(draw, axes.point(0.55, 4.6), "A = 4 cm", size=26, bold=True, fill=RED)
    start, end = axes.point(0, -4.6), axes.point(2, -4.6)
    arrow(draw, start, end, fill=RED, width=3)
    arrow(draw, end, start, fill=RED, width=3)
    text(
        draw,
        axes.point(2.05, -4.6),
        "T = 2 s",
        size=26,
        bold=True,
        fill=RED,
        anchor="lm",
    )
    text(draw, axes.point(2.3, 4.9), "x = 4cos(πt) (cm)", size=28, bold=True, fill=BLUE)


def carbon_atom(draw) -> None:
    """Six protons and six neutrons in the nucleus; 2 + 4 electrons in two shells."""
    centre = (520, 390)
    for radius in (140, 260):
        x, y = centre
        draw.ellipse(
            [x - radius, y - radius, x + radius, y + radius], outline=MUTED, width=4
        )
    dot(draw, centre, 62, PALE_ORANGE)
    draw.ellipse(
        [centre[0] - 62, centre[1] - 62, centre[0] + 62, centre[1] + 62],
        outline=ORANGE,
        width=4,
    )
    text(draw, centre, "6p, 6n", size=30, bold=True, fill=ORANGE, anchor="mm")
    electrons = [(140, angle) for angle in (90, 270)]
    electrons += [(260, angle) for angle in (0, 90, 180, 270)]
    for radius, angle in electrons:
        point = (
            centre[0] + radius * math.cos(math.radians(angle + 30)),
            centre[1] + radius * math.sin(math.radians(angle + 30)),
        )
        dot(draw, point, 18, BLUE)
        text(draw, point, "−", size=30, bold=True, fill="white", anchor="mm")
    labels = (
        ((centre[0] + 62, centre[1] - 10), (900, 250), "Hạt nhân (6 proton, 6 nơtron)"),
        (
            (centre[0] + 140 * math.cos(math.radians(120)) + 16, 390 + 121),
            (900, 420),
            "Lớp thứ nhất: 2 electron",
        ),
        ((centre[0] + 260, centre[1] + 40), (900, 560), "Lớp thứ hai: 4 electron"),
    )
    for start, at, label in labels:
        draw.line([start, (at[0] - 12, at[1])], fill=MUTED, width=2)
        text(draw, at, label, size=26, anchor="lm")


def photosynthesis(draw) -> None:
    """What a leaf takes in and gives out when it photosynthesises."""
    leaf = (470, 250, 810, 470)
    box(
        draw,
        leaf,
        "Lá cây (lục lạp, diệp lục)",
        fill=PALE_GREEN,
        outline=GREEN,
        size=30,
        bold=True,
    )
    inputs = (
        ((60, 110, 380, 200), "Ánh sáng Mặt Trời", PALE_ORANGE, ORANGE),
        ((60, 320, 380, 410), "CO₂ từ không khí", PALE_BLUE, BLUE),
        ((60, 520, 380, 610), "H₂O từ rễ", PALE_BLUE, BLUE),
    )
    for rect, label, fill, outline in inputs:
        box(draw, rect, label, fill=fill, outline=outline)
        arrow(
            draw,
            (rect[2] + 6, (rect[1] + rect[3]) / 2),
            (leaf[0] - 6, (leaf[1] + leaf[3]) / 2),
        )
    outputs = (
        ((900, 190, 1220, 290), "Glucôzơ C₆H₁₂O₆"),
        ((900, 430, 1220, 530), "O₂ ra không khí"),
    )
    for rect, label in outputs:
        box(draw, rect, label, fill=PALE_GREEN, outline=GREEN, bold=True)
        arrow(
            draw,
            (leaf[2] + 6, (leaf[1] + leaf[3]) / 2),
            (rect[0] - 6, (rect[1] + rect[3]) / 2),
        )
    equation = {"size": 34, "bold": True, "fill": GREEN}
    text(draw, (560, 680), "6CO₂ + 6H₂O", anchor="rm", **equation)
    arrow(draw, (580, 680), (700, 680), fill=GREEN)
    text(draw, (720, 680), "C₆H₁₂O₆ + 6O₂", anchor="lm", **equation)


def if_flowchart(draw) -> None:
    """if diem >= 5: print("Đạt") else: print("Chưa đạt")."""
    box(draw, (480, 100, 800, 170), "Nhập diem", size=28)
    arrow(draw, (640, 172), (640, 232))
    diamond = [(640, 235), (830, 325), (640, 415), (450, 325)]
    draw.polygon(diamond, fill=PALE_ORANGE, outline=ORANGE, width=4)
    text(draw, (640, 325), "diem >= 5 ?", size=30, bold=True, anchor="mm")
    box(draw, (120, 470, 440, 550), 'In "Đạt"', fill=PALE_GREEN, outline=GREEN)
    box(draw, (840, 470, 1160, 550), 'In "Chưa đạt"', fill="#fee2e2", outline=RED)
    draw.line([(450, 325), (280, 325)], fill=INK, width=5)
    arrow(draw, (280, 325), (280, 466))
    draw.line([(830, 325), (1000, 325)], fill=INK, width=5)
    arrow(draw, (1000, 325), (1000, 466))
    text(draw, (365, 312), "Đúng", size=26, bold=True, fill=GREEN, anchor="mb")
    text(draw, (915, 312), "Sai", size=26, bold=True, fill=RED, anchor="mb")
    box(draw, (480, 610, 800, 680), "Kết thúc", size=28)
    for x in (280, 1000):
        draw.line([(x, 552), (x, 645)], fill=INK, width=5)
    arrow(draw, (280, 645), (476, 645))
    arrow(draw, (1000, 645), (804, 645))
