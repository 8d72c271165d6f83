"""Atom feeds of new materials and the sitemap."""

from lxml import etree

from tests.factories import MaterialFactory

ATOM = {"a": "http://www.w3.org/2005/Atom"}
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def entries(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return etree.fromstring(response.content).findall("a:entry", ATOM)


def test_feed_lists_published_materials_newest_first(client, repository):
    MaterialFactory(title="Bản nháp chưa duyệt")
    feed = entries(client, "/feeds/materials/")
    titles = [entry.findtext("a:title", namespaces=ATOM) for entry in feed]
    assert titles == [m.title for m in reversed(repository.materials)]
    newest = feed[0]
    enclosure = newest.find('a:link[@rel="enclosure"]', ATOM)
    assert enclosure.get("type") == "application/pdf"
    assert enclosure.get("href").endswith("/download/")
    assert newest.find("a:author/a:name", ATOM) is not None


def test_subject_feed_only_has_that_subject(client, repository):
    feed = entries(client, "/feeds/materials/vat-ly/")
    titles = {entry.findtext("a:title", namespaces=ATOM) for entry in feed}
    assert titles == {"Bài giảng điện học", "Video thí nghiệm"}


def test_unknown_subject_feed_is_not_found(client, db):
    assert client.get("/feeds/materials/alchemy/").status_code == 404


def test_sitemap_lists_public_pages_and_published_materials(client, repository):
    draft = MaterialFactory()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = {
        element.text
        for element in etree.fromstring(response.content).iterfind(".//s:loc", SITEMAP)
    }
    for material in repository.materials:
        assert f"http://testserver{material.get_absolute_url()}" in locations
    assert f"http://testserver{draft.get_absolute_url()}" not in locations
    assert any(loc.endswith(repository.courses[0].url) for loc in locations)
    assert any(loc.endswith(repository.lessons[0].url) for loc in locations)
