"""DRF's exception hook, answering every API error in the shape of lms.api_errors."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import set_rollback

from lms.api_errors import error_body


def _message_and_details(detail: Any) -> tuple[str, Any]:
    if isinstance(detail, dict):
        return "The request has invalid parameters.", detail
    if isinstance(detail, list):
        return " ".join(str(part) for part in detail), {}
    return str(detail), {}


def exception_handler(exc: Exception, context: dict) -> Response | None:
    """DRF's exception hook, writing the stable error shape."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    if not isinstance(exc, exceptions.APIException):
        return None
    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(int(exc.wait))
    message, details = _message_and_details(exc.detail)
    if isinstance(exc, exceptions.ValidationError):
        code = "invalid"
        if not isinstance(exc.detail, dict):
            details = {"non_field_errors": exc.detail}
    else:
        code = exc.get_codes() if isinstance(exc.get_codes(), str) else exc.default_code
    set_rollback()
    return Response(
        error_body(code, message, details), status=exc.status_code, headers=headers
    )


def not_found_response() -> Response:
    return Response(
        error_body("not_found", "Not found."), status=status.HTTP_404_NOT_FOUND
    )
