"""Page addresses come from the sites' root paths, read in one query: the
same list, in the same order, as Wagtail's own reading."""

import pytest
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Locale, Site

from courses import translations
from lms.models import HomePage

pytestmark = pytest.mark.django_db


def _both() -> tuple[list, list]:
    cache.clear()
    ours = translations.site_root_paths()
    cache.clear()
    return ours, translations._wagtail_site_root_paths()


def test_root_paths_are_wagtails_for_the_default_site(home_page):
    ours, wagtails = _both()

    assert ours == wagtails
    assert {root.language_code for root in ours} == {"vi", "en"}


def test_root_paths_are_wagtails_for_several_sites(home_page):
    english = HomePage.objects.get(locale__language_code="en")
    Site.objects.create(hostname="en.example.org", port=443, root_page=english)
    Site.objects.create(hostname="vi.example.org", port=8080, root_page=home_page)

    ours, wagtails = _both()

    assert ours == wagtails
    assert len(ours) == 6


def test_page_addresses_read_the_root_paths_once(home_page, django_assert_num_queries):
    cache.clear()
    with django_assert_num_queries(1):
        assert Site.get_site_root_paths() == Site.get_site_root_paths()


def test_a_new_locale_is_seen_at_once(settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("fr", "French")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES
    with translation.override("fr"):
        assert translations.active_locale_id() == Locale.get_default().pk
        french = Locale.objects.create(language_code="fr")
        assert translations.active_locale_id() == french.pk
