"""Changes waiting to be indexed: recorded with the change, drained in bulk.

Receivers record a row inside the transaction that changes the content;
after commit a task (``search.tasks``) drains the rows. Draining re-reads the database,
so the index always receives the current state: an item that vanished or is
no longer published becomes a delete, which is why nothing unpublished can
reach the public index.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.utils import timezone
from elasticsearch import ApiError, TransportError

from search.client import engine_configured, indexing_client
from search.documents import KINDS, document_id
from search.indexing import bulk_write, write_targets
from search.models import IndexChange
from search.sources import documents_for, read_version

logger = logging.getLogger(__name__)

BACKOFF_START = timedelta(seconds=30)
BACKOFF_LIMIT = timedelta(hours=1)
DRAIN_BATCH = 1000


@dataclass
class DrainReport:
    """What one drain did; failed items stay in the outbox for ``retry_at``."""

    indexed: int = 0
    deleted: int = 0
    failed: int = 0
    skipped: bool = False
    errors: list[str] = field(default_factory=list)
    retry_at: datetime | None = None


def record_change(*, kind: str, object_id: int) -> IndexChange:
    """Note, inside the caller's transaction, that an item's document may differ."""
    if kind not in KINDS:
        raise ValueError(f"unknown search document kind {kind!r}")
    return IndexChange.objects.create(kind=kind, object_id=object_id)


def backoff(attempts: int) -> timedelta:
    """30 s, 1 min, 2 min, … capped at an hour: patient with a slow engine."""
    exponent = min(max(attempts - 1, 0), 20)  # a row may fail for days
    return min(BACKOFF_START * 2**exponent, BACKOFF_LIMIT)


def drain(
    *, change_ids: Iterable[int] | None = None, due_only: bool = True
) -> DrainReport:
    """Apply pending changes to the index in bulk, batch after batch."""
    if not engine_configured():
        # No engine yet: the rows wait, and the first rebuild covers them.
        return DrainReport(skipped=True)
    client = indexing_client()
    total = DrainReport()
    seen: set[int] = set()
    while True:
        rows = _pending(change_ids, due_only=due_only, exclude=seen)
        if not rows:
            return total
        seen.update(row.pk for row in rows)
        report = _apply(client, rows)
        total.indexed += report.indexed
        total.deleted += report.deleted
        total.failed += report.failed
        total.errors += report.errors
        total.retry_at = report.retry_at or total.retry_at


def _pending(change_ids, *, due_only: bool, exclude: set[int]) -> list[IndexChange]:
    rows = IndexChange.objects.exclude(pk__in=exclude)
    if change_ids is not None:
        rows = rows.filter(pk__in=list(change_ids))
    if due_only:
        rows = rows.filter(next_attempt_at__lte=timezone.now())
    return list(rows.order_by("pk")[:DRAIN_BATCH])


def _apply(client, rows: list[IndexChange]) -> DrainReport:
    by_kind: dict[str, set[int]] = defaultdict(set)
    for row in rows:
        by_kind[row.kind].add(row.object_id)
    version = read_version()  # taken before reading, so later readers win
    actions: list[dict] = []
    for kind, object_ids in by_kind.items():
        documents = documents_for(kind, object_ids)
        for object_id in sorted(object_ids):
            document = documents.get(object_id)
            if document is None:
                uid = document_id(kind, object_id)
                actions.append({"_op_type": "delete", "_id": uid})
            else:
                actions.append({"_op_type": "index", **document})
    try:
        targets = write_targets(client)
        failures = bulk_write(client, actions, targets=targets, version=version)
    except (TransportError, ApiError) as error:
        failures = {action["_id"]: f"engine unavailable: {error}" for action in actions}
    return _settle(rows, actions, failures)


def _settle(
    rows: list[IndexChange], actions: list[dict], failures: dict[str, str]
) -> DrainReport:
    """Remove the rows the index took; give the others a later attempt."""
    report = DrainReport()
    for action in actions:
        if action["_id"] in failures:
            report.failed += 1
        elif action["_op_type"] == "delete":
            report.deleted += 1
        else:
            report.indexed += 1
    IndexChange.objects.filter(
        pk__in=[row.pk for row in rows if str(row) not in failures]
    ).delete()
    failed = [row for row in rows if str(row) in failures]
    now = timezone.now()
    for row in failed:
        row.attempts += 1
        row.next_attempt_at = now + backoff(row.attempts)
        row.last_error = failures[str(row)][:2000]
    IndexChange.objects.bulk_update(
        failed, ["attempts", "next_attempt_at", "last_error"]
    )
    if failed:
        report.errors = sorted(set(failures.values()))[:20]
        report.retry_at = min(row.next_attempt_at for row in failed)
        logger.warning(
            "Search indexing failed for %d items; retrying from %s: %s",
            report.failed,
            report.retry_at,
            "; ".join(report.errors[:3]),
        )
    return report
