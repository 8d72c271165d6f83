"""Reads for the site-wide pages; only published content ever leaves here."""

from django.db.models import QuerySet

from courses.models import CoursePage
from materials.models import Material


def featured_courses(home_page) -> list[CoursePage]:
    """Courses the editors chose, live ones only, in the editors' order."""
    course_ids = list(
        home_page.featured_courses.order_by("sort_order").values_list(
            "course_id", flat=True
        )
    )
    courses = CoursePage.objects.live().public().filter(pk__in=course_ids)
    # Covers and their renditions come in two queries, however many courses.
    courses = courses.select_related("cover_image").prefetch_related(
        "cover_image__renditions"
    )
    by_id = {course.pk: course for course in courses}
    return [by_id[pk] for pk in course_ids if pk in by_id]


def newest_materials(*, limit: int) -> QuerySet[Material]:
    return (
        Material.objects.filter(live=True)
        .select_related("author")
        .order_by("-first_published_at", "-pk")[:limit]
    )
