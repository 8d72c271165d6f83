"""Every screen a person meets first, on a phone and on a desktop.

Each screen is screenshot (tests/browser/screenshots/) and checked with
axe-core and the security policy, as a visitor and as each demo role on
their own start page. Pages are found by following links, as a person would,
so the walk holds whatever the demo content is called.
"""

from urllib.parse import quote

import pytest

from lms.demo.people import DEMO_ACCOUNTS
from tests.browser.journey import Journey, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

WIDTHS = {
    "phone": {"width": 390, "height": 844},
    "desktop": {"width": 1280, "height": 900},
}
ROLE_SCREENS = {
    "student.an": ["/learning/"],
    "teacher.lan": ["/materials/mine/", "/materials/upload/"],
    "curator": ["/materials/review/"],
}


def _follow_first(journey: Journey, selector: str, name: str) -> str:
    link = journey.page.locator(selector).first
    href = link.get_attribute("href")
    assert href, f"no {name} to follow"
    journey.visit(href)
    return href


def _lesson_with_quiz(journey: Journey, course_path: str) -> None:
    journey.visit(course_path)
    lessons = journey.page.locator("main a[href^='/courses/']").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    for href in dict.fromkeys(lessons):
        if href.rstrip("/").count("/") < course_path.rstrip("/").count("/") + 1:
            continue
        journey.page.goto(href)
        if journey.page.locator("main form.quiz, main .quiz form").count():
            journey.check(f"{href}-quiz")
            return
    pytest.fail(f"no lesson with a quiz in {course_path}")


def _password(username: str) -> str:
    return next(a.password for a in DEMO_ACCOUNTS if a.username == username)


@pytest.mark.parametrize("width", WIDTHS)
def test_public_screens(journey, width):
    journey.page.set_viewport_size(WIDTHS[width])

    journey.visit("/")
    journey.visit("/courses/")
    course = _follow_first(journey, "main a[href^='/courses/'][href$='/']", "course")
    _lesson_with_quiz(journey, course)
    journey.visit("/materials/")
    _follow_first(journey, "main a[href^='/materials/'][href$='/']", "material")
    journey.visit(f"/search/?q={quote('phân số')}")
    journey.visit("/accounts/login/")

    assert len(journey.visited) >= 8


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("username", [*ROLE_SCREENS, "admin"])
def test_each_role_starts_on_its_own_work(journey, width, username):
    """Signing in lands on the person's own work; each of their screens
    passes the same checks."""
    journey.page.set_viewport_size(WIDTHS[width])

    sign_in(journey, username, _password(username))
    for path in ROLE_SCREENS.get(username, []):
        journey.visit(path)
