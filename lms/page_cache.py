"""Whole pages for anonymous visitors, served from the cache.

Most readers of a course or a material are not signed in, and they all see the
same page in their language. A view that renders such a page says so with
``cache_for_anonymous(request)`` (Wagtail pages through the ``before_serve_page``
hook); the middleware then keeps the rendered response and hands it to the next
anonymous visitor who asks for the same address in the same language.

Correctness rules:

- Each stored page carries the site-wide content version (``lms.fragments``)
  it was rendered at, read with the page in one round trip: publishing,
  unpublishing, moving or deleting a page or a material moves it, so the next
  request after a change is rendered afresh. Figures that change without a
  publish (download counts, enrolment numbers) are at most
  ``PAGE_CACHE_SECONDS`` old.
- Only anonymous GET/HEAD requests with no message waiting are served or
  stored; a response that sets a cookie of its own, or asks not to be cached,
  is not stored. Signed-in people always get their own page, marked private.
- Every page carries forms with a CSRF token: a page served from the cache
  gets fresh tokens for the visitor who receives it, and their CSRF cookie.
- Each stored page has an ETag and a Last-Modified date, so a browser that
  already holds it gets a 304 without a body.

Two middleware classes share the store. ``CachedPageMiddleware`` sits in
front of the session, authentication and messages middleware and answers
visitors who carry no session and no message cookie (nearly every reader)
without running them; ``AnonymousPageCacheMiddleware`` sits behind them,
serves the anonymous readers that do carry a session, and stores what
views allowed.
"""

from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.middleware.locale import LocaleMiddleware
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import http_date, quote_etag
from django.utils.module_loading import import_string
from wagtail.models import PageViewRestriction

from lms.fragments import CONTENT_VERSION_KEY, content_version

_ALLOWED = "_page_cache_allowed"
_TOKEN = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
# Headers a stored page keeps; cookies and per-request ids are never shared.
_KEPT_HEADERS = (
    "Content-Type",
    "Content-Language",
    "X-Frame-Options",
    "X-Robots-Tag",
    "Link",
)
HEADER = "X-Page-Cache"


@dataclass(frozen=True)
class StoredPage:
    content: bytes
    headers: tuple[tuple[str, str], ...]
    version: int  # the content version it was rendered at
    etag: str
    stored_at: float
    # What the view does on every visit besides rendering (count a view):
    # a dotted path and its keyword arguments, called on each hit.
    on_serve: tuple[str, dict] | None = None
    # The page frames the site's own addresses (a package player): the
    # security headers middleware, outside this one, must allow it on hits too.
    frames_self: bool = False


def cache_for_anonymous(
    request: HttpRequest, *, on_serve: tuple[str, dict] | None = None
) -> None:
    """Let the page this request renders be kept for anonymous visitors.

    Call it only from views whose anonymous answer depends on nothing but the
    address, the language and published content. ``on_serve`` names what the
    view must still do for each visitor served from the cache, as
    ``("package.module.function", {keyword arguments})``.
    """
    setattr(request, _ALLOWED, on_serve or True)


class AnonymousPageCacheMiddleware:
    """Serves and stores the pages views allowed (see the module docstring).

    Sits after the session, authentication, CSRF and messages middleware, so it
    knows who asks and the responses it returns still get the CSRF cookie.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not settings.PAGE_CACHE_SECONDS or not _anonymous_reader(request):
            response = self.get_response(request)
            if getattr(request, "user", None) and request.user.is_authenticated:
                patch_cache_control(response, private=True)
            return response
        key = _key(request)
        stored, version = _lookup(key)
        if stored is not None:
            return _serve(request, stored)
        response = self.get_response(request)
        if not _storable(request, response):
            return response
        frames = getattr(request, "csp_frames_self", False)
        allowed = getattr(request, _ALLOWED)
        stored = _store(key, response, allowed, version=version, frames_self=frames)
        return _describe(response, stored, hit=False)


class CachedPageMiddleware:
    """Answers cookie-less anonymous readers from the store, ahead of the
    session, authentication and messages middleware they have no use for.

    With no session cookie nobody is signed in and no message waits; the
    language is decided as ``LocaleMiddleware`` decides it, and the CSRF
    cookie is read and set as ``CsrfViewMiddleware`` does, through their own
    request and response hooks. Anything else goes on down the stack.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.locale = LocaleMiddleware(get_response)
        self.csrf = CsrfViewMiddleware(get_response)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not (settings.PAGE_CACHE_SECONDS and _without_session(request)):
            return self.get_response(request)
        self.locale.process_request(request)
        stored, _version = _lookup(_key(request))
        if stored is None:
            return self.get_response(request)
        self.csrf.process_request(request)
        return self.csrf.process_response(request, _serve(request, stored))


def _without_session(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def _anonymous_reader(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if "messages" in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    if user is None or user.is_authenticated:
        return False
    session = getattr(request, "session", None)
    if session is None or not request.COOKIES.get(settings.SESSION_COOKIE_NAME):
        return True
    return not (
        session.get("_messages")
        or session.get(PageViewRestriction.passed_view_restrictions_session_key)
    )


def _key(request: HttpRequest) -> str:
    address = f"{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()[:40]
    return f"page:{request.LANGUAGE_CODE}:{digest}"


def _lookup(key: str) -> tuple[StoredPage | None, int]:
    """The page stored under ``key`` if it is of the current content version,
    and that version: one round trip to the cache."""
    found = cache.get_many([CONTENT_VERSION_KEY, key])
    version = found.get(CONTENT_VERSION_KEY)
    version = content_version() if version is None else int(version)
    stored = found.get(key)
    if isinstance(stored, StoredPage) and stored.version == version:
        return stored, version
    return None, version


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    if not getattr(request, _ALLOWED, False):
        return False
    if response.status_code != 200 or response.streaming:
        return False
    if any(name != settings.CSRF_COOKIE_NAME for name in response.cookies):
        return False
    control = response.get("Cache-Control", "")
    return not any(word in control for word in ("private", "no-store", "no-cache"))


def _store(
    key: str,
    response: HttpResponse,
    allowed: object,
    *,
    version: int,
    frames_self: bool,
) -> StoredPage:
    content = response.content
    stored = StoredPage(
        content=content,
        version=version,
        headers=tuple(
            (name, response[name])
            for name in _KEPT_HEADERS
            if response.has_header(name)
        ),
        etag=quote_etag(hashlib.sha256(_TOKEN.sub(rb"\1\2", content)).hexdigest()[:32]),
        stored_at=time.time(),
        on_serve=allowed if isinstance(allowed, tuple) else None,
        frames_self=frames_self,
    )
    cache.set(key, stored, timeout=settings.PAGE_CACHE_SECONDS)
    return stored


def _serve(request: HttpRequest, stored: StoredPage) -> HttpResponse:
    if stored.frames_self:
        request.csp_frames_self = True
    if stored.on_serve:
        path, arguments = stored.on_serve
        import_string(path)(**arguments)
    if stored.etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(_fresh_tokens(request, stored.content))
        for name, value in stored.headers:
            response[name] = value
    return _describe(response, stored, hit=True)


def _describe(response: HttpResponse, stored: StoredPage, *, hit: bool) -> HttpResponse:
    response["ETag"] = stored.etag
    response["Last-Modified"] = http_date(stored.stored_at)
    response[HEADER] = "hit" if hit else "miss"
    # Shared caches must keep languages apart; browsers check back each time.
    patch_vary_headers(response, ("Cookie", "Accept-Language"))
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    return response


def _fresh_tokens(request: HttpRequest, content: bytes) -> bytes:
    """The stored tokens belong to whoever was served first: give this
    visitor their own (and, through get_token, their CSRF cookie)."""
    if b"csrfmiddlewaretoken" not in content:
        return content
    token = get_token(request).encode()
    return _TOKEN.sub(lambda match: match.group(1) + token + match.group(2), content)


def cacheable_for_anonymous(view):
    """Decorator form of ``cache_for_anonymous`` for function views and feeds."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs):
        cache_for_anonymous(request)
        return view(request, *args, **kwargs)

    return wrapped


def allow_public_page(page, request: HttpRequest, serve_args, serve_kwargs) -> None:
    """Wagtail hook (before_serve_page): a page reads the same for every
    anonymous visitor. A restricted page's answer to them is a sign-in
    redirect (never stored) or its password form, the same for everyone
    without the password; whoever gave it is never served from the cache."""
    cache_for_anonymous(request)
