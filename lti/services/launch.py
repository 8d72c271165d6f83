"""Accepting a verified launch: the learner's account, enrolment and landing."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from courses.services.enrolment import enrolment_create
from lti.errors import LtiError
from lti.messages import AGS_CLAIM, CLAIM, DEEP_LINKING, DL_CLAIM, verify_id_token
from lti.models import DeepLinkingRequest, GradeLink, Handoff, Identity
from lti.services.accounts import identity_for_claims
from lti.services.login import login_state_claim
from lti.targets import Target, resolve

HANDOFF_MINUTES = 2
DEEP_LINKING_MINUTES = 60
SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"


@dataclass(frozen=True)
class Launch:
    """What a verified launch leads to: a learner's landing or a teacher's picker."""

    handoff_token: str = ""
    deep_linking_token: str = ""


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def launch_accept(
    *,
    request: HttpRequest,
    id_token: str,
    state: str,
    cookie_state: str,
    login_url: str,
) -> Launch:
    """Verify the id_token posted to the launch address and act on it.

    Everything happens in one transaction: a refused launch leaves no
    account, enrolment or used nonce behind it (a replay finds the nonce
    used only after a launch that succeeded).
    """
    login = login_state_claim(
        state=state, cookie_state=cookie_state, login_url=login_url
    )
    registration = login.registration
    claims = verify_id_token(
        id_token=id_token, registration=registration, nonce=login.nonce
    )
    if claims[CLAIM + "message_type"] == DEEP_LINKING:
        return Launch(deep_linking_token=_deep_linking_start(registration, claims))
    target = resolve(
        request,
        custom=claims.get(CLAIM + "custom") or {},
        target_link_uri=claims.get(CLAIM + "target_link_uri") or login.target_link_uri,
    )
    identity = identity_for_claims(registration=registration, claims=claims)
    _enrol(identity.user, target)
    _remember_line_item(identity, target, claims)
    return Launch(handoff_token=_handoff(identity.user, target.url))


def _enrol(user: User, target: Target) -> None:
    course = target.course
    if course is None:
        return
    try:
        enrolment_create(learner=user, course=course)
    except ValidationError as problem:
        raise LtiError(
            " ".join(problem.messages), code="enrolment", status=403
        ) from problem


def _remember_line_item(identity: Identity, target: Target, claims: dict) -> None:
    """Keep the launch's line item for the lesson, when the platform lets us
    post scores to it."""
    endpoint = claims.get(AGS_CLAIM) or {}
    if target.kind != "lesson" or not endpoint.get("lineitem"):
        return
    if not identity.registration.auth_token_url:
        return  # no way to get a token: scores could never be sent
    if SCORE_SCOPE not in (endpoint.get("scope") or []):
        return
    GradeLink.objects.get_or_create(
        identity=identity, lesson=target.obj, line_item_url=endpoint["lineitem"][:1000]
    )


def _handoff(user: User, target_url: str) -> str:
    token = secrets.token_urlsafe(32)
    Handoff.objects.create(
        token_hash=hash_token(token),
        user=user,
        target_url=target_url,
        expires_at=timezone.now() + timedelta(minutes=HANDOFF_MINUTES),
    )
    return token


def _deep_linking_start(registration, claims: dict[str, Any]) -> str:
    roles = " ".join(claims.get(CLAIM + "roles") or [])
    if not any(
        word in roles for word in ("Instructor", "ContentDeveloper", "Administrator")
    ):
        raise LtiError(
            _("Only teachers can choose content to add to a course."),
            code="not_instructor",
            status=403,
        )
    settings = claims.get(DL_CLAIM + "deep_linking_settings") or {}
    if not settings.get("deep_link_return_url"):
        raise LtiError(
            _("The request names no deep_link_return_url."), code="return_url"
        )
    if "ltiResourceLink" not in (settings.get("accept_types") or []):
        raise LtiError(
            _("The platform does not accept links to resources here."),
            code="accept_types",
        )
    token = secrets.token_urlsafe(32)
    DeepLinkingRequest.objects.create(
        token_hash=hash_token(token),
        registration=registration,
        deployment_id=claims[CLAIM + "deployment_id"],
        return_url=settings["deep_link_return_url"][:1000],
        data=str(settings.get("data") or ""),
        accept_multiple=settings.get("accept_multiple", True) is not False,
        accept_line_item=bool(settings.get("accept_lineitem", False)),
        expires_at=timezone.now() + timedelta(minutes=DEEP_LINKING_MINUTES),
    )
    return token


@transaction.atomic
def handoff_take(*, token: str) -> Handoff:
    """The pass for this token, once and only before it expires."""
    handoff = (
        Handoff.objects.select_related("user")
        .filter(token_hash=hash_token(token))
        .first()
    )
    fresh = handoff is not None and handoff.expires_at > timezone.now()
    if fresh:
        fresh = bool(
            Handoff.objects.filter(pk=handoff.pk, used_at__isnull=True).update(
                used_at=timezone.now()
            )
        )
    if not fresh:
        raise LtiError(
            _(
                "This sign-in link has expired or was already used; open the link in your course again."
            ),
            code="handoff",
        )
    return handoff
