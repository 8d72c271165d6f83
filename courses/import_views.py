"""A teacher's course imports: upload a cartridge, follow the job, read the
report. Each view calls one service or selector; jobs belong to their owner."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse

from courses.forms import CartridgeImportForm
from courses.models import CartridgeImport
from courses.services.cartridge_import import can_import_courses
from courses.services.cartridge_jobs import cartridge_import_start

REFRESH_SECONDS = 2
RECENT_JOBS = 10


@login_required
def import_start(request: HttpRequest) -> HttpResponse:
    """The upload form, with the teacher's recent imports below it."""
    if not can_import_courses(request.user):
        raise PermissionDenied
    form = CartridgeImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        details = {k: v for k, v in form.cleaned_data.items() if k != "file"}
        upload = form.cleaned_data["file"]
        try:
            job = cartridge_import_start(
                user=request.user, upload=upload, filename=upload.name, details=details
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error("file", message)
        else:
            return redirect(job)
    jobs = CartridgeImport.objects.filter(owner=request.user)[:RECENT_JOBS]
    return TemplateResponse(
        request, "courses/import_start.html", {"form": form, "jobs": jobs}
    )


@login_required
def import_detail(request: HttpRequest, job_id: int) -> HttpResponse:
    """Progress while the job runs (the page reloads itself), then the report."""
    job = get_object_or_404(
        CartridgeImport.objects.select_related("course"),
        pk=job_id,
        owner=request.user,
    )
    response = TemplateResponse(
        request,
        "courses/import_detail.html",
        {"job": job, "report": job.report, "refresh_seconds": REFRESH_SECONDS},
    )
    response["Cache-Control"] = "no-store"
    return response
