"""The project's own parts of the Wagtail admin read in the chosen language.

Wagtail's own words come from Wagtail's catalogue, which is not ours to
complete; what the project adds (its menu items, views, models' labels,
blocks and messages) must be English on English pages and Vietnamese on
Vietnamese ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import django
import polib
import pytest
import wagtail
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from wagtail.models import Site

from courses.services import enrolment_create
from materials import services as material_services
from tests.factories import (
    CertificateFactory,
    CourseModulePageFactory,
    CoursePageFactory,
    LessonPageFactory,
    MaterialDocumentFactory,
    PublishedMaterialFactory,
    StudentFactory,
    UserFactory,
    question,
    quiz_value,
)
from tests.lms.visible_text import (
    Line,
    admin_menu_labels,
    english_words,
    translated_msgids,
    untranslated_msgid,
    vietnamese_letters,
    visible_lines,
    without,
)

pytestmark = pytest.mark.django_db

# The content, in English ASCII, and the names of the people.
CONTENT = [
    "Kestrel Learning Trust",  # the configured site name
    "Kestrel Open Library",
    "Kestrel Course Shelf",
    "Photosynthesis Field Course",
    "How green leaves turn light into sugar.",
    "Module Alpha: Leaves",
    "Lesson Alpha: Chlorophyll",
    "Chlorophyll absorbs red and blue light.",
    "Light Check",
    "Which gas do leaves take in?",
    "Carbon dioxide",
    "Oxygen",
    "Fraction Worksheet Omega",
    "Practice adding fractions.",
    "Leaf cells under a microscope",
    "Hedy Learner",
    "Root Admin",
    "For the science club.",
    "Copied answers.",
    "root@example.edu.vn",
    "hedy@example.edu.vn",
    "worksheet.pdf",
]

# Words the Vietnamese admin writes as they are, by the catalogue's choice.
VIETNAMESE_ADMIN_MAY_SHOW = frozenset(
    {"Email", "email", "PDF", "MIME", "Creative", "Commons", "CC", "video", "Video"}
)


@dataclass
class Admin:
    course: object
    module: object
    lesson: object
    material: object
    certificate: object
    invitation: object
    root: object


@pytest.fixture
def admin_site(db, settings, home_page) -> Admin:
    # The site's name is configuration, like the content: plain ASCII here.
    settings.WAGTAIL_SITE_NAME = "Kestrel Learning Trust"
    Site.objects.update(site_name="Kestrel Learning Trust")
    home_page.title = "Kestrel Open Library"
    home_page.save_revision().publish()
    catalogue = home_page.get_children().get().specific
    catalogue.title = "Kestrel Course Shelf"
    catalogue.save_revision().publish()
    root = UserFactory(
        username="root",
        email="root@example.edu.vn",
        display_name="Root Admin",
        is_superuser=True,
        is_staff=True,
    )
    learner = StudentFactory(
        username="hedy", email="hedy@example.edu.vn", display_name="Hedy Learner"
    )
    material = PublishedMaterialFactory(
        title="Fraction Worksheet Omega",
        description="Practice adding fractions.",
        author=root,
    )
    material.save_revision(user=root)
    material_services.material_archive(material=material, user=root)
    course = CoursePageFactory(
        title="Photosynthesis Field Course",
        summary="How green leaves turn light into sugar.",
    )
    module = CourseModulePageFactory(parent=course, title="Module Alpha: Leaves")
    lesson = LessonPageFactory(
        parent=module,
        title="Lesson Alpha: Chlorophyll",
        summary="",
        body=[
            ("text", "<p>Chlorophyll absorbs red and blue light.</p>"),
            ("material", {"material": material, "note": ""}),
            (
                "video",
                {
                    "video": MaterialDocumentFactory(
                        title="Leaf cells under a microscope"
                    ),
                    "caption": "",
                    "transcript": "",
                },
            ),
            (
                "quiz",
                quiz_value(
                    title="Light Check",
                    questions=[
                        question(
                            "Which gas do leaves take in?",
                            ["Carbon dioxide", "Oxygen"],
                            [0],
                        )
                    ],
                ),
            ),
        ],
    )
    enrolment_create(learner=learner, course=course)
    certificate = CertificateFactory(
        learner=learner,
        course=course,
        learner_name="Hedy Learner",
        course_title="Photosynthesis Field Course",
        issuer_name="Kestrel Learning Trust",
    )
    from accounts.services import teacher_invitation_create

    invitation = teacher_invitation_create(
        created_by=root, email="hedy@example.edu.vn", note="For the science club."
    ).invitation
    return Admin(course, module, lesson, material, certificate, invitation, root)


@dataclass(frozen=True)
class AdminVisit:
    name: str
    route: str
    url: Callable[[Admin], str]


def _edit(attribute: str) -> Callable[[Admin], str]:
    return lambda a: f"/admin/pages/{getattr(a, attribute).pk}/edit/"


MATERIAL = "/admin/snippets/materials/material"
ADMIN_WALK = [
    AdminVisit("dashboard and menu", "wagtailadmin_home", lambda a: "/admin/"),
    AdminVisit(
        "certificates", "courses_certificates:index", lambda a: "/admin/certificates/"
    ),
    AdminVisit(
        "certificates, none found",
        "courses_certificates:index",
        lambda a: "/admin/certificates/?q=zzqq",
    ),
    AdminVisit(
        "revoking a certificate",
        "courses_certificates:revoke",
        lambda a: f"/admin/certificates/{a.certificate.pk}/revoke/",
    ),
    AdminVisit(
        "teacher invitations",
        "teacher_invitations:index",
        lambda a: "/admin/teacher_invitations/",
    ),
    AdminVisit(
        "new teacher invitation",
        "teacher_invitations:add",
        lambda a: "/admin/teacher_invitations/new/",
    ),
    AdminVisit(
        "teacher invitation",
        "teacher_invitations:inspect",
        lambda a: f"/admin/teacher_invitations/inspect/{a.invitation.pk}/",
    ),
    AdminVisit(
        "teacher invitation's note",
        "teacher_invitations:edit",
        lambda a: f"/admin/teacher_invitations/edit/{a.invitation.pk}/",
    ),
    AdminVisit(
        "learning materials",
        "wagtailsnippets_materials_material:list",
        lambda a: f"{MATERIAL}/",
    ),
    AdminVisit(
        "new learning material",
        "wagtailsnippets_materials_material:add",
        lambda a: f"{MATERIAL}/add/",
    ),
    AdminVisit(
        "editing a learning material",
        "wagtailsnippets_materials_material:edit",
        lambda a: f"{MATERIAL}/edit/{a.material.pk}/",
    ),
    AdminVisit(
        "a learning material's history",
        "wagtailsnippets_materials_material:history",
        lambda a: f"{MATERIAL}/history/{a.material.pk}/",
    ),
    AdminVisit(
        "editing the home page",
        "wagtailadmin_pages:edit",
        lambda a: "/admin/pages/3/edit/",
    ),
    AdminVisit("editing a course", "wagtailadmin_pages:edit", _edit("course")),
    AdminVisit("editing a module", "wagtailadmin_pages:edit", _edit("module")),
    AdminVisit("editing a lesson", "wagtailadmin_pages:edit", _edit("lesson")),
    AdminVisit(
        "editing the course catalogue",
        "wagtailadmin_pages:edit",
        lambda a: f"/admin/pages/{a.course.get_parent().pk}/edit/",
    ),
    AdminVisit(
        "deleting a course learners are in",
        "wagtailadmin_pages:delete",
        lambda a: f"/admin/pages/{a.course.pk}/delete/",
    ),
    AdminVisit(
        "editing a person",
        "wagtailusers_users:edit",
        lambda a: f"/admin/users/edit/{a.root.pk}/",
    ),
]

# The project's admin addresses not walked, each with the reason.
ADMIN_NOT_WALKED = {
    "teacher_invitations:index_results": "the listing's table, walked with it",
    "teacher_invitations:delete": "Wagtail's generic confirmation",
    "teacher_invitations:history": "Wagtail's generic history",
    "teacher_invitations:history_results": "Wagtail's generic history",
    "teacher_invitations:usage": "Wagtail's generic usage listing",
    "teacher_invitations:copy": "the new-invitation form, walked",
    "wagtailsnippets_materials_material:list_results": "the listing's table, walked",
    "wagtailsnippets_materials_material:delete": "Wagtail's generic confirmation",
    "wagtailsnippets_materials_material:usage": "Wagtail's generic usage listing",
    "wagtailsnippets_materials_material:history_results": "the history, walked",
    "wagtailsnippets_materials_material:copy": "the material form, walked",
    "wagtailsnippets_materials_material:revisions_revert": "the material form, walked",
    "wagtailsnippets_materials_material:revisions_compare": "Wagtail's comparison",
    "wagtailsnippets_materials_material:revisions_unschedule": "Wagtail's own",
    "wagtailsnippets_materials_material:unpublish": "Wagtail's generic confirmation",
    "wagtailsnippets_materials_material:lock": "an action, no page",
    "wagtailsnippets_materials_material:unlock": "an action, no page",
    "wagtailsnippets_materials_material:workflow_action": "an action, no page",
    "wagtailsnippets_materials_material:collect_workflow_action_data": "a modal",
    "wagtailsnippets_materials_material:confirm_workflow_cancellation": "a modal",
    "wagtailsnippets_materials_material:workflow_history": "Wagtail's own",
    "wagtailsnippets_materials_material:workflow_history_detail": "Wagtail's own",
}
PROJECT_ADMIN_NAMESPACES = (
    "courses_certificates",
    "teacher_invitations",
    "wagtailsnippets_materials_material",
)


def admin_walk(admin: Admin, language: str) -> list[tuple[AdminVisit, list[Line]]]:
    client = Client()
    client.force_login(admin.root)
    client.post("/i18n/setlang/", {"language": language, "next": "/"})
    answers = []
    for visit in ADMIN_WALK:
        url = visit.url(admin)
        assert resolve(url.split("?")[0]).view_name == visit.route, visit.name
        response = client.get(url, follow=True)
        assert response.status_code == 200, f"{visit.name} ({url})"
        html = response.content.decode()
        assert f'lang="{language}"' in html, f"{visit.name} is not in {language}"
        answers.append((visit, visible_lines(html) + admin_menu_labels(html)))
    return answers


def test_english_admin_shows_no_vietnamese(admin_site):
    leaks = [
        f"[en] {visit.name}: {str(line)!r}"
        for visit, lines in admin_walk(admin_site, "en")
        for line in lines
        if vietnamese_letters(line.text)
    ]
    assert not leaks, "\n".join(leaks)


# The English catalogues list every string, translated or not.
FRAMEWORK_CATALOGUES = [
    *Path(django.__path__[0]).glob("**/locale/en/LC_MESSAGES/django*.po"),
    *Path(wagtail.__path__[0]).glob("**/locale/en/LC_MESSAGES/django*.po"),
]
PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[sdif]|\{[^}]*\}")


@cache
def _framework_strings() -> tuple[frozenset[str], tuple[re.Pattern, ...]]:
    """Django's and Wagtail's own English strings: theirs to translate."""
    plain, patterns = set(), []
    for path in FRAMEWORK_CATALOGUES:
        for entry in polib.pofile(str(path)):
            for msgid in filter(None, (entry.msgid, entry.msgid_plural)):
                text = " ".join(msgid.split())
                if PLACEHOLDER.search(text):
                    parts = PLACEHOLDER.split(text)
                    patterns.append(re.compile(".+?".join(map(re.escape, parts))))
                plain.add(text.casefold())
    return frozenset(plain), tuple(patterns)


def _is_frameworks(text: str) -> bool:
    plain, patterns = _framework_strings()
    text = text.rstrip(":*").strip()
    return text.casefold() in plain or any(p.fullmatch(text) for p in patterns)


MARKUP = re.compile(r"</?\w+>")  # a rich text field's raw value
# Wagtail's words that its catalogue does not list, and its default groups.
WAGTAILS_OWN = {"Locking", "Moderators", "Editors"}


def _untranslated(text: str) -> str | None:
    """Ours if the catalogue translates it, also when shown capitalised."""
    lowered = text[:1].lower() + text[1:]
    plain = {msgid for msgid, _pattern in translated_msgids()}
    return untranslated_msgid(text) or (lowered if lowered in plain else None)


def test_vietnamese_admin_translates_the_projects_own_strings(admin_site):
    content = sorted(CONTENT, key=len, reverse=True)
    leaks = []
    for visit, lines in admin_walk(admin_site, "vi"):
        for line in lines:
            text = line.text.rstrip(":*").strip()
            where = f"[vi] {visit.name}: {str(line)!r}"
            if text in WAGTAILS_OWN or _is_frameworks(text) or MARKUP.fullmatch(text):
                continue
            if msgid := _untranslated(text):
                leaks.append(f"{where} is the untranslated {msgid!r}")
                continue
            words = english_words(
                without(text, content), allowed_words=VIETNAMESE_ADMIN_MAY_SHOW
            )
            if words:
                leaks.append(f"{where} has English words {words}")
    assert not leaks, f"{len(leaks)} problems:\n" + "\n".join(leaks)


def test_the_projects_menu_items_and_labels_are_vietnamese(admin_site):
    """Words Wagtail also uses are ours here; they must read in Vietnamese."""
    shown = {
        visit.name: {line.text for line in lines}
        for visit, lines in admin_walk(admin_site, "vi")
    }
    expected = {
        "dashboard and menu": ["Chứng chỉ", "Lời mời giáo viên", "Học liệu"],
        "teacher invitations": ["Trạng thái"],
        "editing a person": ["Học sinh", "Giáo viên", "Người kiểm duyệt"],
        "learning materials": ["Trang chủ"],
    }
    missing = [
        f"{name}: {text!r}"
        for name, texts in expected.items()
        for text in texts
        if text not in shown[name]
    ]
    assert not missing, missing


def test_every_project_admin_address_is_walked_or_explained():
    def names(patterns, namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = ":".join(filter(None, [namespace, pattern.namespace])) or None
                yield from names(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and namespace:
                yield f"{namespace}:{pattern.name}"

    project = {
        name
        for name in names(get_resolver().url_patterns)
        if name.split(":")[-2] in PROJECT_ADMIN_NAMESPACES
    }
    walked = {visit.route for visit in ADMIN_WALK}
    assert project - walked - set(ADMIN_NOT_WALKED) == set()
    assert set(ADMIN_NOT_WALKED) <= project, "an explained address no longer exists"
