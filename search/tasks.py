"""Background work for search: the outbox drained on the "search" queue.

Changes are recorded with :func:`schedule_indexing` inside the transaction
that makes them; once it commits, one task drains every row it recorded. A
failing queue only delays indexing, it never fails the save.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django_tasks import task

from search.outbox import drain, record_change

logger = logging.getLogger(__name__)


@task(queue_name="search")
def drain_search_outbox(change_ids: list[int] | None = None) -> dict:
    """Index every change now due, the given ones included; retry on failure.

    Draining all due rows, not only ``change_ids``, lets each new change also
    carry earlier failed ones forward once the engine is back. A retry is only
    scheduled when the task backend can run work later; with the in-process
    backend the rows simply wait for the next drain.
    """
    report = drain()
    if report.retry_at is not None and drain_search_outbox.get_backend().supports_defer:
        enqueue_drain([], run_after=report.retry_at)
    return {
        "indexed": report.indexed,
        "deleted": report.deleted,
        "failed": report.failed,
        "skipped": report.skipped,
    }


def enqueue_drain(change_ids: list[int], *, run_after=None) -> None:
    """Ask a worker to drain; a failing queue leaves the rows for the next drain."""
    runnable = drain_search_outbox
    if run_after is not None:
        runnable = runnable.using(run_after=run_after)
    try:
        runnable.enqueue(change_ids=change_ids)
    except Exception:
        logger.exception("Could not enqueue search indexing; rows stay for retry")


class _DrainAfterCommit:
    """One drain per transaction, however many changes it records."""

    def __init__(self) -> None:
        self.change_ids: list[int] = []
        self.done = False

    def __call__(self) -> None:
        self.done = True
        enqueue_drain(self.change_ids)


def schedule_indexing(*, kind: str, object_id: int) -> None:
    """Record that an item changed, and drain the outbox once the change commits.

    Publishing a course records each of its lessons too; the rows of one
    transaction share a single drain task instead of one task each.
    """
    change = record_change(kind=kind, object_id=object_id)
    connection = transaction.get_connection()
    pending = next(
        (
            callback
            for _sids, callback, _robust in connection.run_on_commit
            if isinstance(callback, _DrainAfterCommit) and not callback.done
        ),
        None,
    )
    if pending is None:
        pending = _DrainAfterCommit()
        transaction.on_commit(pending)
    pending.change_ids.append(change.pk)
