"""Wagtail's page view, routed through the reader's language in one query."""

from django.http import HttpRequest, HttpResponse
from wagtail import views as wagtail_views

from courses.translations import route_for_request


def serve(request: HttpRequest, path: str) -> HttpResponse:
    """Wagtail's ``serve`` (its hooks, privacy and password checks) on the
    route ``courses.translations`` finds: Wagtail's ``Page.route_for_request``
    reads a route already kept on the request instead of finding its own."""
    request._wagtail_route_for_request = route_for_request(request, path)
    return wagtail_views.serve(request, path)
