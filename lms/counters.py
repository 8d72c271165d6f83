"""Counters every visitor moves (a material's views and downloads, a
course's learners).

Updating the row on every hit makes a popular material's row the hottest lock
in the database on the first day of term. With Redis configured, a hit is one
HINCRBY; the periodic ``lms.tasks.flush_counters`` task adds the totals to the
rows in one statement per counter and chunk. Without Redis (the embedded
default) a hit updates the row at once, as there is nothing to batch through.

A flush renames the live hash first, so hits during the flush go to a new
hash, and deletes the renamed one only after the database has committed; a
flush that fails leaves it for the next one to pick up. The one loss window
is a crash between the commit and the delete, which would count that batch
twice: counters are popularity figures, not money.

A counter that is not ``stored`` has no column: the figure is worked out
when read (a course's learners are its active enrolments), and the counter
only batches telling search that it moved, once per row and flush instead
of an outbox row on every enrolment. A row whose changes cancel out (an
enrolment and its cancellation) is not re-indexed.
"""

from __future__ import annotations

import contextlib
import logging
import uuid
from dataclasses import dataclass

import redis
from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.db.models import Case, F, Value, When

from lms.signals import search_relevant_change

logger = logging.getLogger(__name__)

CHUNK = 500


@dataclass(frozen=True)
class Counter:
    """One counted field: ``app_label.Model`` and the field name."""

    model: str
    field: str
    # Search ranks by it, so a moved total re-indexes the row.
    tells_search: bool = False
    # False: no column to add to, the figure is computed from other rows.
    stored: bool = True

    @property
    def key(self) -> str:
        return f"{settings.COUNTERS_KEY_PREFIX}counter:{self.model}:{self.field}"

    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.model)


MATERIAL_VIEWS = Counter("materials.Material", "view_count")
MATERIAL_DOWNLOADS = Counter("materials.Material", "download_count", tells_search=True)
COURSE_LEARNERS = Counter(
    "courses.CoursePage", "enrolment_count", tells_search=True, stored=False
)
COUNTERS = (MATERIAL_VIEWS, MATERIAL_DOWNLOADS, COURSE_LEARNERS)


def count(counter: Counter, object_id: int, by: int = 1) -> None:
    """Count ``by`` for the row; batched through Redis when there is one."""
    client = _client()
    if client is not None:
        try:
            client.hincrby(counter.key, str(object_id), by)
            return
        except redis.RedisError:
            logger.warning("counter %s: Redis unavailable, writing directly", counter)
    _add(counter, {object_id: by})
    _tell(counter, [object_id])


def flush() -> dict[str, int]:
    """Write every pending total to the database; returns rows moved per counter."""
    client = _client()
    if client is None:
        return {}
    moved = {}
    for counter in COUNTERS:
        moved[f"{counter.model}.{counter.field}"] = _flush_one(client, counter)
    return moved


def pending(counter: Counter, object_id: int) -> int:
    """Hits counted but not yet written for the row (live and mid-flush)."""
    client = _client()
    if client is None:
        return 0
    total = int(client.hget(counter.key, str(object_id)) or 0)
    for key in client.scan_iter(match=f"{counter.key}:flushing:*"):
        total += int(client.hget(key, str(object_id)) or 0)
    return total


def _flush_one(client: redis.Redis, counter: Counter) -> int:
    batch = f"{counter.key}:flushing:{uuid.uuid4().hex}"
    with contextlib.suppress(redis.ResponseError):  # nothing counted since
        client.rename(counter.key, batch)
    moved = 0
    for key in list(client.scan_iter(match=f"{counter.key}:flushing:*")):
        totals = {int(pk): int(n) for pk, n in client.hgetall(key).items()}
        with transaction.atomic():
            _add(counter, totals)
        client.delete(key)
        _tell(counter, [pk for pk, total in totals.items() if total])
        moved += len(totals)
    return moved


def _add(counter: Counter, totals: dict[int, int]) -> None:
    """Add each row's total in one UPDATE per chunk of rows."""
    if not counter.stored:
        return
    ids = sorted(totals)
    manager = counter.model_class()._default_manager
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        amount = Case(
            *(When(pk=pk, then=Value(totals[pk])) for pk in chunk),
            default=Value(0),
            output_field=models.BigIntegerField(),
        )
        manager.filter(pk__in=chunk).update(
            **{counter.field: F(counter.field) + amount}
        )


def _tell(counter: Counter, ids: list[int]) -> None:
    if not counter.tells_search:
        return
    model = counter.model_class()
    for pk in ids:
        search_relevant_change.send(
            sender=model, instance=model(pk=pk), figures_only=True
        )


def _client() -> redis.Redis | None:
    url = settings.COUNTERS_REDIS_URL
    if not url:
        return None
    if url not in _clients:
        _clients[url] = redis.Redis.from_url(
            url, socket_timeout=2, decode_responses=True
        )
    return _clients[url]


_clients: dict[str, redis.Redis] = {}
