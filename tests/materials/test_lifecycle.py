import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import TestCase
from django.urls import reverse
from wagtail.models import ModelLogEntry, WorkflowState

from lms.demo_files import make_pdf
from materials import services
from materials.models import Material, ProcessingStatus
from tests.factories import CuratorFactory, TeacherFactory
from tests.factories.materials import material_metadata, uploaded

pytestmark = pytest.mark.django_db


def _upload(teacher, title="Phiếu bài tập phân số", text="Cong tru phan so"):
    pdf = make_pdf(title, [text], pages=2)
    with TestCase.captureOnCommitCallbacks(execute=True):
        material = services.material_upload(
            user=teacher,
            upload=uploaded("phan-so.pdf", pdf),
            filename="phan-so.pdf",
            metadata=material_metadata(title=title),
        )
    material.refresh_from_db()
    return material


def _actions(material):
    return list(
        ModelLogEntry.objects.for_instance(material)
        .order_by("timestamp", "pk")
        .values_list("action", "user__username")
    )


def test_a_material_lives_from_upload_to_unpublish(
    client, django_capture_on_commit_callbacks
):
    """Upload, processing, changes requested, resubmit, approve, download, off."""
    teacher, curator = TeacherFactory(), CuratorFactory()
    material = _upload(teacher)
    assert material.processing_status == ProcessingStatus.DONE
    assert material.page_count == 2
    assert "Cong tru phan so" in material.extracted_text
    assert material.thumbnail.name
    assert material.mime_type == "application/pdf"
    assert len(material.checksum_sha256) == 64
    assert not material.live

    detail_url = reverse("materials:detail", args=[material.pk, material.slug])
    download_url = reverse("materials:download", args=[material.pk])
    assert client.get(detail_url).status_code == 404
    assert client.get(download_url).status_code == 404

    services.material_submit_for_review(material=material, user=teacher)
    services.material_request_changes(
        material=material, user=curator, comment="Thêm đáp án ở trang cuối."
    )
    state = WorkflowState.objects.get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES

    client.force_login(teacher)
    page = client.get(reverse("materials:mine")).content.decode()
    assert "Thêm đáp án ở trang cuối." in page

    services.material_submit_for_review(material=material, user=teacher)
    services.material_approve(material=material, user=curator)
    material.refresh_from_db()
    assert material.live
    assert material.processing_status == ProcessingStatus.DONE
    assert material.page_count == 2

    client.logout()
    assert client.get(detail_url).status_code == 200
    response = client.get(download_url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    material.refresh_from_db()
    assert material.download_count == 1

    with django_capture_on_commit_callbacks(execute=True):
        services.material_unpublish(material=material, user=curator)
    assert client.get(detail_url).status_code == 404
    assert client.get(download_url).status_code == 404

    actions = _actions(material)
    assert actions[0] == ("wagtail.create", teacher.username)
    assert ("wagtail.workflow.start", teacher.username) in actions
    assert ("wagtail.workflow.reject", curator.username) in actions
    assert ("wagtail.workflow.resume", teacher.username) in actions
    assert ("wagtail.workflow.approve", curator.username) in actions
    assert ("wagtail.publish", curator.username) in actions
    assert actions[-1] == ("wagtail.unpublish", curator.username)


def test_teachers_cannot_review_and_strangers_cannot_submit():
    """Review actions belong to curators; submitting to the authors."""
    teacher = TeacherFactory()
    material = _upload(teacher)
    with pytest.raises(PermissionDenied):
        services.material_submit_for_review(material=material, user=TeacherFactory())
    services.material_submit_for_review(material=material, user=teacher)
    with pytest.raises(PermissionDenied):
        services.material_approve(material=material, user=teacher)
    assert not Material.objects.get().live


def test_a_curator_must_say_what_to_change():
    """Requesting changes without a comment is refused and changes nothing."""
    teacher, curator = TeacherFactory(), CuratorFactory()
    material = _upload(teacher)
    services.material_submit_for_review(material=material, user=teacher)
    with pytest.raises(ValidationError, match="comment"):
        services.material_request_changes(material=material, user=curator, comment=" ")
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_IN_PROGRESS


def test_approving_twice_publishes_once():
    """A second approval finds the review finished and is refused."""
    teacher, curator = TeacherFactory(), CuratorFactory()
    material = _upload(teacher)
    services.material_submit_for_review(material=material, user=teacher)
    services.material_approve(material=material, user=curator)
    with pytest.raises(ValidationError, match="not waiting for review"):
        services.material_approve(material=material, user=CuratorFactory())
    publishes = [a for a, _ in _actions(material) if a == "wagtail.publish"]
    assert publishes == ["wagtail.publish"]


def test_archiving_takes_a_material_off_the_site_and_records_who(client):
    """Archive unpublishes, stops review and is logged with the user."""
    teacher, curator = TeacherFactory(), CuratorFactory()
    material = _upload(teacher)
    services.material_submit_for_review(material=material, user=teacher)
    services.material_approve(material=material, user=curator)
    services.material_archive(material=material, user=teacher)
    material.refresh_from_db()
    assert not material.live
    assert material.is_archived
    assert ("materials.archive", teacher.username) in _actions(material)
    with pytest.raises(ValidationError, match="Archived"):
        services.material_submit_for_review(material=material, user=teacher)
