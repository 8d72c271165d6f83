"""The deep-linking picker: a teacher searches our published content and
sends the chosen items back to the platform.

The picker's address carries the token of the verified request, which is
the only proof it needs (see ``lti.views`` on CSRF inside an LMS frame).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from lti.errors import LtiError
from lti.services.deep_linking import deep_linking_request_open, deep_linking_respond
from lti.views import error_page, framed
from search.queries import parse_params, search


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@csrf_exempt
@never_cache
@framed
@require_http_methods(["GET", "POST"])
def deep_linking(request: HttpRequest, token: str) -> HttpResponse:
    """GET searches and lists; POST signs the choice and hands it back."""
    try:
        if request.method == "POST":
            return _respond(request, token)
        dl_request = deep_linking_request_open(token=token)
    except LtiError as error:
        return error_page(request, error)
    params = parse_params(request.GET)
    kind = (params.filters.get("kind") or [""])[0]
    results = search(params, facets=False) if params.query or kind else None
    return render(
        request,
        "lti/picker.html",
        {
            "params": params,
            "results": results,
            "kind": kind,
            "multiple": dl_request.accept_multiple,
        },
    )


def _respond(request: HttpRequest, token: str) -> HttpResponse:
    answer = deep_linking_respond(token=token, uids=request.POST.getlist("item"))
    # The auto-submitting form posts to the platform, which form-action must allow.
    request.csp_sources = {
        **request.csp_sources,
        "form-action": [_origin(answer.return_url)],
    }
    return render(
        request,
        "lti/deep_linking_return.html",
        {"return_url": answer.return_url, "jwt": answer.jwt, "items": answer.items},
    )
