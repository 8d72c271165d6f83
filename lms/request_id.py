"""One id per request, on the response and on every log line it caused.

A proxy in front (nginx, a load balancer) usually sets ``X-Request-ID``; we keep
it so one id follows a request across every tier. Without one, we make one.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Callable
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse

HEADER = "X-Request-ID"
# Accept what proxies generate (hex, UUIDs, base64-ish ids) but nothing that
# could forge extra log fields or headers.
ACCEPTABLE_ID = re.compile(r"^[A-Za-z0-9._:+/=-]{1,128}$")

_current: ContextVar[str] = ContextVar("request_id", default="")


def current_request_id() -> str:
    """The id of the request this thread is serving, or "" outside requests."""
    return _current.get()


def new_request_id() -> str:
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """Adopt or create the request id and expose it to logging and the client."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        offered = request.headers.get(HEADER, "")
        request_id = offered if ACCEPTABLE_ID.match(offered) else new_request_id()
        request.request_id = request_id
        token = _current.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        response[HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Stamp each record with the current request id (empty outside requests)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", ""):
            record.request_id = current_request_id()
        return True
