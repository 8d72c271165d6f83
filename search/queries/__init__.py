"""What the search views call: parameters in, results out, never an engine error.

``params`` cleans and validates the query string, ``engine`` builds the
request and asks the engine (falling back to the database), ``results``
shapes the answer for pages and the API.
"""

from search.queries.engine import build_request, search, suggest
from search.queries.params import (
    FACET_CHOICES,
    FACET_PARAMS,
    MAX_QUERY_LENGTH,
    PAGE_SIZE,
    SORTS,
    SearchParams,
    clean_query,
    parse_params,
)
from search.queries.results import FacetValue, Hit, SearchResults, highlighted

__all__ = [
    "FACET_CHOICES",
    "FACET_PARAMS",
    "MAX_QUERY_LENGTH",
    "PAGE_SIZE",
    "SORTS",
    "FacetValue",
    "Hit",
    "SearchParams",
    "SearchResults",
    "build_request",
    "clean_query",
    "highlighted",
    "parse_params",
    "search",
    "suggest",
]
