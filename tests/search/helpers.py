"""Small helpers the search tests share: publishing through Wagtail, reading the index."""

from django.http import QueryDict

from search.client import get_client
from search.indexing import alias_name, refresh
from search.queries import parse_params, search


def publish(obj, user=None):
    """Publish the way editors do, so Wagtail's signals fire."""
    obj.save_revision(user=user).publish(user=user)
    obj.refresh_from_db()
    return obj


def indexed_ids() -> set[str]:
    """The ids of every document the public alias serves."""
    refresh()
    response = get_client().search(
        index=alias_name(), query={"match_all": {}}, size=1000, _source=False
    )
    return {hit["_id"] for hit in response["hits"]["hits"]}


def titles(query_string: str) -> list[str]:
    refresh()
    return [hit.title for hit in search(parse_params(QueryDict(query_string))).hits]
