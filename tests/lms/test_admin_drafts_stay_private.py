"""No Wagtail admin report, export or page view shows a teacher what another
teacher keeps in draft.

Another teacher has a draft material waiting for review and a draft course,
locked and in review. Every report Wagtail registers (found from its URL
patterns, so a report added later is walked too), in HTML, CSV and XLSX, and
every admin view of one page are opened as a teacher who is nothing more;
none may name the draft or its author.
"""

import io

import openpyxl
import pytest
from django.test import Client
from django.urls import URLPattern, get_resolver, reverse
from django.utils import timezone

from materials.services import material_submit_for_review
from tests.factories import (
    CourseModulePageFactory,
    CoursePageFactory,
    CuratorFactory,
    LessonPageFactory,
    MaterialFactory,
    TeacherFactory,
)

pytestmark = pytest.mark.django_db

SECRET_MATERIAL = "Đề thi bí mật học kỳ"
SECRET_COURSE = "Khoá học nháp riêng"
SECRET_LESSON = "Bài học nháp riêng"
AUTHOR = "Cô Lê Thị Riêng"
SECRETS = (SECRET_MATERIAL, SECRET_COURSE, SECRET_LESSON, AUTHOR, "co_rieng")


@pytest.fixture
def drafts(db):
    author = TeacherFactory(username="co_rieng", display_name=AUTHOR)
    material = MaterialFactory(title=SECRET_MATERIAL, author=author)
    material.save_revision(user=author, log_action=True)
    material_submit_for_review(material=material, user=author)
    course = CoursePageFactory(title=SECRET_COURSE, owner=author, live=False)
    module = CourseModulePageFactory(parent=course, owner=author, live=False)
    lesson = LessonPageFactory(
        parent=module, owner=author, title=SECRET_LESSON, live=False
    )
    course.save_revision(user=author, log_action=True)
    course.get_workflow().start(course, author)
    lesson.locked, lesson.locked_by, lesson.locked_at = True, author, timezone.now()
    lesson.save()
    return {"course": course, "lesson": lesson, "material": material}


def _as(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _namespace_patterns(namespace: str) -> list[URLPattern]:
    resolver = get_resolver().namespace_dict[namespace][1]
    return [p for p in resolver.url_patterns if isinstance(p, URLPattern)]


def _report_urls() -> list[str]:
    patterns = _namespace_patterns("wagtailadmin_reports")
    return sorted(reverse(f"wagtailadmin_reports:{p.name}") for p in patterns)


def _text(response) -> str:
    if hasattr(response, "streaming_content"):
        body = b"".join(response.streaming_content)
    else:
        body = response.content
    if not response.get("Content-Type", "").startswith(
        "application/vnd.openxmlformats-officedocument"
    ):
        return body.decode()
    book = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
    cells = (cell for sheet in book for row in sheet.values for cell in row)
    return " ".join(str(cell) for cell in cells if cell is not None)


def test_every_report_is_walked():
    """The walk finds Wagtail's reports, not an empty list."""
    urls = _report_urls()

    assert "/admin/reports/site-history/" in urls
    assert "/admin/reports/workflow_tasks/results/" in urls
    assert len(urls) >= 10


@pytest.mark.parametrize("export", ["", "?export=csv", "?export=xlsx"])
def test_no_report_or_export_names_another_teachers_draft(drafts, export):
    client = _as(TeacherFactory())
    shown = {}
    for url in _report_urls():
        response = client.get(url + export)
        if response.status_code == 200:
            shown[url] = _text(response)

    assert "/admin/reports/site-history/" in shown
    leaks = {url: s for url, text in shown.items() for s in SECRETS if s in text}
    assert leaks == {}


@pytest.mark.parametrize("export", ["", "?export=csv", "?export=xlsx"])
def test_curators_still_find_the_drafts_in_the_reports(drafts, export):
    """Narrowing is for teachers: the people who review see everything."""
    client = _as(CuratorFactory())

    history = _text(client.get("/admin/reports/site-history/" + export))
    workflow = _text(client.get("/admin/reports/workflow/" + export))
    locked = _text(client.get("/admin/reports/locked/" + export))

    assert SECRET_MATERIAL in history and SECRET_COURSE in history
    assert SECRET_MATERIAL in workflow and SECRET_COURSE in workflow
    assert SECRET_LESSON in locked


def test_a_teacher_still_finds_their_own_draft_in_the_reports(drafts):
    teacher = TeacherFactory()
    own = MaterialFactory(title="Phiếu của tôi", author=teacher)
    own.save_revision(user=teacher, log_action=True)
    material_submit_for_review(material=own, user=teacher)
    client = _as(teacher)

    assert "Phiếu của tôi" in _text(client.get("/admin/reports/site-history/"))
    assert "Phiếu của tôi" in _text(client.get("/admin/reports/workflow/"))


def _page_view_urls(page_id: int) -> list[str]:
    urls = [reverse("wagtailadmin_explore", args=[page_id])]
    for pattern in _namespace_patterns("wagtailadmin_pages"):
        route = str(pattern.pattern)
        if "<int:page_id>" in route and route.count("<") == 1:
            urls.append(reverse(f"wagtailadmin_pages:{pattern.name}", args=[page_id]))
    return urls


@pytest.mark.parametrize("which", ["course", "lesson"])
def test_no_page_view_names_another_teachers_draft_course(drafts, which):
    """Typing the id of a draft into any page address reveals nothing."""
    page = drafts[which]
    client = _as(TeacherFactory())
    urls = _page_view_urls(page.pk)

    answers = {url: client.get(url) for url in urls}

    assert len(urls) >= 10
    leaks = {
        url: response.status_code
        for url, response in answers.items()
        if any(s in _text(response) for s in SECRETS)
        or SECRET_COURSE.lower() in response.get("Location", "").lower()
    }
    assert leaks == {}
    assert answers[urls[0]].status_code == 404


def test_a_teacher_still_opens_their_own_draft_course(drafts):
    teacher = TeacherFactory()
    own = CoursePageFactory(title="Khoá học của tôi", owner=teacher, live=False)

    response = _as(teacher).get(reverse("wagtailadmin_explore", args=[own.pk]))

    assert response.status_code == 200
    assert "Khoá học của tôi" in response.content.decode()
