"""Teachers upload in the Wagtail admin under the same rules as on the site."""

import pytest
from django.test import TestCase

from materials.models import Material, ProcessingStatus
from tests.factories import TeacherFactory
from tests.factories.materials import uploaded
from tests.materials.files import PDF

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/materials/material/add/"


def _form(file, author) -> dict:
    return {
        "title": "Đề kiểm tra 15 phút",
        "description": "Đề kiểm tra ngắn.",
        "file": file,
        "subject": "toan",
        "material_type": "assessment",
        "language": "vi",
        "grade_levels": ["7"],
        "licence": "cc-by",
        "keywords": "kiểm tra",
        "author": author.pk,
    }


def test_a_teacher_creates_a_draft_that_is_theirs_and_gets_processed(client):
    teacher, other = TeacherFactory(), TeacherFactory()
    client.force_login(teacher)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(ADD_URL, _form(uploaded("de.pdf", PDF), other))
    assert response.status_code == 302, response.content.decode()[:2000]
    material = Material.objects.get()
    assert material.author == teacher
    assert not material.live
    assert material.original_filename == "de.pdf"
    assert material.processing_status == ProcessingStatus.DONE
    assert material.page_count == 1


def test_the_admin_refuses_bad_files_with_the_rule(client):
    teacher = TeacherFactory()
    client.force_login(teacher)
    response = client.post(
        ADD_URL, _form(uploaded("de.pdf", b"<html><script>x</script>"), teacher)
    )
    assert response.status_code == 200
    assert "Web pages (HTML) cannot be uploaded" in response.content.decode()
    assert Material.objects.count() == 0
