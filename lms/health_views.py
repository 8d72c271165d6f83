"""Probe endpoints for load balancers and orchestrators.

``/healthz`` answers as long as the process can run Python: it touches no
database, so a restart loop is never triggered by a dependency outage.
``/readyz`` names every dependency and answers 503 when any one is down, so a
load balancer stops sending traffic until it is back.
"""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from lms.health import run_checks


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


@never_cache
@require_safe
def readyz(request: HttpRequest) -> JsonResponse:
    results = run_checks()
    ready = all(result.ok for result in results)
    body = {
        "status": "ok" if ready else "unavailable",
        "checks": {result.name: result.as_json() for result in results},
    }
    return JsonResponse(body, status=200 if ready else 503)
