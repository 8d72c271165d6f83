"""Reading published content from the database, in bulk, as documents.

Everything the index receives comes through here, so "published" has one
definition: live materials, live public course and lesson pages.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from search.documents import (
    KIND_COURSE,
    KIND_LESSON,
    KIND_MATERIAL,
    KINDS,
    course_document,
    lesson_document,
    material_document,
)


def published_materials():
    from materials.models import Material

    return (
        Material.objects.filter(live=True)
        .select_related("author")
        .prefetch_related("keywords")
        .order_by("pk")
    )


def published_courses():
    from courses.models import CoursePage

    return (
        CoursePage.objects.live().public().prefetch_related("teachers").order_by("pk")
    )


def published_lessons():
    from courses.models import LessonPage

    return LessonPage.objects.live().public().order_by("pk")


def published_count() -> int:
    """How many documents a complete index must hold."""
    return (
        published_materials().count()
        + published_courses().count()
        + published_lessons().count()
    )


def _chunks(queryset, size: int) -> Iterator[list]:
    """Model instances in primary-key chunks, so prefetches run per chunk."""
    last_pk = 0
    while True:
        chunk = list(queryset.filter(pk__gt=last_pk)[:size])
        if not chunk:
            return
        yield chunk
        last_pk = chunk[-1].pk


def _lesson_documents(lessons: list) -> list[dict[str, Any]]:
    """Lesson documents with their course, found by tree path in one query."""
    from courses.models import CoursePage

    step = CoursePage.steplen
    prefixes = {
        lesson.path[: depth * step]
        for lesson in lessons
        for depth in range(1, lesson.depth)
    }
    courses = {
        course.path: course
        for course in CoursePage.objects.live().public().filter(path__in=prefixes)
    }
    documents = []
    for lesson in lessons:
        course = next(
            (
                courses[lesson.path[: depth * step]]
                for depth in range(lesson.depth - 1, 0, -1)
                if lesson.path[: depth * step] in courses
            ),
            None,
        )
        documents.append(lesson_document(lesson, course))
    return documents


Builder = Callable[[list], list[dict[str, Any]]]

BUILDERS: dict[str, tuple[Callable[[], Any], Builder]] = {
    KIND_MATERIAL: (
        published_materials,
        lambda rows: [material_document(m) for m in rows],
    ),
    KIND_COURSE: (published_courses, lambda rows: [course_document(c) for c in rows]),
    KIND_LESSON: (published_lessons, _lesson_documents),
}


def all_documents(*, chunk_size: int = 500) -> Iterator[dict[str, Any]]:
    """Every published item as a document, read in chunks (no N+1 queries)."""
    for kind in KINDS:
        queryset, build = BUILDERS[kind]
        for chunk in _chunks(queryset(), chunk_size):
            yield from build(chunk)


def documents_for(kind: str, object_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """Documents for the given ids that are published now; absent ids are gone."""
    queryset, build = BUILDERS[kind]
    rows = list(queryset().filter(pk__in=list(object_ids)))
    return {document["object_id"]: document for document in build(rows)}


def read_version() -> int:
    """A version for writes: the time the database state was read, in µs.

    Writes use external versions so a slow writer holding an older reading of
    the database can never overwrite (or resurrect) a newer one.
    """
    return time.time_ns() // 1000
