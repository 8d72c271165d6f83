"""Facts about published items, phrased once for every open-data format.

JSON-LD, OAI-PMH metadata, Atom feeds and the API all describe the same
materials and courses; deriving URLs, durations and people here keeps the
formats from drifting apart.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.urls import reverse
from wagtail.models import Page

from lms.links import absolute_url
from lms.vocabulary import GradeLevel, Licence, MaterialType, Subject

if TYPE_CHECKING:
    from courses.models import CoursePage
    from materials.models import Material

# LRMI's timeRequired is a typical time; for a document without a duration we
# estimate three minutes of reading per page, a common planning figure.
READING_MINUTES_PER_PAGE = 3


def page_url(page: Page, request: HttpRequest | None = None) -> str | None:
    """A page's absolute URL, or None when it is not routable from any site."""
    relative = page.get_url(request=request)
    return absolute_url(request=request, path=relative) if relative else None


def material_url(material: Material, request: HttpRequest | None = None) -> str:
    return absolute_url(request=request, path=material.get_absolute_url())


def material_file_url(
    material: Material, request: HttpRequest | None = None
) -> str | None:
    """Where a published material's file is downloaded (through the
    permission-checked view, since material files have no public URL)."""
    if not material.file:
        return None
    return absolute_url(
        request=request, path=reverse("materials:download", args=[material.pk])
    )


def material_thumbnail_url(
    material: Material, request: HttpRequest | None = None
) -> str | None:
    if not material.thumbnail:
        return None
    return absolute_url(
        request=request, path=reverse("materials:thumbnail", args=[material.pk])
    )


def iso_duration(value: timedelta | float | Decimal | None) -> str | None:
    """An ISO 8601 duration such as ``PT1H30M`` (seconds or a timedelta)."""
    if value is None:
        return None
    seconds = int(value.total_seconds()) if isinstance(value, timedelta) else int(value)
    if seconds <= 0:
        return None
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    parts = "".join(
        f"{amount}{unit}"
        for amount, unit in ((hours, "H"), (minutes, "M"), (seconds, "S"))
        if amount
    )
    return f"PT{parts}"


def material_duration_seconds(material: Material) -> int | None:
    """The play time of audio and video, else a reading-time estimate."""
    if material.duration_seconds:
        return material.duration_seconds
    if material.page_count:
        return material.page_count * READING_MINUTES_PER_PAGE * 60
    return None


def course_duration_seconds(course: CoursePage) -> int | None:
    hours = Decimal(course.estimated_hours or 0)
    return int(hours * 3600) or None


def material_people(material: Material) -> list[str]:
    """Public names of the author and co-authors, author first."""
    people = [material.author] if material.author else []
    people += [user for user in material.co_authors.all() if user not in people]
    return [person.public_name for person in people]


def course_teachers(course: CoursePage) -> list[str]:
    return [teacher.public_name for teacher in course.teachers.all()]


def material_keywords(material: Material) -> list[str]:
    return [item.tag.name for item in material.tagged_items.all()]


def label(choices: type, code: str) -> str:
    """The translated label of a vocabulary code (the code if unknown)."""
    return str(dict(choices.choices).get(code, code))


def subject_label(code: str) -> str:
    return label(Subject, code)


def grade_label(code: str) -> str:
    return label(GradeLevel, code)


def material_type_label(code: str) -> str:
    return label(MaterialType, code)


def licence_url(code: str) -> str:
    try:
        return Licence(code).url
    except ValueError:
        return ""
