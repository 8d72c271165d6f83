"""A page's address is found by walking the tree once; after that it is
remembered, and never leads anywhere stale."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import html
from wagtail.models import Locale, Site

from tests.factories import CourseModulePageFactory, translate_course
from tests.factories.courses import site_home, translate

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached_pages")]


def slug_lookups(client, url: str) -> tuple[int, int]:
    """The response status and how many child-by-slug queries it took."""
    with CaptureQueriesContext(connection) as queries:
        status = client.get(url).status_code
    return status, sum('"slug" = ' in q["sql"] for q in queries.captured_queries)


def test_a_known_lesson_address_is_not_walked_again(client, tree):
    assert slug_lookups(client, tree.reading.url) == (200, 4)
    assert slug_lookups(client, tree.reading.url) == (200, 0)


def test_an_unpublished_lesson_is_gone_at_once(client, tree):
    url = tree.reading.url
    client.get(url)

    tree.reading.unpublish()

    assert client.get(url).status_code == 404


def test_a_renamed_lesson_answers_at_its_new_address_only(client, tree):
    old_url = tree.reading.url
    client.get(old_url)

    tree.reading.slug = "la-cay-moi"
    tree.reading.save_revision().publish()
    tree.reading.refresh_from_db()

    assert client.get(old_url).status_code == 404
    assert client.get(tree.reading.url).status_code == 200
    assert tree.reading.url.endswith("/la-cay-moi/")


def test_a_moved_lesson_answers_at_its_new_address(client, tree):
    """The old address redirects there (Wagtail's automatic redirect), and
    the remembered route does not serve the page under its old module."""
    old_url = tree.reading.url
    client.get(old_url)
    second = CourseModulePageFactory(parent=tree.course, title="Chương 2")

    tree.reading.move(second, pos="last-child")
    tree.reading.refresh_from_db()

    old = client.get(old_url)
    assert (old.status_code, old["Location"]) == (301, tree.reading.url)
    assert client.get(tree.reading.url).status_code == 200


def test_a_translation_published_later_replaces_the_original_at_its_address(
    client, tree, django_capture_on_commit_callbacks
):
    """Before the English course exists its address shows the original;
    publishing the translation moves the content version, so the next
    English reader gets the translation."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english_home = tree.course.get_parent().get_translation(
        Locale.objects.get(language_code="en")
    )
    address = english_home.url + tree.course.slug + "/"
    assert "Sinh học 6: Quang hợp" in client.get(address).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        translate_course(tree.course, title="Biology 6: Photosynthesis")

    assert "Biology 6: Photosynthesis" in client.get(address).content.decode()


def _heading(response) -> str:
    return html.fromstring(response.content).xpath("string(//h1)").strip()


def test_a_site_moved_to_another_root_leads_there_at_once(
    client, tree, settings, django_capture_on_commit_callbacks
):
    """The site behind an address is remembered, but not past a change to it."""
    settings.ALLOWED_HOSTS = ["testserver", "khoa-hoc.example.vn"]
    with django_capture_on_commit_callbacks(execute=True):
        site = Site.objects.create(
            hostname="khoa-hoc.example.vn", root_page=tree.course
        )
    first = client.get("/", HTTP_HOST="khoa-hoc.example.vn")
    assert _heading(first) == "Sinh học 6: Quang hợp"

    site.root_page = tree.reading
    with django_capture_on_commit_callbacks(execute=True):
        site.save()

    again = client.get("/", HTTP_HOST="khoa-hoc.example.vn")
    assert _heading(again) == "Bài 1: Lá cây"
    assert _heading(client.get("/")) != "Bài 1: Lá cây"


def test_each_language_keeps_its_own_home_page(client, tree):
    """The remembered home page of one language is never served in another."""
    translate(site_home(), "en", title="National learning repository")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    vietnamese = client.get("/").content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get("/").content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    vietnamese_again = client.get("/").content.decode()

    assert "National learning repository" in english
    assert "National learning repository" not in vietnamese
    assert "National learning repository" not in vietnamese_again
