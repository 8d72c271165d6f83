"""Search page, autocomplete and JSON API: thin wrappers over search.queries."""

from __future__ import annotations

from dataclasses import asdict
from urllib.parse import urlencode

from django.http import HttpRequest, JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from search.queries import FACET_PARAMS, SearchResults, parse_params, search, suggest


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


@require_GET
def suggest_view(request: HttpRequest) -> JsonResponse:
    return JsonResponse(suggest(request.GET.get("q", "")))


@require_GET
def search_api(request: HttpRequest) -> JsonResponse:
    """The search page as JSON; invalid parameters answer 400 naming the rule."""
    params = parse_params(request.GET)
    if params.errors:
        return JsonResponse({"errors": params.errors}, status=400)
    results = search(params)
    facets = {
        FACET_PARAMS[facet]: [asdict(value) for value in values]
        for facet, values in results.facets.items()
    }
    return JsonResponse(
        {
            "query": params.query,
            "total": results.total,
            "page": params.page,
            "degraded": results.degraded,
            "messages": params.messages,
            "suggestion": results.suggestion,
            "results": [asdict(hit) for hit in results.hits],
            "facets": facets,
            "next": request.build_absolute_uri(
                request.path + _next_url(request, results)
            )
            if results.next_cursor
            else None,
        },
        json_dumps_params={"ensure_ascii": False},
    )
