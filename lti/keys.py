"""The tool's own keys (one RSA pair per registration) and the platforms' keys.

Each registration gets its own pair when it is created, so removing one LMS
retires only its key. The private half stays in the database; ``jwks()``
publishes the public halves at /lti/jwks.json for every platform to check
our signatures against.
"""

from __future__ import annotations

import json
import secrets
from typing import Any
from urllib import error, request

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.core.cache import cache
from django.utils.translation import gettext as _
from jwt.algorithms import RSAAlgorithm

from lti.errors import LtiError
from lti.models import Registration

ALGORITHM = "RS256"
KEY_SET_SECONDS = 300
FETCH_TIMEOUT_SECONDS = 10


def new_key_pair() -> tuple[str, str]:
    """A fresh ``(key id, private key PEM)`` for a new registration."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    return secrets.token_urlsafe(16), pem


def public_jwk(registration: Registration) -> dict[str, Any]:
    private = serialization.load_pem_private_key(
        registration.tool_private_key.encode(), password=None
    )
    jwk = RSAAlgorithm.to_jwk(private.public_key(), as_dict=True)
    return {**jwk, "kid": registration.tool_key_id, "alg": ALGORITHM, "use": "sig"}


def jwks() -> dict[str, list[dict[str, Any]]]:
    """The public keys of every active registration."""
    return {
        "keys": [
            public_jwk(registration)
            for registration in Registration.objects.filter(is_active=True)
        ]
    }


def sign(registration: Registration, claims: dict[str, Any]) -> str:
    """A JWT signed with the registration's tool key, naming it by kid."""
    return jwt.encode(
        claims,
        registration.tool_private_key,
        algorithm=ALGORITHM,
        headers={"kid": registration.tool_key_id},
    )


def platform_key(registration: Registration, kid: str | None):
    """The platform's public key with this kid, fetched again once if the
    platform rotated its keys since we last looked."""
    for refresh in (False, True):
        key_set = _platform_key_set(registration, refresh=refresh)
        for jwk in key_set.get("keys", []):
            if kid is None or jwk.get("kid") == kid:
                return RSAAlgorithm.from_jwk(json.dumps(jwk))
        if registration.key_set:
            break
    raise LtiError(
        _("The platform's signing key is not among its published keys."),
        code="unknown_key",
        status=403,
    )


def _platform_key_set(registration: Registration, *, refresh: bool) -> dict:
    if registration.key_set:
        return registration.key_set
    cache_key = f"lti:platform-jwks:{registration.pk}"
    key_set = None if refresh else cache.get(cache_key)
    if key_set is None:
        key_set = _fetch_key_set(registration.key_set_url)
        cache.set(cache_key, key_set, KEY_SET_SECONDS)
    return key_set


def _fetch_key_set(url: str) -> dict:
    unreachable = LtiError(
        _("The platform's public keys could not be read; try again later."),
        code="key_set_unreachable",
        status=400,
    )
    if not url.startswith(("https://", "http://")):
        raise unreachable
    try:
        with request.urlopen(url, timeout=FETCH_TIMEOUT_SECONDS) as response:  # noqa: S310
            data = json.loads(response.read(1_000_000))
    except (error.URLError, OSError, ValueError) as problem:
        raise unreachable from problem
    return data if isinstance(data, dict) else {}
