"""The materials list and a material's page run the same number of queries
however many materials (with their authors) or courses using it they show."""

import pytest

from tests.factories import (
    CourseModulePageFactory,
    CoursePageFactory,
    LessonPageFactory,
    PublishedMaterialFactory,
)
from tests.query_counts import render_cold

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached_pages")]

# The page of materials with their authors; the total is counted once per
# content version (lms.fragments.ContentCountPaginator), then read from the cache.
LIST_QUERIES = 1
LIST_QUERIES_COLD = 2
# The material with its author, the view count update, the pages referring to
# it, their paths and the courses above them, then the keywords, co-authors and
# site for its structured description (the site's root paths in every
# language, in one query).
DETAIL_QUERIES = 8


def test_material_list_queries_do_not_grow_with_materials(
    client, django_assert_num_queries
):
    for _ in range(3):
        PublishedMaterialFactory()
    render_cold(client, "/materials/")
    with django_assert_num_queries(LIST_QUERIES_COLD):
        client.get("/materials/")
    with django_assert_num_queries(LIST_QUERIES):
        client.get("/materials/")

    for _ in range(6):
        PublishedMaterialFactory()
    render_cold(client, "/materials/")
    with django_assert_num_queries(LIST_QUERIES_COLD):
        client.get("/materials/")
    with django_assert_num_queries(LIST_QUERIES):
        response = client.get("/materials/")

    assert response.content.decode().count('class="card card--material"') == 9


def _use_in_courses(material, count: int) -> None:
    for _ in range(count):
        module = CourseModulePageFactory(parent=CoursePageFactory())
        LessonPageFactory(
            parent=module, body=[("material", {"material": material, "note": ""})]
        )


def test_material_page_queries_do_not_grow_with_courses_using_it(
    client, django_assert_num_queries
):
    material = PublishedMaterialFactory()
    url = material.get_absolute_url()
    _use_in_courses(material, 3)
    render_cold(client, url)
    with django_assert_num_queries(DETAIL_QUERIES):
        client.get(url)

    _use_in_courses(material, 6)
    render_cold(client, url)
    with django_assert_num_queries(DETAIL_QUERIES):
        response = client.get(url)

    html = response.content.decode()
    courses = html.split('id="courses-heading"')[1]
    assert courses.count("<li>") == 9
