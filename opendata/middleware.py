"""Refusing requests that carry NUL characters, before anything queries with them.

PostgreSQL text cannot hold NUL, so a NUL in a path, query value, cookie or
token would otherwise surface as a database error (a 500) wherever the value
reaches a query: a session lookup, a token lookup, a redirect lookup on 404.
No legitimate client sends one, so the request is answered 400 up front.
OAI-PMH is left alone: the protocol answers bad arguments itself, in XML, and
its view never puts raw argument text into a query.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _

from lms.api_errors import error_body

NUL = "\x00"


def _has_nul(request: HttpRequest) -> bool:
    if NUL in request.path_info or NUL in request.META.get("HTTP_AUTHORIZATION", ""):
        return True
    values = [*request.GET.keys(), *request.COOKIES.values()]
    values += [value for _key, value in request.GET.lists() for value in value]
    return any(NUL in value for value in values)


def reject_nul_bytes(get_response: Callable) -> Callable:
    def middleware(request: HttpRequest) -> HttpResponse:
        if not request.path_info.startswith("/oai/") and _has_nul(request):
            message = _("The request contains a NUL character.")
            if request.path_info.startswith("/api/"):
                return JsonResponse(error_body("invalid", message), status=400)
            return HttpResponseBadRequest(message)
        return get_response(request)

    return middleware
