"""Figures for Vietnamese, literature, history, geography and English."""

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
    arrow,
    box,
    dot,
    text,
)


def poem_structure(draw) -> None:
    """The four parts of a seven-word eight-line Tang-regulated poem, as in Thu hứng."""
    parts = (
        ("Đề", "câu 1–2", "Rừng phong tiêu điều, núi Vu hiu hắt"),
        ("Thực", "câu 3–4", "Sóng dâng tận trời, mây sa sát đất"),
        ("Luận", "câu 5–6", "Khóm cúc, con thuyền và nỗi nhớ quê"),
        ("Kết", "câu 7–8", "Tiếng chày đập áo lúc chiều tà"),
    )
    for index, (name, lines, content) in enumerate(parts):
        left = 40 + index * 310
        box(
            draw,
            (left, 130, left + 270, 250),
            name,
            fill=PALE_BLUE,
            outline=BLUE,
            size=40,
            bold=True,
        )
        text(draw, (left + 135, 275), lines, size=26, fill=MUTED, anchor="ma")
        box(
            draw,
            (left, 330, left + 270, 520),
            content,
            fill="white",
            outline=MUTED,
            size=26,
        )
        if index < 3:
            arrow(draw, (left + 274, 190), (left + 306, 190))
    draw.line([(40, 580), (580, 580)], fill=GREEN, width=6)
    draw.line([(660, 580), (1240, 580)], fill=ORANGE, width=6)
    text(draw, (310, 600), "Cảnh thu", size=30, bold=True, fill=GREEN, anchor="ma")
    text(
        draw,
        (950, 600),
        "Tình thu: nỗi nhớ quê hương",
        size=30,
        bold=True,
        fill=ORANGE,
        anchor="ma",
    )


def letters(draw) -> None:
    """The letters a, ă, â, each with a word that holds it."""
    for index, (letter, word) in enumerate((("a", "lá"), ("ă", "khăn"), ("â", "cân"))):
        centre = 240 + index * 400
        draw.rounded_rectangle(
            [centre - 160, 120, centre + 160, 560],
            radius=30,
            fill=PALE_ORANGE,
            outline=ORANGE,
            width=5,
        )
        for line in (240, 440):
            draw.line(
                [(centre - 130, line), (centre + 130, line)], fill="#fdba74", width=2
            )
        text(draw, (centre, 440), letter, size=260, bold=True, fill=RED, anchor="ms")
        text(draw, (centre, 520), word, size=48, bold=True, anchor="mm")
    text(
        draw,
        (640, 650),
        "Nét cong kín và nét móc ngược",
        size=30,
        fill=MUTED,
        anchor="mm",
    )


EVENTS = (
    ("19/8/1945", "Khởi nghĩa giành chính quyền ở Hà Nội"),
    ("2/9/1945", "Tuyên ngôn Độc lập"),
    ("7/5/1954", "Chiến thắng Điện Biên Phủ"),
    ("30/4/1975", "Giải phóng miền Nam, thống nhất đất nước"),
    ("12/1986", "Đại hội VI đề ra đường lối Đổi mới"),
)


def timeline(draw) -> None:
    """Five milestones from 1945 to 1986 along one line."""
    y = 360
    arrow(draw, (60, y), (1230, y), width=8, head=26)
    for index, (date, event) in enumerate(EVENTS):
        x = 150 + index * 245
        dot(draw, (x, y), 16, RED)
        above = index % 2 == 0
        text(
            draw,
            (x, y + (-40 if above else 40)),
            date,
            size=30,
            bold=True,
            fill=RED,
            anchor="mb" if above else "mt",
        )
        top = 130 if above else 450
        box(
            draw,
            (x - 115, top, x + 115, top + 140),
            event,
            fill="white",
            outline=MUTED,
            size=24,
        )


def seasons(draw) -> None:
    """The Earth at the solstices and equinoxes, its axis always leaning the same way."""
    sun = (640, 390)
    draw.ellipse([190, 220, 1090, 560], outline=MUTED, width=3)
    dot(draw, sun, 60, "#fbbf24")
    text(draw, sun, "Mặt Trời", size=24, bold=True, anchor="mm")
    positions = (
        ((1090, 390), "21/3", "Xuân phân"),
        ((640, 220), "22/6", "Hạ chí"),
        ((190, 390), "23/9", "Thu phân"),
        ((640, 560), "22/12", "Đông chí"),
    )
    tilt = math.radians(23.5)
    for (x, y), date, name in positions:
        dot(draw, (x, y), 38, PALE_BLUE)
        draw.ellipse([x - 38, y - 38, x + 38, y + 38], outline=BLUE, width=4)
        dx, dy = 58 * math.sin(tilt), 58 * math.cos(tilt)
        draw.line([(x - dx, y + dy), (x + dx, y - dy)], fill=INK, width=4)
        label_y = y - 60 if y <= 390 else y + 60
        anchor = "mb" if y <= 390 else "mt"
        text(
            draw,
            (x, label_y),
            f"{date} – {name}",
            size=28,
            bold=True,
            fill=BLUE,
            anchor=anchor,
        )
    arrow(draw, (900, 246), (960, 270), fill=MUTED, width=3)
    text(
        draw,
        (640, 700),
        "Trục Trái Đất nghiêng và không đổi phương khi quay quanh Mặt Trời",
        size=26,
        fill=MUTED,
        anchor="mb",
    )


def street_map(draw) -> None:
    """A street map for asking the way: the post office is opposite the park."""
    road = "#d1d5db"
    draw.rectangle([60, 400, 1220, 480], fill=road)  # Lê Lợi Street
    draw.rectangle([560, 100, 640, 680], fill=road)  # Trần Phú Street
    text(
        draw, (1200, 440), "Lê Lợi Street", size=26, bold=True, fill=MUTED, anchor="rm"
    )
    text(
        draw, (652, 100), "Trần Phú Street", size=26, bold=True, fill=MUTED, anchor="lt"
    )
    places = (
        ((100, 500, 480, 640), "School", PALE_ORANGE, ORANGE),
        ((680, 150, 1000, 350), "Post office", PALE_BLUE, BLUE),
        ((240, 150, 520, 350), "Park", PALE_GREEN, GREEN),
        ((680, 520, 900, 660), "Bank", PALE_BLUE, BLUE),
        ((930, 520, 1180, 660), "Café", PALE_ORANGE, ORANGE),
    )
    for rect, label, fill, outline in places:
        box(draw, rect, label, fill=fill, outline=outline, size=30, bold=True)
    for x in (548, 652):
        for y in (388, 492):
            dot(draw, (x, y), 9, RED)
    text(draw, (660, 380), "Traffic lights", size=22, fill=RED, anchor="lb")
    dot(draw, (160, 440), 16, RED)
    text(draw, (90, 392), "You are here", size=24, bold=True, fill=RED, anchor="lb")
    arrow(draw, (185, 425), (590, 425), fill=RED, width=6)
    arrow(draw, (600, 420), (600, 340), fill=RED, width=6)
