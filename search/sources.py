"""Reading published content from the database, in bulk, as documents.

Everything the index receives comes through here, so "published" has one
definition: live materials, live public course and lesson pages. A course or
lesson read in several languages is one document, its original's
(``courses.translations``), so a search never lists it twice.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.urls import reverse

from courses.models import CoursePage, LessonPage
from courses.translations import originals
from materials.models import Material, MaterialKeyword
from search.documents import (
    KIND_COURSE,
    KIND_LESSON,
    KIND_MATERIAL,
    KINDS,
    MATERIAL_COLUMNS,
    course_document,
    lesson_document,
    material_document,
)


def published_materials():
    return Material.objects.filter(live=True).order_by("pk")


def published_courses():
    courses = originals(CoursePage.objects.live().public())
    return courses.prefetch_related("teachers").order_by("pk")


def published_lessons():
    return originals(LessonPage.objects.live().public()).order_by("pk")


def _material_documents(materials) -> list[dict[str, Any]]:
    """Documents for a chunk of materials: one query for the rows, one for keywords."""
    rows = list(materials.values(*MATERIAL_COLUMNS))
    keywords: dict[int, list[str]] = {}
    for material_id, name in MaterialKeyword.objects.filter(
        content_object__in=materials.values("pk")
    ).values_list("content_object_id", "tag__name"):
        keywords.setdefault(material_id, []).append(name)
    url = _material_url_maker()
    return [
        material_document(
            row, keywords=keywords.get(row["pk"], []), url=url(row["pk"], row["slug"])
        )
        for row in rows
    ]


def _material_url_maker() -> Callable[[int, str], str]:
    """``Material.get_absolute_url`` for many rows from a single ``reverse()``.

    The address is the primary key and the ASCII slug in a fixed pattern; if
    the pattern ever changes shape, the split below fails loudly.
    """
    marker = reverse("materials:detail", kwargs={"pk": 1234567, "slug": "slug"})
    head, tail = marker.split("1234567-slug")
    return lambda pk, slug: f"{head}{pk}-{slug}{tail}"


def published_count() -> int:
    """How many documents a complete index must hold."""
    return (
        published_materials().count()
        + published_courses().count()
        + published_lessons().count()
    )


def _chunks(queryset, size: int) -> Iterator[Any]:
    """The queryset in primary-key chunks, so each chunk's related reads are bulk."""
    last_pk = 0
    while True:
        bounds = list(
            queryset.filter(pk__gt=last_pk).values_list("pk", flat=True)[:size]
        )
        if not bounds:
            return
        yield queryset.filter(pk__gt=last_pk, pk__lte=bounds[-1])
        last_pk = bounds[-1]


def _lesson_documents(lessons: list) -> list[dict[str, Any]]:
    """Lesson documents with their course, found by tree path in one query."""
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


# Each builder turns a queryset chunk into documents with a fixed number of queries.
Builder = Callable[[Any], list[dict[str, Any]]]

BUILDERS: dict[str, tuple[Callable[[], Any], Builder]] = {
    KIND_MATERIAL: (published_materials, _material_documents),
    KIND_COURSE: (
        published_courses,
        lambda chunk: [course_document(course) for course in chunk],
    ),
    KIND_LESSON: (published_lessons, lambda chunk: _lesson_documents(list(chunk))),
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
    chunk = queryset().filter(pk__in=list(object_ids))
    return {document["object_id"]: document for document in build(chunk)}


def read_version() -> int:
    """A version for writes: the time the database state was read, in µs.

    Writes use external versions so a slow writer holding an older reading of
    the database can never overwrite (or resurrect) a newer one.
    """
    return time.time_ns() // 1000
