"""Comparing the database with the index: what is missing, stale or extra."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from elasticsearch import Elasticsearch, helpers

from search.indexing import alias_name
from search.models import IndexChange
from search.sources import all_documents


@dataclass
class CheckReport:
    missing: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    pending: int = 0

    @property
    def clean(self) -> bool:
        return not (self.missing or self.stale or self.extra)


def _as_stored(client: Elasticsearch, document: dict) -> dict:
    """The document as the engine stores it (dates as the client wrote them)."""
    body = {key: value for key, value in document.items() if not key.startswith("_")}
    serializer = client.transport.serializers.get_serializer("application/json")
    return json.loads(serializer.dumps(body))


def check(client: Elasticsearch) -> CheckReport:
    """Compare every published item with the index, as of writes made so far.

    The index is refreshed first: searches see writes only after a refresh,
    and a check right after a sync must see that sync.
    """
    client.indices.refresh(index=alias_name())
    indexed = {
        hit["_id"]: hit["_source"]
        for hit in helpers.scan(
            client, index=alias_name(), query={"query": {"match_all": {}}}
        )
    }
    report = CheckReport(pending=IndexChange.objects.count())
    for document in all_documents():
        stored = indexed.pop(document["_id"], None)
        if stored is None:
            report.missing.append(document["_id"])
        elif stored != _as_stored(client, document):
            report.stale.append(document["_id"])
    report.extra = sorted(indexed)
    return report
