"""Talking to a platform's services: an access token, then a score.

The token is obtained with OAuth 2 client credentials, the client proving
itself with a JWT signed by our key (RFC 7523), as LTI Advantage requires.
Tokens are kept in the cache until shortly before they expire.
"""

from __future__ import annotations

import json
import secrets
import time
from typing import Any
from urllib import error, request
from urllib.parse import urlencode, urlsplit, urlunsplit

from django.core.cache import cache

from lti.keys import sign
from lti.models import Registration

TIMEOUT_SECONDS = 10
ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
SCORE_MEDIA_TYPE = "application/vnd.ims.lis.v1.score+json"


class PlatformUnavailable(Exception):
    """The platform did not take the request; worth trying again later."""


def access_token(registration: Registration, scope: str) -> str:
    key = f"lti:token:{registration.pk}:{scope}"
    token = cache.get(key)
    if token:
        return token
    now = int(time.time())
    assertion = sign(
        registration,
        {
            "iss": registration.client_id,
            "sub": registration.client_id,
            "aud": registration.auth_token_url,
            "iat": now,
            "exp": now + 300,
            "jti": secrets.token_urlsafe(16),
        },
    )
    answer = _send(
        registration.auth_token_url,
        urlencode(
            {
                "grant_type": "client_credentials",
                "client_assertion_type": ASSERTION_TYPE,
                "client_assertion": assertion,
                "scope": scope,
            }
        ).encode(),
        {"Content-Type": "application/x-www-form-urlencoded"},
    )
    token = json.loads(answer or b"{}").get("access_token")
    if not token:
        raise PlatformUnavailable("the token endpoint sent no access_token")
    lifetime = int(json.loads(answer).get("expires_in") or 3600)
    cache.set(key, token, max(lifetime - 60, 1))
    return token


def scores_url(line_item_url: str) -> str:
    """The line item's scores service: ``/scores`` after its path."""
    parts = urlsplit(line_item_url)
    return urlunsplit(parts._replace(path=parts.path.rstrip("/") + "/scores"))


def post_score(url: str, token: str, score: dict[str, Any]) -> None:
    _send(
        url,
        json.dumps(score).encode(),
        {"Content-Type": SCORE_MEDIA_TYPE, "Authorization": f"Bearer {token}"},
    )


def _send(url: str, body: bytes, headers: dict[str, str]) -> bytes:
    if not url.startswith(("https://", "http://")):
        raise PlatformUnavailable(f"not a web address: {url[:100]}")
    outgoing = request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310
    try:
        with request.urlopen(outgoing, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            return response.read(1_000_000)
    except error.HTTPError as problem:
        detail = problem.read(500).decode(errors="replace")
        raise PlatformUnavailable(f"HTTP {problem.code}: {detail}") from problem
    except (error.URLError, OSError) as problem:
        raise PlatformUnavailable(str(problem)) from problem
