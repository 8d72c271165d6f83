"""Enqueue the tasks in settings.PERIODIC_TASKS on their schedule.

Django's tasks API has no scheduler, so one small loop enqueues work and the
ordinary task worker runs it. Several schedulers may run (one per machine is
simplest to deploy): a lease in the shared cache lets only one of them enqueue
each run when the cache is Redis.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


@dataclass
class PeriodicTask:
    path: str
    every_seconds: int
    next_run: float = 0.0


def load_schedule() -> list[PeriodicTask]:
    """Read the schedule now, refusing an entry that names no task."""
    schedule = []
    for path, every in settings.PERIODIC_TASKS:
        if int(every) < 1:
            raise ValueError(f"PERIODIC_TASKS: {path} must run at least 1s apart")
        task = import_string(path)
        if not hasattr(task, "enqueue"):
            raise ValueError(f"PERIODIC_TASKS: {path} is not a task (use @task)")
        schedule.append(PeriodicTask(path, int(every)))
    return schedule


def enqueue_due(schedule: list[PeriodicTask], *, now: float) -> list[str]:
    """Enqueue each task whose time has come; returns the paths enqueued."""
    enqueued = []
    for entry in schedule:
        if entry.next_run > now:
            continue
        entry.next_run = now + entry.every_seconds
        lease = f"periodic-lease:{entry.path}"
        if not cache.add(lease, "1", timeout=max(1, entry.every_seconds - 1)):
            continue
        try:
            import_string(entry.path).enqueue()
        except Exception:
            cache.delete(lease)
            logger.exception("could not enqueue periodic task %s", entry.path)
            continue
        logger.info("enqueued periodic task %s", entry.path)
        enqueued.append(entry.path)
    return enqueued


def run_forever(
    schedule: list[PeriodicTask], *, tick_seconds: float, stop: threading.Event
) -> None:
    """Check the schedule each tick; return as soon as ``stop`` is set."""
    while not stop.is_set():
        enqueue_due(schedule, now=time.monotonic())
        stop.wait(tick_seconds)
