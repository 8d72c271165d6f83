"""Checking the id_token a platform posts to the launch address.

Every check the LTI 1.3 core specification asks of a tool, each refusal with
a message that names what is wrong: the signature against the platform's
keys, issuer, audience and authorised party, expiry and issue time, the nonce
we issued, the deployment, the message type and the LTI version.
"""

from __future__ import annotations

from typing import Any

import jwt
from django.utils.translation import gettext as _

from lti.errors import LtiError
from lti.keys import ALGORITHM, platform_key
from lti.models import Registration

CLAIM = "https://purl.imsglobal.org/spec/lti/claim/"
DL_CLAIM = "https://purl.imsglobal.org/spec/lti-dl/claim/"
AGS_CLAIM = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
RESOURCE_LINK = "LtiResourceLinkRequest"
DEEP_LINKING = "LtiDeepLinkingRequest"
MESSAGE_TYPES = {RESOURCE_LINK, DEEP_LINKING}
LEEWAY_SECONDS = 60


def verify_id_token(
    *, id_token: str, registration: Registration, nonce: str
) -> dict[str, Any]:
    """The token's claims once every check has passed; LtiError otherwise."""
    try:
        header = jwt.get_unverified_header(id_token)
    except jwt.PyJWTError as problem:
        raise LtiError(
            _("The launch carried no readable id_token."), code="malformed"
        ) from problem
    if header.get("alg") != ALGORITHM:
        raise LtiError(
            _("The id_token must be signed with RS256."), code="algorithm", status=403
        )
    claims = _decode(
        id_token, registration, platform_key(registration, header.get("kid"))
    )
    _check_party(claims, registration)
    if claims.get("nonce") != nonce:
        raise LtiError(
            _("The id_token's nonce is not the one issued for this sign-in."),
            code="nonce",
        )
    _check_lti_claims(claims, registration)
    return claims


def _decode(id_token: str, registration: Registration, key) -> dict[str, Any]:
    try:
        return jwt.decode(
            id_token,
            key,
            algorithms=[ALGORITHM],
            audience=registration.client_id,
            issuer=registration.issuer,
            leeway=LEEWAY_SECONDS,
            options={"require": ["exp", "iat", "iss", "aud", "sub", "nonce"]},
        )
    except jwt.InvalidSignatureError as problem:
        raise _refused(
            _("The id_token's signature is not valid."), "signature"
        ) from problem
    except jwt.ExpiredSignatureError as problem:
        raise LtiError(_("The id_token has expired."), code="expired") from problem
    except jwt.InvalidAudienceError as problem:
        raise _refused(
            _("The id_token is meant for another tool (audience)."), "audience"
        ) from problem
    except jwt.InvalidIssuerError as problem:
        raise _refused(
            _("The id_token comes from another platform (issuer)."), "issuer"
        ) from problem
    except jwt.ImmatureSignatureError as problem:
        raise LtiError(
            _("The id_token was issued in the future."), code="issued_at"
        ) from problem
    except jwt.PyJWTError as problem:
        raise LtiError(
            _("The id_token is incomplete or malformed."), code="malformed"
        ) from problem


def _refused(message: str, code: str) -> LtiError:
    return LtiError(message, code=code, status=403)


def _check_party(claims: dict[str, Any], registration: Registration) -> None:
    """With several audiences the authorised party must be us; if named at all,
    it must be us anyway."""
    audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
    azp = claims.get("azp")
    if (len(audiences) > 1 or azp is not None) and azp != registration.client_id:
        raise _refused(
            _("The id_token's authorised party (azp) is not this tool."), "azp"
        )


def _check_lti_claims(claims: dict[str, Any], registration: Registration) -> None:
    if claims.get(CLAIM + "deployment_id") not in registration.deployments:
        raise _refused(
            _("This deployment is not registered with this site."), "deployment"
        )
    if claims.get(CLAIM + "message_type") not in MESSAGE_TYPES:
        raise LtiError(
            _("This kind of LTI message is not supported."), code="message_type"
        )
    if claims.get(CLAIM + "version") != "1.3.0":
        raise LtiError(_("Only LTI version 1.3.0 is supported."), code="version")
    if claims[CLAIM + "message_type"] == RESOURCE_LINK and not (
        claims.get(CLAIM + "resource_link") or {}
    ).get("id"):
        raise LtiError(_("The launch names no resource link."), code="resource_link")
