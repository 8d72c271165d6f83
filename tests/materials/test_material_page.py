import pytest

from lms.vocabulary import PackageKind
from tests.factories import MaterialFactory, PublishedMaterialFactory

pytestmark = pytest.mark.django_db


def test_published_material_page_shows_its_description_and_licence(client):
    material = PublishedMaterialFactory(
        title="Đề kiểm tra Địa lý 10", description="Đề 45 phút có đáp án."
    )

    response = client.get(material.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert "Đề kiểm tra Địa lý 10" in html
    assert "Đề 45 phút có đáp án." in html
    assert 'href="https://creativecommons.org/licenses/by/4.0/" rel="license"' in html


def test_a_course_package_page_says_which_standard_it_follows(client):
    material = PublishedMaterialFactory(package_kind=PackageKind.SCORM_2004)

    html = client.get(material.get_absolute_url()).content.decode()

    assert "<dt>Package standard</dt><dd>SCORM 2004</dd>" in html


def test_material_urls_use_an_ascii_slug():
    material = PublishedMaterialFactory(title="Đề kiểm tra Địa lý 10")

    assert material.get_absolute_url() == (
        f"/materials/{material.pk}-de-kiem-tra-dia-ly-10/"
    )


def test_draft_material_page_is_not_found_for_the_public(client):
    draft = MaterialFactory()

    assert client.get(draft.get_absolute_url()).status_code == 404


def test_an_outdated_slug_redirects_to_the_current_address(client):
    material = PublishedMaterialFactory(title="Phiếu học tập")

    response = client.get(f"/materials/{material.pk}-old-title/")

    assert response.status_code == 301
    assert response["Location"] == material.get_absolute_url()
