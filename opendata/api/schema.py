"""OpenAPI schema hooks."""

from django.conf import settings

API_PREFIX = "/api/v1/"


def public_api_only(endpoints: list, **kwargs) -> list:
    """Keep the versioned public API and the public JSON endpoints listed in
    API_SCHEMA_EXTRA_PATHS; Wagtail's admin API is internal."""
    extra = set(settings.API_SCHEMA_EXTRA_PATHS)
    return [
        endpoint
        for endpoint in endpoints
        if endpoint[0].startswith(API_PREFIX) or endpoint[0] in extra
    ]
