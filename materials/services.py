"""The only ways a material changes state.

Review goes through Wagtail's own revisions, workflow and publishing
actions, so the admin and the public site share one state and every
transition lands in Wagtail's log with who and when.
"""

from typing import IO, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.actions.edit import EditAction, EditPermissionError
from wagtail.actions.unpublish import UnpublishAction
from wagtail.log_actions import log
from wagtail.models import TaskState, WorkflowState

from lms import counters
from materials.forms import DESCRIPTION_LENGTH, TITLE_LENGTH, MaterialMetadataForm
from materials.models import Material, PackageAttempt, ProcessingStatus
from materials.packages import PackageManifest, read_package_manifest
from materials.packages.cmi import clean_cmi, is_complete, merge
from materials.permissions import can_edit, is_reviewer, is_teacher
from materials.signals import package_completed
from materials.tasks import process_material_task
from materials.validation import validate_file, validate_filename


def material_upload(
    *, user: Any, upload: IO[bytes], filename: str, metadata: dict
) -> Material:
    """Create a draft material from one file; processing starts after commit.

    Everything is checked before the file is written, and a failure after
    writing removes the file again, so a refusal leaves nothing behind. A
    course package's manifest is read here too: it may be refused, and its
    title and description fill the fields the teacher left empty.
    """
    if not is_teacher(user):
        raise PermissionDenied(_("Only teachers can upload materials."))
    name = validate_filename(filename)
    sniffed = validate_file(upload)
    manifest = read_package_manifest(upload) if sniffed.kind == "package" else None
    described = _described_by(metadata, manifest)
    _require_title(described)
    form = MaterialMetadataForm(data=described)
    if not form.is_valid():
        raise ValidationError(form.errors)
    material = _build_material(user=user, name=name, data=form.cleaned_data)
    material.package_kind = manifest.kind if manifest else ""
    content = upload if isinstance(upload, File) else File(upload, name=name)
    material.file.save(name, content, save=False)
    try:
        with transaction.atomic():
            material.keywords.set(form.cleaned_data["keywords"])
            material.save()
            revision = material.save_revision(user=user, log_action=False)
            log(material, "wagtail.create", user=user, revision=revision)
            transaction.on_commit(lambda: process_material_task.enqueue(material.pk))
    except Exception:
        material.file.storage.delete(material.file.name)
        raise
    return material


def _described_by(metadata: dict, manifest: PackageManifest | None) -> dict:
    """The teacher's metadata, with the package's own title and description
    in the fields left empty."""
    if manifest is None:
        return metadata
    filled = dict(metadata)
    for field, value, limit in (
        ("title", manifest.title, TITLE_LENGTH),
        ("description", manifest.description, DESCRIPTION_LENGTH),
    ):
        if not str(filled.get(field) or "").strip():
            filled[field] = value[:limit]
    return filled


def _require_title(metadata: dict) -> None:
    """The upload page lets the title be empty for packages; say so plainly
    when the file brought none either."""
    if not str(metadata.get("title") or "").strip():
        raise ValidationError(
            {
                "title": ValidationError(
                    _(
                        "Give the material a title: only SCORM and Common "
                        "Cartridge packages can bring their own."
                    ),
                    code="required",
                )
            }
        )


def _build_material(*, user: Any, name: str, data: dict) -> Material:
    return Material(
        title=data["title"],
        description=data["description"],
        subject=data["subject"],
        grade_levels=data["grade_levels"],
        language=data["language"],
        material_type=data["material_type"],
        licence=data["licence"],
        author=user,
        original_filename=name,
        live=False,
        has_unpublished_changes=True,
    )


EDITABLE_FIELDS = (
    "title",
    "description",
    "subject",
    "grade_levels",
    "language",
    "material_type",
    "licence",
)


def material_edit(*, material: Material, user: Any, metadata: dict) -> Material:
    """Save a teacher's changes to a material's description as a new draft.

    Goes through Wagtail's own edit action, as the admin does: a published
    material keeps what the public sees until a curator approves the new
    revision, and the edit is logged with who and when.
    """
    _require_editor(user, material)
    form = MaterialMetadataForm(data=metadata)
    if not form.is_valid():
        raise ValidationError(form.errors)
    with transaction.atomic():
        draft = _fresh(material).get_latest_revision_as_object()
        for field in EDITABLE_FIELDS:
            setattr(draft, field, form.cleaned_data[field])
        draft.keywords.set(form.cleaned_data["keywords"])
        try:
            EditAction(draft, user=user).execute()
        except EditPermissionError as error:
            raise ValidationError(
                _(
                    "This material is locked while it is reviewed; edit it again "
                    "once a curator has answered."
                ),
                code="locked",
            ) from error
    return draft


def material_submit_for_review(*, material: Material, user: Any) -> WorkflowState:
    """Send the latest revision to the curators, or resubmit after changes."""
    _require_editor(user, material)
    with transaction.atomic():
        material = _fresh(material)
        if material.is_archived:
            raise ValidationError(_("Archived materials cannot be submitted."))
        if material.processing_status == ProcessingStatus.FAILED:
            raise ValidationError(
                _("Processing failed: retry it or replace the file before submitting.")
            )
        state = _locked_workflow_state(material)
        if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(user=user)
            return state
        if state:
            raise ValidationError(_("This material is already waiting for review."))
        if not material.has_unpublished_changes:
            raise ValidationError(_("There are no changes to review."))
        workflow = material.get_workflow()
        if workflow is None:
            raise ValidationError(_("No review workflow is set up for materials."))
        return workflow.start(material, user)


def material_request_changes(
    *, material: Material, user: Any, comment: str
) -> TaskState:
    """Send the material back to its teacher with the curator's comment."""
    if not comment.strip():
        raise ValidationError(_("Say what needs to change in the comment."))
    return _review_action(
        material=material, user=user, action="reject", comment=comment
    )


def material_approve(*, material: Material, user: Any, comment: str = "") -> TaskState:
    """Approve the review task; finishing the workflow publishes the material.

    The workflow state row is locked first, so two curators approving at
    once publish once: the second finds the review already finished.
    """
    material.refresh_from_db(fields=["processing_status"])
    if material.processing_status != ProcessingStatus.DONE:
        raise ValidationError(_("The file has not been processed successfully yet."))
    return _review_action(
        material=material, user=user, action="approve", comment=comment
    )


def _review_action(*, material: Material, user: Any, action: str, comment: str):
    with transaction.atomic():
        state = _locked_workflow_state(material)
        if state is None or state.status != WorkflowState.STATUS_IN_PROGRESS:
            raise ValidationError(_("This material is not waiting for review."))
        task_state = (
            TaskState.objects.select_for_update()
            .filter(pk=state.current_task_state_id, status=TaskState.STATUS_IN_PROGRESS)
            .first()
        )
        if task_state is None:
            raise ValidationError(_("This material is not waiting for review."))
        task = task_state.task.specific
        if action not in {name for name, *_ in task.get_actions(material, user)}:
            raise PermissionDenied(_("Only curators can review materials."))
        task.on_action(task_state.specific, user, action, comment=comment)
        return task_state


def _locked_workflow_state(material: Material) -> WorkflowState | None:
    """The material's active workflow state, locked for this transaction."""
    return (
        WorkflowState.objects.select_for_update()
        .filter(
            base_content_type=material.get_base_content_type(),
            object_id=str(material.pk),
            status__in=[
                WorkflowState.STATUS_IN_PROGRESS,
                WorkflowState.STATUS_NEEDS_CHANGES,
            ],
        )
        .first()
    )


def material_unpublish(*, material: Material, user: Any) -> Material:
    """Take a published material off the public site (curators only)."""
    if not is_reviewer(user):
        raise PermissionDenied(_("Only curators can unpublish materials."))
    with transaction.atomic():
        material = _fresh(material)
        if not material.live:
            raise ValidationError(_("This material is not published."))
        UnpublishAction(material, user=user).execute(skip_permission_checks=True)
    return material


def material_archive(*, material: Material, user: Any) -> Material:
    """Withdraw a material for good: unpublished, out of review, kept on file."""
    _require_editor(user, material)
    with transaction.atomic():
        material = _fresh(material)
        if material.is_archived:
            raise ValidationError(_("This material is already archived."))
        state = _locked_workflow_state(material)
        if state is not None:
            state.cancel(user=user)
        if material.live:
            UnpublishAction(material, user=user).execute(skip_permission_checks=True)
        material.archived_at = timezone.now()
        Material.objects.filter(pk=material.pk).update(archived_at=material.archived_at)
        log(material, "materials.archive", user=user)
    return material


def material_retry_processing(*, material: Material, user: Any) -> Material:
    """Run processing again on the stored file, after a failure for example."""
    _require_editor(user, material)
    if material.processing_status == ProcessingStatus.PROCESSING:
        raise ValidationError(_("The file is being processed right now."))
    with transaction.atomic():
        Material.objects.filter(pk=material.pk).update(
            processing_status=ProcessingStatus.PENDING, processing_error=""
        )
        log(material, "materials.retry_processing", user=user)
        transaction.on_commit(lambda: process_material_task.enqueue(material.pk))
    material.refresh_from_db()
    return material


def material_record_download(*, material: Material) -> None:
    """Count one download without losing concurrent ones; search follows."""
    counters.count(counters.MATERIAL_DOWNLOADS, material.pk)


def material_record_view(*, material: Material) -> None:
    material_record_view_of(material_id=material.pk)


def material_record_view_of(*, material_id: int) -> None:
    """Count a view of the material's page, also when it came from the cache."""
    counters.count(counters.MATERIAL_VIEWS, material_id)


def _fresh(material: Material) -> Material:
    """The material as stored now, locked until the transaction ends."""
    return Material.objects.select_for_update().get(pk=material.pk)


def _require_editor(user: Any, material: Material) -> None:
    if not can_edit(user, material):
        raise PermissionDenied(_("Only the authors and curators can do this."))


def package_attempt_save(
    *, learner: Any, material: Material, lesson: Any, cmi: Any
) -> PackageAttempt:
    """Keep what a SCORM package reported for a learner, so the next visit
    resumes there; announce ``package_completed`` when it says finished.

    ``cmi`` holds the elements the package changed, by their SCORM names;
    an unknown or unusable one refuses the whole message with a
    ``ValidationError`` naming it, and nothing is saved. The row is locked
    while the change is merged so two quick commits cannot lose time.
    """
    if not learner.is_authenticated:
        raise PermissionDenied(_("Sign in to keep your progress."))
    changes = clean_cmi(material.package_kind, cmi)
    with transaction.atomic():
        attempt, _created = PackageAttempt.objects.select_for_update().get_or_create(
            learner=learner, material=material, lesson=lesson
        )
        attempt.cmi = merge(attempt.cmi, changes)
        attempt.save(update_fields=["cmi", "updated_at"])
        # Every time, not only the first: the learner may have enrolled since.
        if is_complete(material.package_kind, attempt.cmi):
            package_completed.send(
                sender=PackageAttempt, learner=learner, material=material, lesson=lesson
            )
    return attempt
