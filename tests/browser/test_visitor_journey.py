"""A visitor on a phone browses from the home page to a lesson."""

from urllib.parse import quote

import pytest

from tests.browser.journey import PAGE_WEIGHT_BUDGET

# One worker serves every journey: the demo site is started once per process.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

# Demo content that seed_demo creates (lms/demo/catalogue/maths.py).
COURSE = "Toán 6: Số tự nhiên và phân số"
LESSON = "Ước và bội"
SEARCH_PATH = f"/search/?q={quote('phân số')}"


def test_visitor_browses_home_catalogue_course_and_lesson(journey):
    page = journey.page
    page.set_viewport_size({"width": 320, "height": 640})

    journey.visit("/")
    assert page.get_by_role("heading", level=1).count() == 1

    page.get_by_role("link", name=COURSE).first.click()
    page.wait_for_load_state()
    journey.check("course")

    page.get_by_role("link", name=LESSON).click()
    page.wait_for_load_state()
    journey.check("lesson")
    assert page.get_by_role("heading", level=1, name=LESSON).is_visible()

    journey.visit("/courses/")


def test_public_pages_stay_under_the_weight_budget_on_a_phone(journey):
    """Home, course, lesson and a search with results, each loaded as a
    first-time visitor on a 320 px phone would, without video."""
    page = journey.page
    page.set_viewport_size({"width": 320, "height": 640})
    journey.forget_cache()

    weights = {"home": journey.weigh("/")}
    course = page.get_by_role("link", name=COURSE).first.get_attribute("href")
    weights["course"] = journey.weigh(course)
    lesson = page.get_by_role("link", name=LESSON).get_attribute("href")
    weights["lesson"] = journey.weigh(lesson)
    weights["search"] = journey.weigh(SEARCH_PATH)
    assert page.locator("main .hit").count() > 0, "the search found nothing"

    over = [
        f"{name} page: {weight / 1024:.1f} KB"
        for name, weight in weights.items()
        if weight >= PAGE_WEIGHT_BUDGET
    ]
    assert not over, (
        f"over the {PAGE_WEIGHT_BUDGET // 1024} KB budget: {', '.join(over)}"
    )


def test_pages_read_at_320_pixels_without_sideways_scrolling(journey):
    page = journey.page
    page.set_viewport_size({"width": 320, "height": 640})

    def assert_fits(path: str) -> None:
        journey.visit(path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - window.innerWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"

    assert_fits("/")
    assert_fits("/courses/")
    assert_fits(page.get_by_role("link", name=COURSE).first.get_attribute("href"))
    assert_fits(page.get_by_role("link", name=LESSON).get_attribute("href"))
    assert_fits(SEARCH_PATH)


def test_search_results_come_first_on_a_phone(journey):
    """The filters wait behind one line on a phone and open beside the
    results where there is room."""
    page = journey.page
    page.set_viewport_size({"width": 390, "height": 844})
    journey.visit(SEARCH_PATH)

    first_hit = page.locator("main .hit").first.bounding_box()
    assert first_hit is not None and first_hit["y"] < 844
    assert not page.locator("#facets").evaluate("panel => panel.open")

    page.set_viewport_size({"width": 1280, "height": 800})
    assert page.locator("#facets").evaluate("panel => panel.open")
    journey.check("search-wide")


def test_keyboard_alone_reaches_the_main_content(journey):
    journey.visit("/")
    page = journey.page

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.id") == "main"
