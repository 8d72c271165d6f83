import pytest

from tests.factories import (
    CoursePageFactory,
    HomePageFeaturedCourseFactory,
    MaterialFactory,
    MaterialImageFactory,
    PublishedMaterialFactory,
)

pytestmark = pytest.mark.django_db


def test_home_page_lists_featured_courses_and_newest_published_materials(
    client, home_page
):
    course = CoursePageFactory(title="Sinh học 6: Quang hợp")
    HomePageFeaturedCourseFactory(home_page=home_page, course=course)
    PublishedMaterialFactory(title="Phiếu bài tập phân số")
    MaterialFactory(title="Bản nháp chưa duyệt")

    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Sinh học 6: Quang hợp" in html
    assert "Phiếu bài tập phân số" in html
    assert "Bản nháp chưa duyệt" not in html


def test_home_page_hides_a_featured_course_once_unpublished(client, home_page):
    course = CoursePageFactory(title="Khóa học đã gỡ")
    HomePageFeaturedCourseFactory(home_page=home_page, course=course)
    course.unpublish()

    html = client.get("/").content.decode()

    assert "Khóa học đã gỡ" not in html


def test_home_page_works_with_no_content(client, home_page):
    response = client.get("/")

    assert response.status_code == 200
    assert home_page.headline in response.content.decode()


def test_course_covers_are_served_as_webp_renditions(client, home_page):
    course = CoursePageFactory(cover_image=MaterialImageFactory())
    HomePageFeaturedCourseFactory(home_page=home_page, course=course)

    html = client.get("/").content.decode()

    assert ".format-webp.webp" in html
    assert 'loading="lazy"' in html
