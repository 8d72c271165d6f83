"""Public pages of the library: browse, detail, download, upload, review.

Views stay thin: they read through selectors, change through services and
turn refusals into messages.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.fragments import ContentCountPaginator
from lms.page_cache import cache_for_anonymous, cacheable_for_anonymous
from lms.vocabulary import GradeLevel, Language, MaterialType, Subject
from materials import selectors, services
from materials.forms import MaterialMetadataForm, ReviewForm, UploadForm
from materials.models import Material
from materials.permissions import can_edit, can_see_draft, is_reviewer, is_teacher
from materials.serving import is_first_request, serve_file

PAGE_SIZE = 24


@cacheable_for_anonymous
def material_list(request):
    """Browse published materials with simple filters."""
    filters = {
        name: request.GET.get(name, "").strip()[:100]
        for name in ("query", "subject", "material_type", "grade", "language")
    }
    paginator = ContentCountPaginator(
        selectors.browse_materials(**filters),
        PAGE_SIZE,
        count_key=f"materials:{sorted(filters.items())}",
    )
    page = paginator.get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "materials/material_list.html",
        {
            "page_obj": page,
            "filters": filters,
            "subjects": Subject.choices,
            "material_types": MaterialType.choices,
            "grades": GradeLevel.choices,
            "languages": Language.choices,
        },
    )


def material_detail(request, pk: int, slug: str):
    """A published material's page; an old slug redirects to the current one."""
    material = get_object_or_404(selectors.published_materials(), pk=pk)
    if slug != material.slug:
        return redirect(material, permanent=True)
    services.material_record_view(material=material)
    cache_for_anonymous(
        request,
        on_serve=(
            "materials.services.material_record_view_of",
            {"material_id": material.pk},
        ),
    )
    return TemplateResponse(
        request,
        "materials/material_detail.html",
        {"material": material, "courses": selectors.courses_using(material)},
    )


def _servable(request, pk: int) -> tuple[Material, Material]:
    """(the row, the version to serve): the public one, or a draft if allowed."""
    material = get_object_or_404(Material, pk=pk)
    if material.live and not material.is_archived:
        return material, material
    if can_see_draft(request.user, material):
        return material, material.get_latest_revision_as_object()
    raise Http404


def material_download(request, pk: int):
    """The material's file: published for everyone, drafts for authors/curators."""
    material, version = _servable(request, pk)
    response = serve_file(
        request,
        version.file,
        mime_type=material.mime_type,
        filename=version.original_filename or material.original_filename,
    )
    counted = response.status_code in {200, 206, 302} and is_first_request(request)
    if material.live and counted:
        services.material_record_download(material=material)
    return response


def material_thumbnail(request, pk: int):
    material, _version = _servable(request, pk)
    if not material.thumbnail:
        raise Http404
    return serve_file(
        request,
        material.thumbnail,
        mime_type="image/jpeg",
        filename=f"{material.slug}.jpg",
    )


@login_required
def material_upload(request):
    """Signed-in teachers upload one or more files with shared metadata."""
    if not is_teacher(request.user):
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None)
    results = []
    if request.method == "POST" and form.is_valid():
        results = _upload_each(request, form)
    return TemplateResponse(
        request, "materials/upload.html", {"form": form, "results": results}
    )


def _upload_each(request, form: UploadForm) -> list[dict]:
    files = form.cleaned_data["files"]
    results = []
    for upload in files:
        metadata = {
            **request.POST.dict(),
            "grade_levels": form.data.getlist("grade_levels"),
        }
        if len(files) > 1 and form.cleaned_data["title"]:
            metadata["title"] = f"{form.cleaned_data['title']} – {upload.name}"[:255]
        try:
            material = services.material_upload(
                user=request.user,
                upload=upload,
                filename=upload.name,
                metadata=metadata,
            )
        except ValidationError as error:
            results.append({"name": upload.name, "errors": error.messages})
        else:
            results.append({"name": upload.name, "material": material})
    return results


@login_required
def my_materials(request):
    """The teacher's materials with review state and the curator's comments."""
    materials = list(selectors.my_materials(request.user))
    states = selectors.active_workflow_states(materials)
    rows = [
        {
            "material": material,
            "state": states.get(material.pk),
            "comment": selectors.latest_review_comment(material),
        }
        for material in materials
    ]
    return TemplateResponse(request, "materials/my_materials.html", {"rows": rows})


@login_required
def material_edit(request, pk: int):
    """Teachers change what describes their material on the site itself,
    without the admin; the change waits for review like any other."""
    material = get_object_or_404(Material, pk=pk)
    if not can_edit(request.user, material):
        raise Http404
    draft = material.get_latest_revision_as_object()
    form = MaterialMetadataForm(request.POST or None, initial=_described(draft))
    if request.method == "POST" and form.is_valid():
        try:
            services.material_edit(
                material=material,
                user=request.user,
                metadata={
                    **request.POST.dict(),
                    "grade_levels": request.POST.getlist("grade_levels"),
                },
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Saved: %(title)s. Submit it for review to publish the changes.")
                % {"title": form.cleaned_data["title"]},
            )
            return redirect("materials:mine")
    return TemplateResponse(
        request, "materials/edit.html", {"form": form, "material": draft}
    )


def _described(material: Material) -> dict:
    initial = {field: getattr(material, field) for field in services.EDITABLE_FIELDS}
    keywords = material.keywords.all()
    return initial | {"keywords": ", ".join(tag.name for tag in keywords)}


ACTIONS = {
    "submit": services.material_submit_for_review,
    "retry": services.material_retry_processing,
    "archive": services.material_archive,
}


@login_required
@require_POST
def material_action(request, pk: int, action: str):
    """Submit, retry processing or archive, from "my materials"."""
    if action not in ACTIONS:
        raise Http404
    material = get_object_or_404(Material, pk=pk)
    try:
        ACTIONS[action](material=material, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Done: %(title)s") % {"title": material.title})
    return redirect("materials:mine")


@login_required
def review_queue(request):
    """Curators' queue: what waits for review, oldest first, with a preview."""
    if not is_reviewer(request.user):
        raise PermissionDenied
    return TemplateResponse(
        request,
        "materials/review_queue.html",
        {"queue": selectors.review_queue(), "form": ReviewForm()},
    )


@login_required
@require_POST
def review_decide(request, pk: int):
    """Approve (and so publish) or request changes with a comment."""
    if not is_reviewer(request.user):
        raise PermissionDenied
    material = get_object_or_404(Material, pk=pk)
    form = ReviewForm(request.POST)
    comment = form.cleaned_data["comment"] if form.is_valid() else ""
    try:
        if request.POST.get("decision") == "approve":
            services.material_approve(
                material=material, user=request.user, comment=comment
            )
            messages.success(request, _("Published: %(title)s") % {"title": material})
        else:
            services.material_request_changes(
                material=material, user=request.user, comment=comment
            )
            messages.success(request, _("Sent back: %(title)s") % {"title": material})
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("materials:review")
