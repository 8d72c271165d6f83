"""Every admin listing that reaches across the page tree keeps a teacher to
their own courses, as the explorer does; curators and site administrators
still find every course.

One teacher owns "Thiên văn lớp 6"; another teacher's course, with a draft
module and lesson, waits for curator review. Each listing is searched or
opened as the first teacher, then as a reviewer.
"""

import re
from dataclasses import dataclass

import pytest
from django.test import Client
from wagtail.models import Page

from accounts.roles import Role
from courses.models import CoursePage, LessonPage
from tests.factories import (
    CourseModulePageFactory,
    CoursePageFactory,
    CuratorFactory,
    LessonPageFactory,
    TeacherFactory,
    UserFactory,
)
from tests.factories.courses import site_catalogue

pytestmark = pytest.mark.django_db

WORD = "Thiên"
REVIEWERS = ["curator", "administrator"]


@dataclass
class Courses:
    teacher: object
    own: CoursePage
    own_lesson: LessonPage
    other: CoursePage
    other_lesson: LessonPage
    reviewers: dict

    @property
    def own_titles(self) -> list[str]:
        return [self.own.title, self.own_lesson.title]

    @property
    def other_titles(self) -> list[str]:
        return [self.other.title, self.other_module.title, self.other_lesson.title]

    @property
    def other_module(self) -> Page:
        return self.other_lesson.get_parent()


@pytest.fixture
def courses(db) -> Courses:
    teacher = TeacherFactory(username="giao_vien")
    own = CoursePageFactory(title="Thiên văn lớp 6", owner=teacher)
    own_module = CourseModulePageFactory(
        parent=own, owner=teacher, title="Chương 1: Bầu trời"
    )
    own_lesson = LessonPageFactory(
        parent=own_module, owner=teacher, title="Bài Thiên văn: Mặt Trời"
    )
    author = TeacherFactory(username="tac_gia")
    other = CoursePageFactory(title="Thiên văn nâng cao", owner=author)
    other_module = CourseModulePageFactory(
        parent=other, owner=author, title="Chương Thiên văn: Thiên hà", live=False
    )
    other_lesson = LessonPageFactory(
        parent=other_module, owner=author, title="Bài Thiên văn: Hố đen", live=False
    )
    other.save_revision(user=author, log_action=True)
    other.get_workflow().start(other, author)
    reviewers = {
        "curator": CuratorFactory(username="kiem_duyet"),
        "administrator": UserFactory(
            username="quan_tri", roles=[Role.SITE_ADMINISTRATOR]
        ),
    }
    return Courses(teacher, own, own_lesson, other, other_lesson, reviewers)


def _as(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _text(client: Client, url: str, **params) -> str:
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def _shows_none_of(text: str, titles: list[str]) -> bool:
    return not any(title in text for title in titles)


def _shows_all_of(text: str, titles: list[str]) -> bool:
    return all(title in text for title in titles)


# The page search, as a whole page and as the results Wagtail fetches while typing.

SEARCH_URLS = ["/admin/pages/search/", "/admin/pages/search/results/"]


@pytest.mark.parametrize("url", SEARCH_URLS)
def test_a_teacher_searching_pages_finds_only_their_own_courses(courses, url):
    found = _text(_as(courses.teacher), url, q=WORD)

    assert _shows_all_of(found, courses.own_titles)
    assert _shows_none_of(found, courses.other_titles)


@pytest.mark.parametrize("url", SEARCH_URLS)
@pytest.mark.parametrize("role", REVIEWERS)
def test_reviewers_searching_pages_find_every_course(courses, url, role):
    found = _text(_as(courses.reviewers[role]), url, q=WORD)

    assert _shows_all_of(found, courses.own_titles + courses.other_titles)


# The page chooser a teacher opens to link a page.


def _chooser(client: Client, url: str, **params) -> str:
    """The chooser's HTML; browsing returns it wrapped in JSON for the modal."""
    response = client.get(url, params)
    assert response.status_code == 200
    if response["Content-Type"].startswith("application/json"):
        return response.json()["html"]
    return response.content.decode()


def test_the_page_chooser_offers_a_teacher_only_their_own_courses(courses):
    client = _as(courses.teacher)
    catalogue = site_catalogue()

    browsed = _chooser(client, f"/admin/choose-page/{catalogue.pk}/")
    searched = _chooser(client, "/admin/choose-page/search/", q=WORD)
    inside_other = client.get(f"/admin/choose-page/{courses.other.pk}/")

    assert courses.own.title in browsed
    assert courses.other.title not in browsed
    assert _shows_all_of(searched, courses.own_titles)
    assert _shows_none_of(searched, courses.other_titles)
    assert inside_other.status_code == 404
    assert courses.other_module.title not in inside_other.content.decode()


@pytest.mark.parametrize("role", REVIEWERS)
def test_the_page_chooser_offers_reviewers_every_course(courses, role):
    client = _as(courses.reviewers[role])

    searched = _chooser(client, "/admin/choose-page/search/", q=WORD)

    assert _shows_all_of(searched, courses.own_titles + courses.other_titles)


# The admin API behind the sidebar's page explorer.


def _api_titles(client: Client, url: str, **params) -> list[str]:
    response = client.get(url, params)
    assert response.status_code == 200
    return [item["title"] for item in response.json()["items"]]


def test_the_admin_api_lists_a_teacher_only_their_own_courses(courses):
    client = _as(courses.teacher)
    catalogue = site_catalogue()
    pages = "/admin/api/main/pages/"

    searched = _api_titles(client, pages, search=WORD)
    below = _api_titles(client, pages, descendant_of=catalogue.pk)
    sidebar = _api_titles(client, pages, child_of=catalogue.pk, for_explorer=1)

    for titles in (searched, below):
        assert set(courses.own_titles) <= set(titles)
        assert not set(courses.other_titles) & set(titles)
    assert sidebar == [courses.own.title]
    assert client.get(f"{pages}{courses.other_lesson.pk}/").status_code == 404


@pytest.mark.parametrize("role", REVIEWERS)
def test_the_admin_api_lists_reviewers_every_course(courses, role):
    client = _as(courses.reviewers[role])

    searched = _api_titles(client, "/admin/api/main/pages/", search=WORD)

    assert set(courses.own_titles + courses.other_titles) <= set(searched)


# Reports, and the listing of the pages of one type.

REPORT_URLS = [
    "/admin/reports/site-history/",
    "/admin/reports/site-history/results/",
    "/admin/reports/workflow/",
    "/admin/reports/workflow/results/",
    "/admin/reports/workflow_tasks/",
    "/admin/reports/workflow_tasks/results/",
]


@pytest.mark.parametrize("url", REPORT_URLS)
def test_reports_show_a_teacher_nothing_of_other_teachers_courses(courses, url):
    report = _text(_as(courses.teacher), url)

    assert _shows_none_of(report, courses.other_titles)


@pytest.mark.parametrize("url", REPORT_URLS)
@pytest.mark.parametrize("role", REVIEWERS)
def test_reports_show_reviewers_every_course(courses, url, role):
    report = _text(_as(courses.reviewers[role]), url)

    assert courses.other.title in report


def test_the_site_history_still_shows_a_teacher_their_own_course(courses):
    report = _text(_as(courses.teacher), "/admin/reports/site-history/")

    assert courses.own.title in report


def test_the_page_types_usage_report_is_not_for_teachers(courses):
    """Its counts and "last edited page" column span every course."""
    client = _as(courses.teacher)

    report = client.get("/admin/reports/page-types-usage/", follow=True)
    results = client.get("/admin/reports/page-types-usage/results/")
    dashboard = _text(client, "/admin/")

    assert "you do not have permission" in report.content.decode()
    assert courses.other_lesson.title not in report.content.decode()
    assert results.status_code in {302, 403}
    assert "/admin/reports/page-types-usage/" not in dashboard


@pytest.mark.parametrize("role", REVIEWERS)
def test_reviewers_keep_the_page_types_usage_report(courses, role):
    client = _as(courses.reviewers[role])

    report = _text(client, "/admin/reports/page-types-usage/")

    assert "Course" in report
    assert "/admin/reports/page-types-usage/" in _text(client, "/admin/")


TYPE_USE_URLS = [
    "/admin/pages/usage/courses/coursepage/",
    "/admin/pages/usage/courses/coursepage/results/",
    "/admin/pages/usage/courses/lessonpage/",
    "/admin/pages/usage/courses/coursemodulepage/",
]


@pytest.mark.parametrize("url", TYPE_USE_URLS)
def test_the_pages_of_a_type_are_a_teachers_own(courses, url):
    listing = _text(_as(courses.teacher), url)

    assert _shows_none_of(listing, courses.other_titles)


def test_the_courses_listed_by_type_include_a_teachers_own(courses):
    client = _as(courses.teacher)

    course_listing = _text(client, "/admin/pages/usage/courses/coursepage/")
    lesson_listing = _text(client, "/admin/pages/usage/courses/lessonpage/")

    assert courses.own.title in course_listing
    assert courses.own_lesson.title in lesson_listing


@pytest.mark.parametrize("role", REVIEWERS)
def test_reviewers_see_every_page_of_a_type(courses, role):
    client = _as(courses.reviewers[role])

    listing = _text(client, "/admin/pages/usage/courses/lessonpage/")

    assert _shows_all_of(
        listing, [courses.own_lesson.title, courses.other_lesson.title]
    )


# The dashboard.


def _pages_counted(dashboard: str) -> int:
    return int(re.search(r"(\d+)\s+Pages?\s*<span", dashboard).group(1))


def test_the_dashboard_counts_only_a_teachers_own_pages(courses):
    dashboard = _text(_as(courses.teacher), "/admin/")

    # The course, module and lesson of the teacher, and the pages above them
    # in each language's tree: both catalogues and both home pages.
    assert _pages_counted(dashboard) == 7


@pytest.mark.parametrize("role", REVIEWERS)
def test_the_dashboard_counts_every_page_for_reviewers(courses, role):
    dashboard = _text(_as(courses.reviewers[role]), "/admin/")

    # Every page of every language's tree (the tree's root is not a page).
    assert _pages_counted(dashboard) == Page.objects.filter(depth__gt=1).count()
    assert courses.other.title in dashboard


def test_a_former_co_teacher_no_longer_sees_the_course_on_the_dashboard(courses):
    """They edited and submitted a lesson, then a curator took them off the
    course: their recent edits and pages in review no longer name it."""
    co_teacher = courses.teacher
    course = courses.other
    course.teachers.add(co_teacher)
    course.save_revision(user=courses.reviewers["curator"]).publish()
    lesson = LessonPageFactory(
        parent=courses.other_module, owner=co_teacher, title="Bài Thiên văn: Sao chổi"
    )
    lesson.save_revision(user=co_teacher, log_action=True)
    lesson.get_workflow().start(lesson, co_teacher)
    courses.own_lesson.save_revision(user=co_teacher, log_action=True)
    client = _as(co_teacher)
    assert lesson.title in _text(client, "/admin/")

    course.teachers.remove(co_teacher)
    course.save_revision(user=courses.reviewers["curator"]).publish()

    dashboard = _text(client, "/admin/")
    assert lesson.title not in dashboard
    assert courses.own_lesson.title in dashboard
