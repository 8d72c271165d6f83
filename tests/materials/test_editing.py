"""Teachers edit their materials on the site, never in the admin.

A change is a new draft revision: a published material shows the public
its approved text until a curator approves the change.
"""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from materials import services
from materials.models import Material
from tests.factories import StudentFactory, TeacherFactory
from tests.factories.materials import material_metadata
from tests.materials.test_lifecycle import _actions, _upload

pytestmark = pytest.mark.django_db


def _form(**changes) -> dict:
    data = material_metadata(**changes)
    data["grade_levels"] = list(data["grade_levels"])
    return data


def test_my_materials_links_to_the_sites_own_edit_page(client):
    teacher = TeacherFactory()
    material = _upload(teacher)
    client.force_login(teacher)

    mine = client.get(reverse("materials:mine")).content.decode()

    assert reverse("materials:edit", args=[material.pk]) in mine
    assert "/admin/snippets/" not in mine


def test_a_teacher_edits_a_draft_and_sees_the_change(client):
    teacher = TeacherFactory()
    material = _upload(teacher)
    client.force_login(teacher)
    url = reverse("materials:edit", args=[material.pk])

    page = client.get(url).content.decode()
    response = client.post(url, _form(title="Phiếu phân số (bản sửa)"), follow=True)

    assert "Phiếu bài tập phân số" in page
    assert response.redirect_chain[-1][0] == reverse("materials:mine")
    assert "Phiếu phân số (bản sửa)" in response.content.decode()
    assert ("wagtail.edit", teacher.username) in _actions(material)


def test_editing_a_published_material_waits_for_review(client):
    """The public keeps the approved title until the change is approved."""
    teacher = TeacherFactory()
    material = _upload(teacher)
    material.save_revision(user=teacher).publish(
        user=teacher, skip_permission_checks=True
    )
    client.force_login(teacher)

    client.post(
        reverse("materials:edit", args=[material.pk]), _form(title="Tên mới chưa duyệt")
    )

    material.refresh_from_db()
    assert material.live and material.title == "Phiếu bài tập phân số"
    assert material.has_unpublished_changes
    draft = material.get_latest_revision_as_object()
    assert draft.title == "Tên mới chưa duyệt"


def test_a_bad_edit_names_the_field_and_changes_nothing(client):
    teacher = TeacherFactory()
    material = _upload(teacher)
    client.force_login(teacher)
    revisions = material.revisions.count()

    response = client.post(
        reverse("materials:edit", args=[material.pk]), _form(title="")
    )

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert material.revisions.count() == revisions


@pytest.mark.parametrize("who", ["another teacher", "a student"])
def test_nobody_else_opens_or_saves_the_edit_page(client, who):
    material = _upload(TeacherFactory())
    client.force_login(
        TeacherFactory() if who == "another teacher" else StudentFactory()
    )
    url = reverse("materials:edit", args=[material.pk])

    assert client.get(url).status_code == 404
    assert client.post(url, _form(title="Chiếm quyền")).status_code == 404
    assert Material.objects.get().title == "Phiếu bài tập phân số"


def test_a_material_under_review_is_not_edited_behind_the_curators_back(settings):
    settings.LANGUAGE_CODE = "en"
    teacher = TeacherFactory()
    material = _upload(teacher)
    services.material_submit_for_review(material=material, user=teacher)

    with pytest.raises(ValidationError) as refusal:
        services.material_edit(
            material=material, user=teacher, metadata=_form(title="Đổi lén")
        )

    assert "locked while it is reviewed" in str(refusal.value)
    assert material.get_latest_revision_as_object().title == "Phiếu bài tập phân số"
