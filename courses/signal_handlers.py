"""Receivers for what other apps announce; each hands over to a service."""

from typing import Any

from courses.models import LessonPage
from courses.services.progress import lesson_complete_by_package


def complete_lesson_of_package(
    sender: Any, *, learner: Any, material: Any, lesson: Any, **kwargs: Any
) -> None:
    """A SCORM package finished inside a lesson completes the lesson."""
    if lesson is None:
        return
    lesson_page = LessonPage.objects.filter(pk=lesson.pk).first()
    if lesson_page is not None:
        lesson_complete_by_package(learner=learner, lesson=lesson_page)
