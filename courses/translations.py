"""One page in several languages, the Wagtail way.

Wagtail's translations of a page are separate pages, one per locale tree, that
share its ``translation_key``. The first page of such a group (the lowest id:
a translation is always copied from an existing page) is the original:
learner records belong to it, so a course has one set of enrolments, progress
and certificates whatever languages it is read in. Lists that show each
course once (search, the sitemap, open data) show the original, or the
reader's translation of it.
"""

import hashlib
from typing import TypeVar

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Substr
from django.http import Http404, HttpRequest
from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site
from wagtail.models.sites import (
    SITE_ROOT_PATHS_CACHE_KEY,
    SITE_ROOT_PATHS_CACHE_VERSION,
    SiteRootPath,
)
from wagtail.url_routing import RouteResult

from lms.fragments import content_version

P = TypeVar("P", bound=Page)
QS = TypeVar("QS", bound=QuerySet)


class UntranslatedChildrenMixin:
    """A page whose children may not all be translated yet: a child missing
    from this language's tree is served from another translation's (the
    original first), at the same address, so every page can be read in every
    language. Costs a query only when the child is missing: the child is
    looked up under every other translation at once."""

    def route(self, request, path_components):
        try:
            return super().route(request, path_components)
        except Http404:
            if not path_components:
                raise
        for child in _children_elsewhere(self, path_components[0]):
            try:
                return child.specific.route(request, path_components[1:])
            except Http404:
                continue
        raise Http404


def _children_elsewhere(page: Page, slug: str) -> list[Page]:
    """Children called ``slug`` of ``page``'s other translations, the
    earliest (the original) first."""
    others = Page.objects.filter(translation_key=page.translation_key)
    children = Page.objects.filter(depth=page.depth + 1, slug=slug).annotate(
        parent_path=Substr("path", 1, page.depth * page.steplen)
    )
    others = others.exclude(pk=page.pk).values("path")
    return list(children.filter(parent_path__in=others).order_by("pk"))


def original_page(page: P) -> P:
    """The original of ``page``'s translations (``page`` itself if it has none)."""
    first = (
        type(page)
        .objects.filter(translation_key=page.translation_key)
        .order_by("pk")
        .first()
    )
    return first or page


def originals(pages: QS) -> QS:
    """``pages`` without translations of a page that is also among them: each
    page once, as its earliest version in ``pages``."""
    earlier = pages.filter(
        translation_key=OuterRef("translation_key"), pk__lt=OuterRef("pk")
    )
    return pages.exclude(Exists(earlier))


def in_language(pages: QS, language_code: str) -> QS:
    """Each page of ``pages`` once: in ``language_code`` when ``pages`` hold
    that translation, otherwise as its earliest version."""
    same_group = pages.filter(translation_key=OuterRef("translation_key"))
    translated = Exists(same_group.filter(locale__language_code=language_code))
    earlier = Exists(same_group.filter(pk__lt=OuterRef("pk")))
    return pages.filter(
        Q(locale__language_code=language_code) | (~Q(translated) & ~Q(earlier))
    )


# The locales, by language code, read once per process: every page request
# needs the reader's, and they change only when an administrator adds or
# removes a language (the receivers connected in lms.apps then forget them).
_locale_ids: dict[str, int] = {}


def forget_locales(**kwargs) -> None:
    _locale_ids.clear()


def active_locale_id() -> int | None:
    """The id of the Locale of the active language, or of the default
    language's when the active one has none (as ``Locale.get_active()``)."""
    if not _locale_ids:
        _locale_ids.update(Locale.objects.values_list("language_code", "id"))
    for language_code in (get_language(), settings.LANGUAGE_CODE):
        try:
            return _locale_ids[get_supported_content_language_variant(language_code)]
        except (KeyError, LookupError):
            continue
    return None


def language_of(page: Page) -> str:
    """The language code of ``page``'s locale, without a query."""
    if not _locale_ids:
        _locale_ids.update(Locale.objects.values_list("language_code", "id"))
    for language_code, locale_id in _locale_ids.items():
        if locale_id == page.locale_id:
            return language_code
    return page.locale.language_code


def localized_root(root_page: Page) -> Page:
    """The site's home page in the reader's language, specific, in one query
    (``root_page.localized.specific`` takes three): the root page itself when
    it is in that language or has no live translation into it."""
    locale_id = active_locale_id()
    home_model = root_page.specific_class or type(root_page)
    if locale_id is not None and locale_id != root_page.locale_id:
        translation = home_model.objects.filter(
            translation_key=root_page.translation_key, locale_id=locale_id, live=True
        ).first()
        if translation is not None:
            return translation
    return root_page.specific


# A safety net only: publishing, unpublishing, moving or deleting a page
# moves the content version in the key well before this.
ROUTE_SECONDS = 3600


def route_for_request(request: HttpRequest, path: str) -> RouteResult | None:
    """What ``Page.route_for_request`` finds, through ``localized_root``.

    Walking the tree costs two queries per level (a lesson is four levels
    down); the page an address leads to is remembered under the content
    version, so a known address costs one query for the page itself. Only
    plain routes are remembered: a page that answers sub-paths of its own
    routes afresh each time.
    """
    root = home_for_request(request)
    if root is None:
        return None
    components = [component for component in path.split("/") if component]
    if not components:  # the home page itself: nothing to walk
        return _walk(request, root, components)
    key = _route_key(root, components)
    known = cache.get(key)
    if known is not None and (page := _live_page(*known)) is not None:
        return RouteResult(page)
    result = _walk(request, root, components)
    if result is None:
        return None
    page, args, kwargs = result
    if not args and not kwargs:
        cache.set(key, (page.content_type_id, page.pk, page.url_path), ROUTE_SECONDS)
    return result


def home_for_request(request: HttpRequest) -> Page | None:
    """The request's site's home page in the reader's language.

    Finding the site and its localised home costs two or three queries that
    compile wide Page SQL on every request, for an answer that changes only
    with the content version (saving or deleting a site moves it too). The
    site found is also left where Wagtail looks for it
    (``request._wagtail_site``), so nothing later in the request asks again.
    """
    hostname = split_domain_port(request._get_raw_host())[0]
    digest = hashlib.sha256(hostname.encode()).hexdigest()[:32]
    key = f"site-home:{content_version()}:{digest}:{request.get_port()}"
    key = f"{key}:{active_locale_id()}"
    known = cache.get(key)
    if known is not None:
        site, home = known
        request._wagtail_site = site
        return home
    site = Site.find_for_request(request)
    if site is None:
        return None
    home = localized_root(site.root_page)
    cache.set(key, (site, home), ROUTE_SECONDS)
    return home


def _walk(request: HttpRequest, root: Page, components: list[str]):
    try:
        return root.route(request, components)
    except Http404:
        return None


def _route_key(root: Page, components: list[str]) -> str:
    digest = hashlib.sha256("/".join(components).encode()).hexdigest()[:40]
    return f"route:{content_version()}:{root.pk}:{digest}"


def _live_page(content_type_id: int, pk: int, url_path: str) -> Page | None:
    """The remembered page, unless it has since been unpublished, moved or
    renamed (then the tree is walked again, whatever the content version)."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    return model.objects.filter(pk=pk, live=True, url_path=url_path).first()


_wagtail_site_root_paths = Site.get_site_root_paths


def use_site_root_paths() -> None:
    """Have Wagtail read the sites' root paths with ``site_root_paths``:
    every page address needs them, and Wagtail's own reading takes a query
    per site more. The result is the same list under the same cache key
    (tests/lms/test_site_root_paths.py compares the two)."""
    Site.get_site_root_paths = staticmethod(site_root_paths)


def site_root_paths() -> list[SiteRootPath]:
    """``Site.get_site_root_paths()`` in one query (Wagtail's takes one per
    site for its home page's translations), kept under Wagtail's cache key."""
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return _wagtail_site_root_paths()
    cached = cache.get(SITE_ROOT_PATHS_CACHE_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION)
    if cached is not None:
        return [SiteRootPath(*root_path) for root_path in cached]
    result = [
        SiteRootPath(site.id, site.home_path, site.root_url, site.home_language)
        for site in Site.objects.raw(_SITE_ROOT_PATHS_SQL)
    ]
    cache.set(
        SITE_ROOT_PATHS_CACHE_KEY,
        result,
        3600,
        version=SITE_ROOT_PATHS_CACHE_VERSION,
    )
    return result


# Each site with each translation of its root page, in Wagtail's order: most
# specific root path first, then the default site, then by host name; each
# site's translations in tree order.
_SITE_ROOT_PATHS_SQL = """
SELECT site.id, site.hostname, site.port, site.site_name, site.root_page_id,
       site.is_default_site,
       home.url_path AS home_path, locale.language_code AS home_language
FROM wagtailcore_site site
JOIN wagtailcore_page root ON root.id = site.root_page_id
JOIN wagtailcore_page home ON home.translation_key = root.translation_key
JOIN wagtailcore_locale locale ON locale.id = home.locale_id
ORDER BY root.url_path DESC, site.is_default_site DESC, site.hostname ASC,
         site.id ASC, home.path ASC
"""
