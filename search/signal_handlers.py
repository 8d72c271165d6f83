"""Receivers that record search-relevant changes in the outbox.

They only write a row (inside the caller's transaction); the engine is
contacted after commit by a task, so an engine outage can never fail a save.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from courses.models import CoursePage, LessonPage
from lms.signals import search_relevant_change
from materials.models import Material
from search.documents import KIND_COURSE, KIND_LESSON, KIND_MATERIAL
from search.tasks import schedule_indexing


def kind_of(instance: Any) -> str | None:
    """The document kind for a model instance, or None when search ignores it."""
    specific = getattr(instance, "specific_deferred", instance)
    for model, kind in (
        (Material, KIND_MATERIAL),
        (CoursePage, KIND_COURSE),
        (LessonPage, KIND_LESSON),
    ):
        if isinstance(specific, model):
            return kind
    return None


def record_instance(instance: Any, *, figures_only: bool = False) -> None:
    """Record a change for the instance and for documents that quote it.

    When only its figures moved (``figures_only``), lessons are left alone:
    they quote their course's title and facets, never its learner count, and
    a popular course's enrolments would otherwise queue all its lessons again
    on every enrolment."""
    kind = kind_of(instance)
    if kind is None or instance.pk is None:
        return
    schedule_indexing(kind=kind, object_id=instance.pk)
    if kind != KIND_MATERIAL:
        # Which translation of a page is indexed depends on what is published.
        for page_id in _translation_ids(instance):
            schedule_indexing(kind=kind, object_id=page_id)
    if kind == KIND_COURSE and not figures_only:
        # Lesson documents carry their course's title and facets.
        for lesson_id in LessonPage.objects.descendant_of(instance).values_list(
            "pk", flat=True
        ):
            schedule_indexing(kind=KIND_LESSON, object_id=lesson_id)


def _translation_ids(page) -> list[int]:
    pages = Page.objects.filter(translation_key=page.translation_key)
    return list(pages.exclude(pk=page.pk).values_list("pk", flat=True))


def on_page_change(sender, instance, **kwargs) -> None:
    record_instance(instance)


def on_snippet_change(sender, instance, **kwargs) -> None:
    record_instance(instance)


def on_delete(sender, instance, **kwargs) -> None:
    kind = kind_of(instance)
    if kind is None:
        return
    schedule_indexing(kind=kind, object_id=instance.pk)
    if kind != KIND_MATERIAL:
        for page_id in _translation_ids(instance):
            schedule_indexing(kind=kind, object_id=page_id)


def on_relevant_change(sender, instance, figures_only=False, **kwargs) -> None:
    record_instance(instance, figures_only=figures_only)


def on_page_move(sender, instance, **kwargs) -> None:
    """A move changes the URL of the page and of every page below it."""
    record_instance(instance)
    for model, kind in ((CoursePage, KIND_COURSE), (LessonPage, KIND_LESSON)):
        for page_id in model.objects.descendant_of(instance).values_list(
            "pk", flat=True
        ):
            schedule_indexing(kind=kind, object_id=page_id)


def connect() -> None:
    """Connect every receiver once (called from ``SearchConfig.ready``)."""
    page_published.connect(on_page_change, dispatch_uid="search.page_published")
    page_unpublished.connect(on_page_change, dispatch_uid="search.page_unpublished")
    published.connect(on_snippet_change, dispatch_uid="search.snippet_published")
    unpublished.connect(on_snippet_change, dispatch_uid="search.snippet_unpublished")
    search_relevant_change.connect(on_relevant_change, dispatch_uid="search.relevant")
    post_page_move.connect(on_page_move, dispatch_uid="search.page_moved")
    for model in (Material, CoursePage, LessonPage):
        post_delete.connect(
            on_delete, sender=model, dispatch_uid=f"search.delete.{model.__name__}"
        )
