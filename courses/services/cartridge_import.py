"""Importing a Common Cartridge as a draft course, and running an import job.

``course_import_cartridge`` does the import and is what the task, a command
or a benchmark calls; ``cartridge_import_run`` is the task's side of a job:
it records progress, the report or the reason it failed on the job row, and
deletes the uploaded zip once it is done with it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from courses.cartridge_import import Report, build_course, read_cartridge
from courses.models import CartridgeImport, CourseCatalogPage, CoursePage, ImportStatus
from lms.vocabulary import GradeLevel, Language, PackageKind, Subject
from materials.packages import PackageManifest, read_package_manifest
from materials.validation import validate_file
from materials.validation.archives import open_zip
from materials.validation.base import FileRefused


@dataclass(frozen=True)
class ImportOutcome:
    course: CoursePage
    report: Report


def course_catalogue() -> CourseCatalogPage:
    """Imported courses start in the site's first language, as new ones do."""
    return CourseCatalogPage.objects.get(locale=Locale.get_default())


def can_import_courses(user: Any) -> bool:
    """Whoever may start a course in the catalogue may import one."""
    if not user.is_authenticated:
        return False
    return course_catalogue().permissions_for_user(user).can_add_subpage()


def cartridge_check(*, upload: IO[bytes]) -> PackageManifest:
    """The cartridge's manifest, or a refusal that says what the file is."""
    sniffed = validate_file(upload)
    if sniffed.kind != "package":
        raise _refused_not_cartridge()
    manifest = read_package_manifest(upload)
    if manifest is None:
        raise _refused_not_cartridge()
    if manifest.kind != PackageKind.COMMON_CARTRIDGE:
        raise FileRefused(
            "import_scorm",
            _(
                "This is a SCORM package, not a Common Cartridge. Upload it as a "
                "learning material instead; it will play inside a lesson."
            ),
        )
    return manifest


def course_import_cartridge(
    *,
    user: Any,
    upload: IO[bytes],
    details: dict,
    progress: Callable[[int | None, int | None], None] | None = None,
) -> ImportOutcome:
    """A new draft course from the cartridge, or an error and nothing written.

    ``progress(done, total)`` hears each item read, then ``(None, None)``
    once saving starts.
    """
    require_importer(user)
    manifest = cartridge_check(upload=upload)
    details = clean_details(details)
    archive = open_zip(upload)
    try:
        plan = read_cartridge(archive, manifest, progress=progress)
        if not plan.modules:
            raise FileRefused(
                "import_empty", _("The cartridge has no lesson that can be imported.")
            )
        if progress:
            progress(None, None)
        course = build_course(
            plan=plan,
            archive=archive,
            user=user,
            catalogue=course_catalogue(),
            details=details,
        )
    finally:
        archive.close()
    return ImportOutcome(course=course, report=plan.report)


def cartridge_import_run(*, job_id: int) -> CartridgeImport:
    """Run a waiting job; its row says how far it got and how it ended.

    The report is written in the language the teacher uploaded in.
    """
    claimed = CartridgeImport.objects.filter(
        pk=job_id, status=ImportStatus.WAITING
    ).update(status=ImportStatus.READING)
    job = CartridgeImport.objects.select_related("owner").get(pk=job_id)
    if not claimed:  # a retried task: another worker has it, or it ended
        return job
    with translation.override(job.options.get("interface_language")):
        _run(job)
    return job


def _run(job: CartridgeImport) -> None:
    try:
        with job.upload.open("rb") as upload:
            outcome = course_import_cartridge(
                user=job.owner,
                upload=upload,
                details=job.options,
                progress=lambda done, total: _progress(job, done, total),
            )
    except (ValidationError, PermissionDenied) as error:
        _finish(job, status=ImportStatus.FAILED, error=_message(error))
    except Exception:
        error = _("The import stopped because of an unexpected error on the server.")
        _finish(job, status=ImportStatus.FAILED, error=error)
        raise
    else:
        report = outcome.report.as_json()
        _finish(job, status=ImportStatus.DONE, course=outcome.course, report=report)


def _progress(job: CartridgeImport, done: int | None, total: int | None) -> None:
    if done is None:
        _update(job, status=ImportStatus.SAVING)
    else:
        _update(job, done_items=done, total_items=total)


def _update(job: CartridgeImport, **fields) -> None:
    for name, value in fields.items():
        setattr(job, name, value)
    CartridgeImport.objects.filter(pk=job.pk).update(**fields)


def _finish(job: CartridgeImport, **fields) -> None:
    if job.upload:
        job.upload.storage.delete(job.upload.name)
    _update(job, upload="", finished_at=timezone.now(), **fields)


def _message(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error) or _("You may not import courses.")


def require_importer(user: Any) -> None:
    if not can_import_courses(user):
        raise PermissionDenied(_("Only teachers can import courses."))


def clean_details(details: dict) -> dict:
    """Subject, grade and language of the new course, each one we know."""
    cleaned = {
        "title": " ".join(str(details.get("title") or "").split())[:255],
        "subject": details.get("subject"),
        "grade": details.get("grade"),
        "language": details.get("language") or Language.VIETNAMESE,
    }
    for field, choices in (
        ("subject", Subject.values),
        ("grade", GradeLevel.values),
        ("language", Language.values),
    ):
        if cleaned[field] not in choices:
            raise ValidationError({field: _("Choose one of the listed values.")})
    return cleaned


def _refused_not_cartridge() -> FileRefused:
    return FileRefused(
        "import_not_cartridge",
        _(
            "This file is not a Common Cartridge: upload the .imscc or .zip file "
            "exported from a learning platform, with imsmanifest.xml at its root."
        ),
    )
