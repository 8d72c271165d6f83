"""Turning engine responses into what pages and the API show.

Highlights come back wrapped in private-use sentinel characters, so the
engine text can be escaped first and the marks turned into <mark> after.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.html import escape

from lms.text import fold_diacritics
from search.documents import FACET_FIELDS
from search.queries.params import (
    FACET_CHOICES,
    PAGE_SIZE,
    SearchParams,
    encode_cursor,
)

MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"


@dataclass
class Hit:
    uid: str
    kind: str
    title: str
    url: str
    snippet: str
    title_html: str
    subject: str | None
    published_at: str | None
    downloads: int


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchResults:
    params: SearchParams
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    suggestion: str = ""
    next_cursor: str = ""
    degraded: bool = False
    took_ms: int | None = None

    @property
    def fuzzy(self) -> bool:
        """The hits matched words spelled a letter or two differently."""
        return self.params.fuzzy


def shape_results(params: SearchParams, body: dict[str, Any]) -> SearchResults:
    raw_hits = body["hits"]["hits"]
    results = SearchResults(
        params=params,
        total=body["hits"]["total"]["value"],
        hits=[_hit(raw) for raw in raw_hits],
        facets=_facets(params, body.get("aggregations", {})),
        suggestion=_suggestion(params, body),
        took_ms=body.get("took"),
    )
    seen = (params.page - 1) * PAGE_SIZE + len(raw_hits)
    if len(raw_hits) == PAGE_SIZE and results.total > seen:
        results.next_cursor = encode_cursor(params, raw_hits[-1]["sort"])
    return results


def highlighted(fragments: list[str]) -> str:
    """Escape engine text, then turn the sentinel marks into <mark> elements."""
    html = " … ".join(escape(fragment) for fragment in fragments)
    return html.replace(MARK_OPEN, "<mark>").replace(MARK_CLOSE, "</mark>")


def _best(marks: dict[str, list[str]], names: tuple[str, ...]) -> list[str] | None:
    """The highlighted variant marking the most words (exact or folded)."""
    candidates = [marks[name] for name in names if marks.get(name)]
    if not candidates:
        return None
    return max(candidates, key=lambda fragments: "".join(fragments).count(MARK_OPEN))


def _hit(raw: dict[str, Any]) -> Hit:
    source, marks = raw["_source"], raw.get("highlight", {})
    title = _best(marks, ("title", "title.folded")) or [source.get("title", "")]
    snippet = _best(marks, ("description", "description.folded")) or _best(
        marks, ("body", "body.folded")
    )
    return Hit(
        uid=raw["_id"],
        kind=source.get("kind", ""),
        title=source.get("title", ""),
        url=source.get("url", ""),
        title_html=highlighted(title),
        snippet=highlighted(snippet or [(source.get("description") or "")[:240]]),
        subject=source.get("subject"),
        published_at=source.get("published_at"),
        downloads=source.get("downloads") or 0,
    )


def _facets(
    params: SearchParams, aggregations: dict[str, Any]
) -> dict[str, list[FacetValue]]:
    facets = {}
    for facet in FACET_FIELDS:
        aggregation = aggregations.get(facet, {})
        buckets = aggregation.get("values", aggregation).get("buckets", [])
        labels = FACET_CHOICES[facet]
        selected = set(params.filters.get(facet, []))
        values = [
            FacetValue(
                value=bucket["key"],
                label=str(labels.get(bucket["key"], bucket["key"])),
                count=bucket["doc_count"],
                selected=bucket["key"] in selected,
            )
            for bucket in buckets
        ]
        shown = {value.value for value in values}
        values += [
            FacetValue(
                value=value, label=str(labels.get(value, value)), count=0, selected=True
            )
            for value in selected - shown
        ]
        facets[facet] = values
    return facets


def _suggestion(params: SearchParams, body: dict[str, Any]) -> str:
    """A corrected query, from the retry of a search that found nothing."""
    entries = body.get("suggest", {}).get("did_you_mean", [])
    if not entries:
        return ""
    folded = fold_diacritics(params.query).lower()
    corrected, changed = folded, False
    for entry in reversed(entries):
        if entry["options"]:
            start, end = entry["offset"], entry["offset"] + entry["length"]
            corrected = (
                corrected[:start] + entry["options"][0]["text"] + corrected[end:]
            )
            changed = True
    return corrected if changed and corrected != folded else ""
