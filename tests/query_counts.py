"""Helpers for the tests that pin how many SQL queries a page runs."""

from django.core.cache import cache


def render_cold(client, url: str) -> None:
    """Render ``url`` once, then empty the cache.

    The first render makes what a page makes only once ever (image renditions,
    for instance); emptying the cache afterwards means the next request reads
    everything cached (fragments, site root paths, renditions) from the
    database again: the worst case a page meets after a deployment or a
    content change, and the same whatever ran before the test.
    """
    response = client.get(url)
    assert response.status_code == 200
    cache.clear()
