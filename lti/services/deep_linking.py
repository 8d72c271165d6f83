"""The deep-linking response: the items a teacher chose, signed for the platform."""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.links import absolute_url
from lti.errors import LtiError
from lti.keys import sign
from lti.messages import CLAIM, DL_CLAIM
from lti.models import DeepLinkingRequest
from lti.services.launch import hash_token
from lti.targets import Target, find_by_uid

RESPONSE_SECONDS = 300
MAX_ITEMS = 20
# Lessons are what a learner completes, so only they get a line item.
LINE_ITEM_KINDS = {"lesson"}


@dataclass(frozen=True)
class DeepLinkingResponse:
    return_url: str
    jwt: str
    items: list[dict[str, Any]]


def deep_linking_request_open(*, token: str) -> DeepLinkingRequest:
    """The waiting request this token opens; LtiError once used or expired."""
    found = (
        DeepLinkingRequest.objects.select_related("registration")
        .filter(token_hash=hash_token(token), used_at__isnull=True)
        .first()
    )
    if found is None or found.expires_at <= timezone.now():
        raise LtiError(
            _(
                "This choice of content has expired or was already sent; start again from the platform."
            ),
            code="deep_linking_expired",
        )
    return found


@transaction.atomic
def deep_linking_respond(*, token: str, uids: list[str]) -> DeepLinkingResponse:
    """Sign the LtiDeepLinkingResponse for the chosen items, once."""
    dl_request = deep_linking_request_open(token=token)
    targets = [target for uid in dict.fromkeys(uids) if (target := find_by_uid(uid))]
    if not targets:
        raise LtiError(
            _("Choose at least one course, lesson or material."), code="no_items"
        )
    if len(targets) > 1 and not dl_request.accept_multiple:
        raise LtiError(_("The platform accepts only one item here."), code="one_item")
    if len(targets) > MAX_ITEMS:
        raise LtiError(
            _("Choose at most %(count)d items at once.") % {"count": MAX_ITEMS},
            code="too_many",
        )
    items = [_item(target, dl_request) for target in targets]
    DeepLinkingRequest.objects.filter(pk=dl_request.pk).update(used_at=timezone.now())
    return DeepLinkingResponse(
        dl_request.return_url,
        sign(dl_request.registration, _claims(dl_request, items)),
        items,
    )


def _item(target: Target, dl_request: DeepLinkingRequest) -> dict[str, Any]:
    uid = f"{target.kind}-{target.obj.pk}"
    item: dict[str, Any] = {
        "type": "ltiResourceLink",
        "title": target.obj.title,
        "url": absolute_url(target.url),
        "custom": {"target": uid},
    }
    if dl_request.accept_line_item and target.kind in LINE_ITEM_KINDS:
        item["lineItem"] = {
            "scoreMaximum": 100,
            "label": target.obj.title,
            "resourceId": uid,
        }
    return item


def _claims(dl_request: DeepLinkingRequest, items: list[dict]) -> dict[str, Any]:
    registration = dl_request.registration
    now = int(time.time())
    claims = {
        "iss": registration.client_id,
        "aud": registration.issuer,
        "azp": registration.client_id,
        "iat": now,
        "exp": now + RESPONSE_SECONDS,
        "nonce": secrets.token_urlsafe(16),
        CLAIM + "deployment_id": dl_request.deployment_id,
        CLAIM + "message_type": "LtiDeepLinkingResponse",
        CLAIM + "version": "1.3.0",
        DL_CLAIM + "content_items": items,
    }
    if dl_request.data:
        claims[DL_CLAIM + "data"] = dl_request.data
    return claims
