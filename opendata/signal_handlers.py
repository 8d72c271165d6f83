"""Receivers that keep OAI tombstones in step with publication.

Connected in ``OpendataConfig.ready`` with dispatch uids, so they are
registered once however often the app registry is populated.
"""

from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished, published, unpublished

from courses.models import CoursePage
from materials.models import Material
from opendata import services


def material_unpublished(sender, instance, **kwargs) -> None:
    services.record_withdrawn(instance=instance)


def material_published(sender, instance, **kwargs) -> None:
    services.record_republished(instance=instance)


def material_deleted(sender, instance, **kwargs) -> None:
    if instance.first_published_at:
        services.record_withdrawn(instance=instance)


def course_unpublished(sender, instance, **kwargs) -> None:
    services.record_withdrawn(instance=instance)


def course_published(sender, instance, **kwargs) -> None:
    services.record_republished(instance=instance)


def course_deleted(sender, instance, **kwargs) -> None:
    if instance.first_published_at:
        services.record_withdrawn(instance=instance)


def connect() -> None:
    unpublished.connect(
        material_unpublished, sender=Material, dispatch_uid="opendata_material_unpub"
    )
    published.connect(
        material_published, sender=Material, dispatch_uid="opendata_material_pub"
    )
    post_delete.connect(
        material_deleted, sender=Material, dispatch_uid="opendata_material_delete"
    )
    page_unpublished.connect(
        course_unpublished, sender=CoursePage, dispatch_uid="opendata_course_unpub"
    )
    page_published.connect(
        course_published, sender=CoursePage, dispatch_uid="opendata_course_pub"
    )
    post_delete.connect(
        course_deleted, sender=CoursePage, dispatch_uid="opendata_course_delete"
    )
