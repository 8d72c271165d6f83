"""Cached page fragments that are never stale after an editor's change.

Templates cache expensive fragments keyed by a site-wide content version:
``{% cache 600 "name" content_version LANGUAGE_CODE %}``. Any change to
pages or materials bumps the version once the transaction commits, so every
fragment is rebuilt on its next view; nothing has to know which fragment
showed what. With Redis (REDIS_URL) the version and fragments are shared by
every web process; without it each process keeps its own.
"""

from __future__ import annotations

import hashlib
import time

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject, cached_property

CONTENT_VERSION_KEY = "content-version"
# A safety net only: a content change moves the version well before this.
COUNT_TIMEOUT = 3600


def content_version() -> int:
    """The current version; a fresh start uses the clock, so a version seen
    before an eviction of the key is never handed out again."""
    version = cache.get(CONTENT_VERSION_KEY)
    if version is None:
        cache.add(CONTENT_VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(CONTENT_VERSION_KEY, time.time_ns())
    return int(version)


def bump_content_version() -> None:
    try:
        cache.incr(CONTENT_VERSION_KEY)
    except ValueError:
        cache.set(CONTENT_VERSION_KEY, time.time_ns(), timeout=None)


def content_changed(**kwargs: object) -> None:
    """Signal receiver: bump the version after the change is committed, so a
    fragment is never rebuilt from data another request cannot see yet.
    Counts that moved alone (``figures_only``) wait for the cache to expire."""
    if kwargs.get("figures_only"):
        return
    transaction.on_commit(bump_content_version, robust=True)


# Fields a draft, a lock or a workflow step writes on the live row: saving only
# these changes nothing a visitor sees, and teachers save drafts all day.
DRAFT_ONLY_FIELDS = frozenset(
    {
        "draft_title",
        "has_unpublished_changes",
        "latest_revision",
        "latest_revision_created_at",
        "locked",
        "locked_at",
        "locked_by",
    }
)


def content_row_changed(*, instance: object, **kwargs: object) -> None:
    """Signal receiver for saves and deletes: only pages, materials and sites
    (which decide where every address leads) count, and not a save that
    touched draft bookkeeping only."""
    from wagtail.models import Page, Site

    from materials.models import Material

    if not isinstance(instance, Page | Material | Site):
        return
    fields = kwargs.get("update_fields")
    if fields and DRAFT_ONLY_FIELDS.issuperset(fields):
        return
    content_changed()


def content_version_context(request: HttpRequest) -> dict[str, object]:
    """Template context: the version, read from the cache only when used."""
    return {"content_version": SimpleLazyObject(content_version)}


class ContentCountPaginator(Paginator):
    """A paginator that counts a public listing once per content version.

    Counting every published material on each page view grows with the
    library (a sequential scan over millions of rows); the total only changes
    when content does, which is exactly when the content version moves.
    ``count_key`` names the listing and its filters.
    """

    def __init__(self, object_list, per_page: int, *, count_key: str) -> None:
        super().__init__(object_list, per_page)
        self.count_key = count_key

    @cached_property
    def count(self) -> int:
        digest = hashlib.sha256(self.count_key.encode()).hexdigest()[:32]
        key = f"listing-count:{content_version()}:{digest}"
        total = cache.get(key)
        if total is None:
            total = super().count
            cache.set(key, total, timeout=COUNT_TIMEOUT)
        return total
