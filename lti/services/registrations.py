"""Registering an LMS platform, with the tool key pair it gets."""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from jwt.algorithms import RSAAlgorithm
from jwt.exceptions import InvalidKeyError

from lti.keys import new_key_pair
from lti.models import Registration

FIELDS = (
    "name",
    "issuer",
    "client_id",
    "auth_login_url",
    "auth_token_url",
    "key_set_url",
    "key_set",
    "deployment_ids",
    "is_active",
)


def registration_check(*, key_set_url: str, key_set: Any, deployment_ids: str) -> None:
    """Refuse a registration we could not verify a single launch with."""
    errors: dict[str, list[str]] = {}
    if not key_set_url and not key_set:
        errors["key_set_url"] = [
            _("Give the platform's public key set URL, or paste its keys below.")
        ]
    if key_set:
        problem = _key_set_problem(key_set)
        if problem:
            errors["key_set"] = [problem]
    if not [line for line in (deployment_ids or "").splitlines() if line.strip()]:
        errors["deployment_ids"] = [_("Give at least one deployment id.")]
    if errors:
        raise ValidationError(errors)


def _key_set_problem(key_set: Any) -> str:
    keys = key_set.get("keys") if isinstance(key_set, dict) else None
    if not keys or not isinstance(keys, list):
        return _('Paste a JWKS: a JSON object with a "keys" list.')
    for number, jwk in enumerate(keys, start=1):
        try:
            RSAAlgorithm.from_jwk(json.dumps(jwk))
        except (ValueError, TypeError, KeyError, AttributeError, InvalidKeyError):
            return _("Key %(number)d is not an RSA public key in JWK form.") % {
                "number": number
            }
    return ""


@transaction.atomic
def registration_create(**fields: Any) -> Registration:
    """A new platform registration with a fresh tool key pair of its own."""
    registration_check(
        key_set_url=fields.get("key_set_url", ""),
        key_set=fields.get("key_set"),
        deployment_ids=fields.get("deployment_ids", ""),
    )
    key_id, private_key = new_key_pair()
    registration = Registration(
        **{name: fields[name] for name in FIELDS if name in fields},
        tool_key_id=key_id,
        tool_private_key=private_key,
    )
    registration.full_clean()
    registration.save()
    return registration
