"""Writes of the open-data app: OAI tombstones follow publication."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from courses.models import CoursePage
from materials.models import Material
from opendata.models import DeletedRecord, RecordKind
from opendata.oai.records import course_sets, material_sets


def _kind_and_sets(instance: Material | CoursePage) -> tuple[str, tuple[str, ...]]:
    if isinstance(instance, Material):
        return RecordKind.MATERIAL, material_sets(instance)
    return RecordKind.COURSE, course_sets(instance)


@transaction.atomic
def record_withdrawn(*, instance: Material | CoursePage) -> DeletedRecord:
    """Remember that a once-public item is gone, for OAI harvesters.

    Called when a material or course is unpublished or deleted; the
    tombstone's datestamp is now, so incremental harvests pick it up.
    """
    kind, sets = _kind_and_sets(instance)
    record, _created = DeletedRecord.objects.update_or_create(
        kind=kind,
        object_id=instance.pk,
        defaults={"datestamp": timezone.now(), "set_specs": list(sets)},
    )
    return record


@transaction.atomic
def record_republished(*, instance: Material | CoursePage) -> int:
    """Forget the tombstone of an item that is public again; returns rows removed."""
    kind, _sets = _kind_and_sets(instance)
    deleted, _by_model = DeletedRecord.objects.filter(
        kind=kind, object_id=instance.pk
    ).delete()
    return deleted
