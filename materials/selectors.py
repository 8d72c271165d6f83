"""Reads of learning materials; the public sees published ones only."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from wagtail.models import TaskState, WorkflowState

from materials.models import Material, PackageAttempt
from materials.permissions import editable_materials


def published_materials() -> QuerySet[Material]:
    return Material.objects.filter(live=True, archived_at__isnull=True).select_related(
        "author"
    )


def browse_materials(
    *,
    query: str = "",
    subject: str = "",
    material_type: str = "",
    grade: str = "",
    language: str = "",
) -> QuerySet[Material]:
    """Published materials matching the browse filters, newest first."""
    materials = published_materials()
    if query:
        materials = materials.filter(
            Q(title__icontains=query) | Q(description__icontains=query)
        )
    if subject:
        materials = materials.filter(subject=subject)
    if material_type:
        materials = materials.filter(material_type=material_type)
    if language:
        materials = materials.filter(language=language)
    if grade:
        # A JSON list of codes: match the quoted code (works on every database).
        materials = materials.filter(grade_levels__icontains=f'"{grade}"')
    return materials.order_by("-first_published_at", "-pk")


def my_materials(user) -> QuerySet[Material]:
    """The user's own materials (as author or co-author), newest first."""
    return (
        editable_materials(user)
        .filter(Q(author=user) | Q(co_authors=user))
        .select_related("duplicate_of")
        .distinct()
        .order_by("-created_at")
    )


def active_workflow_states(materials) -> dict[int, WorkflowState]:
    """The open review of each material, keyed by material id."""
    content_type = ContentType.objects.get_for_model(Material)
    states = WorkflowState.objects.active().filter(
        base_content_type=content_type,
        object_id__in=[str(material.pk) for material in materials],
    )
    return {int(state.object_id): state for state in states}


def latest_review_comment(material: Material) -> str:
    """What the last curator to request changes wrote, for the teacher."""
    content_type = ContentType.objects.get_for_model(Material)
    task_state = (
        TaskState.objects.filter(
            workflow_state__base_content_type=content_type,
            workflow_state__object_id=str(material.pk),
            status=TaskState.STATUS_REJECTED,
        )
        .order_by("-finished_at", "-pk")
        .first()
    )
    return task_state.comment if task_state else ""


def review_waiting_count() -> int:
    """How many materials wait for a curator: one COUNT, for the header."""
    return WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Material),
        status=WorkflowState.STATUS_IN_PROGRESS,
    ).count()


def review_queue() -> list[tuple[Material, WorkflowState]]:
    """Materials waiting for a curator, oldest submission first."""
    content_type = ContentType.objects.get_for_model(Material)
    states = list(
        WorkflowState.objects.filter(
            base_content_type=content_type, status=WorkflowState.STATUS_IN_PROGRESS
        )
        .select_related("requested_by", "current_task_state")
        .order_by("created_at", "pk")
    )
    materials = Material.objects.select_related("author").in_bulk(
        [int(state.object_id) for state in states]
    )
    return [
        (materials[int(state.object_id)], state)
        for state in states
        if int(state.object_id) in materials
    ]


def courses_using(material: Material) -> list:
    """Live courses whose pages (course, module or lesson) use ``material``."""
    from wagtail.models import Page, ReferenceIndex

    from courses.models import CoursePage

    page_type = ContentType.objects.get_for_model(Page)
    page_ids = (
        ReferenceIndex.get_references_to(material)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    paths = (
        Page.objects.live().filter(pk__in=list(page_ids)).values_list("path", flat=True)
    )
    prefixes = {
        path[:end] for path in paths for end in range(Page.steplen, len(path) + 1, 4)
    }
    return list(CoursePage.objects.live().filter(path__in=prefixes).order_by("title"))


def package_state(*, learner, material: Material, lesson_id: int | None) -> dict:
    """What a learner's last visit to a package saved; empty for a visitor."""
    if learner is None:
        return {}
    attempt = PackageAttempt.objects.filter(
        learner=learner, material=material, lesson_id=lesson_id
    ).first()
    return attempt.cmi if attempt else {}
