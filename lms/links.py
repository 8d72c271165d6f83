"""Absolute links that lead back to the site the person is using.

A link in a certificate, a credential, an xAPI statement or an email must
work for whoever follows it. While a request is being answered, links are
built from that request's own origin (its host already checked against
``ALLOWED_HOSTS``, its scheme as the proxy reported it), so a deployment
reached under its real name never hands out a default address. Work done
outside a request (a task, a command) has only ``SITE_URL``.

The services that record learning events have no request argument, so the
middleware below keeps the current request for them, as Django keeps the
script prefix.
"""

from __future__ import annotations

from contextvars import ContextVar

from django.conf import settings
from django.http import HttpRequest

_current_request: ContextVar[HttpRequest | None] = ContextVar(
    "current_request", default=None
)


class RequestOriginMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)


def site_origin(request: HttpRequest | None = None) -> str:
    """``https://host[:port]`` of the request being answered, else SITE_URL."""
    request = request or _current_request.get()
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    return settings.SITE_URL.rstrip("/")


def absolute_url(path: str, request: HttpRequest | None = None) -> str:
    """``path`` under :func:`site_origin`; absolute URLs are kept as they are."""
    if path.startswith(("http://", "https://")):
        return path
    return site_origin(request) + path
