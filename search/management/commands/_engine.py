"""What the search commands share: they manage an engine outside this process."""

from django.core.management.base import CommandError

from search.client import uses_embedded_engine

EMBEDDED_NOTICE = (
    "ELASTICSEARCH_URL is not set: the embedded engine lives inside each web "
    "process and is rebuilt from the database when that process starts, so "
    "there is no shared index for this command to manage."
)


def require_external_engine() -> None:
    if uses_embedded_engine():
        raise CommandError(EMBEDDED_NOTICE)
