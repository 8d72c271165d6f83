"""The teacher's import pages: the upload form in the navigation, the job
page that follows the import and then shows its report, each job seen by
its owner only."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courses.models import CartridgeImport, ImportStatus
from tests.courses.cartridge_import.cartridges import cartridge
from tests.courses.cartridge_import.conftest import DETAILS, stored_files
from tests.factories import StudentFactory, TeacherFactory

pytestmark = pytest.mark.django_db
START = reverse("courses:import_start")


def _post(client, data: bytes, name: str = "phan-so.imscc"):
    return client.post(
        START, {**DETAILS, "file": SimpleUploadedFile(name, data)}, follow=True
    )


def test_teachers_find_the_import_page_next_to_their_courses(client, teacher):
    client.force_login(teacher)
    page = client.get(reverse("courses:teaching")).content.decode()
    assert f'<a href="{START}">Import a course</a>' in page
    form = client.get(START).content.decode()
    assert '<input type="file" name="file"' in form


def test_students_neither_see_nor_open_the_import_page(client):
    client.force_login(StudentFactory())
    assert "Import a course" not in client.get("/").content.decode()
    assert client.get(START).status_code == 403
    assert _post(client, cartridge()).status_code == 403
    assert not CartridgeImport.objects.exists()


def test_an_upload_runs_the_import_and_shows_the_report(
    client, teacher, django_capture_on_commit_callbacks
):
    client.force_login(teacher)
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, cartridge(version="1.1"))
    job = CartridgeImport.objects.get()
    assert response.redirect_chain == [(job.get_absolute_url(), 302)]
    job.refresh_from_db()
    assert (job.status, job.owner, job.course.title) == (
        ImportStatus.DONE,
        teacher,
        "Toán 6: Phân số",
    )
    page = client.get(job.get_absolute_url()).content.decode()
    assert 'http-equiv="refresh"' not in page and "data-import-follow" not in page
    assert "The draft course “Toán 6: Phân số” is ready." in page
    edit = reverse("wagtailadmin_pages:edit", args=[job.course.pk])
    assert f'href="{edit}">Edit the course</a>' in page
    assert "<dt>Lessons</dt><dd>4</dd>" in page
    assert "<dt>Quizzes</dt><dd>1 (3 questions)</dd>" in page
    assert "Discussion topics cannot be imported: lessons have no forum." in page
    assert not job.upload  # the uploaded zip is gone once imported
    assert client.get(edit).status_code == 200  # the teacher may edit the draft


def test_the_job_page_shows_progress_and_reloads_itself(client, teacher):
    job = CartridgeImport.objects.create(
        owner=teacher,
        original_filename="phan-so.imscc",
        status=ImportStatus.READING,
        total_items=8,
        done_items=2,
    )
    client.force_login(teacher)
    page = client.get(job.get_absolute_url()).content.decode()
    assert 'data-import-follow="2"' in page  # the script follows it
    assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in page
    assert "2 of 8 items read" in page
    assert '<progress id="import-progress" max="100" value="25">' in page


def test_a_failed_import_names_the_problem(client, teacher):
    job = CartridgeImport.objects.create(
        owner=teacher,
        original_filename="phan-so.imscc",
        status=ImportStatus.FAILED,
        error="web/bai-1.html links to ../../etc/passwd, which is outside the package.",
    )
    client.force_login(teacher)
    page = client.get(job.get_absolute_url()).content.decode()
    assert "The course could not be imported, and nothing was kept:" in page
    assert "web/bai-1.html links to ../../etc/passwd" in page


def test_a_teacher_sees_only_their_own_jobs(client, teacher):
    other = TeacherFactory()
    job = CartridgeImport.objects.create(owner=other, original_filename="rieng.imscc")
    mine = CartridgeImport.objects.create(
        owner=teacher, original_filename="cua-toi.imscc"
    )
    client.force_login(teacher)
    assert client.get(job.get_absolute_url()).status_code == 404
    listing = client.get(START).content.decode()
    assert "cua-toi.imscc" in listing and "rieng.imscc" not in listing
    assert mine.get_absolute_url() in listing


def test_a_refused_file_is_named_on_the_form_and_nothing_is_kept(client, teacher):
    client.force_login(teacher)
    response = _post(client, b"PK\x03\x04 broken zip")
    page = response.content.decode()
    assert response.redirect_chain == []
    assert "The zip archive is damaged and cannot be opened." in page
    assert not CartridgeImport.objects.exists()
    assert stored_files() == []


def test_the_pages_read_in_vietnamese(client, teacher, settings):
    settings.LANGUAGE_CODE = "vi"
    client.force_login(teacher)
    page = client.get(START, headers={"accept-language": "vi"}).content.decode()
    assert "Nhập khóa học" in page
