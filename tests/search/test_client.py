"""Building the client: plain JSON for OpenSearch-style engines, the embedded default."""

import pytest
from django.db import connection
from django.http import QueryDict
from elastic_transport import NodeConfig

from search.client import (
    OpenSearchCompatibleNode,
    embedded_engine_started,
    get_client,
    reset_clients,
    stop_embedded_engine,
    warm_up,
)
from search.models import IndexChange
from search.outbox import drain
from search.queries import parse_params, search
from tests.factories import MaterialFactory
from tests.search.helpers import publish


def test_compatible_node_sends_plain_json_and_bulk_ndjson(search_server):
    """The embedded engine answers 406 to versioned media types; the node rewrites them."""
    host, port = search_server.url.removeprefix("http://").split(":")
    node = OpenSearchCompatibleNode(NodeConfig("http", host, int(port)))
    versioned = "application/vnd.elasticsearch+json; compatible-with=8"
    response = node.perform_request("GET", "/", headers={"accept": versioned})
    assert response.meta.status == 200
    assert response.meta.headers["x-elastic-product"] == "Elasticsearch"
    bulk = node.perform_request(
        "POST",
        "/_bulk",
        body=b'{"index":{"_index":"test-node-check","_id":"1"}}\n{"a":1}\n',
        headers={
            "accept": versioned,
            "content-type": "application/vnd.elasticsearch+x-ndjson; compatible-with=8",
        },
    )
    assert bulk.meta.status == 200
    node.perform_request("DELETE", "/test-node-check")


def test_client_reads_settings_at_call_time(search_engine, settings):
    assert get_client().info()["version"]["number"]
    settings.ELASTICSEARCH_INDEX_PREFIX = "test-other"
    from search.indexing import alias_name

    assert alias_name() == "test-other-content"


# Serialized rollback keeps the data made by migrations for the transactional
# tests that follow on PostgreSQL; SQLite runs this test on its own terms.
@pytest.mark.django_db(
    transaction=True, serialized_rollback=connection.vendor == "postgresql"
)
def test_embedded_engine_starts_on_demand_and_is_filled_from_the_database(
    settings,
):
    """Without an engine URL, changes wait until the embedded engine starts and indexes all.

    The index is built in a background thread with its own connection, hence
    a transactional test.
    """
    settings.ELASTICSEARCH_URL = ""
    settings.ELASTICSEARCH_COMPAT = "opensearch"
    settings.ELASTICSEARCH_INDEX_PREFIX = "test-embedded"
    stop_embedded_engine()  # another test may have started one in this process
    reset_clients()
    try:
        publish(MaterialFactory(title="Địa lý lớp 6"))
        assert not embedded_engine_started()
        assert get_client(start=False) is None
        assert drain().skipped
        assert IndexChange.objects.count() >= 1  # kept, not lost
        assert warm_up(wait=30)
        assert embedded_engine_started()
        results = search(parse_params(QueryDict("q=dia+ly")))
        assert [hit.title for hit in results.hits] == ["Địa lý lớp 6"]
        assert drain().indexed >= 1
        assert not IndexChange.objects.exists()
    finally:
        stop_embedded_engine()
