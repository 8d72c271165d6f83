"""Reads for the site-wide pages; only published content ever leaves here."""

from django.db.models import QuerySet
from django.utils.translation import get_language

from courses.models import CoursePage
from lms.models import HomePageFeaturedCourse
from materials.models import Material


def featured_courses(home_page) -> list[CoursePage]:
    """Courses the editors chose, live ones only, in the editors' order, each
    in the reader's language when it has a live translation into it.

    A translated home page with no choice of its own shows the original home
    page's, so editors choose once for every language.
    """
    chosen = _chosen_courses(home_page)
    courses = CoursePage.objects.live().public()
    courses = courses.filter(translation_key__in=[key for _pk, key in chosen])
    # Covers and their renditions come in two queries, however many courses.
    courses = courses.select_related("cover_image", "locale").prefetch_related(
        "cover_image__renditions"
    )
    by_id = {course.pk: course for course in courses}
    language = get_language()
    translated = {
        course.translation_key: course
        for course in by_id.values()
        if course.locale.language_code == language
    }
    shown = (translated.get(key) or by_id.get(pk) for pk, key in chosen)
    return [course for course in shown if course is not None]


def _chosen_courses(home_page) -> list[tuple[int, str]]:
    """(course id, translation key) of the home page's choice, or of the
    first home page of its translations that has one."""
    rows = HomePageFeaturedCourse.objects.filter(
        home_page__translation_key=home_page.translation_key
    ).order_by("home_page_id", "sort_order")
    by_home: dict[int, list[tuple[int, str]]] = {}
    for home_id, course_id, key in rows.values_list(
        "home_page_id", "course_id", "course__translation_key"
    ):
        by_home.setdefault(home_id, []).append((course_id, key))
    return by_home.get(home_page.pk) or next(iter(by_home.values()), [])


def newest_materials(*, limit: int) -> QuerySet[Material]:
    return (
        Material.objects.filter(live=True)
        .select_related("author")
        .order_by("-first_published_at", "-pk")[:limit]
    )
