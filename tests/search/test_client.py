"""Building the client: plain JSON for OpenSearch, settings read at each call."""

import pytest
from django.http import QueryDict
from elastic_transport import NodeConfig

from search.client import OpenSearchCompatibleNode, SearchUnavailable, get_client
from search.models import IndexChange
from search.outbox import drain
from search.queries import parse_params, search
from tests.factories import MaterialFactory
from tests.search.helpers import publish


def test_compatible_node_sends_plain_json_and_bulk_ndjson(search_server):
    """OpenSearch answers 406 to versioned media types; the node rewrites them."""
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


@pytest.mark.django_db
def test_without_an_engine_search_answers_from_the_database_and_changes_wait(
    settings, django_capture_on_commit_callbacks
):
    """No ELASTICSEARCH_URL: nothing is lost, and the search box still finds things."""
    settings.ELASTICSEARCH_URL = ""
    with django_capture_on_commit_callbacks(execute=True):
        publish(MaterialFactory(title="Địa lý lớp 6"))

    with pytest.raises(SearchUnavailable, match="ELASTICSEARCH_URL"):
        get_client()
    assert drain().skipped
    assert IndexChange.objects.count() >= 1  # kept for the first engine
    results = search(parse_params(QueryDict("q=Địa+lý")))
    assert results.degraded
    assert [hit.title for hit in results.hits] == ["Địa lý lớp 6"]
