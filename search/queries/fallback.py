"""A plain database search for when the engine cannot answer.

Deliberately simple (title and summary contain the words, newest first, one
page): it keeps the search page useful during an outage without pretending to
rank, fold diacritics or count facets. Each answer is kept in the cache for
``SEARCH_FALLBACK_CACHE_SECONDS``: during an outage every search lands here,
popular words repeat, and scanning titles for each of them would load the
database that every other page needs.
"""

from __future__ import annotations

import hashlib
import json
from functools import reduce
from operator import and_

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.utils.html import escape

from search.queries.params import PAGE_SIZE, SearchParams
from search.queries.results import Hit, SearchResults
from search.sources import published_courses, published_lessons, published_materials


def _matching(queryset, words: list[str], fields: tuple[str, ...]):
    if not words:
        return queryset
    conditions = [
        reduce(
            lambda left, right: left | right,
            (Q(**{f"{name}__icontains": word}) for name in fields),
        )
        for word in words
    ]
    return queryset.filter(reduce(and_, conditions))


def database_search(params: SearchParams) -> SearchResults:
    key = (
        "search:fallback:"
        + hashlib.sha256(
            json.dumps([params.query, params.filters], sort_keys=True).encode()
        ).hexdigest()
    )
    hits = cache.get(key)
    if hits is None:
        hits = _matching_hits(params)
        cache.set(key, hits, settings.SEARCH_FALLBACK_CACHE_SECONDS)
    return SearchResults(params=params, hits=hits, total=len(hits), degraded=True)


def _matching_hits(params: SearchParams) -> list[Hit]:
    words = params.query.split()[:8]
    kinds = set(params.filters.get("kind", ["material", "course", "lesson"]))
    hits: list[Hit] = []
    if "material" in kinds:
        materials = _matching(
            published_materials().defer("extracted_text"),
            words,
            ("title", "description"),
        )
        for facet in ("subject", "language", "material_type", "licence"):
            if facet in params.filters:
                materials = materials.filter(**{f"{facet}__in": params.filters[facet]})
        hits += [
            _hit("material", m, m.get_absolute_url(), m.description)
            for m in materials.order_by("-first_published_at")[:PAGE_SIZE]
        ]
    if "course" in kinds:
        courses = _matching(published_courses(), words, ("title", "summary"))
        hits += [
            _hit("course", c, c.url or "", c.summary)
            for c in courses.order_by("-first_published_at")[:PAGE_SIZE]
        ]
    if "lesson" in kinds:
        lessons = _matching(published_lessons(), words, ("title", "summary"))
        hits += [
            _hit("lesson", page, page.url or "", page.summary)
            for page in lessons.order_by("-first_published_at")[:PAGE_SIZE]
        ]
    hits.sort(key=lambda hit: hit.published_at or "", reverse=True)
    return hits[:PAGE_SIZE]


def _hit(kind: str, obj, url: str, text: str) -> Hit:
    published = obj.first_published_at.isoformat() if obj.first_published_at else None
    return Hit(
        uid=f"{kind}-{obj.pk}",
        kind=kind,
        title=obj.title,
        url=url,
        snippet=escape((text or "")[:240]),
        title_html=escape(obj.title),
        subject=getattr(obj, "subject", None),
        published_at=published,
        downloads=getattr(obj, "download_count", 0),
    )
