"""Demo course covers: the whole title with its diacritics, inside the picture."""

import io

import font_roboto
import pytest
from PIL import Image
from reportlab.pdfbase.ttfonts import TTFont

from lms.demo.catalogue import DEMO_COURSES
from lms.demo.covers import (
    COVER_SIZE,
    MARGIN,
    SUBJECT_COLOURS,
    TEXT_WIDTH,
    draw_cover,
    layout_title,
    title_font,
)
from lms.vocabulary import Subject

TITLES = [course.title for course in DEMO_COURSES] + [
    (
        "Toán 9: Hệ phương trình bậc nhất hai ẩn và những bài toán thực tế "
        "trong đời sống hằng ngày của học sinh trung học cơ sở (2)"
    ),
    "Sinhhọcphântửvàditruyềnhọcứngdụngtrongnôngnghiệpcôngnghệcao",
]


@pytest.mark.parametrize("title", TITLES)
def test_the_title_is_kept_whole_with_its_diacritics(title):
    layout = layout_title(title)

    assert " ".join(layout.lines) == " ".join(title.split())


@pytest.mark.parametrize("title", TITLES)
def test_every_line_of_the_title_lies_inside_the_cover(title):
    layout = layout_title(title)
    font = title_font(layout.size)
    _width, height = COVER_SIZE

    for line, (left, top) in zip(layout.lines, layout.origins, strict=True):
        x0, y0, x1, y1 = font.getbbox(line, anchor="la")
        assert left + x0 >= MARGIN and left + x1 <= MARGIN + TEXT_WIDTH, line
        assert top + y0 >= MARGIN // 2 and top + y1 <= height - MARGIN // 2, line


def test_lines_break_at_spaces_and_the_font_shrinks_for_long_titles():
    short = layout_title("Tin học 11")
    long = layout_title(TITLES[-2])

    assert short.lines == ("Tin học 11",)
    assert long.size < short.size
    assert len(long.lines) > 1


def test_the_title_font_has_every_vietnamese_letter_of_the_demo():
    faces = TTFont("cover-title", font_roboto.RobotoBold).face.charToGlyph
    letters = {letter for title in TITLES for letter in title if not letter.isspace()}

    assert {letter for letter in letters if ord(letter) not in faces} == set()
    assert title_font(40).path == font_roboto.RobotoBold


def test_the_cover_is_drawn_at_twice_its_widest_display_in_the_subject_colour():
    cover = Image.open(io.BytesIO(draw_cover("Vật lý 11", subject=Subject.PHYSICS)))

    assert cover.size == (1280, 720)
    corner = "#{:02x}{:02x}{:02x}".format(*cover.convert("RGB").getpixel((4, 4)))
    assert corner == SUBJECT_COLOURS[Subject.PHYSICS]


def test_subjects_get_different_motifs():
    drawn = {
        subject: draw_cover("", subject=subject)
        for subject in (Subject.MATHEMATICS, Subject.LITERATURE, Subject.PHYSICS)
    }
    shapes = {
        Image.open(io.BytesIO(data))
        .convert("L")
        .point(lambda v: 255 * (v > 160))
        .tobytes()
        for data in drawn.values()
    }

    assert len(shapes) == 3
