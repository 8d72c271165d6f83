"""A Common Cartridge becomes a draft course: its table of contents gives the
modules and lessons, its pages, pictures, files, links and quizzes the
lessons' bodies, and the report lists everything left out and why."""

import pytest
from wagtail.images import get_image_model

from courses.models import CourseModulePage, CoursePage, LessonPage
from courses.services import course_import_cartridge
from lms.demo_files import make_image
from materials.models import Material
from tests.courses.cartridge_import.cartridges import QTI_NS, cartridge, choice_item
from tests.courses.cartridge_import.conftest import DETAILS, upload

pytestmark = pytest.mark.django_db


def _import(teacher, data=None, **details):
    return course_import_cartridge(
        user=teacher, upload=upload(data or cartridge()), details={**DETAILS, **details}
    )


def _lesson(course, title) -> LessonPage:
    return LessonPage.objects.descendant_of(course).get(title=title)


@pytest.mark.parametrize("version", ["1.1", "1.2", "1.3"])
def test_every_version_gives_the_same_draft_course_tree(teacher, version):
    outcome = _import(teacher, cartridge(version=version))
    course = outcome.course
    assert course.title == "Toán 6: Phân số"
    assert course.summary == "Khái niệm phân số và bài tập."
    assert (course.subject, course.grade, course.owner) == ("toan", "6", teacher)
    modules = CourseModulePage.objects.child_of(course)
    assert [m.title for m in modules] == ["Chương 1: Phân số"]
    lessons = LessonPage.objects.child_of(modules[0])
    assert [lesson.title for lesson in lessons] == [
        "Bài 1: Khái niệm",
        "Bài đọc thêm",  # two folders deep in the cartridge, kept by its title
        "Từ điển",
        "Kiểm tra 15 phút",
    ]
    pages = [course, *course.get_descendants()]
    assert not any(page.live for page in pages)
    assert all(page.owner == teacher for page in pages)


def test_the_import_never_publishes_and_the_course_awaits_review(teacher):
    course = _import(teacher).course
    assert not CoursePage.objects.live().filter(pk=course.pk).exists()
    assert course.get_latest_revision() is not None


def test_a_web_page_becomes_text_with_its_picture_between_the_paragraphs(teacher):
    course = _import(teacher).course
    lesson = _lesson(course, "Bài 1: Khái niệm")
    blocks = [(block.block_type, block.value) for block in lesson.body]
    assert [kind for kind, _value in blocks] == ["text", "image", "text"]
    first = blocks[0][1].source
    assert first == "<h2>Phân số là gì?</h2><p>Phân số gồm <b>tử số</b> và mẫu số.</p>"
    assert "alert" not in str(lesson.body.raw_data)
    image = blocks[1][1]
    assert isinstance(image, get_image_model())
    assert image.contextual_alt_text == "Chiếc bánh chia tư"
    assert (image.width, image.height) == (64, 36)


def test_links_lead_to_the_new_material_and_to_the_other_lesson(teacher):
    course = _import(teacher).course
    lesson = _lesson(course, "Bài 1: Khái niệm")
    reading = _lesson(course, "Bài đọc thêm")
    material = Material.objects.get()
    text = lesson.body[2].value.source
    assert f'<a href="{material.get_absolute_url()}">phiếu bài tập</a>' in text
    assert f'<a id="{reading.pk}" linktype="page">bài đọc thêm</a>' in text
    assert "<p>Bấm</p>" in text  # a javascript: link loses its address
    assert material.author == teacher
    assert not material.live
    assert material.title == "phiếu bài tập"  # named by the link's text
    assert material.original_filename == "phieu.pdf"
    assert (material.subject, material.grade_levels) == ("toan", ["6"])


def test_a_web_link_becomes_a_link_in_its_lesson(teacher):
    lesson = _lesson(_import(teacher).course, "Từ điển")
    assert lesson.body[0].value.source == (
        '<p><a href="https://vi.wikipedia.org/wiki/Ph%C3%A2n_s%E1%BB%91">'
        "Từ điển Toán học</a></p>"
    )


def test_choice_questions_become_the_lessons_quiz(teacher):
    lesson = _lesson(_import(teacher).course, "Kiểm tra 15 phút")
    quiz = lesson.body[0]
    assert quiz.block_type == "quiz"
    questions = [
        (
            q["prompt"],
            q["allows_multiple"],
            [(c["text"], c["is_correct"]) for c in q["choices"]],
        )
        for q in quiz.value["questions"]
    ]
    assert questions == [
        (
            "Phân số nào bằng 1/2?",
            False,
            [("2/4", True), ("1/3", False), ("3/4", False)],
        ),
        ("Mẫu số có thể bằng 0.", False, [("Đúng", False), ("Sai", True)]),
        (
            "Chọn các phân số lớn hơn 1",
            True,
            [("3/2", True), ("1/2", False), ("5/4", True)],
        ),
    ]
    quiz.block.clean(quiz.value)  # passes the editor's own rules


def test_the_report_counts_what_was_imported_and_lists_what_was_not(teacher):
    report = _import(teacher).report.as_json()
    counts = {key: value for key, value in report.items() if key != "skipped"}
    assert counts == {
        "modules": 1,
        "lessons": 4,
        "quizzes": 1,
        "questions": 3,
        "images": 1,
        "materials": 1,
        "links": 1,
    }
    reasons = {item["title"]: item["reason"] for item in report["skipped"]}
    assert reasons == {
        "Kiểm tra 15 phút: Giải thích": (
            "Questions of the kind “essay” are not supported: a quiz only holds "
            "questions answered by picking among choices."
        ),
        "Diễn đàn": "Discussion topics cannot be imported: lessons have no forum.",
        "Phòng thí nghiệm ảo": (
            "LTI tool links cannot be imported: lessons do not launch outside tools."
        ),
        "Chương 2: Thảo luận": "The module has no lesson to import.",
    }


def test_a_missing_picture_is_reported_and_its_text_kept(teacher):
    lesson = cartridge(lesson='<p>Hình: <img src="khong-co.png" alt="Hình vẽ"></p>')
    outcome = _import(teacher, lesson)
    page = _lesson(outcome.course, "Bài 1: Khái niệm")
    assert [block.block_type for block in page.body] == ["text"]
    assert page.body[0].value.source == "<p>Hình: Hình vẽ</p>"
    assert {
        "title": "web/bai-1.html",
        "reason": "The picture web/khong-co.png was removed: the file is not in "
        "the package.",
    } in outcome.report.skipped
    assert get_image_model().objects.count() == 0


def test_the_teacher_may_name_the_course(teacher):
    course = _import(teacher, title="Phân số cho lớp 6A").course
    assert course.title == "Phân số cho lớp 6A"


def test_pictures_under_the_cartridge_file_base_are_found_where_platforms_put_them(
    teacher,
):
    lesson = (
        '<p>Hình:</p><img src="%24IMS-CC-FILEBASE%24/Uploaded%20Media/hinh.png" '
        'alt="Hình tròn">'
    )
    data = cartridge(
        lesson=lesson,
        extra_files={
            "web_resources/Uploaded Media/hinh.png": make_image("Tròn", size=(40, 40))
        },
    )
    page = _lesson(_import(teacher, data).course, "Bài 1: Khái niệm")
    assert [block.block_type for block in page.body] == ["text", "image"]
    assert page.body[1].value.title == "Hình tròn"  # named by its alternative text
    assert (page.body[1].value.width, page.body[1].value.height) == (40, 40)


def test_a_link_to_a_page_left_out_keeps_its_text(teacher):
    empty = "<html><body><p> </p></body></html>"
    outcome = _import(teacher, cartridge(extra_files={"web/bai-doc-them.html": empty}))
    text = _lesson(outcome.course, "Bài 1: Khái niệm").body[2].value.source
    assert "rồi sang bài đọc thêm." in text
    assert {
        "title": "Bài đọc thêm",
        "reason": "The page has no text or pictures.",
    } in outcome.report.skipped


def test_questions_a_quiz_cannot_hold_are_reported_one_by_one(teacher):
    items = (
        choice_item("A", "cc.multiple_choice.v0p1", "Một cộng một?", [("a", "2"), ("b", "")], ["a"])
        + choice_item("B", "cc.multiple_choice.v0p1", "Chọn một", [("a", "1")], ["a"])
        + choice_item("C", "cc.multiple_response.v0p1", "Hai đáp án đúng?", [("a", "1"), ("b", "2")], ["a", "b"]).replace("cc.multiple_response", "cc.multiple_choice")
        + choice_item("D", "cc.true_false.v0p1", "Số 0 là số chẵn.", [("t", "Đúng"), ("f", "Sai")], ["t"])
    )  # fmt: skip
    quiz = f'<questestinterop xmlns="{QTI_NS}"><assessment ident="X"><section ident="S">{items}</section></assessment></questestinterop>'  # fmt: skip
    outcome = _import(teacher, cartridge(extra_files={"quiz/assessment.xml": quiz}))
    lesson = _lesson(outcome.course, "Kiểm tra 15 phút")
    assert [q["prompt"] for q in lesson.body[0].value["questions"]] == [
        "Số 0 là số chẵn."
    ]
    reasons = {s["title"]: s["reason"] for s in outcome.report.skipped}
    assert reasons["Kiểm tra 15 phút: Câu A"] == "An answer has no text."
    assert reasons["Kiểm tra 15 phút: Câu B"] == (
        "A quiz question needs 2 to 10 answers; this one has 1."
    )
    assert reasons["Kiểm tra 15 phút: Câu C"] == (
        "A single-choice question marks more than one answer as correct."
    )
