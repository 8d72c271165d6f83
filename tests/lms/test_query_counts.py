"""The home page runs the same number of queries however much it shows."""

import pytest

from tests.factories import (
    CoursePageFactory,
    HomePageFeaturedCourseFactory,
    MaterialImageFactory,
    PublishedMaterialFactory,
)
from tests.query_counts import render_cold

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached_pages")]

# Cold: the site and page, view restrictions, the featured courses with their
# covers' renditions, the site's root paths and the newest materials with
# their authors. Warm: the newest materials come from the cached fragment,
# the root paths and the site with its localised home page from the cache.
# The root paths of every language's home page are one query
# (courses.translations.site_root_paths).
HOME_QUERIES_COLD = 10
HOME_QUERIES_WARM = 6


def _feature(home_page, count: int) -> None:
    for _ in range(count):
        HomePageFeaturedCourseFactory(
            home_page=home_page,
            course=CoursePageFactory(cover_image=MaterialImageFactory()),
        )
        PublishedMaterialFactory()


def test_home_page_queries_do_not_grow_with_courses_and_materials(
    client, home_page, django_assert_num_queries
):
    _feature(home_page, 3)
    render_cold(client, "/")
    with django_assert_num_queries(HOME_QUERIES_COLD):
        client.get("/")
    with django_assert_num_queries(HOME_QUERIES_WARM):
        client.get("/")

    _feature(home_page, 6)
    render_cold(client, "/")
    with django_assert_num_queries(HOME_QUERIES_COLD):
        response = client.get("/")
    with django_assert_num_queries(HOME_QUERIES_WARM):
        client.get("/")

    html = response.content.decode()
    assert html.count('class="card__image"') == 9
    assert html.count('class="card card--material"') == 8  # the newest shown
