"""Probe endpoints for load balancers and orchestrators.

``/healthz`` answers as long as the process can run Python: it touches no
database, so a restart loop is never triggered by a dependency outage.
``/readyz`` names every dependency and answers 503 when any one is down, so a
load balancer stops sending traffic until it is back.

They are answered by a middleware placed before Django's host validation,
HTTPS redirect, sessions and locale handling: probes arrive over plain HTTP
with whatever Host header the orchestrator uses (often the machine's IP),
and must neither be refused as a bad host nor redirected.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.cache import add_never_cache_headers

from lms.health import run_checks

SAFE_METHODS = {"GET", "HEAD"}


def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


def readyz(request: HttpRequest) -> JsonResponse:
    results = run_checks()
    ready = all(result.ok for result in results)
    body = {
        "status": "ok" if ready else "unavailable",
        "checks": {result.name: result.as_json() for result in results},
    }
    return JsonResponse(body, status=200 if ready else 503)


PROBES: dict[str, Callable[[HttpRequest], JsonResponse]] = {
    "/healthz": healthz,
    "/readyz": readyz,
}


class ProbeMiddleware:
    """Answer the probe paths directly; pass every other request on."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        probe = PROBES.get(request.path_info)
        if probe is None:
            return self.get_response(request)
        if request.method not in SAFE_METHODS:
            response = HttpResponse(status=405)
            response["Allow"] = "GET, HEAD"
        else:
            response = probe(request)
        add_never_cache_headers(response)
        return response
