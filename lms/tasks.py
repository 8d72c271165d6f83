"""Housekeeping the site needs done now and then, run by the task worker."""

from __future__ import annotations

from importlib import import_module

from django.conf import settings
from django.core.management import call_command
from django_tasks import task


@task(queue_name="default")
def clear_expired_sessions() -> None:
    """Delete expired sessions; database-backed sessions never expire on their own."""
    engine = import_module(settings.SESSION_ENGINE)
    engine.SessionStore.clear_expired()


@task(queue_name="default")
def prune_finished_task_results(
    *, min_age_days: int = 14, failed_min_age_days: int = 60
) -> None:
    """Keep the database queue small; failures stay longer for investigation."""
    call_command(
        "prune_db_task_results",
        queue_name="*",
        min_age_days=min_age_days,
        failed_min_age_days=failed_min_age_days,
        verbosity=0,
    )


@task(queue_name="default")
def flush_counters() -> dict[str, int]:
    """Write the views and downloads counted in Redis to their rows."""
    from lms import counters

    return counters.flush()
