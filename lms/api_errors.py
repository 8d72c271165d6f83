"""One shape for every API error: ``{"error": {"code", "message", "details"}}``.

Clients can branch on ``code`` without parsing prose; ``details`` carries
field errors for bad input and is an empty object otherwise. The shape lives
here, below the apps, because every app that answers under ``/api/`` (and the
middleware that refuses malformed requests before any app sees them) writes it
and describes it in the schema.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import inline_serializer
from rest_framework import serializers


def error_body(code: str, message: str, details: Any = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "details": details or {}}}


ERROR_SCHEMA = inline_serializer(
    name="Error",
    fields={
        "error": inline_serializer(
            name="ErrorBody",
            fields={
                "code": serializers.CharField(),
                "message": serializers.CharField(),
                "details": serializers.DictField(),
            },
        )
    },
)
