"""Pages a visitor reads follow the chosen language through Wagtail's own
translations: one page tree per locale, tied together by translation_key."""

import pytest
from django.conf import settings
from wagtail.models import Locale

from lms.models import HomePage
from tests.factories import (
    CoursePageFactory,
    HomePageFeaturedCourseFactory,
    LessonPageFactory,
    translate,
)

pytestmark = pytest.mark.django_db


def read_in(client, language_code):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language_code


def test_vietnamese_and_english_are_the_content_locales():
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"vi", "en"}
    assert Locale.get_default().language_code == "vi"


def test_the_home_page_and_the_catalogue_exist_in_both_languages(home_page, catalogue):
    english = Locale.objects.get(language_code="en")

    assert home_page.get_translation(english).specific.headline == (
        "Open digital learning materials and courses"
    )
    assert catalogue.get_translation(english).title == "Courses"


def test_home_page_in_english_shows_the_english_hero(client, home_page):
    read_in(client, "en")

    html = client.get("/").content.decode()

    assert "Open digital learning materials and courses" in html
    assert home_page.headline not in html


def test_home_page_in_vietnamese_keeps_the_vietnamese_hero(client, home_page):
    html = client.get("/").content.decode()

    assert home_page.headline in html
    assert "Open digital learning materials and courses" not in html


def test_an_edited_english_hero_is_what_english_readers_see(client, home_page):
    translate(home_page, headline="Learn anything, for free")
    read_in(client, "en")

    assert "Learn anything, for free" in client.get("/").content.decode()


def test_the_cached_home_page_follows_the_language(client, home_page, settings):
    settings.PAGE_CACHE_SECONDS = 60
    client.get("/")
    read_in(client, "en")

    html = client.get("/").content.decode()

    assert "Open digital learning materials and courses" in html


def test_english_home_shows_the_english_translation_of_a_featured_course(
    client, home_page
):
    course = CoursePageFactory(title="Vật lí 9: Định luật Ôm")
    HomePageFeaturedCourseFactory(home_page=home_page, course=course)
    translate(course, title="Physics 9: Ohm's law")
    read_in(client, "en")

    html = client.get("/").content.decode()

    assert "Physics 9: Ohm&#x27;s law" in html
    assert "Vật lí 9: Định luật Ôm" not in html


def test_an_english_home_page_with_its_own_choice_shows_that_choice(client, home_page):
    HomePageFeaturedCourseFactory(
        home_page=home_page, course=CoursePageFactory(title="Sinh học 6")
    )
    HomePageFeaturedCourseFactory(
        home_page=HomePage.objects.get(locale__language_code="en"),
        course=CoursePageFactory(title="Toán 7"),
    )
    read_in(client, "en")

    html = client.get("/").content.decode()

    assert "Toán 7" in html
    assert "Sinh học 6" not in html


def test_the_catalogue_lists_each_course_once_in_the_readers_language(
    client, catalogue
):
    translated = CoursePageFactory(title="Vật lí 9: Định luật Ôm")
    CoursePageFactory(title="Sinh học 6: Quang hợp")
    translate(translated, title="Physics 9: Ohm's law")
    read_in(client, "en")

    html = client.get(catalogue.url).content.decode()

    assert "Physics 9: Ohm&#x27;s law" in html
    assert "Vật lí 9: Định luật Ôm" not in html
    assert html.count("Sinh học 6: Quang hợp") >= 1


def test_a_course_not_yet_translated_is_read_in_the_original(client):
    course = CoursePageFactory(title="Sinh học 6: Quang hợp")
    read_in(client, "en")

    response = client.get(course.url)

    assert response.status_code == 200
    assert "Sinh học 6: Quang hợp" in response.content.decode()


def test_a_translated_course_keeps_its_address_and_changes_language(client):
    course = CoursePageFactory(title="Vật lí 9: Định luật Ôm")
    english = translate(course, title="Physics 9: Ohm's law")

    assert english.url == course.url
    assert "Vật lí 9" in client.get(course.url).content.decode()
    read_in(client, "en")
    assert "Physics 9" in client.get(course.url).content.decode()


def test_a_lesson_not_yet_translated_is_read_under_the_translated_course(client):
    lesson = LessonPageFactory(title="Bài 1: Lá cây")
    translate(lesson.course, title="Biology 6")
    translate(lesson.get_parent().specific, title="Chapter 1")
    read_in(client, "en")

    response = client.get(lesson.url)

    assert response.status_code == 200
    assert "Bài 1: Lá cây" in response.content.decode()
