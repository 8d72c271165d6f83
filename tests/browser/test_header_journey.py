"""The header on a phone: small until asked, then a menu of the person's work."""

import pytest

from tests.browser.journey import Journey, sign_in

# One worker serves every journey: the demo site is started once per process.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

PHONE = {"width": 390, "height": 844}
COLLAPSED_HEADER_MAX = 80  # pixels of an 844 px screen


def _header_height(journey: Journey) -> float:
    return journey.page.evaluate(
        "document.querySelector('.site-header').getBoundingClientRect().height"
    )


def _overflow(journey: Journey) -> int:
    return journey.page.evaluate(
        "document.documentElement.scrollWidth - window.innerWidth"
    )


def test_a_visitors_header_is_small_on_a_phone_and_opens_as_a_menu(journey):
    page = journey.page
    page.set_viewport_size(PHONE)
    journey.visit("/materials/")

    assert _header_height(journey) <= COLLAPSED_HEADER_MAX
    assert not page.get_by_role("link", name="Khóa học", exact=True).is_visible()
    assert _overflow(journey) <= 0

    page.locator("header summary").click()
    journey.check("menu-open")
    page.get_by_role("link", name="Khóa học", exact=True).click()
    page.wait_for_load_state()
    assert page.url.endswith("/courses/")


def test_a_teacher_reaches_their_work_from_the_phone_menu(journey):
    page = journey.page
    sign_in(journey, "teacher.lan", "teacher-demo-2026")
    assert page.url.endswith("/materials/mine/"), page.url

    page.set_viewport_size(PHONE)
    for path in ("/materials/mine/", "/materials/upload/", "/learning/teaching/"):
        journey.visit(path)
        assert _header_height(journey) <= COLLAPSED_HEADER_MAX, path
        assert _overflow(journey) <= 0, f"{path} scrolls sideways"

    page.locator("header summary").click()
    journey.check("teacher-menu-open")
    page.locator("header").get_by_role("link", name="Tải lên học liệu").click()
    page.wait_for_load_state()
    assert page.url.endswith("/materials/upload/")


def test_the_whole_header_shows_on_a_wide_screen(journey):
    page = journey.page
    page.set_viewport_size({"width": 1280, "height": 800})
    sign_in(journey, "curator", "curator-demo-2026")

    assert page.url.endswith("/materials/review/"), page.url
    assert not page.locator("header summary").is_visible()
    review = page.locator("header").get_by_role("link", name="Danh sách chờ kiểm duyệt")
    assert review.is_visible()
    assert page.locator("header [role=search] input[name=q]").is_visible()
