"""What the search views call: parameters in, results out, never an engine error.

The query is cleaned before it reaches the engine (NFC, length cap, operator
characters removed) and only plain ``multi_match`` and ``bool`` queries are
built from it, so nothing a visitor types can make the engine fail. When the
engine cannot answer, a simple database query stands in and the result says
search is degraded.
"""

import logging
from dataclasses import replace
from typing import Any

from django.conf import settings
from elasticsearch import ApiError, TransportError

from lms.text import fold_diacritics
from search.client import SearchUnavailable, guarded
from search.documents import FACET_FIELDS
from search.indexing import alias_name
from search.queries.fallback import database_search
from search.queries.params import (
    MAX_SUGGESTIONS,
    PAGE_SIZE,
    SearchParams,
    clean_query,
)
from search.queries.results import MARK_CLOSE, MARK_OPEN, SearchResults, shape_results

logger = logging.getLogger(__name__)

TEXT_FIELDS = [
    "title^6",
    "keywords^3",
    "description^2",
    "people^2",
    "course_title",
    "body",
]


def _folded_fields() -> list[str]:
    fields = []
    for name in TEXT_FIELDS:
        field_name, _caret, boost = name.partition("^")
        folded = f"{field_name}.folded"
        fields.append(f"{folded}^{boost}" if boost else folded)
    return fields


ENGLISH_FIELDS = ["title.english^3", "description.english", "body.english"]
PHRASE_BOOST = 10  # the title holds the words in the order typed: "học sinh"
REQUIRED_WORDS = "2<75%"  # up to two words: all of them; more: three in four


def _matching(query: str, *, fuzzy: bool) -> dict[str, Any]:
    """What decides whether a document matches at all.

    Folded (or English-stemmed) words, ``cross_fields``: the words may be
    spread over title, summary and keywords, as long as enough of them
    appear somewhere. A ``fuzzy`` query also accepts words one or two
    letters away (one for a syllable of three to five letters), for the
    search that found nothing as typed.
    """
    if fuzzy:
        return {
            "multi_match": {
                "query": query,
                "fields": _folded_fields() + ENGLISH_FIELDS,
                "type": "best_fields",
                "fuzziness": "AUTO",
                "prefix_length": 1,
                "max_expansions": 20,
                "minimum_should_match": REQUIRED_WORDS,
            }
        }
    return {
        "bool": {
            "should": [
                {
                    "multi_match": {
                        "query": query,
                        "fields": fields,
                        "type": "cross_fields",
                        "minimum_should_match": REQUIRED_WORDS,
                    }
                }
                for fields in (_folded_fields(), ENGLISH_FIELDS)
            ],
            "minimum_should_match": 1,
        }
    }


def _text_query(query: str, *, fuzzy: bool = False) -> dict[str, Any]:
    """Folded (or English-stemmed) words decide the match; exactness adds score.

    Only the matching clause carries ``minimum_should_match``, and only it
    decides which documents match, so a single shared word in a scoring-only
    clause (an author called Quang, say) never lets a document in. The exact
    words and the title phrase, with or without diacritics, only add score:
    "má" ranks the title with "má" above those with "ma" or "mà".
    """
    return {
        "bool": {
            "must": _matching(query, fuzzy=fuzzy),
            "should": [
                {
                    "multi_match": {
                        "query": query,
                        "fields": TEXT_FIELDS,
                        "type": "most_fields",
                    }
                },
                {
                    "match_phrase": {
                        "title.folded": {"query": query, "boost": PHRASE_BOOST}
                    }
                },
                {"match_phrase": {"title": {"query": query, "boost": PHRASE_BOOST}}},
            ],
        }
    }


def _ranked(query: str, *, fuzzy: bool = False) -> dict[str, Any]:
    base = _text_query(query, fuzzy=fuzzy) if query else {"match_all": {}}
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
    """One aggregation per facet, filtered by every other selected facet.

    A facet with no other selection counts directly, without a filter
    wrapper that would only match everything at extra cost.
    """
    aggregations = {}
    for facet in FACET_FIELDS:
        terms = {"terms": {"field": facet, "size": 30}}
        others = _filter_clauses(params.filters, without=facet)
        if not others:
            aggregations[facet] = terms
            continue
        aggregations[facet] = {
            "filter": {"bool": {"filter": others}},
            "aggs": {"values": terms},
        }
    return aggregations


HIGHLIGHTED_WHOLE = ("title", "title.folded")
HIGHLIGHTED_FRAGMENTS = ("description", "description.folded", "body", "body.folded")


def _highlight(params: SearchParams) -> dict[str, Any]:
    """Marks on the words found, exact or folded, from a query made for marking.

    The ranking query (function score, cross fields, phrases) is costly to
    take apart for every hit and field; a plain match of the same words on
    the highlighted fields marks the same words for a fraction of the cost.
    """
    fields = {name: {"number_of_fragments": 0} for name in HIGHLIGHTED_WHOLE} | {
        name: {"fragment_size": 160, "number_of_fragments": 2}
        for name in HIGHLIGHTED_FRAGMENTS
    }
    highlight: dict[str, Any] = {
        "pre_tags": [MARK_OPEN],
        "post_tags": [MARK_CLOSE],
        "fields": fields,
    }
    if params.query:
        words: dict[str, Any] = {
            "query": params.query,
            "fields": list(fields),
            "type": "most_fields",
        }
        if params.fuzzy:
            words |= {"fuzziness": "AUTO", "prefix_length": 1, "max_expansions": 20}
        highlight["highlight_query"] = {"multi_match": words}
    return highlight


def build_request(params: SearchParams, *, facets: bool = True) -> dict[str, Any]:
    body: dict[str, Any] = {
        "query": _ranked(params.query, fuzzy=params.fuzzy),
        "post_filter": {"bool": {"filter": _filter_clauses(params.filters)}},
        "sort": _sort(params),
        "size": PAGE_SIZE,
        "track_total_hits": True,  # exact: it also tells whether a next page exists
        "_source": [
            "kind",
            "title",
            "url",
            "subject",
            "published_at",
            "downloads",
            "description",
        ],
        "highlight": _highlight(params),
    }
    if params.after:
        body["search_after"] = params.after
    if facets:
        body["aggs"] = _aggregations(params)
    if params.query and params.fuzzy and not params.after:
        # Only the retry of a search that found nothing offers a correction.
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
    """Run the search; fall back to the database when the engine cannot answer.

    A search that finds nothing as typed is asked again with fuzzy words, so
    a slip of one letter ("quang hpo") still shows its results, marked as
    results for similar words, with a "did you mean" correction when the
    engine has one. Searches that find something never pay for either.
    """
    results = _ask(params, facets=facets)
    if results.total or results.degraded or not params.query or params.fuzzy:
        return results
    similar = _ask(replace(params, fuzzy=True), facets=facets)
    if similar.degraded:
        return results
    answer = similar if similar.total else results
    answer.suggestion = _finding_correction(params, similar.suggestion)
    return answer


def _finding_correction(params: SearchParams, correction: str) -> str:
    """The correction, if searching it as typed finds something.

    The engine corrects each word to a more common one on its own, so the
    corrected query as a whole may match nothing ("dinh omx" becomes "dong
    om" while similar words found "Định luật Ôm"): such a correction would
    lead the visitor away from the answer already shown.
    """
    if not correction:
        return ""
    checked = _ask(replace(params, query=correction, after=None), facets=False)
    return correction if checked.total else ""


def _ask(params: SearchParams, *, facets: bool) -> SearchResults:
    try:
        with guarded() as client:
            response = client.search(
                index=alias_name(), **build_request(params, facets=facets)
            )
    except (TransportError, ApiError, OSError, SearchUnavailable) as error:
        logger.warning("Search engine unavailable, using the database: %s", error)
        return database_search(params)
    return shape_results(params, response.body)


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
        with guarded(patient=False) as client:
            response = client.options(
                request_timeout=settings.SEARCH_SUGGEST_TIMEOUT
            ).search(index=alias_name(), **body)
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
