"""Background work for search: draining the outbox on the "search" queue."""

from __future__ import annotations

from django_tasks import task

from search.outbox import drain, enqueue_drain


@task(queue_name="search")
def drain_search_outbox(change_ids: list[int] | None = None) -> dict:
    """Index every change now due, the given ones included; retry on failure.

    Draining all due rows, not only ``change_ids``, lets each new change also
    carry earlier failed ones forward once the engine is back. A retry is only scheduled when the task backend can run work later; with
    the in-process backend the rows simply wait for the next drain.
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
