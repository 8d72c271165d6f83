"""What the search commands share: they manage the engine ELASTICSEARCH_URL names."""

from django.core.management.base import CommandError

from search.client import engine_configured

NO_ENGINE_NOTICE = (
    "ELASTICSEARCH_URL is not set, so there is no search engine to manage: "
    "search answers from the database. `make run` starts a local engine and "
    "sets it; in production point it at the Elasticsearch or OpenSearch cluster."
)


def require_engine() -> None:
    if not engine_configured():
        raise CommandError(NO_ENGINE_NOTICE)
