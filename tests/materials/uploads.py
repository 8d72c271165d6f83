"""Upload a file as a teacher and see what the teacher would see."""

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Revision

from materials import services
from materials.models import Material
from materials.storage import private_storage
from tests.factories import TeacherFactory
from tests.factories.materials import material_metadata, uploaded


def stored_files(settings) -> list[str]:
    roots = [private_storage.location, settings.MEDIA_ROOT]
    return [str(p) for root in roots for p in Path(root).rglob("*") if p.is_file()]


def upload(data: bytes, *, name: str, **metadata) -> Material:
    return services.material_upload(
        user=TeacherFactory(),
        upload=uploaded(name, data),
        filename=name,
        metadata=material_metadata(**metadata),
    )


def refused(settings, data: bytes, *, name="file.pdf", **metadata) -> ValidationError:
    """The refusal, after checking that no row, revision or file was left."""
    with pytest.raises(ValidationError) as caught:
        upload(data, name=name, **metadata)
    assert Material.objects.count() == 0
    assert Revision.objects.count() == 0
    assert stored_files(settings) == []
    return caught.value
