"""A course's live modules and lessons, shared by every reader.

Reading them costs two wide Page queries on every view of a course page,
for an answer that changes only when content does; they are kept under the
content version (``lms.fragments``), so a published, unpublished or moved
lesson shows on the next request. The lessons are kept without their body,
which the course page never shows.
"""

from __future__ import annotations

from django.core.cache import cache

from courses.models import CourseModulePage, CoursePage, LessonPage
from lms.fragments import content_version

# A safety net only: a content change moves the version well before this.
STRUCTURE_SECONDS = 3600


def course_structure(
    course: CoursePage,
) -> tuple[list[CourseModulePage], list[LessonPage]]:
    """The course's live modules and live lessons, each in tree order."""
    key = f"course-structure:{content_version()}:{course.pk}"
    known = cache.get(key)
    if known is not None:
        return known
    modules = list(CourseModulePage.objects.live().child_of(course).order_by("path"))
    lessons = list(
        LessonPage.objects.live().descendant_of(course).defer("body").order_by("path")
    )
    cache.set(key, (modules, lessons), STRUCTURE_SECONDS)
    return modules, lessons
