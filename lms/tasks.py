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
def prune_finished_task_results(*, min_age_days: int = 14) -> None:
    """Keep the database queue small: drop results older than ``min_age_days``."""
    call_command("prune_db_task_results", min_age_days=min_age_days, verbosity=0)
