"""What the search views call: parameters in, results out, never an engine error.

The query is cleaned before it reaches the engine (NFC, length cap, operator
characters removed) and only plain ``multi_match`` and ``bool`` queries are
built from it, so nothing a visitor types can make the engine fail. When the
engine cannot answer, a simple database query stands in and the result says
search is degraded.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

from django.core import signing
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from elasticsearch import ApiError, TransportError

from lms.text import fold_diacritics, normalise
from lms.vocabulary import GradeLevel, Language, Licence, MaterialType, Subject
from search.client import SearchUnavailable, get_client
from search.documents import FACET_FIELDS
from search.indexing import alias_name

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 20
MAX_SUGGESTIONS = 8
SORTS = ("relevance", "newest", "downloads")
_OPERATORS = re.compile(r"[\"'+\-=&|><!(){}\[\]^~*?:\\/]+")
_MARK_OPEN, _MARK_CLOSE = "\ue000", "\ue001"
_CURSOR_SALT = "search.cursor"

FACET_CHOICES: dict[str, dict[str, Any]] = {
    "kind": {
        "material": gettext_lazy("Learning material"),
        "course": gettext_lazy("Course"),
        "lesson": gettext_lazy("Lesson"),
    },
    "subject": dict(Subject.choices),
    "grade_levels": dict(GradeLevel.choices),
    "language": dict(Language.choices),
    "material_type": dict(MaterialType.choices),
    "licence": dict(Licence.choices),
}
# Query-string names for the facets (``grade`` reads better than the field).
FACET_PARAMS = {
    "kind": "kind",
    "subject": "subject",
    "grade_levels": "grade",
    "language": "language",
    "material_type": "type",
    "licence": "licence",
}

TEXT_FIELDS = [
    "title^6",
    "keywords^3",
    "description^2",
    "people^2",
    "course_title",
    "body",
]


@dataclass
class SearchParams:
    query: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: str = "relevance"
    after: list[Any] | None = None
    page: int = 1
    messages: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


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


def clean_query(raw: str) -> tuple[str, list[str]]:
    """NFC, operator characters removed, whitespace collapsed, length capped."""
    messages = []
    text = normalise(raw or "")
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH]
        messages.append(
            _("Searches are limited to %(limit)d characters; the rest was ignored.")
            % {"limit": MAX_QUERY_LENGTH}
        )
    text = " ".join(_OPERATORS.sub(" ", text).split())
    return text, messages


def parse_params(data) -> SearchParams:
    """Validate query-string parameters; problems become messages, not errors."""
    query, messages = clean_query(data.get("q", ""))
    params = SearchParams(query=query, messages=messages)
    for facet, name in FACET_PARAMS.items():
        values = [value for value in data.getlist(name) if value]
        allowed = FACET_CHOICES[facet]
        unknown = [value for value in values if value not in allowed]
        if unknown:
            params.errors.append(
                _("Unknown %(name)s: %(values)s.")
                % {"name": name, "values": ", ".join(unknown[:5])}
            )
        chosen = [value for value in values if value in allowed]
        if chosen:
            params.filters[facet] = sorted(set(chosen))[:20]
    sort = data.get("sort") or "relevance"
    if sort not in SORTS:
        params.errors.append(
            _("Sort must be one of: %(choices)s.") % {"choices": ", ".join(SORTS)}
        )
        sort = "relevance"
    params.sort = sort
    _parse_position(data, params)
    return params


def _parse_position(data, params: SearchParams) -> None:
    page = data.get("page")
    cursor = data.get("after")
    if cursor:
        try:
            position = signing.loads(cursor, salt=_CURSOR_SALT)
            if position["for"] != [params.query, params.sort, params.filters]:
                raise ValueError("the cursor belongs to another search")
            params.after, params.page = position["after"], int(position["page"])
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            params.messages.append(
                _("That page link is no longer valid; showing the first page.")
            )
        return
    if page not in (None, "", "1"):
        params.messages.append(
            _(
                "Pages cannot be opened by number; showing the first page. "
                "Use “Next page” or narrow the search with the filters."
            )
        )


def encode_cursor(params: SearchParams, sort_values: list[Any]) -> str:
    """A signed position, valid only for the same words, sort and filters."""
    return signing.dumps(
        {
            "after": sort_values,
            "page": params.page + 1,
            "for": [params.query, params.sort, params.filters],
        },
        salt=_CURSOR_SALT,
    )


def _text_query(query: str) -> dict[str, Any]:
    """Folded (or English-stemmed) words decide the match; exactness adds score.

    Only the folded and English clauses carry ``minimum_should_match``, and
    only they decide which documents match, so a single shared word in a
    scoring-only clause (an author called Quang, say) never lets a document in.
    They are ``cross_fields``: the words may be spread over title, summary and
    keywords, as long as enough of them appear somewhere.
    """
    folded_fields = []
    for name in TEXT_FIELDS:
        field_name, _caret, boost = name.partition("^")
        folded = f"{field_name}.folded"
        folded_fields.append(f"{folded}^{boost}" if boost else folded)
    english_fields = ["title.english^3", "description.english", "body.english"]
    required = "2<75%"
    return {
        "bool": {
            "must": {
                "bool": {
                    "should": [
                        {
                            "multi_match": {
                                "query": query,
                                "fields": folded_fields,
                                "type": "cross_fields",
                                "minimum_should_match": required,
                            }
                        },
                        {
                            "multi_match": {
                                "query": query,
                                "fields": english_fields,
                                "type": "cross_fields",
                                "minimum_should_match": required,
                            }
                        },
                    ],
                    "minimum_should_match": 1,
                }
            },
            "should": [
                {
                    "multi_match": {
                        "query": query,
                        "fields": TEXT_FIELDS,
                        "type": "most_fields",
                    }
                },
                {"match_phrase": {"title.folded": {"query": query, "boost": 4}}},
                {"match_phrase": {"title": {"query": query, "boost": 4}}},
            ],
        }
    }


def _ranked(query: str) -> dict[str, Any]:
    base = _text_query(query) if query else {"match_all": {}}
    return {
        "function_score": {
            "query": base,
            "functions": [
                {
                    "field_value_factor": {
                        "field": "popularity",
                        "modifier": "log1p",
                        "factor": 1,
                        "missing": 0,
                    },
                    "weight": 0.5,
                }
            ],
            "boost_mode": "sum",
            "score_mode": "sum",
        }
    }


def _sort(params: SearchParams) -> list[Any]:
    if params.sort == "newest" or (params.sort == "relevance" and not params.query):
        return [{"published_at": {"order": "desc"}}, {"uid": "asc"}]
    if params.sort == "downloads":
        return [
            {"downloads": {"order": "desc"}},
            {"published_at": {"order": "desc"}},
            {"uid": "asc"},
        ]
    return ["_score", {"uid": "asc"}]


def _filter_clauses(
    filters: dict[str, list[str]], *, without: str | None = None
) -> list:
    return [
        {"terms": {facet: values}}
        for facet, values in filters.items()
        if facet != without
    ]


def _aggregations(params: SearchParams) -> dict[str, Any]:
    """One aggregation per facet, filtered by every other selected facet."""
    aggregations = {}
    for facet in FACET_FIELDS:
        terms = {"terms": {"field": facet, "size": 30}}
        aggregations[facet] = {
            "filter": {
                "bool": {"filter": _filter_clauses(params.filters, without=facet)}
            },
            "aggs": {"values": terms},
        }
    return aggregations


def build_request(params: SearchParams, *, facets: bool = True) -> dict[str, Any]:
    body: dict[str, Any] = {
        "query": _ranked(params.query),
        "post_filter": {"bool": {"filter": _filter_clauses(params.filters)}},
        "sort": _sort(params),
        "size": PAGE_SIZE + 1,
        "track_total_hits": True,
        "_source": [
            "kind",
            "title",
            "url",
            "subject",
            "published_at",
            "downloads",
            "description",
        ],
        "highlight": {
            "pre_tags": [_MARK_OPEN],
            "post_tags": [_MARK_CLOSE],
            "fields": {
                name: {"number_of_fragments": 0} for name in ("title", "title.folded")
            }
            | {
                name: {"fragment_size": 160, "number_of_fragments": 2}
                for name in ("description", "description.folded", "body", "body.folded")
            },
        },
    }
    if params.after:
        body["search_after"] = params.after
    if facets:
        body["aggs"] = _aggregations(params)
    if params.query and not params.after:
        body["suggest"] = {
            "did_you_mean": {
                "text": fold_diacritics(params.query).lower(),
                "term": {
                    "field": "title.folded",
                    "suggest_mode": "popular",
                    "min_word_length": 3,
                },
            }
        }
    return body


def search(params: SearchParams, *, facets: bool = True) -> SearchResults:
    """Run the search; fall back to the database when the engine cannot answer."""
    try:
        client = get_client()
        response = client.search(
            index=alias_name(), **build_request(params, facets=facets)
        )
    except (TransportError, ApiError, OSError, SearchUnavailable) as error:
        logger.warning("Search engine unavailable, using the database: %s", error)
        from search.fallback import database_search

        return database_search(params)
    return _results(params, response.body)


def _results(params: SearchParams, body: dict[str, Any]) -> SearchResults:
    raw_hits = body["hits"]["hits"]
    results = SearchResults(
        params=params,
        total=body["hits"]["total"]["value"],
        hits=[_hit(raw) for raw in raw_hits[:PAGE_SIZE]],
        facets=_facets(params, body.get("aggregations", {})),
        suggestion=_suggestion(params, body),
        took_ms=body.get("took"),
    )
    if len(raw_hits) > PAGE_SIZE:
        results.next_cursor = encode_cursor(params, raw_hits[PAGE_SIZE - 1]["sort"])
    return results


def highlighted(fragments: list[str]) -> str:
    """Escape engine text, then turn the sentinel marks into <mark> elements."""
    html = " … ".join(escape(fragment) for fragment in fragments)
    return html.replace(_MARK_OPEN, "<mark>").replace(_MARK_CLOSE, "</mark>")


def _best(marks: dict[str, list[str]], names: tuple[str, ...]) -> list[str] | None:
    """The highlighted variant marking the most words (exact or folded)."""
    candidates = [marks[name] for name in names if marks.get(name)]
    if not candidates:
        return None
    return max(candidates, key=lambda fragments: "".join(fragments).count(_MARK_OPEN))


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
        buckets = aggregations.get(facet, {}).get("values", {}).get("buckets", [])
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
    """A corrected query when the words look misspelled and few results came back."""
    entries = body.get("suggest", {}).get("did_you_mean", [])
    if not entries or body["hits"]["total"]["value"] >= 3:
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


def suggest(raw: str) -> dict[str, Any]:
    """Titles completing what is being typed, for the search box."""
    query, _messages = clean_query(raw)
    query = query[:100]
    if not query:
        return {"query": "", "suggestions": []}
    body = {
        "query": {
            "bool": {
                "must": {
                    "match": {"title.autocomplete": {"query": query, "operator": "and"}}
                },
                "should": [{"match_phrase_prefix": {"title.folded": {"query": query}}}],
            }
        },
        "size": MAX_SUGGESTIONS,
        "_source": ["kind", "title", "url"],
    }
    try:
        response = get_client().search(index=alias_name(), **body)
    except (TransportError, ApiError, OSError, SearchUnavailable) as error:
        logger.warning("Autocomplete unavailable: %s", error)
        return {"query": query, "suggestions": [], "degraded": True}
    return {
        "query": query,
        "suggestions": [
            {key: hit["_source"].get(key, "") for key in ("title", "url", "kind")}
            for hit in response.body["hits"]["hits"]
        ],
    }
