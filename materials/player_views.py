"""The SCORM player's two addresses: the package's files, and the endpoint
the lesson page reports the package's data to."""

import json

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Page

from materials import selectors, services
from materials.models import Material
from materials.packages import player
from materials.packages.cmi import is_complete
from materials.permissions import can_see_draft

MAX_MESSAGE = 256 * 1024  # bytes: 2004's 64,000 characters of suspend data, escaped


def _version_for(learner, material: Material) -> Material:
    """The published package, or the draft for its authors and curators."""
    if material.live and not material.is_archived:
        return material
    if learner is not None and can_see_draft(learner, material):
        return material.get_latest_revision_as_object()
    raise Http404


@require_GET
def package_file(request: HttpRequest, pk: int, token: str, path: str) -> HttpResponse:
    """One file of a package, under the sandbox; HTML gets the run-time with
    the learner's saved data (so it is never cached for someone else)."""
    ticket = player.read_token(token)
    if ticket.material_id != pk:
        raise Http404
    material = get_object_or_404(Material, pk=pk)
    learner = None
    if ticket.learner_id is not None:
        learner = get_object_or_404(get_user_model(), pk=ticket.learner_id)
    version = _version_for(learner, material)
    if not player.is_playable(version):
        raise Http404
    body = player.read_member(version, path)
    mime = player.content_type(path)
    if mime not in player.HTML_TYPES:
        return player.package_response(body, mime, per_learner=False)
    state = selectors.package_state(
        learner=learner, material=material, lesson_id=ticket.lesson_id
    )
    start = player.runtime_start(
        kind=version.package_kind,
        state=state,
        learner=learner,
        parent_origin=f"{request.scheme}://{request.get_host()}" if learner else "",
    )
    return player.package_response(
        player.with_runtime(body, start),
        mime,
        per_learner=True,
        charset=player.html_charset(body),
    )


@login_required
@require_POST
def package_state(request: HttpRequest, pk: int) -> JsonResponse:
    """Save what the package sent through the lesson page's script."""
    if len(request.body) > MAX_MESSAGE:
        return _refusal(_("The package sent more data than can be kept."))
    try:
        message = json.loads(request.body)
        ticket = player.read_token(str(message["token"]))
    except (ValueError, KeyError, TypeError, Http404):
        return _refusal(_("The package's message could not be read."))
    if ticket.material_id != pk or ticket.learner_id != request.user.pk:
        return _refusal(_("This player was opened by someone else."), status=403)
    material = get_object_or_404(Material, pk=pk)
    lesson = (
        Page.objects.filter(pk=ticket.lesson_id).first() if ticket.lesson_id else None
    )
    try:
        attempt = services.package_attempt_save(
            learner=request.user,
            material=material,
            lesson=lesson,
            cmi=message.get("cmi"),
        )
    except (ValidationError, PermissionDenied) as error:
        return _refusal(" ".join(getattr(error, "messages", [str(error)])))
    finished = is_complete(material.package_kind, attempt.cmi)
    return JsonResponse({"saved": True, "completed": finished})


def _refusal(message: str, status: int = 400) -> JsonResponse:
    return JsonResponse({"saved": False, "error": message}, status=status)
