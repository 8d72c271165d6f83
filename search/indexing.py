"""Writing to the engine: index creation, bulk writes, rebuilds behind aliases.

Searches only ever use the alias ``<prefix>-content``. A rebuild fills a new
timestamped index while the old one keeps serving, then moves the alias in a
single ``update_aliases`` call. While a rebuild runs, the new index also
carries the alias ``<prefix>-content-building`` so live changes drained
meanwhile reach both indices and none is lost in the swap.

A rebuild fills its index with refreshes off and several bulk writers at
once, then turns refreshes and replicas on before the swap: nothing searches
that index until then, so nothing is gained by making each chunk visible.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from django.conf import settings
from django.utils import timezone
from elasticsearch import Elasticsearch, NotFoundError, helpers
from elasticsearch.dsl import Index

from search.client import index_prefix, indexing_client
from search.documents import ContentDocument, vietnamese
from search.sources import all_documents, published_count, read_version

logger = logging.getLogger(__name__)

BULK_CHUNK = 500
REBUILD_WRITERS = 3  # bulk requests in flight while a rebuild fills its index
OK_STATUSES = {404, 409}  # delete of an absent document; a newer version exists


class ReindexError(Exception):
    """A rebuild did not produce a complete index; the old one keeps serving."""


@dataclass
class ReindexReport:
    index: str
    indexed: int = 0
    expected: int = 0
    pruned: list[str] = field(default_factory=list)


def alias_name() -> str:
    return f"{index_prefix()}-content"


def building_alias_name() -> str:
    return f"{alias_name()}-building"


def new_index_name() -> str:
    return f"{alias_name()}-{timezone.now():%Y%m%d%H%M%S%f}"


def create_index(client: Elasticsearch, name: str, *, filling: bool = False) -> None:
    """An empty index with the document mapping and its analyzers.

    An index created ``filling`` has refreshes and replicas off until
    :func:`finish_filling`.
    """
    index = Index(name)
    index.settings(**index_settings(filling=filling))
    index.analyzer(vietnamese)  # the index default: text as written, lower-cased
    index.document(ContentDocument)
    index.create(using=client)


def index_settings(*, filling: bool = False) -> dict[str, Any]:
    return {
        "number_of_shards": settings.SEARCH_INDEX_SHARDS,
        "number_of_replicas": 0 if filling else settings.SEARCH_INDEX_REPLICAS,
        "refresh_interval": "-1" if filling else None,
    }


def finish_filling(client: Elasticsearch, name: str) -> None:
    """Serve-ready settings for a filled index, and every write made visible."""
    live = index_settings()
    client.indices.put_settings(
        index=name,
        settings={
            "number_of_replicas": live["number_of_replicas"],
            "refresh_interval": live["refresh_interval"],
        },
    )
    client.indices.refresh(index=name)
    client.cluster.health(
        index=name,
        wait_for_status="green" if live["number_of_replicas"] else "yellow",
        timeout=f"{int(settings.SEARCH_INDEXING_TIMEOUT)}s",
    )


def indices_behind(client: Elasticsearch, alias: str) -> list[str]:
    try:
        return sorted(client.indices.get_alias(name=alias).body)
    except NotFoundError:
        return []


def ensure_index(client: Elasticsearch) -> str:
    """The serving index, created empty when none exists yet."""
    current = indices_behind(client, alias_name())
    if current:
        return current[0]
    name = new_index_name()
    create_index(client, name)
    client.indices.update_aliases(
        actions=[{"add": {"index": name, "alias": alias_name()}}]
    )
    return name


def write_targets(client: Elasticsearch) -> list[str]:
    """Every index a live change must reach: the serving one and any being built."""
    ensure_index(client)
    targets = indices_behind(client, alias_name()) + indices_behind(
        client, building_alias_name()
    )
    return sorted(set(targets))


def bulk_write(
    client: Elasticsearch,
    actions: Iterable[dict[str, Any]],
    *,
    targets: list[str],
    version: int,
    writers: int = 1,
) -> dict[str, str]:
    """Write actions to each target in chunks; return failures by document id.

    Every write carries an external version, so an older reading of the
    database never overwrites a newer one; the engine's refusal of such a
    stale write (409) counts as success, as does deleting an absent document.
    With several ``writers`` that many bulk requests are in flight at once.
    """
    expanded = (
        {
            **action,
            "_index": target,
            "_version": version,
            "_version_type": "external_gte",
        }
        for action in actions
        for target in targets
    )
    if writers > 1:
        results = _parallel_results(client, expanded, writers=writers)
    else:
        results = helpers.streaming_bulk(
            client, expanded, chunk_size=BULK_CHUNK, raise_on_error=False
        )
    failures: dict[str, str] = {}
    for ok, item in results:
        if ok:
            continue
        (operation,) = item.values()
        if operation.get("status") in OK_STATUSES:
            continue
        reason = operation.get("error", {})
        if isinstance(reason, dict):
            reason = f"{reason.get('type')}: {reason.get('reason')}"
        failures[operation["_id"]] = f"{operation.get('status')} {reason}"
    return failures


def _parallel_results(
    client: Elasticsearch, actions: Iterator[dict[str, Any]], *, writers: int
) -> Iterator[tuple[bool, dict[str, Any]]]:
    """Bulk results with ``writers`` requests in flight at once.

    Chunks are read from ``actions`` in the calling thread, which reads the
    database, and only sent from the pool: database connections stay in the
    thread (and transaction) that opened them. The caller reads a few chunks
    ahead, so a writer that finishes finds the next chunk ready.
    """

    def send(chunk: list[dict[str, Any]]) -> list[tuple[bool, dict[str, Any]]]:
        return list(
            helpers.streaming_bulk(
                client, chunk, chunk_size=len(chunk), raise_on_error=False
            )
        )

    in_flight: deque[Future] = deque()
    with ThreadPoolExecutor(writers, thread_name_prefix="bulk") as pool:
        while chunk := list(islice(actions, BULK_CHUNK)):
            in_flight.append(pool.submit(send, chunk))
            if len(in_flight) > writers + 2:  # chunks ready for a free writer
                yield from in_flight.popleft().result()
        while in_flight:
            yield from in_flight.popleft().result()


def rebuild(
    *, client: Elasticsearch | None = None, progress: bool = True, keep: int = 1
) -> ReindexReport:
    """Build a fresh index from the database and swap the alias to it atomically.

    Refuses the swap (and removes the new index) when the new index does not
    hold exactly the published items, so a failed rebuild leaves the old
    index serving.
    """
    client = client or indexing_client()
    name = new_index_name()
    create_index(client, name, filling=True)
    client.indices.update_aliases(
        actions=[{"add": {"index": name, "alias": building_alias_name()}}]
    )
    report = ReindexReport(index=name, expected=published_count())
    try:
        report.indexed = _fill(client, name, report.expected, progress=progress)
        finish_filling(client, name)
        actual = client.count(index=name)["count"]
        report.expected = published_count()
        if actual != report.expected:
            raise ReindexError(
                f"the new index holds {actual} documents but {report.expected} "
                "items are published; the alias was not moved"
            )
        _swap(client, name)
    except BaseException:
        client.options(ignore_status=404).indices.delete(index=name)
        raise
    report.pruned = prune(client, keep=keep)
    return report


def _fill(client: Elasticsearch, name: str, expected: int, *, progress: bool) -> int:
    version = read_version()
    documents: Iterator[dict[str, Any]] = all_documents(chunk_size=BULK_CHUNK)
    if progress:
        from tqdm import tqdm

        documents = tqdm(documents, total=expected, unit="doc", desc="Indexing")
    written = 0

    def actions() -> Iterator[dict[str, Any]]:
        nonlocal written
        for document in documents:
            written += 1
            yield {"_op_type": "index", **document}

    failures = bulk_write(
        client, actions(), targets=[name], version=version, writers=REBUILD_WRITERS
    )
    if failures:
        sample = "; ".join(list(failures.values())[:3])
        raise ReindexError(f"{len(failures)} documents failed to index: {sample}")
    return written


def _swap(client: Elasticsearch, name: str) -> None:
    """Point the alias at the new index and nothing else, in one call."""
    actions: list[dict[str, Any]] = [
        {"remove": {"index": old, "alias": alias_name()}}
        for old in indices_behind(client, alias_name())
    ]
    actions.append({"add": {"index": name, "alias": alias_name()}})
    actions.append({"remove": {"index": name, "alias": building_alias_name()}})
    client.indices.update_aliases(actions=actions)


def managed_indices(client: Elasticsearch) -> list[str]:
    pattern = f"{alias_name()}-*"
    names = client.indices.get(index=pattern, expand_wildcards="open").body
    return sorted(name for name in names if name != building_alias_name())


def prune(client: Elasticsearch, *, keep: int = 1) -> list[str]:
    """Delete old indices, keeping the serving one and ``keep`` previous ones.

    An index still being built by another rebuild is left alone.
    """
    serving = set(indices_behind(client, alias_name()))
    building = set(indices_behind(client, building_alias_name()))
    old = [name for name in managed_indices(client) if name not in serving | building]
    doomed = old[: max(len(old) - keep, 0)]
    for name in doomed:
        client.options(ignore_status=404).indices.delete(index=name)
    return doomed


def refresh(client: Elasticsearch | None = None) -> None:
    """Make recent writes visible now (tests and the end of a rebuild)."""
    client = client or indexing_client()
    client.options(ignore_status=404).indices.refresh(index=alias_name())
