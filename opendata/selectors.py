"""Reads shared by every open-data door: only public content leaves here."""

from django.db.models import QuerySet

from courses.models import CourseModulePage, CoursePage, LessonPage
from courses.translations import originals
from materials.models import Material


def public_materials() -> QuerySet[Material]:
    """Published materials with what the API, OAI and feeds show of them."""
    return (
        Material.objects.filter(live=True)
        .select_related("author")
        .prefetch_related("co_authors", "tagged_items__tag")
    )


def public_courses() -> QuerySet[CoursePage]:
    """Live courses without view restrictions, with their teachers; a course
    read in several languages once, as its original (courses.translations)."""
    return (
        originals(CoursePage.objects.live().public())
        .select_related("cover_image")
        .prefetch_related("teachers")
    )


def course_outline(course: CoursePage) -> list[tuple[CourseModulePage, list]]:
    """The course's live modules in tree order, each with its live lessons."""
    modules = list(
        CourseModulePage.objects.live().public().child_of(course).order_by("path")
    )
    lessons = LessonPage.objects.live().public().descendant_of(course).order_by("path")
    by_module: dict[int, list[LessonPage]] = {module.pk: [] for module in modules}
    paths = {module.path: module.pk for module in modules}
    for lesson in lessons:
        module_pk = paths.get(lesson.path[: -LessonPage.steplen])
        if module_pk is not None:
            by_module[module_pk].append(lesson)
    return [(module, by_module[module.pk]) for module in modules]
