"""A new student signs up, follows a course to its certificate and verifies it."""

import uuid

import pytest
from playwright.sync_api import expect

from lms.demo.catalogue import DEMO_COURSES
from tests.browser.journey import (
    Journey,
    search_from_header,
)

# One worker serves every journey: the demo site is started once per process.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

# Three lessons, all required: two to mark done and one with a quiz of several
# questions, single and multiple choice.
COURSE = next(course for course in DEMO_COURSES if course.title.startswith("Toán 9"))
LESSONS = [lesson for _module, lessons in COURSE.modules for lesson in lessons]


def _sign_up(journey: Journey, display_name: str) -> None:
    page = journey.page
    token = uuid.uuid4().hex[:8]
    journey.visit("/accounts/signup/")
    page.locator("main input[name=username]").fill(f"hoc.sinh.{token}")
    page.locator("main input[name=display_name]").fill(display_name)
    page.locator("main input[name=email]").fill(f"hoc.sinh.{token}@example.edu.vn")
    page.locator("main input[name=password1]").fill("mat-khau-rat-dai-2026")
    page.locator("main input[name=password2]").fill("mat-khau-rat-dai-2026")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert "/accounts/signup/" not in page.url, page.locator("main").inner_text()
    journey.check("signed-up")
    assert page.locator(".site-nav__user").inner_text() == display_name


def _complete(journey: Journey, course_path: str, lesson) -> None:
    """Open a lesson from the course page and finish it: the quiz, or "done"."""
    page = journey.page
    journey.visit(course_path)
    page.get_by_role("link", name=lesson.title, exact=True).click()
    page.wait_for_load_state()
    journey.check("lesson")
    assert page.get_by_role("heading", level=1, name=lesson.title).is_visible()
    if lesson.quiz:
        for question in lesson.quiz:
            fieldset = page.locator("section.quiz fieldset", has_text=question.prompt)
            for answer in question.correct:
                fieldset.get_by_label(question.choices[answer], exact=True).check()
        page.locator("section.quiz form button[type=submit]").click()
        page.wait_for_load_state()
        journey.check("quiz-passed")
        assert page.locator(".quiz__result--passed").is_visible()
    else:
        page.locator("main form[action$='/done/'] button").click()
        page.wait_for_load_state()
        journey.check("lesson-done")
    assert page.locator("main section.completion").is_visible(), (
        f"{lesson.title} not completed"
    )


def test_student_signs_up_completes_a_course_and_verifies_the_certificate(journey):
    page = journey.page
    display_name = "Hoàng Thị Mai"
    _sign_up(journey, display_name)

    journey.visit("/courses/")
    page.get_by_role("link", name=COURSE.title, exact=True).first.click()
    page.wait_for_load_state()
    journey.check("course")
    course_path = page.url.removeprefix(page.evaluate("location.origin"))
    page.locator("main form[action$='/enrol/'] button").click()
    page.wait_for_load_state()
    journey.check("enrolled")
    assert page.locator("main form[action$='/unenrol/']").is_visible()
    assert page.locator("main a[href*='/learning/certificates/']").count() == 0

    for lesson in LESSONS:
        _complete(journey, course_path, lesson)

    journey.visit(course_path)
    page.locator("main a[href*='/learning/certificates/']").click()
    page.wait_for_load_state()
    journey.check("certificate")
    facts = page.locator("main dl.facts")
    assert display_name in facts.inner_text()
    assert COURSE.title in facts.inner_text()
    assert page.locator("main .message--success").is_visible()

    page.locator("main input[name='name_display'][value='initials']").check()
    page.locator("main input[name='is_public']").check()
    page.locator("main .certificate-privacy button[type='submit']").click()
    page.wait_for_load_state()
    journey.check("certificate-choices")
    assert "H. T. Mai" in page.locator("main dl.facts").inner_text()
    assert page.locator("meta[name='robots']").count() == 0

    journey.visit("/learning/")
    assert page.locator("main a[href*='/learning/certificates/']").count() == 2


def test_student_finds_a_course_without_diacritics(journey):
    journey.visit("/")
    search_from_header(journey, "he phuong trinh bac nhat")
    expect(journey.page.get_by_role("link", name=COURSE.title).first).to_be_visible()
