"""The learner's transcript: their own downloads, the public link they open,
choose courses for and revoke, and the page that link shows."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from courses import credentials, services
from courses.transcripts import selectors
from courses.transcripts.credential import learner_name
from courses.transcripts.pdf import transcript_pdf
from courses.views import SIGNING_UNAVAILABLE
from lms.links import absolute_url

SECTION = "#transcript"


def _error(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _json(document: dict) -> HttpResponse:
    response = JsonResponse(
        document, json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    response["Content-Type"] = "application/ld+json; charset=utf-8"
    response["Content-Disposition"] = 'attachment; filename="transcript.json"'
    return response


def _pdf(content: bytes) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="transcript.pdf"'
    return response


def _unlisted(response: HttpResponse) -> HttpResponse:
    """Shared transcripts are for whoever holds the link, not search engines."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _issued(request: HttpRequest, *, learner, share=None) -> HttpResponse:
    try:
        document = services.transcript_issue(learner=learner, share=share)
    except credentials.CredentialKeyError:
        return JsonResponse({"error": _(SIGNING_UNAVAILABLE)}, status=503)
    return _json(document)


@require_GET
@login_required
def transcript_json(request: HttpRequest) -> HttpResponse:
    return _issued(request, learner=request.user)


def _pdf_of(*, learner, share=None) -> bytes:
    contents = selectors.transcript_contents(learner=learner, share=share)
    return transcript_pdf(
        name=learner_name(learner),
        entries=contents.entries,
        issued_at=timezone.now(),
        url=absolute_url(share.get_absolute_url()) if share else None,
        partial=contents.partial,
    )


@require_GET
@login_required
def transcript_download(request: HttpRequest) -> HttpResponse:
    """Every completed course; the QR code is on the public link's PDF,
    which shows what the learner chose to share."""
    return _pdf(_pdf_of(learner=request.user))


def _own_share(request: HttpRequest, code: str):
    share = selectors.share_by_code(code)
    if share is None or share.learner_id != request.user.pk:
        raise Http404
    return share


@require_POST
@login_required
def transcript_share_open(request: HttpRequest) -> HttpResponse:
    services.transcript_share_open(learner=request.user)
    messages.success(
        request, _("Your transcript now has a public link; anyone with it can see it.")
    )
    return redirect(reverse("courses:my_learning") + SECTION)


@require_POST
@login_required
def transcript_share_courses(request: HttpRequest, code: str) -> HttpResponse:
    share = _own_share(request, code)
    try:
        ids = {int(value) for value in request.POST.getlist("certificate")}
    except ValueError:
        ids = {-1}
    try:
        services.transcript_share_choose_courses(
            share=share, learner=request.user, certificate_ids=ids
        )
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(request, _("The shared transcript shows the courses chosen."))
    return redirect(reverse("courses:my_learning") + SECTION)


@require_POST
@login_required
def transcript_share_revoke(request: HttpRequest, code: str) -> HttpResponse:
    share = _own_share(request, code)
    try:
        services.transcript_share_revoke(share=share, learner=request.user)
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(
            request, _("The link is revoked; it no longer shows anything.")
        )
    return redirect(reverse("courses:my_learning") + SECTION)


def _shared_or_gone(request: HttpRequest, code: str):
    """The open link, or the page that says it is unknown (404) or was
    withdrawn by the learner (410)."""
    share = selectors.share_by_code(code)
    if share is None or share.is_revoked:
        status = 404 if share is None else 410
        page = render(
            request,
            "courses/transcript_unavailable.html",
            {"revoked": share is not None},
            status=status,
        )
        return None, _unlisted(page)
    return share, None


@require_GET
def transcript_shared(request: HttpRequest, code: str) -> HttpResponse:
    share, gone = _shared_or_gone(request, code)
    if gone:
        return gone
    contents = selectors.transcript_contents(learner=share.learner, share=share)
    context = {
        "share": share,
        "entries": contents.entries,
        "name": learner_name(share.learner),
        "is_learner": share.learner_id == request.user.pk,
    }
    return _unlisted(render(request, "courses/transcript_shared.html", context))


@require_GET
def transcript_shared_json(request: HttpRequest, code: str) -> HttpResponse:
    share, gone = _shared_or_gone(request, code)
    if gone:
        return gone
    try:
        return _unlisted(_issued(request, learner=share.learner, share=share))
    except PermissionDenied:
        raise Http404 from None


@require_GET
def transcript_shared_pdf(request: HttpRequest, code: str) -> HttpResponse:
    share, gone = _shared_or_gone(request, code)
    if gone:
        return gone
    return _unlisted(_pdf(_pdf_of(learner=share.learner, share=share)))
