"""OpenAPI schema hooks."""

API_PREFIX = "/api/v1/"


def public_api_only(endpoints: list, **kwargs) -> list:
    """Keep the versioned public API; Wagtail's admin API is internal."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(API_PREFIX)]
