"""How the OpenAPI schema describes the search API and the suggestions.

Parameters are built from the same constants ``search.queries`` validates
against, so the enumerated values cannot go stale; the answers' shapes are
the serializers the views render with.
"""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    PolymorphicProxySerializer,
)

from lms.api_errors import ERROR_SCHEMA
from search.queries import FACET_CHOICES, FACET_PARAMS, MAX_QUERY_LENGTH, SORTS
from search.serializers import (
    SearchErrorsSerializer,
    SearchResponseSerializer,
    SuggestResponseSerializer,
)

_FACET_DESCRIPTIONS = {
    "kind": "Kind of result",
    "subject": "Subject code",
    "grade_levels": "Grade level code",
    "language": "Language code",
    "material_type": "Material type code",
    "licence": "Licence code",
}
_REPEATABLE = (
    "; repeat the parameter for several, which match any of them. "
    "Unknown codes are refused with 400."
)
_NUL_REFUSED = "The request contains a NUL character."


def _facet_parameter(facet: str) -> OpenApiParameter:
    return OpenApiParameter(
        FACET_PARAMS[facet],
        str,
        many=True,
        enum=list(FACET_CHOICES[facet]),
        explode=True,
        style="form",
        description=_FACET_DESCRIPTIONS[facet] + _REPEATABLE,
    )


SEARCH_PARAMETERS = [
    OpenApiParameter(
        "q",
        str,
        description="Words to find. Operator characters are ignored and only the "
        f"first {MAX_QUERY_LENGTH} characters count (a message says so). "
        "Empty: everything, newest first.",
    ),
    *(_facet_parameter(facet) for facet in FACET_PARAMS),
    OpenApiParameter(
        "sort",
        str,
        enum=list(SORTS),
        default=SORTS[0],
        description="Order of the results; anything else is refused with 400.",
    ),
    OpenApiParameter(
        "after",
        str,
        description="Opaque cursor taken from `next`, valid for the same words, "
        "sort and filters only; a cursor that is not is ignored with a message.",
    ),
    OpenApiParameter(
        "page",
        int,
        description="Pages cannot be opened by number: any page but 1 shows the "
        "first page with a message. Follow `next` instead.",
    ),
]
SEARCH_RESPONSES = {
    200: OpenApiResponse(SearchResponseSerializer, description="One page of results."),
    400: OpenApiResponse(
        PolymorphicProxySerializer(
            component_name="SearchRefusal",
            serializers=[SearchErrorsSerializer, ERROR_SCHEMA],
            resource_type_field_name=None,
        ),
        description="Unknown filter codes or sort (`errors`), or a request "
        "carrying a NUL character (`error`).",
    ),
}

SUGGEST_PARAMETERS = [
    OpenApiParameter(
        "q",
        str,
        description="What has been typed so far; only the first 100 characters "
        "count. Empty: no suggestions.",
    ),
]
SUGGEST_RESPONSES = {
    200: OpenApiResponse(
        SuggestResponseSerializer, description="Up to 8 titles, best first."
    ),
    (400, "text/html"): OpenApiResponse(OpenApiTypes.STR, description=_NUL_REFUSED),
}
