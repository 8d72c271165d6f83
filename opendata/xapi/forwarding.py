"""Delivering the xAPI outbox to the LRS in batches, losing nothing.

Rows stay in the outbox until the LRS accepts them. A failed batch is
retried later with exponential back-off; a batch the LRS refuses, or answers
with a conflict (it holds a different statement under one of these ids, and
so stored none), is split so that one statement cannot hold back the others.
A statement refused or in conflict on its own, or that keeps failing, is
marked failed but kept, and can be queued again. Wrong
credentials or a wrong address stop the run and fail no statement: they are
the operator's to fix, and everything waits for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from opendata.models import StatementStatus, XapiStatement
from opendata.xapi.lrs import LrsConfig, lrs_config, post_statements

BASE_BACKOFF_SECONDS = 30
MAX_BACKOFF_SECONDS = 6 * 3600


@dataclass
class ForwardingReport:
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    # Set when the LRS refused the platform itself (401, 403, 404).
    stopped: str = ""


def backoff(attempts: int) -> timedelta:
    return timedelta(
        seconds=min(
            BASE_BACKOFF_SECONDS * 2 ** max(attempts - 1, 0), MAX_BACKOFF_SECONDS
        )
    )


def forward_pending(*, max_batches: int = 20) -> ForwardingReport:
    """Send due statements in batches of XAPI_BATCH_SIZE; report what happened."""
    report = ForwardingReport()
    config = lrs_config()
    if config is None:
        return report
    for _batch in range(max_batches):
        if not _forward_one_batch(config, report) or report.stopped:
            break
    return report


def _due_rows():
    rows = XapiStatement.objects.filter(
        status=StatementStatus.PENDING, next_attempt_at__lte=timezone.now()
    ).order_by("next_attempt_at", "pk")
    if connection.features.has_select_for_update_skip_locked:
        rows = rows.select_for_update(skip_locked=True)
    return rows


def _forward_one_batch(config: LrsConfig, report: ForwardingReport) -> bool:
    with transaction.atomic():
        batch = list(_due_rows()[: settings.XAPI_BATCH_SIZE])
        if not batch:
            return False
        _deliver(config, batch, report)
    return True


def _deliver(config: LrsConfig, batch: list[XapiStatement], report) -> None:
    delivery = post_statements(config, [row.payload for row in batch])
    if delivery.accepted:
        _mark_sent(batch, report)
    elif (delivery.rejected or delivery.conflict) and len(batch) > 1:
        middle = len(batch) // 2
        _deliver(config, batch[:middle], report)
        _deliver(config, batch[middle:], report)
    elif delivery.misconfigured:
        _wait_for_the_operator(batch, _detail(delivery), report)
    else:
        _mark_failed_attempt(
            batch,
            _detail(delivery),
            give_up=delivery.rejected or delivery.conflict,
            report=report,
        )


def _detail(delivery) -> str:
    if delivery.status:
        return f"HTTP {delivery.status}: {delivery.detail}"
    return delivery.detail


def _wait_for_the_operator(batch, detail: str, report: ForwardingReport) -> None:
    """Keep the batch pending, its attempts untouched, until the next run."""
    report.stopped = detail
    report.errors.append(detail)
    report.retrying += len(batch)
    XapiStatement.objects.filter(pk__in=[row.pk for row in batch]).update(
        last_error=detail[:2000], next_attempt_at=timezone.now() + backoff(1)
    )


def _mark_sent(batch: list[XapiStatement], report: ForwardingReport) -> None:
    now = timezone.now()
    XapiStatement.objects.filter(pk__in=[row.pk for row in batch]).update(
        status=StatementStatus.SENT, sent_at=now, last_error="", next_attempt_at=None
    )
    report.sent += len(batch)


def _mark_failed_attempt(batch, detail: str, *, give_up: bool, report) -> None:
    now = timezone.now()
    report.errors.append(detail)
    for row in batch:
        row.attempts += 1
        row.last_error = detail[:2000]
        if give_up or row.attempts >= settings.XAPI_MAX_ATTEMPTS:
            row.status = StatementStatus.FAILED
            row.next_attempt_at = None
            report.failed += 1
        else:
            row.next_attempt_at = now + backoff(row.attempts)
            report.retrying += 1
    XapiStatement.objects.bulk_update(
        batch, ["attempts", "last_error", "status", "next_attempt_at"]
    )


def next_due_at():
    """When the earliest pending statement becomes due, or None."""
    return (
        XapiStatement.objects.filter(status=StatementStatus.PENDING)
        .order_by("next_attempt_at")
        .values_list("next_attempt_at", flat=True)
        .first()
    )
