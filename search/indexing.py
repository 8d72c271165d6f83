"""Writing to the engine: index creation, bulk writes, rebuilds behind aliases.

Searches only ever use the alias ``<prefix>-content``. A rebuild fills a new
timestamped index while the old one keeps serving, then moves the alias in a
single ``update_aliases`` call. While a rebuild runs, the new index also
carries the alias ``<prefix>-content-building`` so live changes drained
meanwhile reach both indices and none is lost in the swap.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from elasticsearch import Elasticsearch, NotFoundError, helpers
from elasticsearch.dsl import Index

from search.client import get_client, index_prefix
from search.documents import ContentDocument
from search.sources import all_documents, published_count, read_version

logger = logging.getLogger(__name__)

BULK_CHUNK = 500
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


def create_index(client: Elasticsearch, name: str) -> None:
    """An empty index with the document mapping and its analyzers."""
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=0)
    index.document(ContentDocument)
    index.create(using=client)


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
) -> dict[str, str]:
    """Write actions to each target in chunks; return failures by document id.

    Every write carries an external version, so an older reading of the
    database never overwrites a newer one; the engine's refusal of such a
    stale write (409) counts as success, as does deleting an absent document.
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
    _, errors = helpers.bulk(
        client, expanded, chunk_size=BULK_CHUNK, raise_on_error=False, stats_only=False
    )
    failures: dict[str, str] = {}
    for error in errors:
        (operation,) = error.values()
        if operation.get("status") in OK_STATUSES:
            continue
        reason = operation.get("error", {})
        if isinstance(reason, dict):
            reason = f"{reason.get('type')}: {reason.get('reason')}"
        failures[operation["_id"]] = f"{operation.get('status')} {reason}"
    return failures


def rebuild(
    *, client: Elasticsearch | None = None, progress: bool = True, keep: int = 1
) -> ReindexReport:
    """Build a fresh index from the database and swap the alias to it atomically.

    Refuses the swap (and removes the new index) when the new index does not
    hold exactly the published items, so a failed rebuild leaves the old
    index serving.
    """
    client = client or get_client()
    name = new_index_name()
    create_index(client, name)
    client.indices.update_aliases(
        actions=[{"add": {"index": name, "alias": building_alias_name()}}]
    )
    report = ReindexReport(index=name, expected=published_count())
    try:
        report.indexed = _fill(client, name, report.expected, progress=progress)
        client.indices.refresh(index=name)
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

    failures = bulk_write(client, actions(), targets=[name], version=version)
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
    client = client or get_client()
    client.options(ignore_status=404).indices.refresh(index=alias_name())
