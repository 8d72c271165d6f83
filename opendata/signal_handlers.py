"""Receivers that keep OAI tombstones in step with publication, and turn
what the courses app announces about learners into xAPI statements.

Connected in ``OpendataConfig.ready`` with dispatch uids, so they are
registered once however often the app registry is populated.
"""

from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished, published, unpublished

from courses import signals as learning
from courses.models import CoursePage
from materials.models import Material
from opendata import services
from opendata.xapi import learning_events


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
    _connect_learning_events()


def _connect_learning_events() -> None:
    for signal, receiver in (
        (learning.learner_enrolled, learning_events.on_learner_enrolled),
        (learning.lesson_opened, learning_events.on_lesson_opened),
        (learning.lesson_completed, learning_events.on_lesson_completed),
        (learning.quiz_attempted, learning_events.on_quiz_attempted),
        (learning.certificate_issued, learning_events.on_certificate_issued),
        (learning.certificate_revoked, learning_events.on_certificate_revoked),
        (learning.transcript_shared, learning_events.on_transcript_shared),
    ):
        signal.connect(receiver, dispatch_uid=f"opendata_xapi_{receiver.__name__}")
