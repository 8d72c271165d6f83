"""A visitor on a phone browses from the home page to a lesson."""

import pytest

from tests.browser.journey import PAGE_WEIGHT_BUDGET

pytestmark = pytest.mark.browser


def test_visitor_browses_home_catalogue_course_and_lesson(journey):
    page = journey.page
    page.set_viewport_size({"width": 320, "height": 640})

    journey.visit("/")
    assert page.get_by_role("heading", level=1).count() == 1
    home_weight = journey.page_weight()

    page.get_by_role("link", name="Toán 6: Số tự nhiên và phân số").first.click()
    page.wait_for_load_state()
    journey.check("course")
    course_weight = journey.page_weight()

    page.get_by_role("link", name="Ước và bội").click()
    page.wait_for_load_state()
    journey.check("lesson")
    assert page.get_by_role("heading", level=1, name="Ước và bội").is_visible()

    journey.visit("/courses/")
    assert home_weight < PAGE_WEIGHT_BUDGET
    assert course_weight < PAGE_WEIGHT_BUDGET


def test_pages_read_at_320_pixels_without_sideways_scrolling(journey):
    journey.page.set_viewport_size({"width": 320, "height": 640})

    for path in ["/", "/courses/"]:
        journey.visit(path)
        overflow = journey.page.evaluate(
            "document.documentElement.scrollWidth - window.innerWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"


def test_keyboard_alone_reaches_the_main_content(journey):
    journey.visit("/")
    page = journey.page

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.id") == "main"
