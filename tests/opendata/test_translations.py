"""Open data lists a course read in several languages once: the API, the
OAI-PMH repository and the sitemap all give its original."""

import pytest
from lxml import etree

from opendata.oai.records import make_identifier
from tests.factories import CoursePageFactory, translate

pytestmark = pytest.mark.django_db

OAI = {"oai": "http://www.openarchives.org/OAI/2.0/"}
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def translated_course():
    course = CoursePageFactory(title="Sinh học 6: Quang hợp")
    translate(course, title="Biology 6: Photosynthesis")
    return course


def test_the_api_lists_a_translated_course_once(client, translated_course):
    listing = client.get("/api/v1/courses/").json()

    assert [course["id"] for course in listing["results"]] == [translated_course.pk]


def test_oai_pmh_lists_a_translated_course_once(client, translated_course):
    response = client.get(
        "/oai/", {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"}
    )

    tree = etree.fromstring(response.content)
    identifiers = [e.text for e in tree.iterfind(".//oai:header/oai:identifier", OAI)]
    assert identifiers == [make_identifier("course", translated_course.pk)]


def test_the_sitemap_lists_a_translated_course_once(client, translated_course):
    response = client.get("/sitemap.xml")

    locations = [
        element.text
        for element in etree.fromstring(response.content).iterfind(".//s:loc", SITEMAP)
    ]
    assert [loc for loc in locations if loc.endswith(translated_course.url)] == [
        translated_course.full_url
    ]
    assert len(locations) == len(set(locations))


def test_the_sitemap_lists_a_page_that_exists_only_in_english(client, catalogue):
    english_only = CoursePageFactory(
        parent=translate(catalogue), title="History of the Internet"
    )

    response = client.get("/sitemap.xml")

    assert f"<loc>{english_only.full_url}</loc>".encode() in response.content
