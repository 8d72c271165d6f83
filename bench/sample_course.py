"""A published course of modules and lessons, and learners, for the write
benchmarks: built through Wagtail's own publishing, as a teacher's would be."""

from django.utils import timezone
from wagtail.models import Locale

from accounts.models import User
from courses.models import (
    CourseCatalogPage,
    CourseModulePage,
    CoursePage,
    Enrolment,
    LessonPage,
)
from lms.vocabulary import GradeLevel, Subject

QUIZ = {
    "title": "Kiểm tra",
    "pass_mark": 50,
    "questions": [
        {
            "prompt": f"Câu hỏi {n}",
            "allows_multiple": False,
            "choices": [
                {"text": "Đúng", "is_correct": True},
                {"text": "Sai", "is_correct": False},
            ],
            "feedback": "",
        }
        for n in (1, 2)
    ],
}


def _add(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_learners(count: int, *, prefix: str = "bench") -> list[User]:
    return User.objects.bulk_create(
        User(username=f"{prefix}{n}", email=f"{prefix}{n}@example.vn")
        for n in range(count)
    )


def build(
    *,
    modules: int,
    lessons_per_module: int,
    learners: int,
    enrol: bool = True,
    title: str = "Khóa học đo tốc độ",
):
    """The course's lessons and its learners (enrolled unless ``enrol`` is off)."""
    catalogue = CourseCatalogPage.objects.get(locale=Locale.get_default())
    course = _add(
        catalogue,
        CoursePage(
            title=title,
            summary="Đo tốc độ.",
            subject=Subject.BIOLOGY,
            grade=GradeLevel.GRADE_6,
        ),
    )
    lessons = []
    for m in range(modules):
        module = _add(course, CourseModulePage(title=f"Chương {m + 1}"))
        for n in range(lessons_per_module):
            body = [("quiz", QUIZ)] if n % 2 else [("text", "<p>Bài đọc.</p>")]
            lessons.append(
                _add(module, LessonPage(title=f"Bài {m + 1}.{n + 1}", body=body))
            )
    users = make_learners(learners)
    if enrol:
        Enrolment.objects.bulk_create(
            Enrolment(learner=u, course=course, enrolled_at=timezone.now())
            for u in users
        )
    return course, lessons, users
