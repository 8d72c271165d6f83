"""Content-Security-Policy and Permissions-Policy on every HTML page.

Django 5.2 has no CSP of its own (6.0 does, with the same ``request.csp_nonce``
this module offers, so templates carry over). One policy cannot fit every area:
the public site, which tens of millions of students visit, runs no inline
script at all and gets the strict policy; Wagtail's admin still renders inline
scripts in its form widgets and panels (wagtail/wagtail#1288), so only under
its prefix are inline scripts and styles allowed. The nonce goes into the
header only when a template asked for it, so a page a CDN caches for everyone
never carries a nonce anyone could reuse.

A response that already has a policy (material downloads send a sandbox)
keeps its own: the files of a SCORM package get a sandbox without
``allow-same-origin``, so its inline scripts run in an origin of their own and
cannot reach the site. The page that frames such a package sets
``request.csp_frames_self`` and may then frame the site's own addresses,
which no other page may. A view may also add sources of its own to any
directive through ``request.csp_sources`` (the LTI pages name the one
platform that may frame them and receive their form).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject, empty

# Placeholders in the policies below, filled in for each response.
NONCE = "{nonce}"
MEDIA = "{media}"
IDENTITY_PROVIDER = "{identity-provider}"

SITE_POLICY: dict[str, list[str]] = {
    "default-src": ["'self'"],
    "script-src": ["'self'", NONCE],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", "blob:", MEDIA],
    "media-src": ["'self'", MEDIA],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": ["'none'"],
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    # Matches X_FRAME_OPTIONS = "SAMEORIGIN": only the admin's own preview
    # frames the site's pages.
    "frame-ancestors": ["'self'"],
    "form-action": ["'self'", IDENTITY_PROVIDER],
}

# Changes to SITE_POLICY per address prefix; the first prefix that matches wins.
AREA_POLICIES: list[tuple[str, dict[str, list[str]]]] = [
    # Wagtail's admin: date pickers, inline panels and choosers render inline
    # scripts (some inside modal HTML run through jQuery), and its styles are
    # set inline. Signed-in staff only; a nonce would switch 'unsafe-inline' off.
    (
        "/admin/",
        {
            "script-src": ["'self'", "'unsafe-inline'"],
            "style-src": ["'self'", "'unsafe-inline'"],
            "frame-src": ["'self'"],
        },
    ),
    # Redoc's menu always shows its maker's logo from their CDN (a picture,
    # which runs nothing); the rest as for the other API pages below.
    (
        "/api/v1/redoc/",
        {
            "style-src": ["'self'", "'unsafe-inline'"],
            "worker-src": ["'self'", "blob:"],
            "img-src": ["'self'", "data:", "blob:", "https://cdn.redoc.ly"],
        },
    ),
    # The API's Swagger UI and Redoc pages: their scripts carry the nonce
    # (templates/drf_spectacular), but both libraries write <style> elements.
    (
        "/api/",
        {
            "style-src": ["'self'", "'unsafe-inline'"],
            "worker-src": ["'self'", "blob:"],
        },
    ),
]

PERMISSIONS_POLICY = ", ".join(
    [
        *(
            f"{feature}=()"
            for feature in (
                "accelerometer",
                "browsing-topics",
                "camera",
                "display-capture",
                "geolocation",
                "gyroscope",
                "hid",
                "magnetometer",
                "microphone",
                "midi",
                "payment",
                "serial",
                "usb",
            )
        ),
        # Lesson videos offer a full-screen button.
        "fullscreen=(self)",
    ]
)


class LazyNonce(SimpleLazyObject):
    """A fresh nonce made the first time a template prints it, so the header
    names a nonce only when the page has a script that carries it."""

    def __init__(self) -> None:
        super().__init__(lambda: secrets.token_urlsafe(18))

    @property
    def used(self) -> bool:
        return self._wrapped is not empty


class SecurityHeadersMiddleware:
    """Add the area's CSP and the Permissions-Policy to HTML responses."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.csp_nonce = LazyNonce()
        response = self.get_response(request)
        if is_html(response):
            add_headers(request, response)
        return response


def is_html(response: HttpResponse) -> bool:
    return response.get("Content-Type", "").startswith(
        ("text/html", "application/xhtml")
    )


def add_headers(request: HttpRequest, response: HttpResponse) -> None:
    """Set the headers a view has not set itself."""
    response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
    if has_policy(response):
        return
    nonce = request.csp_nonce if request.csp_nonce.used else None
    header = (
        "Content-Security-Policy-Report-Only"
        if settings.CSP_REPORT_ONLY
        else "Content-Security-Policy"
    )
    frames = getattr(request, "csp_frames_self", False)
    response[header] = policy_for(
        request.path,
        nonce=nonce,
        frames_self=frames,
        extra=getattr(request, "csp_sources", None),
    )


def has_policy(response: HttpResponse) -> bool:
    return any(
        name in response
        for name in ("Content-Security-Policy", "Content-Security-Policy-Report-Only")
    )


def policy_for(
    path: str,
    *,
    nonce: str | None,
    frames_self: bool = False,
    extra: dict[str, list[str]] | None = None,
) -> str:
    """The header value for a page at ``path``, with ``extra`` sources added."""
    directives = {**SITE_POLICY, **area_changes(path)}
    if frames_self:
        directives["frame-src"] = ["'self'"]
    for name, sources in (extra or {}).items():
        directives[name] = [*directives.get(name, []), *sources]
    values = {
        NONCE: [f"'nonce-{nonce}'"] if nonce else [],
        MEDIA: media_origins(),
        IDENTITY_PROVIDER: identity_provider_origins(),
    }
    parts = [
        " ".join([name, *expand(sources, values)])
        for name, sources in directives.items()
    ]
    if not settings.DEBUG:
        parts.append("upgrade-insecure-requests")
    if settings.CSP_REPORT_URI:
        parts.append(f"report-uri {settings.CSP_REPORT_URI}")
    return "; ".join(parts)


def area_changes(path: str) -> dict[str, list[str]]:
    for prefix, changes in AREA_POLICIES:
        if path.startswith(prefix):
            return changes
    return {}


def expand(sources: Iterable[str], values: dict[str, list[str]]) -> list[str]:
    """The sources with each placeholder replaced by its values, no repeats."""
    expanded: list[str] = []
    for source in sources:
        for value in values.get(source, [source]):
            if value not in expanded:
                expanded.append(value)
    return expanded


def media_origins() -> list[str]:
    """Where pictures, videos and material files are fetched from: the object
    store the storages name, an absolute MEDIA_URL, and CSP_EXTRA_ORIGINS (a
    CDN in front of the store) -- read from settings, never written down twice."""
    origins = [origin_of(settings.MEDIA_URL)]
    for name in ("default", "materials"):
        options = settings.STORAGES.get(name, {}).get("OPTIONS", {})
        origins.extend(object_store_origins(options))
    origins.extend(settings.CSP_EXTRA_ORIGINS)
    return [origin for origin in dict.fromkeys(origins) if origin]


def object_store_origins(options: dict) -> list[str]:
    """The origins django-storages' S3 backend builds file URLs on."""
    bucket = options.get("bucket_name")
    if not bucket:
        return []
    if options.get("custom_domain"):
        return [f"https://{options['custom_domain']}"]
    endpoint = options.get("endpoint_url")
    if endpoint:
        parts = urlsplit(endpoint)
        # Path-style (endpoint/bucket/key) or virtual-hosted (bucket.endpoint).
        return [origin_of(endpoint), f"{parts.scheme}://{bucket}.{parts.netloc}"]
    region = options.get("region_name")
    hosts = [f"{bucket}.s3.amazonaws.com"]
    if region:
        hosts.append(f"{bucket}.s3.{region}.amazonaws.com")
    return [f"https://{host}" for host in hosts]


def identity_provider_origins() -> list[str]:
    """The single sign-on provider, which a sign-in form may hand over to
    (Chromium applies form-action to the redirects after a form is sent)."""
    if not settings.SINGLE_SIGN_ON_ENABLED:
        return []
    return [origin_of(settings.OIDC_OP_AUTHORIZATION_ENDPOINT)]


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` of an absolute URL; "" for a relative one."""
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc}"
