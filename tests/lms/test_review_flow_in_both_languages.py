"""The admin screens of a review, walked as the teacher and then the curator,
read wholly in the language chosen: no English on a Vietnamese screen, no
Vietnamese on an English one, Wagtail's own words included.

The teacher opens their dashboard, their materials, a new material and a new
course, edits a draft of each and sends it for review from its edit screen,
finds others waiting for review or sent back with a comment, and reads the
reports. The curator opens the dashboard, the reports and both review queues,
each item under review and the request-for-changes form, then approves a
material and sends a course back. The content and the people's names are
plain ASCII, so they are neither language; the Vietnamese check leaves them
out, and what Wagtail hard-codes is listed in WAGTAIL_HARD_CODED_ENGLISH.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Site, TaskState

from materials import services as material_services
from materials.models import ProcessingStatus
from tests.factories import (
    CourseModulePageFactory,
    CoursePageFactory,
    CuratorFactory,
    LessonPageFactory,
    MaterialFactory,
    TeacherFactory,
)
from tests.factories.courses import site_catalogue
from tests.lms.admin_forms import form_data
from tests.lms.test_admin_in_both_languages import VIETNAMESE_ADMIN_MAY_SHOW
from tests.lms.visible_text import (
    Line,
    admin_menu_labels,
    english_words,
    vietnamese_letters,
    visible_lines,
    without,
)

pytestmark = pytest.mark.django_db

CONTENT = [
    "Kestrel Learning Trust",
    "Kestrel Open Library",
    "Kestrel Course Shelf",
    "Tom Teacher",
    "Vy Curator",
    "Fraction Worksheet Omega",
    "Decimal Worksheet Sigma",
    "Ratio Worksheet Delta",
    "Practice adding fractions.",
    "Photosynthesis Field Course",
    "Optics Draft Course",
    "How green leaves turn light into sugar.",
    "Module Alpha: Leaves",
    "Lesson Alpha: Chlorophyll",
    "Please add the answers on the last page.",
    "Looks good.",
    "worksheet.pdf",
]

# The review workflow's and task's names (and Wagtail's default workflow's)
# are rows that migrations create, shown as stored: content, not wording.
WORKFLOW_NAMES = ["Curator review", "Curator approval", "Moderators approval"]
# Names that Vietnamese writes as they are.
NAMES = VIETNAMESE_ADMIN_MAY_SHOW | {
    "Wagtail",
    "JavaScript",
    "CSV",
    "XLSX",
    "Khmer",  # "Tiếng Khmer", the language's name
    "byte",  # file sizes
    "web",  # "trang web", a web page
}
# The site's language switcher names each language in itself.
SWITCHER = "//form[contains(@class, 'language-switcher')]//select"
MARKUP = re.compile(r"</?\w+>")  # a rich text field's raw value

# English that Wagtail writes in its own templates, with no msgid to
# translate it by (only a copy of the template could change it), as
# (where the line is read from, its text): each says where it comes from.
WAGTAIL_HARD_CODED_ENGLISH: dict[tuple[str, str], str] = {
    (
        "text",
        "JavaScript is required to use Wagtail, but it is currently disabled.",
    ): "wagtailadmin/skeleton.html, the <noscript> notice",
    (
        "text",
        "Here are the instructions how to enable JavaScript in your web browser.",
    ): "wagtailadmin/skeleton.html, the <noscript> notice",
    ("aria-label", "Actions"): "wagtailadmin/shared/headers/_actions.html",
    ("text", "None"): "wagtailadmin/shared/side_panel_toggle.html: a side "
    "panel's counter with no count, hidden, prints Python's None",
    ("button value", "Search"): "wagtailadmin/home.html and shared/header.html, "
    "the search box's hidden submit button",
}


@dataclass
class Review:
    teacher: object
    curator: object
    draft: object  # a material the teacher has not sent yet
    waiting: object  # a material waiting for the curator
    returned: object  # a material the curator sent back
    course: object  # a course waiting for the curator
    draft_course: object
    catalogue: object


def _material(teacher, title: str):
    material = MaterialFactory(
        title=title,
        description="Practice adding fractions.",
        author=teacher,
        processing_status=ProcessingStatus.DONE,
    )
    material.save_revision(user=teacher)
    return material


@pytest.fixture
def review(settings, home_page) -> Review:
    settings.WAGTAIL_SITE_NAME = "Kestrel Learning Trust"
    Site.objects.update(site_name="Kestrel Learning Trust")
    # The pages the site starts with have Vietnamese titles: content too.
    home_page.title = "Kestrel Open Library"
    home_page.save_revision().publish()
    catalogue = site_catalogue()
    catalogue.title = "Kestrel Course Shelf"
    catalogue.save_revision().publish()
    teacher = TeacherFactory(username="tom", display_name="Tom Teacher")
    curator = CuratorFactory(username="vy", display_name="Vy Curator")
    draft = _material(teacher, "Fraction Worksheet Omega")
    waiting = _material(teacher, "Decimal Worksheet Sigma")
    material_services.material_submit_for_review(material=waiting, user=teacher)
    returned = _material(teacher, "Ratio Worksheet Delta")
    material_services.material_submit_for_review(material=returned, user=teacher)
    material_services.material_request_changes(
        material=returned,
        user=curator,
        comment="Please add the answers on the last page.",
    )
    course = CoursePageFactory(
        title="Photosynthesis Field Course",
        summary="How green leaves turn light into sugar.",
        owner=teacher,
        live=False,
    )
    course.teachers.add(teacher)
    module = CourseModulePageFactory(
        parent=course, title="Module Alpha: Leaves", owner=teacher, live=False
    )
    LessonPageFactory(
        parent=module, title="Lesson Alpha: Chlorophyll", owner=teacher, live=False
    )
    course.save_revision(user=teacher, log_action=True)
    course.get_workflow().start(course, teacher)
    draft_course = CoursePageFactory(
        title="Optics Draft Course",
        summary="How green leaves turn light into sugar.",
        owner=teacher,
        live=False,
    )
    draft_course.teachers.add(teacher)
    draft_course.save_revision(user=teacher, log_action=True)
    return Review(
        teacher,
        curator,
        draft,
        waiting,
        returned,
        course,
        draft_course,
        catalogue,
    )


def _task_state(instance) -> int:
    return TaskState.objects.get(
        workflow_state__object_id=str(instance.pk),
        status=TaskState.STATUS_IN_PROGRESS,
    ).pk


MATERIAL = "wagtailsnippets_materials_material"


def _material_url(name: str, material, *extra) -> str:
    return reverse(f"{MATERIAL}:{name}", args=[material.pk, *extra])


@dataclass(frozen=True)
class Screen:
    name: str
    who: str  # "teacher" or "curator"
    url: Callable[[Review], str]
    post: dict | None = None  # a form sent, whose answer (followed) is read
    # (form id, button): the page's form sent back as shown, by that button
    form: tuple[str, str] | None = None


TEACHER_SCREENS = [
    Screen("the teacher's dashboard", "teacher", lambda r: "/admin/"),
    Screen("their materials", "teacher", lambda r: reverse(f"{MATERIAL}:list")),
    Screen(
        "a new material",
        "teacher",
        lambda r: reverse(f"{MATERIAL}:add"),
    ),
    Screen("a draft material", "teacher", lambda r: _material_url("edit", r.draft)),
    Screen(
        "a material waiting for review",
        "teacher",
        lambda r: _material_url("edit", r.waiting),
    ),
    Screen(
        "a material sent back with changes",
        "teacher",
        lambda r: _material_url("edit", r.returned),
    ),
    Screen(
        "a material's review history",
        "teacher",
        lambda r: _material_url("workflow_history", r.returned),
    ),
    Screen(
        "sending a draft material for review",
        "teacher",
        lambda r: _material_url("edit", r.draft),
        form=("w-editor-form", "action-submit"),
    ),
    Screen(
        "sending a draft course for review",
        "teacher",
        lambda r: reverse("wagtailadmin_pages:edit", args=[r.draft_course.pk]),
        form=("page-edit-form", "action-submit"),
    ),
    Screen(
        "the teacher's reviews report",
        "teacher",
        lambda r: reverse("wagtailadmin_reports:workflow"),
    ),
    Screen(
        "the teacher's site history",
        "teacher",
        lambda r: reverse("wagtailadmin_reports:site_history"),
    ),
    Screen(
        "a new course",
        "teacher",
        lambda r: reverse(
            "wagtailadmin_pages:add",
            args=["courses", "coursepage", r.catalogue.pk],
        ),
    ),
    Screen(
        "a draft course",
        "teacher",
        lambda r: reverse("wagtailadmin_pages:edit", args=[r.draft_course.pk]),
    ),
    Screen(
        "a course waiting for review",
        "teacher",
        lambda r: reverse("wagtailadmin_pages:edit", args=[r.course.pk]),
    ),
]

CURATOR_SCREENS = [
    Screen("the curator's dashboard", "curator", lambda r: "/admin/"),
    Screen(
        "the workflow report",
        "curator",
        lambda r: reverse("wagtailadmin_reports:workflow"),
    ),
    Screen(
        "the review tasks report",
        "curator",
        lambda r: reverse("wagtailadmin_reports:workflow_tasks"),
    ),
    Screen(
        "the curator's site history",
        "curator",
        lambda r: reverse("wagtailadmin_reports:site_history"),
    ),
    Screen(
        "the public review queue",
        "curator",
        lambda r: reverse("materials:review"),
    ),
    Screen(
        "a material to review",
        "curator",
        lambda r: _material_url("edit", r.waiting),
    ),
    Screen(
        "asking for changes to a material",
        "curator",
        lambda r: _material_url(
            "collect_workflow_action_data", r.waiting, "reject", _task_state(r.waiting)
        ),
    ),
    Screen(
        "a course to review",
        "curator",
        lambda r: reverse("wagtailadmin_pages:edit", args=[r.course.pk]),
    ),
    Screen(
        "asking for changes to a course",
        "curator",
        lambda r: reverse(
            "wagtailadmin_pages:collect_workflow_action_data",
            args=[r.course.pk, "reject", _task_state(r.course)],
        ),
    ),
    Screen(
        "approving a material",
        "curator",
        lambda r: _material_url(
            "workflow_action", r.waiting, "approve", _task_state(r.waiting)
        ),
        post={"comment": "Looks good."},
    ),
    Screen(
        "sending a course back",
        "curator",
        lambda r: reverse(
            "wagtailadmin_pages:workflow_action",
            args=[r.course.pk, "reject", _task_state(r.course)],
        ),
        post={"comment": "Please add the answers on the last page."},
    ),
]


def _client(user, language: str) -> Client:
    client = Client()
    client.force_login(user)
    client.post("/i18n/setlang/", {"language": language, "next": "/"})
    return client


def _lines(response) -> list[Line]:
    if response["Content-Type"].startswith("application/json"):  # a modal
        document = json.loads(response.content)["html"]
        return visible_lines(f"<html><body>{document}</body></html>")
    document = response.content.decode()
    return visible_lines(document, leave_out=SWITCHER) + admin_menu_labels(document)


def walk(review: Review, language: str) -> list[tuple[Screen, list[Line]]]:
    clients = {
        "teacher": _client(review.teacher, language),
        "curator": _client(review.curator, language),
    }
    seen = []
    for screen in TEACHER_SCREENS + CURATOR_SCREENS:
        client, url = clients[screen.who], screen.url(review)
        if screen.form is not None:
            form_id, button = screen.form
            shown = client.get(url).content.decode()
            data = {**form_data(shown, form_id=form_id), button: ["1"]}
            response = client.post(url, data, follow=True)
        elif screen.post is not None:
            response = client.post(url, screen.post, follow=True)
        else:
            response = client.get(url)
        assert response.status_code == 200, f"{screen.name} ({url})"
        seen.append((screen, _lines(response)))
    return seen


def _hard_coded(line: Line) -> bool:
    return (line.source, line.text) in WAGTAIL_HARD_CODED_ENGLISH


def test_the_review_flow_shows_no_vietnamese_in_english(review):
    leaks = [
        f"{screen.name}: {str(line)!r}"
        for screen, lines in walk(review, "en")
        for line in lines
        if vietnamese_letters(line.text)
    ]
    assert not leaks, f"{len(leaks)} lines:\n" + "\n".join(leaks)


def test_the_review_flow_shows_no_english_in_vietnamese(review):
    content = sorted(CONTENT + WORKFLOW_NAMES, key=len, reverse=True)
    leaks = []
    for screen, lines in walk(review, "vi"):
        for line in lines:
            if _hard_coded(line) or MARKUP.fullmatch(line.text):
                continue
            words = english_words(without(line.text, content), allowed_words=NAMES)
            if words:
                leaks.append(f"{screen.name}: {str(line)!r} has {words}")
    assert not leaks, f"{len(leaks)} lines:\n" + "\n".join(leaks)


def test_the_walk_reaches_each_step_of_the_review(review):
    """Each screen shows what its step is about, and the curator's answers
    took effect, so the walk checks the screens a review really shows."""
    shown = {
        screen.name: {line.text for line in lines}
        for screen, lines in walk(review, "vi")
    }
    assert "Lưu bản nháp" in shown["a draft material"]
    for sent in (review.draft, review.draft_course):
        state = type(sent).objects.get(pk=sent.pk).current_workflow_state
        assert state is not None and state.status == "in_progress", sent
    assert "Đang chờ bạn kiểm duyệt" in shown["the curator's dashboard"]
    assert "Phê duyệt và xuất bản" in shown["a material to review"]
    assert "Phê duyệt và xuất bản" in shown["a course to review"]
    assert "Bình luận" in shown["asking for changes to a course"]
    review.waiting.refresh_from_db()
    assert review.waiting.live, "the approved material is published"
    assert review.course.current_workflow_state.status == "needs_changes"
