import pytest
from django.core.cache import cache

from lms.signals import search_relevant_change
from materials.models import Material
from tests.factories import CoursePageFactory, PublishedMaterialFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_the_newest_materials_fragment_is_served_from_the_cache(client, home_page):
    material = PublishedMaterialFactory(title="Phiếu bài tập phân số")
    client.get("/")
    Material.objects.filter(pk=material.pk).update(title="Đổi tên không báo")

    html = client.get("/").content.decode()

    assert "Phiếu bài tập phân số" in html
    assert "Đổi tên không báo" not in html


def test_a_published_material_appears_at_once(
    client, home_page, django_capture_on_commit_callbacks
):
    client.get("/")

    with django_capture_on_commit_callbacks(execute=True):
        PublishedMaterialFactory(title="Học liệu mới xuất bản")

    assert "Học liệu mới xuất bản" in client.get("/").content.decode()


def test_a_change_announced_outside_publishing_refreshes_the_fragment(
    client, home_page, django_capture_on_commit_callbacks
):
    material = PublishedMaterialFactory(title="Tên cũ")
    client.get("/")
    Material.objects.filter(pk=material.pk).update(title="Tên mới")

    with django_capture_on_commit_callbacks(execute=True):
        search_relevant_change.send(sender=Material, instance=material)

    assert "Tên mới" in client.get("/").content.decode()


def test_publishing_a_page_bumps_the_version(
    home_page, django_capture_on_commit_callbacks
):
    from lms.fragments import content_version

    before = content_version()

    with django_capture_on_commit_callbacks(execute=True):
        CoursePageFactory()

    assert content_version() > before


def test_saving_other_rows_leaves_the_fragments_alone(
    django_capture_on_commit_callbacks,
):
    from tests.factories import StudentFactory

    with django_capture_on_commit_callbacks() as callbacks:
        StudentFactory()

    assert callbacks == []


def test_the_version_is_not_reused_after_the_cache_loses_it():
    from lms.fragments import bump_content_version, content_version

    before = content_version()
    bump_content_version()
    cache.clear()

    assert content_version() > before + 1


def _has_next_page(client, url: str) -> bool:
    return 'rel="next"' in client.get(url).content.decode()


def test_the_material_count_follows_publishing(
    client, django_capture_on_commit_callbacks
):
    from materials.views import PAGE_SIZE

    for _ in range(PAGE_SIZE):
        PublishedMaterialFactory()
    assert not _has_next_page(client, "/materials/")

    with django_capture_on_commit_callbacks(execute=True):
        PublishedMaterialFactory()

    assert _has_next_page(client, "/materials/")


def test_each_set_of_filters_has_its_own_count(client):
    from materials.views import PAGE_SIZE

    for _ in range(PAGE_SIZE + 1):
        PublishedMaterialFactory(subject="toan")
    PublishedMaterialFactory(subject="ngu-van")

    assert _has_next_page(client, "/materials/")
    assert not _has_next_page(client, "/materials/?subject=ngu-van")
    assert _has_next_page(client, "/materials/?subject=toan")
