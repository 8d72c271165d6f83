"""The search page's database work does not grow with the results shown:
anonymous searches are answered from the index alone."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.indexing import rebuild, refresh
from tests.factories import PublishedMaterialFactory

pytestmark = pytest.mark.django_db


def queries_for(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured)


def library_of(count: int) -> None:
    for number in range(count):
        PublishedMaterialFactory(title=f"Quang hợp bài {number}")
    rebuild(progress=False)
    refresh()


@pytest.mark.parametrize(
    "path", ["/search/?q=quang+hop", "/api/v1/search/?q=quang+hop"]
)
def test_search_runs_the_same_queries_for_three_or_nine_results(
    client, search_engine, path
):
    library_of(3)
    small = queries_for(client, path)
    library_of(6)

    large = queries_for(client, path)

    assert large == small
    assert small == 0, f"{path} ran {small} queries: results come from the index"


def test_suggestions_need_no_database_at_all(client, search_engine):
    library_of(4)

    assert queries_for(client, "/search/suggest/?q=quang") == 0
