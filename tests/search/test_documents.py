"""Documents: what each published item looks like to the engine, read without N+1 queries."""

import unicodedata

import pytest

from search.documents import clean, lesson_body_text
from search.sources import all_documents
from tests.factories import (
    CourseModulePageFactory,
    CoursePageFactory,
    LessonPageFactory,
    MaterialFactory,
    PublishedMaterialFactory,
    TeacherFactory,
)

pytestmark = pytest.mark.django_db


def test_text_is_stored_in_nfc_without_markup():
    decomposed = unicodedata.normalize("NFD", "Tiếng <b>Việt</b>")
    assert clean(decomposed) == unicodedata.normalize("NFC", "Tiếng Việt")


def test_material_document_carries_facets_people_and_popularity():
    author = TeacherFactory(display_name="Cô Lan")
    material = PublishedMaterialFactory(
        title="Đề kiểm tra", author=author, download_count=7, grade_levels=["6", "7"]
    )
    material.keywords.add("ôn tập", "kiểm tra")
    material.save()
    MaterialFactory(title="Bản nháp")  # drafts are never documents
    (document,) = list(all_documents())
    assert document["_id"] == f"material-{material.pk}"
    assert sorted(document["keywords"]) == ["kiểm tra", "ôn tập"]
    assert document["people"] == ["Cô Lan"]
    assert document["grade_levels"] == ["6", "7"]
    assert document["downloads"] == document["popularity"] == 7


def test_documents_are_read_in_a_fixed_number_of_queries(django_assert_max_num_queries):
    for number in range(15):
        material = PublishedMaterialFactory(title=f"Tài liệu {number}")
        material.keywords.add(f"từ khóa {number}")
        material.save()
    with django_assert_max_num_queries(12):
        documents = list(all_documents())
    assert len(documents) == 15


def test_lesson_document_names_its_course_and_leaves_quiz_answers_out():
    course = CoursePageFactory(title="Sinh học 6", subject="sinh-hoc", grade="6")
    module = CourseModulePageFactory(parent=course)
    lesson = LessonPageFactory(
        parent=module,
        body=[
            ("text", "<p>Cây xanh quang hợp.</p>"),
            (
                "quiz",
                {
                    "title": "Kiểm tra",
                    "pass_mark": 50,
                    "questions": [
                        {
                            "prompt": "Cây cần gì?",
                            "allows_multiple": False,
                            "choices": [
                                {"text": "Đáp án đúng bí mật", "is_correct": True},
                                {"text": "Sai", "is_correct": False},
                            ],
                            "feedback": "",
                        }
                    ],
                },
            ),
        ],
    )
    lesson.refresh_from_db()
    assert "bí mật" not in lesson_body_text(lesson)
    documents = {doc["_id"]: doc for doc in all_documents()}
    document = documents[f"lesson-{lesson.pk}"]
    assert document["course_title"] == "Sinh học 6"
    assert document["subject"] == "sinh-hoc"
    assert "Cây xanh quang hợp." in document["body"]
