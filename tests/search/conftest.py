"""The real search engine for search tests: one process per session, clean indices per test."""

import uuid

import pytest
from osmem_server import OsmemServer

from search.client import reset_clients


@pytest.fixture(scope="session")
def search_server():
    """One embedded engine for the whole session (started only if a test asks)."""
    server = OsmemServer.start(freeze=False, japanese=False)
    yield server
    server.close()


def point_at(settings, url: str, prefix: str) -> None:
    settings.ELASTICSEARCH_URL = url
    settings.ELASTICSEARCH_COMPAT = "opensearch"
    settings.ELASTICSEARCH_API_KEY = ""
    settings.ELASTICSEARCH_USERNAME = ""
    settings.ELASTICSEARCH_PASSWORD = ""
    settings.ELASTICSEARCH_CA_FILE = ""
    settings.ELASTICSEARCH_INDEX_PREFIX = prefix
    reset_clients()


@pytest.fixture
def search_engine(search_server, settings):
    """The engine, with an index prefix of this test's own; its indices go afterwards."""
    from search.client import get_client

    prefix = f"test-{uuid.uuid4().hex[:12]}"
    point_at(settings, search_server.url, prefix)
    client = get_client()
    yield client
    client.options(ignore_status=404).indices.delete(
        index=f"{prefix}-*", expand_wildcards="all"
    )
    reset_clients()


@pytest.fixture
def index_now(search_engine):
    """Drain the outbox and refresh, so what was just committed is searchable."""
    from search.indexing import refresh
    from search.outbox import drain

    def run():
        report = drain(due_only=False)
        refresh(search_engine)
        return report

    return run


@pytest.fixture(autouse=True)
def _english(settings):
    """Messages in English, so tests read the rule each answer names."""
    settings.LANGUAGE_CODE = "en"
