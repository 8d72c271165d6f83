"""Reads of learning materials; the public sees published ones only."""

from django.db.models import QuerySet

from materials.models import Material


def published_materials() -> QuerySet[Material]:
    return Material.objects.filter(live=True).select_related("author")
