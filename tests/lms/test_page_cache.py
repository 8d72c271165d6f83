"""Anonymous visitors get whole pages from the cache, and never a wrong one."""

import re

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse
from django.test import Client
from wagtail.models import PageViewRestriction

from lms.fragments import DRAFT_ONLY_FIELDS, content_version
from lms.page_cache import HEADER
from materials.models import Material
from tests.factories import (
    CoursePageFactory,
    LessonPageFactory,
    PublishedMaterialFactory,
    StudentFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(db):
    return CoursePageFactory(title="Hóa học 8: Nguyên tử")


def test_the_second_anonymous_visit_is_served_from_the_cache(client, course):
    first = client.get(course.url)
    second = client.get(course.url)

    assert first[HEADER] == "miss"
    assert second[HEADER] == "hit"
    assert "Hóa học 8: Nguyên tử" in second.content.decode()
    assert second["Content-Type"].startswith("text/html")


def test_a_published_change_shows_on_the_next_anonymous_request(
    client, course, django_capture_on_commit_callbacks
):
    client.get(course.url)

    with django_capture_on_commit_callbacks(execute=True):
        course.title = "Hóa học 8: Nguyên tử và phân tử"
        course.save_revision().publish()

    answer = client.get(course.url)
    assert answer[HEADER] == "miss"
    assert "Hóa học 8: Nguyên tử và phân tử" in answer.content.decode()


def test_an_unpublished_page_is_gone_on_the_next_request(
    client, course, django_capture_on_commit_callbacks
):
    client.get(course.url)

    with django_capture_on_commit_callbacks(execute=True):
        course.unpublish()

    assert client.get(course.url).status_code == 404


def test_saving_a_draft_keeps_the_cached_pages(
    client, course, django_capture_on_commit_callbacks
):
    client.get(course.url)
    before = content_version()

    with django_capture_on_commit_callbacks(execute=True):
        course.title = "Bản nháp chưa duyệt"
        course.save_revision()

    assert content_version() == before
    answer = client.get(course.url)
    assert answer[HEADER] == "hit"
    assert "Bản nháp chưa duyệt" not in answer.content.decode()
    assert {"latest_revision", "draft_title"} <= DRAFT_ONLY_FIELDS


def test_a_signed_in_person_never_gets_the_anonymous_copy(client, course):
    client.get(course.url)
    learner = StudentFactory(display_name="Trần Văn Minh")
    client.force_login(learner)

    answer = client.get(course.url)

    assert HEADER not in answer
    assert "Trần Văn Minh" in answer.content.decode()
    assert "private" in answer["Cache-Control"]


def test_a_signed_in_page_is_never_kept_for_anyone_else(course):
    reader = Client()
    reader.force_login(StudentFactory(display_name="Lê Thị Hoa"))
    reader.get(course.url)

    anonymous = Client().get(course.url)

    assert anonymous[HEADER] == "miss"
    assert "Lê Thị Hoa" not in anonymous.content.decode()


def test_languages_never_mix(course):
    english, vietnamese = Client(), Client()
    english.cookies["django_language"] = "en"
    english.get(course.url)

    answers = {
        "vi": vietnamese.get(course.url),
        "en": english.get(course.url),
    }

    assert answers["vi"][HEADER] == "miss"
    assert answers["en"][HEADER] == "hit"
    assert 'lang="vi"' in answers["vi"].content.decode()
    assert 'lang="en"' in answers["en"].content.decode()
    assert "Accept-Language" in answers["en"]["Vary"]


def test_a_cached_page_carries_a_csrf_token_that_works_for_its_reader(course):
    Client().get(course.url)
    reader = Client(enforce_csrf_checks=True)

    page = reader.get(course.url)
    token = re.search(
        r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()
    ).group(1)
    switched = reader.post(
        "/i18n/setlang/",
        {"language": "en", "next": course.url, "csrfmiddlewaretoken": token},
    )

    assert page[HEADER] == "hit"
    assert switched.status_code == 302
    assert reader.cookies["django_language"].value == "en"


def test_a_waiting_message_is_shown_not_a_cached_page(client, course, rf):
    client.get(course.url)
    storage = CookieStorage(rf.get("/"))
    storage.add(constants.SUCCESS, "Đã gửi thư xác nhận")
    carrier = HttpResponse()
    storage.update(carrier)
    client.cookies["messages"] = carrier.cookies["messages"].value

    answer = client.get(course.url)

    assert HEADER not in answer
    assert "Đã gửi thư xác nhận" in answer.content.decode()


def test_a_browser_holding_the_page_gets_not_modified(client, course):
    first = client.get(course.url)

    again = client.get(course.url, headers={"if-none-match": first["ETag"]})

    assert again.status_code == 304
    assert again.content == b""
    assert first["Last-Modified"]


def test_a_password_protected_page_is_kept_from_those_without_the_password(course):
    lesson = LessonPageFactory(parent=course, title="Bài dành cho lớp 8A")
    restriction = PageViewRestriction.objects.create(
        page=lesson, restriction_type=PageViewRestriction.PASSWORD, password="lop8a"
    )
    pupil, passer_by = Client(), Client()
    pupil.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{lesson.pk}/",
        {"password": "lop8a", "return_url": lesson.url},
    )

    opened = pupil.get(lesson.url)
    asked = [passer_by.get(lesson.url) for _ in range(2)]

    assert HEADER not in opened
    assert opened.status_code == 200
    assert 'name="password"' not in opened.content.decode()
    assert all('name="password"' in answer.content.decode() for answer in asked)


def test_material_views_are_counted_on_cached_visits(client):
    material = PublishedMaterialFactory(title="Bảng tuần hoàn")
    url = material.get_absolute_url()

    client.get(url)
    cached = client.get(url)

    assert cached[HEADER] == "hit"
    assert Material.objects.get(pk=material.pk).view_count == 2


def test_counting_downloads_and_enrolments_keeps_cached_pages(
    client, course, django_capture_on_commit_callbacks
):
    from courses.services import enrolment_create
    from materials.services import material_record_download

    material = PublishedMaterialFactory()
    client.get(course.url)
    before = content_version()

    with django_capture_on_commit_callbacks(execute=True):
        material_record_download(material=material)
        enrolment_create(learner=StudentFactory(), course=course)

    assert content_version() == before
    assert client.get(course.url)[HEADER] == "hit"


def test_a_cached_visit_without_a_session_asks_nothing_of_the_database(
    client, course, django_assert_num_queries
):
    client.get(course.url)

    with django_assert_num_queries(0):
        answer = client.get(course.url)

    assert answer[HEADER] == "hit"
    assert "Hóa học 8: Nguyên tử" in answer.content.decode()


def test_an_anonymous_reader_with_a_session_still_gets_the_cached_page(course):
    Client().get(course.url)
    reader = Client()
    session = reader.session
    session["seen_welcome"] = True
    session.save()

    answer = reader.get(course.url)

    assert answer[HEADER] == "hit"
    assert "Hóa học 8: Nguyên tử" in answer.content.decode()
