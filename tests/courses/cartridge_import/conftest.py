import io
from pathlib import Path

import pytest
from django.conf import settings as django_settings

from tests.factories import TeacherFactory

DETAILS = {"subject": "toan", "grade": "6", "language": "vi"}


@pytest.fixture
def teacher(db):
    return TeacherFactory(username="co_lan", display_name="Trần Thị Lan")


def stored_files() -> list[Path]:
    """Every file under MEDIA_ROOT and the private material folder."""
    media = Path(django_settings.MEDIA_ROOT)
    roots = (media, media.with_name(media.name + "-private"))
    return [
        path
        for root in roots
        if root.exists()
        for path in root.rglob("*")
        if path.is_file()
    ]


def upload(data: bytes) -> io.BytesIO:
    return io.BytesIO(data)
