"""Search page, autocomplete and JSON API: thin wrappers over search.queries."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from search.api_schema import (
    SEARCH_PARAMETERS,
    SEARCH_RESPONSES,
    SUGGEST_PARAMETERS,
    SUGGEST_RESPONSES,
)
from search.queries import FACET_PARAMS, SearchResults, parse_params, search, suggest
from search.serializers import (
    SearchErrorsSerializer,
    SearchResponseSerializer,
    SuggestResponseSerializer,
)


def _next_url(request: HttpRequest, results: SearchResults) -> str:
    if not results.next_cursor:
        return ""
    query = request.GET.copy()
    query.pop("page", None)
    query["after"] = results.next_cursor
    return f"?{query.urlencode()}"


def _facet_links(request: HttpRequest, results: SearchResults) -> list[dict]:
    """Each facet value with the link that toggles it (and resets paging)."""
    facets = []
    for facet, values in results.facets.items():
        name = FACET_PARAMS[facet]
        entries = []
        for value in values:
            query = request.GET.copy()
            query.pop("after", None)
            query.pop("page", None)
            chosen = [v for v in query.getlist(name) if v != value.value]
            if not value.selected:
                chosen.append(value.value)
            query.setlist(name, chosen)
            entries.append({"value": value, "url": f"?{query.urlencode()}"})
        if entries:
            facets.append({"name": name, "field": facet, "values": entries})
    return facets


@require_GET
def search_page(request: HttpRequest):
    params = parse_params(request.GET)
    results = search(params)
    suggestion_url = ""
    if results.suggestion:
        suggestion_url = "?" + urlencode({"q": results.suggestion})
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "params": params,
            "results": results,
            "facets": _facet_links(request, results),
            "chosen_filters": [
                (FACET_PARAMS[facet], value)
                for facet, values in params.filters.items()
                for value in values
            ],
            "next_url": _next_url(request, results),
            "suggestion_url": suggestion_url,
        },
    )


class AnswerInJson(BaseContentNegotiation):
    """JSON whatever the ``Accept`` header or a ``format`` parameter asks for."""

    def select_parser(self, request: Request, parsers: list) -> None:
        return None

    def select_renderer(self, request: Request, renderers: list, format_suffix=None):
        return renderers[0], renderers[0].media_type


class PublicJsonView(APIView):
    """GET-only JSON for anyone, at the site's own pace.

    No credentials are read (a stale token is no error), the API's rate limits
    do not apply (the search box asks on every key), HEAD and OPTIONS are
    refused as ``require_GET`` refuses them, and the answer is JSON whatever
    the client asks for, so a browser never sees DRF's HTML page.
    """

    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = []
    renderer_classes = [JSONRenderer]
    content_negotiation_class = AnswerInJson
    http_method_names = ["get"]


class SuggestView(PublicJsonView):
    """Titles completing what is being typed, for the search box (at most 8)."""

    @extend_schema(parameters=SUGGEST_PARAMETERS, responses=SUGGEST_RESPONSES)
    def get(self, request: Request) -> Response:
        answer = suggest(request.query_params.get("q", ""))
        return Response(SuggestResponseSerializer(answer).data)


class SearchApiView(PublicJsonView):
    """The search page as JSON; invalid parameters answer 400 naming the rule."""

    @extend_schema(parameters=SEARCH_PARAMETERS, responses=SEARCH_RESPONSES)
    def get(self, request: Request) -> Response:
        params = parse_params(request.query_params)
        if params.errors:
            refusal = SearchErrorsSerializer({"errors": params.errors})
            return Response(refusal.data, status=status.HTTP_400_BAD_REQUEST)
        results = search(params)
        next_url = None
        if results.next_cursor:
            next_url = request.build_absolute_uri(
                request.path + _next_url(request, results)
            )
        answer = SearchResponseSerializer(results, context={"next": next_url})
        return Response(answer.data)


suggest_view = SuggestView.as_view()
search_api = SearchApiView.as_view()
