"""A course's live modules and lessons, shared by every reader.

Reading them costs a wide Page query each on every view of a course or
lesson page, for an answer that changes only when content does; they are
kept under the content version (``lms.fragments``), so a published,
unpublished or moved lesson shows on the next request. Lessons are kept
without their body, which neither the outline nor a lesson's neighbours
show. Modules and lessons are kept apart: a lesson page needs only lessons.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.cache import cache

from courses.models import CourseModulePage, CoursePage, LessonPage
from lms.fragments import content_version

# A safety net only: a content change moves the version well before this.
STRUCTURE_SECONDS = 3600


def live_modules(course: CoursePage) -> list[CourseModulePage]:
    """The course's live modules in tree order."""
    return _kept(
        f"course-modules:{content_version()}:{course.pk}",
        lambda: CourseModulePage.objects.live().child_of(course).order_by("path"),
    )


def live_lessons(course: CoursePage) -> list[LessonPage]:
    """The course's live lessons in reading order (module, then lesson)."""
    return _kept(
        f"course-lessons:{content_version()}:{course.pk}",
        lambda: (
            LessonPage.objects.live()
            .descendant_of(course)
            .defer_streamfields()
            .order_by("path")
        ),
    )


def _kept(key: str, read: Callable) -> list:
    known = cache.get(key)
    if known is None:
        known = list(read())
        cache.set(key, known, STRUCTURE_SECONDS)
    return known
