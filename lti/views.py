"""The tool's addresses: keys, login initiation, launch, hand-off, errors.

The LMS frames these pages, so they may be framed (by https pages only) and
post no form through Django's CSRF check: the CSRF cookie is SameSite=Lax and
never reaches a framed page. Each request is instead tied to a secret of its
own: the state cookie of the login, or the token in the picker's address.

The site's session cookie stays SameSite=Lax everywhere. Rather than loosen
it for a whole site that tens of millions use, a learner launched inside an
iframe is offered the course in a new window, where the session works; a
launch in a window of its own goes straight there.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lms.links import absolute_url
from lti.errors import LtiError
from lti.keys import jwks
from lti.services.launch import handoff_take, launch_accept
from lti.services.login import login_start

STATE_COOKIE = "lti1p3_state"
BACKEND = "accounts.backends.RateLimitedModelBackend"


def framed(view):
    """Let an LMS page frame the view's answer: any https page (and, while
    developing, any http one)."""

    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        ancestors = ["https:", "http:"] if settings.DEBUG else ["https:"]
        request.csp_sources = {"frame-ancestors": ancestors}
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return xframe_options_exempt(wrapped)


def error_page(request: HttpRequest, error: LtiError) -> HttpResponse:
    return render(
        request,
        "lti/error.html",
        {"message": error.message, "code": error.code, "retry_url": error.retry_url},
        status=error.status,
    )


@require_GET
def key_set(request: HttpRequest) -> JsonResponse:
    """Our public keys, which platforms check our signatures against."""
    response = JsonResponse(jwks())
    response["Cache-Control"] = "public, max-age=300"
    return response


@csrf_exempt
@never_cache
@framed
@require_http_methods(["GET", "POST"])
def login_initiation(request: HttpRequest) -> HttpResponse:
    """Answer the platform's third-party login with our authorisation request."""
    params = request.POST if request.method == "POST" else request.GET
    try:
        started = login_start(
            params={name: params.get(name, "") for name in params},
            redirect_uri=absolute_url(reverse("lti:launch"), request),
        )
    except LtiError as error:
        return error_page(request, error)
    response = redirect(started.url)
    # Sent back on the platform's cross-site POST only with SameSite=None.
    response.set_cookie(
        STATE_COOKIE,
        started.state,
        max_age=600,
        path="/lti/",
        secure=True,
        httponly=True,
        samesite="None",
    )
    return response


@csrf_exempt
@never_cache
@framed
@require_POST
def launch(request: HttpRequest) -> HttpResponse:
    """Verify the platform's id_token and take the person where it leads."""
    try:
        accepted = launch_accept(
            request=request,
            id_token=request.POST.get("id_token", ""),
            state=request.POST.get("state", ""),
            cookie_state=request.COOKIES.get(STATE_COOKIE, ""),
            login_url=reverse("lti:login"),
        )
    except LtiError as error:
        return error_page(request, error)
    if accepted.deep_linking_token:
        response = redirect("lti:deep_linking", token=accepted.deep_linking_token)
    else:
        target = reverse("lti:continue", args=[accepted.handoff_token])
        if request.headers.get("Sec-Fetch-Dest") == "iframe":
            response = render(request, "lti/new_window.html", {"continue_url": target})
        else:
            response = redirect(target)
    response.delete_cookie(STATE_COOKIE, path="/lti/", samesite="None")
    return response


@never_cache
@require_GET
def continue_launch(request: HttpRequest, token: str) -> HttpResponse:
    """Sign the launched person in, first-party, and show them the target."""
    try:
        handoff = handoff_take(token=token)
    except LtiError as error:
        return error_page(request, error)
    login(request, handoff.user, backend=BACKEND)
    return redirect(handoff.target_url)
