"""Every page of the public site reads wholly in the language the visitor chose.

The walk visits each page as a visitor, a student, a teacher and a curator
would, after choosing the language with the footer's switcher. The content is
written in plain English ASCII, so on an English page any Vietnamese letter
comes from the interface; on a Vietnamese page, a string the catalogue
translates, or any English word that is not the content's, is a leak.
"""

from __future__ import annotations

import datetime
import json
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import unquote

import pypdfium2
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.test import Client, TestCase
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.utils import timezone, translation
from django.utils.translation import gettext
from lxml import html as lxml_html
from wagtail.models import PageViewRestriction, get_page_models

from accounts.services import teacher_invitation_create
from courses.models import CartridgeImport, Certificate, ImportStatus, TranscriptShare
from courses.services import (
    certificate_revoke,
    enrolment_create,
    lesson_mark_done,
    quiz_attempt_submit,
)
from lms.demo_files import make_image
from lms.models import HomePage
from lms.vocabulary import Language, MaterialType, Subject
from materials import services as material_services
from materials.models import Material
from materials.processing import process_material
from search.indexing import rebuild, refresh
from tests.factories import CertificateFactory as CertificateFactory_
from tests.factories import (
    CourseModulePageFactory,
    CoursePageFactory,
    CuratorFactory,
    EnrolmentFactory,
    HomePageFeaturedCourseFactory,
    LessonPageFactory,
    MaterialDocumentFactory,
    MaterialFactory,
    MaterialImageFactory,
    PublishedMaterialFactory,
    StudentFactory,
    TeacherFactory,
    UserFactory,
    question,
    quiz_value,
)
from tests.factories.accounts import PASSWORD
from tests.factories.materials import material_metadata, uploaded
from tests.lms.visible_text import (
    Line,
    english_words,
    untranslated_msgid,
    vietnamese_letters,
    visible_lines,
    without,
)
from tests.materials.files import PDF

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached_pages")]

OTHER = {"en": "vi", "vi": "en"}
ISSUED = datetime.datetime(2025, 3, 5, 9, 30, tzinfo=datetime.UTC)
SWITCHER = "//form[contains(@class, 'language-switcher')]//select"

# Texts an English page shows in Vietnamese on purpose.
ENGLISH_PAGES_MAY_SHOW = {
    # The search hint's example is a Vietnamese word with and without accents.
    "Accents are optional: “quang hop” finds “Quang hợp”.",
}

# Words a Vietnamese page writes as they are, by the catalogue's own choice.
VIETNAMESE_PAGES_MAY_SHOW = frozenset(
    {
        "Email",  # the usual Vietnamese word for it
        "email",
        "PDF",  # file formats
        "CSV",
        "JSON",
        "Open",  # "Open Badges", the credential standard's name
        "CLR",  # Comprehensive Learner Record, the transcript standard's name
        "QR",  # "mã QR", a QR code
        "Badges",
        "SCORM",  # e-learning package standards, by their names
        "Common",  # "Common Cartridge"
        "Cartridge",
        "IMS",  # the body behind Common Cartridge
        "imscc",  # file extensions: ".imscc", ".zip"
        "zip",
        "Moodle",  # learning platforms a course is exported from, by their names
        "Canvas",
        "Creative",  # "Creative Commons", the licences' name
        "Commons",
        "CC",  # "CC0", a licence's name
        "KB",  # file sizes
        "MB",
        "byte",
        "video",  # Vietnamese borrows "video" as it is
        "Video",
        "Khmer",  # "Tiếng Khmer", the language's name
        "web",  # "trang web", a web page
        "cookie",
        "JavaScript",
    }
)

# What the visitors typed, which pages repeat back to them.
VISITORS_TYPED = [
    "fraction",
    "sheet",
    "photosyntesis",
    "photosynthesis",  # the search's suggestion, from a course title
    "zzqq",
    "leaf",
    "zzqqxx",
    "xx",
    '{"type":',  # a credential cut short, shown back to be mended
]


# The site -----------------------------------------------------------------


@dataclass
class Site:
    """Everything the walk visits, with the content's own words."""

    home: HomePage
    course: object
    module: object
    reading: object
    quiz_lesson: object
    optional: object
    closed_course: object
    leaving_course: object
    finished_course: object
    material: Material
    student: object
    teacher: object
    curator: object
    certificate: Certificate
    revoked: Certificate
    invitation: str
    protected_page: object
    members_page: object
    needs_changes: Material
    waiting: Material
    content: list[str] = field(default_factory=list)
    import_jobs: dict[str, int] = field(default_factory=dict)

    @property
    def quiz_id(self) -> str:
        return next(b.id for b in self.quiz_lesson.body if b.block_type == "quiz")


CONTENT = [
    "Kestrel Open Library",
    "Courses and sheets for every classroom.",
    "Kestrel Course Shelf",
    "Pick a course and start today.",
    "Photosynthesis Field Course",
    "How green leaves turn light into sugar.",
    "Name the parts of a leaf",
    "Explain how leaves use light",
    "Curiosity about plants.",
    "Module Alpha: Leaves",
    "Leaves and light.",
    "Lesson Alpha: Chlorophyll",
    "Green pigment at work.",
    "Chlorophyll absorbs red and blue light.",
    "Print this sheet before class.",
    "Leaf cells under a microscope",
    "A short film of leaf cells.",
    "Lesson Beta: Light Quiz",
    "Answer two questions.",
    "Read this first.",
    "Light Check",
    "Which gas do leaves take in?",
    "Carbon dioxide",
    "Oxygen",
    "Leaves take in carbon dioxide.",
    "Pick every colour chlorophyll absorbs.",
    "Red",
    "Blue",
    "Green",
    "Lesson Gamma: Further Reading",
    "Closed Volcano Course",
    "Ocean Currents Course",
    "Tide Pools Mini Course",
    "Retired Weather Course",
    "Private Garden Page",
    "Members Only Course",
    "A short summary.",
    "Fraction Worksheet Omega",
    "Practice adding fractions with unlike denominators.",
    "Decimal Drill Sheet",
    "Geometry Poster Pack",
    "Sheet Still In Draft",
    "Sheet Waiting For Review",
    "Sheet Needing Changes",
    "Please fix the spelling in the title.",
    "Sheet With A Broken File",
    "Sheet Put Away",
    "Worksheet about fractions.",
    "Kestrel Learning Trust",
    "Ada Teacher",
    "Grace Student",
    "Hedy Learner",
    "Carl Curator",
    "Wrong person, issued by mistake.",
    "For the science club.",
    "Leaf picture",
    "worksheet.pdf",
    "uploaded-sheet.pdf",
    "program.pdf",
    "Uploaded Sheet",
    "garden-course.imscc",
    "Forum Topic",
]


@pytest.fixture
def site(db, settings, home_page, catalogue, search_engine, language) -> Site:
    """A small site in English ASCII content, indexed for search."""
    settings.CERTIFICATE_ISSUER = "Kestrel Learning Trust"
    settings.ACCOUNTS_EMAIL_CONFIRMATION = True
    home_page.title = home_page.headline = "Kestrel Open Library"
    home_page.intro = "<p>Courses and sheets for every classroom.</p>"
    home_page.save_revision().publish()
    catalogue.title = "Kestrel Course Shelf"
    catalogue.intro = "<p>Pick a course and start today.</p>"
    catalogue.save_revision().publish()

    teacher = TeacherFactory(username="ada", display_name="Ada Teacher")
    student = StudentFactory(
        username="grace", display_name="Grace Student", preferred_language=""
    )
    other = StudentFactory(username="hedy", display_name="Hedy Learner")
    curator = CuratorFactory(username="carl", display_name="Carl Curator")
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)

    material = _materials(teacher, curator, language)
    course, module, reading, quiz_lesson, optional = _main_course(teacher, material)
    HomePageFeaturedCourseFactory(home_page=home_page, course=course)
    closed = CoursePageFactory(
        title="Closed Volcano Course",
        summary="A short summary.",
        enrolment_closes_at=timezone.now() - datetime.timedelta(days=1),
    )
    leaving = CoursePageFactory(
        title="Ocean Currents Course", summary="A short summary."
    )
    EnrolmentFactory(learner=student, course=leaving)
    finished = CoursePageFactory(
        title="Tide Pools Mini Course", summary="A short summary."
    )
    only_lesson = LessonPageFactory(
        parent=CourseModulePageFactory(parent=finished, title="Module Alpha: Leaves"),
        title="Lesson Gamma: Further Reading",
        summary="A short summary.",
    )
    EnrolmentFactory(learner=student, course=finished)
    lesson_mark_done(learner=student, lesson=only_lesson)
    Certificate.objects.update(issued_at=ISSUED)
    retired = CoursePageFactory(
        title="Retired Weather Course", summary="A short summary."
    )
    EnrolmentFactory(learner=student, course=retired)
    retired.unpublish()

    enrolment_create(learner=other, course=course)
    lesson_mark_done(learner=other, lesson=reading)
    quiz = next(b.id for b in quiz_lesson.body if b.block_type == "quiz")
    quiz_attempt_submit(
        learner=other,
        lesson=quiz_lesson,
        quiz_id=quiz,
        answers={"0": ["1"], "1": ["0"]},
    )
    revoked = Certificate.objects.create(
        learner=other,
        course=finished,
        learner_name="Hedy Learner",
        course_title="Tide Pools Mini Course",
        issuer_name="Kestrel Learning Trust",
        issued_at=ISSUED,
    )
    certificate_revoke(
        certificate=revoked, revoked_by=admin, reason="Wrong person, issued by mistake."
    )
    protected = CoursePageFactory(
        title="Private Garden Page", summary="A short summary."
    )
    PageViewRestriction.objects.create(
        page=protected,
        restriction_type="password",
        password="sesame",
    )
    members = CoursePageFactory(title="Members Only Course", summary="A short summary.")
    PageViewRestriction.objects.create(page=members, restriction_type="login")
    invitation = teacher_invitation_create(
        created_by=admin, email=student.email, note="For the science club."
    )
    import_jobs = _import_jobs(teacher, course, language)
    rebuild(progress=False)
    refresh()
    waiting, needs_changes = (
        Material.objects.get(title=title)
        for title in ("Sheet Waiting For Review", "Sheet Needing Changes")
    )
    return Site(
        home=home_page,
        course=course,
        module=module,
        reading=reading,
        quiz_lesson=quiz_lesson,
        optional=optional,
        closed_course=closed,
        leaving_course=leaving,
        finished_course=finished,
        material=material,
        student=student,
        teacher=teacher,
        curator=curator,
        certificate=Certificate.objects.get(learner=student),
        revoked=revoked,
        invitation=invitation.token,
        protected_page=protected,
        members_page=members,
        needs_changes=needs_changes,
        waiting=waiting,
        content=[*CONTENT, revoked.code, Certificate.objects.get(learner=student).code],
        import_jobs=import_jobs,
    )


def _import_jobs(teacher, course, language: str) -> dict[str, int]:
    """A course import running, one done and one failed; their reports are
    written in the teacher's language, as the import task writes them."""
    with translation.override(language):
        forum = gettext("Discussion topics cannot be imported: lessons have no forum.")
        empty = gettext("The cartridge has no lesson that can be imported.")
    states = {
        "running": {"status": ImportStatus.READING, "total_items": 8, "done_items": 3},
        "done": {
            "status": ImportStatus.DONE,
            "course": course,
            "report": {
                "modules": 1,
                "lessons": 3,
                "quizzes": 1,
                "questions": 2,
                "images": 1,
                "materials": 1,
                "links": 0,
                "skipped": [{"title": "Forum Topic", "reason": forum}],
            },
        },
        "failed": {"status": ImportStatus.FAILED, "error": empty},
    }
    return {
        name: CartridgeImport.objects.create(
            owner=teacher, original_filename="garden-course.imscc", **fields
        ).pk
        for name, fields in states.items()
    }


def _materials(teacher, curator, language: str) -> Material:
    """Published materials, and the teacher's own in every review state."""
    material = PublishedMaterialFactory(
        title="Fraction Worksheet Omega",
        description="Practice adding fractions with unlike denominators.",
        author=teacher,
        page_count=1234,
        download_count=12345,
        language=Language.ENGLISH,
    )
    material.thumbnail.save("thumb.jpg", ContentFile(make_image("Omega")), save=True)
    for title, subject in (
        ("Decimal Drill Sheet", Subject.MATHEMATICS),
        ("Geometry Poster Pack", Subject.ARTS),
    ):
        PublishedMaterialFactory(
            title=title,
            description="Worksheet about fractions.",
            subject=subject,
            material_type=MaterialType.SLIDES,
            author=teacher,
        )
    drafts = {
        title: MaterialFactory(
            title=title, description="Worksheet about fractions.", author=teacher
        )
        for title in (
            "Sheet Still In Draft",
            "Sheet Waiting For Review",
            "Sheet Needing Changes",
            "Sheet With A Broken File",
            "Sheet Put Away",
        )
    }
    for draft in drafts.values():
        draft.save_revision(user=teacher)
    for title in ("Sheet Waiting For Review", "Sheet Needing Changes"):
        material_services.material_submit_for_review(
            material=drafts[title], user=teacher
        )
    material_services.material_request_changes(
        material=drafts["Sheet Needing Changes"],
        user=curator,
        comment="Please fix the spelling in the title.",
    )
    material_services.material_archive(material=drafts["Sheet Put Away"], user=teacher)
    broken = drafts["Sheet With A Broken File"]
    with broken.file.storage.open(broken.file.name, "wb") as handle:
        handle.write(b"%PDF-1.4 broken")
    # The task worker may run in another language than the teacher reads.
    from django.utils import translation

    with translation.override(OTHER[language]):
        process_material(broken.pk)
    return material


def _main_course(teacher, material):
    course = CoursePageFactory(
        title="Photosynthesis Field Course",
        summary="How green leaves turn light into sugar.",
        estimated_hours=Decimal("2.5"),
        learning_outcomes="Name the parts of a leaf\nExplain how leaves use light",
        prerequisites="Curiosity about plants.",
        capacity=30,
        cover_image=MaterialImageFactory(title="Leaf picture", alt_text="Green"),
    )
    course.teachers.add(teacher)
    course.save_revision().publish()
    module = CourseModulePageFactory(
        parent=course, title="Module Alpha: Leaves", summary="Leaves and light."
    )
    video = MaterialDocumentFactory(title="Leaf cells under a microscope")
    reading = LessonPageFactory(
        parent=module,
        title="Lesson Alpha: Chlorophyll",
        summary="Green pigment at work.",
        body=[
            ("text", "<p>Chlorophyll absorbs red and blue light.</p>"),
            (
                "material",
                {"material": material, "note": "Print this sheet before class."},
            ),
            (
                "video",
                {
                    "video": video,
                    "caption": "A short film of leaf cells.",
                    "transcript": "Leaves and light.",
                },
            ),
        ],
    )
    quiz_lesson = LessonPageFactory(
        parent=module,
        title="Lesson Beta: Light Quiz",
        summary="Answer two questions.",
        body=[
            ("text", "<p>Read this first.</p>"),
            (
                "quiz",
                quiz_value(
                    title="Light Check",
                    pass_mark=100,
                    questions=[
                        question(
                            "Which gas do leaves take in?",
                            ["Carbon dioxide", "Oxygen"],
                            [0],
                            feedback="Leaves take in carbon dioxide.",
                        ),
                        question(
                            "Pick every colour chlorophyll absorbs.",
                            ["Red", "Blue", "Green"],
                            [0, 1],
                        ),
                    ],
                ),
            ),
        ],
    )
    optional = LessonPageFactory(
        parent=module,
        title="Lesson Gamma: Further Reading",
        summary="A short summary.",
        is_required=False,
    )
    return course, module, reading, quiz_lesson, optional


# The walk -----------------------------------------------------------------


@dataclass(frozen=True)
class Visit:
    """One request a person makes; its answer (after redirects) is checked."""

    name: str
    route: str  # the URL pattern it exercises, for the completeness check
    who: str  # visitor, student, teacher or curator
    url: Callable[[Site], str]
    data: Callable[[Site], dict] | None = None  # posted when given
    status: int = 200
    pdf: bool = False
    headers: dict = field(default_factory=dict)
    server_fault: bool = False  # the page's code fails while answering


def _nothing(site: Site) -> dict:
    return {}


def _credential_json(certificate) -> str:
    from courses.certificate_files import certificate_credential

    return json.dumps(certificate_credential(certificate))


def _transcript_json(site: Site) -> str:
    from courses.services import transcript_issue

    return json.dumps(transcript_issue(learner=site.student))


def _share(site: Site) -> TranscriptShare:
    """The student's latest public link (each walk opens, then revokes one)."""
    return TranscriptShare.objects.filter(learner=site.student).latest("pk")


def _page(attribute: str) -> Callable[[Site], str]:
    return lambda site: getattr(site, attribute).url


WALK = [
    # Anyone, signed out.
    Visit("home page", "wagtail_serve", "visitor", lambda s: "/"),
    Visit("course catalogue", "wagtail_serve", "visitor", lambda s: "/courses/"),
    Visit("course page", "wagtail_serve", "visitor", _page("course")),
    Visit(
        "course's stable address",
        "courses:course_redirect",
        "visitor",
        lambda s: f"/learning/courses/{s.course.pk}/",
    ),
    Visit("course module page", "wagtail_serve", "visitor", _page("module")),
    Visit("lesson page", "wagtail_serve", "visitor", _page("reading")),
    Visit("lesson with a quiz", "wagtail_serve", "visitor", _page("quiz_lesson")),
    Visit("materials", "materials:list", "visitor", lambda s: "/materials/"),
    Visit(
        "materials, second page",
        "materials:list",
        "visitor",
        lambda s: "/materials/?subject=&page=2",
    ),
    Visit(
        "materials, no match",
        "materials:list",
        "visitor",
        lambda s: "/materials/?query=zzqqxx",
    ),
    Visit(
        "material page",
        "materials:detail",
        "visitor",
        lambda s: s.material.get_absolute_url(),
    ),
    Visit("search, nothing asked", "search:search", "visitor", lambda s: "/search/"),
    Visit(
        "search results", "search:search", "visitor", lambda s: "/search/?q=fraction"
    ),
    Visit(
        "search results, filtered",
        "search:search",
        "visitor",
        lambda s: "/search/?q=sheet&subject=toan&sort=newest",
    ),
    Visit(
        "search, did you mean",
        "search:search",
        "visitor",
        lambda s: "/search/?q=photosyntesis",
    ),
    Visit(
        "search, no results", "search:search", "visitor", lambda s: "/search/?q=zzqq"
    ),
    Visit(
        "search, wrong parameters",
        "search:search",
        "visitor",
        lambda s: "/search/?q=leaf&sort=sideways&subject=nowhere&after=bogus",
    ),
    Visit("sign-in page", "accounts:login", "visitor", lambda s: "/accounts/login/"),
    Visit(
        "sign-in refused",
        "accounts:login",
        "visitor",
        lambda s: "/accounts/login/",
        data=lambda s: {"username": "grace", "password": "wrong"},
    ),
    Visit("sign-up page", "accounts:signup", "visitor", lambda s: "/accounts/signup/"),
    Visit(
        "sign-up refused",
        "accounts:signup",
        "visitor",
        lambda s: "/accounts/signup/",
        data=lambda s: {
            "username": "grace",
            "display_name": "",
            "email": s.student.email,
            "password1": "short",
            "password2": "different",
        },
    ),
    Visit(
        "sign-up accepted",
        "accounts:signup",
        "visitor",
        lambda s: "/accounts/signup/",
        data=lambda s: {
            "username": "newcomer",
            "display_name": "Hedy Learner",
            "email": "newcomer@example.edu.vn",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    ),
    Visit(
        "sign-up, check your email",
        "accounts:signup_done",
        "visitor",
        lambda s: "/accounts/signup/done/",
    ),
    Visit(
        "email confirmation, bad link",
        "accounts:confirm_email",
        "visitor",
        lambda s: "/accounts/confirm/MTIz/bad-token/",
        status=400,
    ),
    Visit(
        "password reset",
        "accounts:password_reset",
        "visitor",
        lambda s: "/accounts/password/reset/",
    ),
    Visit(
        "password reset asked",
        "accounts:password_reset",
        "visitor",
        lambda s: "/accounts/password/reset/",
        data=lambda s: {"email": s.student.email},
    ),
    Visit(
        "password reset sent",
        "accounts:password_reset_done",
        "visitor",
        lambda s: "/accounts/password/reset/sent/",
    ),
    Visit(
        "password reset, bad link",
        "accounts:password_reset_confirm",
        "visitor",
        lambda s: "/accounts/password/reset/MTIz/bad-token/",
    ),
    Visit(
        "password reset, new password",
        "accounts:password_reset_confirm",
        "visitor",
        lambda s: _reset_link(s),
    ),
    Visit(
        "password reset, new password refused",
        "accounts:password_reset_confirm",
        "visitor",
        lambda s: _reset_link(s),
        data=lambda s: {"new_password1": "123", "new_password2": "1234"},
    ),
    Visit(
        "password reset complete",
        "accounts:password_reset_complete",
        "visitor",
        lambda s: "/accounts/password/reset/done/",
    ),
    Visit(
        "certificate verification",
        "courses:certificate_verify",
        "visitor",
        lambda s: s.certificate.get_absolute_url(),
    ),
    Visit(
        "revoked certificate",
        "courses:certificate_verify",
        "visitor",
        lambda s: s.revoked.get_absolute_url(),
    ),
    Visit(
        "unknown certificate",
        "courses:certificate_verify",
        "visitor",
        lambda s: "/learning/certificates/no-such-code/",
        status=404,
    ),
    Visit(
        "credential checker",
        "courses:credential_check",
        "visitor",
        lambda s: "/learning/certificates/verify/",
    ),
    Visit(
        "credential checked",
        "courses:credential_check",
        "visitor",
        lambda s: "/learning/certificates/verify/",
        data=lambda s: {"credential": _credential_json(s.certificate)},
    ),
    Visit(
        "revoked credential checked",
        "courses:credential_check",
        "visitor",
        lambda s: "/learning/certificates/verify/",
        data=lambda s: {"credential": _credential_json(s.revoked)},
    ),
    Visit(
        "credential that is not JSON",
        "courses:credential_check",
        "visitor",
        lambda s: "/learning/certificates/verify/",
        data=lambda s: {"credential": '{"type": '},
    ),
    Visit(
        "certificate PDF",
        "courses:certificate_pdf",
        "visitor",
        lambda s: f"/learning/certificates/{s.certificate.code}/certificate.pdf",
        pdf=True,
    ),
    Visit(
        "revoked certificate's PDF",
        "courses:certificate_pdf",
        "visitor",
        lambda s: f"/learning/certificates/{s.revoked.code}/certificate.pdf",
        status=410,
    ),
    Visit(
        "password-protected page",
        "wagtail_serve",
        "visitor",
        _page("protected_page"),
    ),
    Visit(
        "password-protected page, wrong password",
        "wagtailcore_authenticate_with_password",
        "visitor",
        lambda s: (
            f"/_util/authenticate_with_password/"
            f"{s.protected_page.get_view_restrictions().get().pk}/{s.protected_page.pk}/"
        ),
        data=lambda s: {"password": "wrong", "return_url": s.protected_page.url},
    ),
    Visit(
        "page for signed-in readers",
        "wagtail_serve",
        "visitor",
        _page("members_page"),
    ),
    Visit(
        "page not found",
        "wagtail_serve",
        "visitor",
        lambda s: "/no/such/page/",
        status=404,
    ),
    Visit(
        "request not understood",
        "wagtail_serve",
        "visitor",
        lambda s: "/",
        headers={"host": "unknown.example"},
        status=400,
    ),
    Visit(
        "form sent without its token",
        "accounts:login",
        "visitor with an expired form",
        lambda s: "/accounts/login/",
        data=lambda s: {"username": "grace", "password": "wrong"},
        status=403,
    ),
    Visit(
        "server error",
        "wagtail_serve",
        "visitor meeting a fault",
        lambda s: "/",
        server_fault=True,
        status=500,
    ),
    Visit(
        "material not found",
        "materials:detail",
        "visitor",
        lambda s: "/materials/999999-gone/",
        status=404,
    ),
    # A student, signed in.
    Visit("course page, not enrolled", "wagtail_serve", "student", _page("course")),
    Visit(
        "enrolling",
        "courses:enrol",
        "student",
        lambda s: f"/learning/courses/{s.course.pk}/enrol/",
        data=_nothing,
    ),
    Visit("lesson, enrolled", "wagtail_serve", "student", _page("reading")),
    Visit(
        "lesson marked done",
        "courses:lesson_done",
        "student",
        lambda s: f"/learning/lessons/{s.reading.pk}/done/",
        data=_nothing,
    ),
    Visit(
        "quiz answered wrongly",
        "courses:quiz_submit",
        "student",
        lambda s: f"/learning/lessons/{s.quiz_lesson.pk}/quizzes/{s.quiz_id}/",
        data=lambda s: {"question-0": "1", "question-1": ["0", "2"]},
    ),
    Visit(
        "quiz passed",
        "courses:quiz_submit",
        "student",
        lambda s: f"/learning/lessons/{s.quiz_lesson.pk}/quizzes/{s.quiz_id}/",
        data=lambda s: {"question-0": "0", "question-1": ["0", "1"]},
    ),
    Visit("course page, enrolled", "wagtail_serve", "student", _page("course")),
    Visit(
        "course page, enrolment closed",
        "wagtail_serve",
        "student",
        _page("closed_course"),
    ),
    Visit(
        "leaving a course",
        "courses:unenrol",
        "student",
        lambda s: f"/learning/courses/{s.leaving_course.pk}/unenrol/",
        data=_nothing,
    ),
    Visit("my learning", "courses:my_learning", "student", lambda s: "/learning/"),
    Visit(
        "own certificate",
        "courses:certificate_verify",
        "student",
        lambda s: s.certificate.get_absolute_url(),
    ),
    Visit(
        "certificate choices saved",
        "courses:certificate_privacy",
        "student",
        lambda s: f"/learning/certificates/{s.certificate.code}/privacy/",
        data=lambda s: {"name_display": "full", "is_public": "on"},
    ),
    Visit(
        "certificate choice refused",
        "courses:certificate_privacy",
        "student",
        lambda s: f"/learning/certificates/{s.certificate.code}/privacy/",
        data=lambda s: {"name_display": "nickname"},
    ),
    Visit(
        "transcript PDF",
        "courses:transcript_pdf",
        "student",
        lambda s: "/learning/transcript/transcript.pdf",
        pdf=True,
    ),
    Visit(
        "transcript link opened",
        "courses:transcript_share_open",
        "student",
        lambda s: "/learning/transcript/share/",
        data=_nothing,
    ),
    Visit(
        "shared transcript",
        "courses:transcript_shared",
        "visitor",
        lambda s: _share(s).get_absolute_url(),
    ),
    Visit(
        "shared transcript's PDF",
        "courses:transcript_shared_pdf",
        "visitor",
        lambda s: f"{_share(s).get_absolute_url()}transcript.pdf",
        pdf=True,
    ),
    Visit(
        "own shared transcript",
        "courses:transcript_shared",
        "student",
        lambda s: _share(s).get_absolute_url(),
    ),
    Visit(
        "transcript courses chosen",
        "courses:transcript_share_courses",
        "student",
        lambda s: f"{_share(s).get_absolute_url()}courses/",
        data=lambda s: {"certificate": [s.certificate.pk]},
    ),
    Visit(
        "transcript courses refused",
        "courses:transcript_share_courses",
        "student",
        lambda s: f"{_share(s).get_absolute_url()}courses/",
        data=lambda s: {"certificate": [s.revoked.pk]},
    ),
    Visit(
        "transcript checked",
        "courses:credential_check",
        "visitor",
        lambda s: "/learning/certificates/verify/",
        data=lambda s: {"credential": _transcript_json(s)},
    ),
    Visit(
        "transcript link revoked",
        "courses:transcript_share_revoke",
        "student",
        lambda s: f"{_share(s).get_absolute_url()}revoke/",
        data=_nothing,
    ),
    Visit(
        "revoked transcript link",
        "courses:transcript_shared",
        "visitor",
        lambda s: _share(s).get_absolute_url(),
        status=410,
    ),
    Visit(
        "unknown transcript link",
        "courses:transcript_shared",
        "visitor",
        lambda s: "/learning/transcripts/no-such-code/",
        status=404,
    ),
    Visit(
        "where signing in leads, a student",
        "accounts:start",
        "student",
        lambda s: "/accounts/start/",
    ),
    Visit(
        "where signing in leads, a teacher",
        "accounts:start",
        "teacher",
        lambda s: "/accounts/start/",
    ),
    Visit(
        "where signing in leads, a curator",
        "accounts:start",
        "curator",
        lambda s: "/accounts/start/",
    ),
    Visit("profile", "accounts:profile", "student", lambda s: "/accounts/profile/"),
    Visit(
        "profile refused",
        "accounts:profile",
        "student",
        lambda s: "/accounts/profile/",
        data=lambda s: {
            "display_name": "x" * 200,
            "school": "",
            "preferred_language": "xx",
        },
    ),
    Visit(
        "password change",
        "accounts:password_change",
        "student",
        lambda s: "/accounts/password/change/",
    ),
    Visit(
        "password change refused",
        "accounts:password_change",
        "student",
        lambda s: "/accounts/password/change/",
        data=lambda s: {
            "old_password": "wrong",
            "new_password1": "123",
            "new_password2": "1234",
        },
    ),
    Visit(
        "account deletion",
        "accounts:delete_account",
        "student",
        lambda s: "/accounts/delete/",
    ),
    Visit(
        "account deletion refused",
        "accounts:delete_account",
        "student",
        lambda s: "/accounts/delete/",
        data=lambda s: {"password": "wrong"},
    ),
    Visit(
        "upload refused to a student",
        "materials:upload",
        "student",
        lambda s: "/materials/upload/",
        status=403,
    ),
    Visit(
        "teacher invitation, bad link",
        "accounts:accept_teacher_invitation",
        "student",
        lambda s: "/accounts/invitations/not-a-token/",
        status=400,
    ),
    Visit(
        "teacher invitation",
        "accounts:accept_teacher_invitation",
        "student",
        lambda s: f"/accounts/invitations/{s.invitation}/",
    ),
    Visit(
        "teacher invitation accepted",
        "accounts:accept_teacher_invitation",
        "student",
        lambda s: f"/accounts/invitations/{s.invitation}/",
        data=_nothing,
    ),
    Visit(
        "teacher invitation used",
        "accounts:accept_teacher_invitation",
        "student",
        lambda s: f"/accounts/invitations/{s.invitation}/",
        status=410,
    ),
    # A teacher.
    Visit(
        "courses taught", "courses:teaching", "teacher", lambda s: "/learning/teaching/"
    ),
    Visit(
        "course dashboard",
        "courses:course_dashboard",
        "teacher",
        lambda s: f"/learning/teaching/{s.course.pk}/",
    ),
    Visit(
        "import a course",
        "courses:import_start",
        "teacher",
        lambda s: "/learning/teaching/import/",
    ),
    Visit(
        "import a course refused",
        "courses:import_start",
        "teacher",
        lambda s: "/learning/teaching/import/",
        data=_nothing,
    ),
    *(
        Visit(
            f"course import {state}",
            "courses:import_detail",
            "teacher",
            lambda s, state=state: f"/learning/teaching/import/{s.import_jobs[state]}/",
        )
        for state in ("running", "done", "failed")
    ),
    Visit("my materials", "materials:mine", "teacher", lambda s: "/materials/mine/"),
    Visit("upload", "materials:upload", "teacher", lambda s: "/materials/upload/"),
    Visit(
        "edit material",
        "materials:edit",
        "teacher",
        lambda s: f"/materials/{s.needs_changes.pk}/edit/",
    ),
    Visit(
        "edit material refused",
        "materials:edit",
        "teacher",
        lambda s: f"/materials/{s.needs_changes.pk}/edit/",
        data=lambda s: {"title": "", "keywords": ""},
    ),
    Visit(
        "upload results",
        "materials:upload",
        "teacher",
        lambda s: "/materials/upload/",
        data=lambda s: {
            **material_metadata(title="Uploaded Sheet", keywords="", description=""),
            "files": [
                uploaded("uploaded-sheet.pdf", PDF),
                uploaded("program.pdf", b"MZ" + b"\x00" * 64),
            ],
        },
    ),
    Visit(
        "upload refused",
        "materials:upload",
        "teacher",
        lambda s: "/materials/upload/",
        data=lambda s: {"title": ""},
    ),
    Visit(
        "material resubmitted",
        "materials:action",
        "teacher",
        lambda s: f"/materials/{s.needs_changes.pk}/submit/",
        data=_nothing,
    ),
    Visit(
        "material submission refused",
        "materials:action",
        "teacher",
        lambda s: f"/materials/{s.material.pk}/submit/",
        data=_nothing,
    ),
    # A curator.
    Visit(
        "review queue", "materials:review", "curator", lambda s: "/materials/review/"
    ),
    Visit(
        "changes requested",
        "materials:review_decide",
        "curator",
        lambda s: f"/materials/{s.waiting.pk}/review/",
        data=lambda s: {
            "decision": "reject",
            "comment": "Please fix the spelling in the title.",
        },
    ),
    Visit(
        "material approved",
        "materials:review_decide",
        "curator",
        lambda s: f"/materials/{s.needs_changes.pk}/review/",
        data=lambda s: {"decision": "approve", "comment": ""},
    ),
    Visit(
        "review queue, empty",
        "materials:review",
        "curator",
        lambda s: "/materials/review/",
    ),
    # Signing out, last.
    Visit(
        "signing out",
        "accounts:logout",
        "student",
        lambda s: "/accounts/logout/",
        data=_nothing,
    ),
]

# URL patterns no person reads as a page, each with the reason.
NOT_PAGES = {
    "set_language": "the switcher's own address; every walk goes through it",
    "materials:download": "the material's file itself",
    "materials:thumbnail": "an image",
    "materials:package_file": "a file inside a SCORM package, shown in its player",
    "materials:package_state": "JSON the player posts a package's progress to",
    "courses:course_export": "CSV for spreadsheets, with fixed column names",
    "courses:certificate_json": "an Open Badges credential for machines",
    "courses:transcript_json": "a CLR 2.0 transcript credential for machines",
    "courses:transcript_shared_json": "the shared CLR 2.0 transcript, for machines",
    "did_document": "the issuer's DID document (JSON keys) for verifiers",
    "courses:certificate_revocations": "the signed revocation list for verifiers",
    "search:suggest": "JSON for the search box",
    "oidc_authentication_init": "redirects to the identity provider (404 when off)",
    "oidc_authentication_callback": "the identity provider's return address",
    "oai": "OAI-PMH XML for harvesters",
    "feed_materials": "an RSS feed",
    "feed_materials_subject": "an RSS feed",
    "sitemap": "XML for search engines",
    "wagtaildocs_serve": "a document's file",
    "wagtaildocs_authenticate_with_password": "documents are never password-protected",
    "wagtail_login_redirect": "redirects to accounts:login, which is walked",
    "favicon": "redirects to the site's icon, an image",
    "lti:jwks": "the LTI tool's public keys (JSON) for LMS platforms",
    "lti:login": "redirects to an LMS's sign-in (tests/lti)",
    "lti:launch": "an LMS's signed POST; its pages are checked in tests/lti",
    "lti:continue": "a one-time sign-in that redirects to the lesson",
    "lti:deep_linking": "opened only by a signed LMS request (tests/lti)",
}
NOT_PAGES_PREFIXES = {
    "django-admin/": "Django's admin, for developers",
    "admin/": "Wagtail's admin: its project parts are walked by test_admin_*",
    "api/": "the JSON API and its documentation",
    "media/": "uploaded files, served only while developing",
}


def _reset_link(site: Site) -> str:
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    uid = urlsafe_base64_encode(force_bytes(site.student.pk))
    token = default_token_generator.make_token(site.student)
    return f"/accounts/password/reset/{uid}/{token}/"


@dataclass
class Answer:
    visit: Visit
    url: str  # the address asked for
    final_url: str  # the address shown, after redirects
    html: str
    lines: list[Line]


def _clients(site: Site, language: str) -> dict[str, Client]:
    """A browser for each person, each having chosen ``language`` with the
    switcher, whatever language their profile names."""
    clients = {
        "visitor": Client(),
        "visitor meeting a fault": Client(raise_request_exception=False),
    }
    for who in ("student", "teacher", "curator"):
        person = getattr(site, who)
        person.preferred_language = OTHER[language]
        person.save(update_fields=["preferred_language"])
        clients[who] = Client()
        clients[who].force_login(person)
    for client in clients.values():
        chosen = client.post("/i18n/setlang/", {"language": language, "next": "/"})
        assert (chosen.status_code, chosen["Location"]) == (302, "/")
    # A form kept open too long: its token no longer matches (the switcher's
    # own form would be refused too, so the cookie it sets is copied over).
    clients["visitor with an expired form"] = Client(enforce_csrf_checks=True)
    clients["visitor with an expired form"].cookies[settings.LANGUAGE_COOKIE_NAME] = (
        language
    )
    return clients


def _fail_home_page(*args, **kwargs):
    raise RuntimeError("a fault while building the home page")


def _ask(client: Client, visit: Visit, site: Site, url: str, monkeypatch):
    with (
        monkeypatch.context() as patch,
        TestCase.captureOnCommitCallbacks(execute=True),
    ):
        if visit.server_fault:
            patch.setattr(HomePage, "get_context", _fail_home_page)
        if visit.data is None:
            return client.get(url, follow=True, headers=visit.headers)
        return client.post(url, visit.data(site), follow=True, headers=visit.headers)


def _pdf_lines(content: bytes) -> list[Line]:
    document = pypdfium2.PdfDocument(content)
    text = document[0].get_textpage().get_text_range()
    document.close()
    return [Line(" ".join(line.split())) for line in text.splitlines() if line.strip()]


def walk(site: Site, language: str, monkeypatch) -> list[Answer]:
    """Every visit of WALK in order, as each person, in ``language``."""
    import materials.views

    monkeypatch.setattr(materials.views, "PAGE_SIZE", 1)
    clients = _clients(site, language)
    answers = []
    for visit in WALK:
        url = visit.url(site)
        route = resolve(url.split("?")[0]).view_name
        assert route == visit.route, f"{visit.name}: {url} is {route}"
        response = _ask(clients[visit.who], visit, site, url, monkeypatch)
        assert response.status_code == visit.status, (
            f"{visit.name} ({url}) answered {response.status_code}"
        )
        final_url = response.redirect_chain[-1][0] if response.redirect_chain else url
        if visit.pdf:
            lines = _pdf_lines(response.content)
            answers.append(Answer(visit, url, final_url, "", lines))
            continue
        html = response.content.decode()
        lines = visible_lines(html, leave_out=SWITCHER)
        answers.append(Answer(visit, url, final_url, html, lines))
    return answers


@pytest.fixture
def language(request) -> str:
    return request.param


def _where(language: str, answer: Answer) -> str:
    return f"[{language}] {answer.visit.name} ({answer.url})"


def _frame_problems(language: str, answers: list[Answer]) -> list[str]:
    """The page's frame: its language, its tab title and the switcher, which
    offers each language in its own name and comes back to the same page."""
    problems = []
    site_name = {"en": "Learning materials repository", "vi": "Kho học liệu số"}
    for answer in answers:
        if not answer.html:
            continue
        where = _where(language, answer)
        page = lxml_html.document_fromstring(answer.html)
        if page.get("lang") != language:
            problems.append(f"{where}: <html lang={page.get('lang')!r}>")
        title = " ".join(page.findtext(".//title", "").split())
        if not title or title.endswith("·"):
            problems.append(f"{where}: tab title {title!r} is cut short")
        if answer.visit.status == 200 and site_name[language] not in title:
            problems.append(f"{where}: tab title {title!r} misses the site's name")
        switcher = page.xpath("//form[contains(@class, 'language-switcher')]")
        if not switcher:
            if answer.visit.status not in {403, 500}:  # the standalone pages
                problems.append(f"{where}: no language switcher")
            continue
        offered = [
            (
                option.get("value"),
                unicodedata.normalize("NFC", option.text_content().strip()),
                "selected" in option.attrib,
            )
            for option in switcher[0].iter("option")
        ]
        if offered != [
            ("vi", "Tiếng Việt", language == "vi"),
            ("en", "English", language == "en"),
        ]:
            problems.append(f"{where}: the switcher offers {offered}")
        comes_back_to = switcher[0].xpath(".//input[@name='next']/@value")
        # A browser never sends the #fragment, so the page cannot know it.
        expected = unquote(answer.final_url.split("#")[0])
        if [unquote(url) for url in comes_back_to] != [expected]:
            problems.append(
                f"{where}: the switcher returns to {comes_back_to}, "
                f"not {answer.final_url!r}"
            )
    return problems


def _report(language: str, leaks: list[str]) -> str:
    return f"{len(leaks)} problems on the {language} pages:\n" + "\n".join(leaks)


@pytest.mark.parametrize("language", ["en"], indirect=True)
def test_english_pages_show_no_vietnamese(site, language, monkeypatch):
    answers = walk(site, "en", monkeypatch)
    leaks = _frame_problems("en", answers)
    for answer in answers:
        for line in answer.lines:
            if line.text in ENGLISH_PAGES_MAY_SHOW:
                continue
            if letters := vietnamese_letters(line.text):
                leaks.append(f"{_where('en', answer)}: {str(line)!r} ({letters})")
    assert not leaks, _report("English", leaks)


@pytest.mark.parametrize("language", ["vi"], indirect=True)
def test_vietnamese_pages_show_no_untranslated_english(site, language, monkeypatch):
    content = sorted([*site.content, *VISITORS_TYPED], key=len, reverse=True)
    answers = walk(site, "vi", monkeypatch)
    leaks = _frame_problems("vi", answers)
    for answer in answers:
        for line in answer.lines:
            where = f"{_where('vi', answer)}: {str(line)!r}"
            if msgid := untranslated_msgid(line.text):
                leaks.append(f"{where} is the untranslated {msgid!r}")
                continue
            words = english_words(
                without(line.text, content), allowed_words=VIETNAMESE_PAGES_MAY_SHOW
            )
            if words:
                leaks.append(f"{where} has English words {words}")
    assert not leaks, _report("Vietnamese", leaks)


# What the walk covers ------------------------------------------------------


def _public_routes(patterns, prefix: str = "", namespace: str | None = None):
    """(address, route name) of every URL pattern outside the skipped trees."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if any(route.startswith(tree) for tree in NOT_PAGES_PREFIXES):
            continue
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace])) or None
            yield from _public_routes(pattern.url_patterns, route, inner)
        elif isinstance(pattern, URLPattern):
            name = pattern.name or route
            yield route, f"{namespace}:{name}" if namespace else name


def test_every_public_address_is_walked_or_explained():
    """A new page fails here until the walk visits it or NOT_PAGES says why."""
    routes: dict[str, str] = {}
    for route, name in _public_routes(get_resolver().url_patterns):
        routes.setdefault(route, name)  # the first pattern answers an address
    walked = {visit.route for visit in WALK}
    unexplained = set(routes.values()) - walked - set(NOT_PAGES)
    assert unexplained == set(), f"walk these or explain them: {sorted(unexplained)}"
    assert set(NOT_PAGES) <= set(routes.values()), "an explained address is gone"
    assert walked <= set(routes.values()), "a walked route is gone"


def test_every_kind_of_page_is_walked():
    """Each page type of the site's own apps has a visit (Wagtail serves
    them all under one pattern, so the address check cannot tell)."""
    walked = {
        "lms.HomePage",
        "courses.CourseCatalogPage",
        "courses.CoursePage",
        "courses.CourseModulePage",
        "courses.LessonPage",
    }
    kinds = {
        model._meta.label
        for model in get_page_models()
        if model._meta.app_label
        in {"lms", "courses", "materials", "accounts", "search"}
    }
    assert kinds == walked


# Dates, numbers and the switcher -----------------------------------------


@pytest.mark.parametrize(
    ("language", "issued", "downloads", "hours", "day"),
    [
        ("en", "March 5, 2025", "12,345", "2.5 hours", "03/05/2025"),
        ("vi", "ngày 5 tháng 3 năm 2025", "12.345", "2,5 giờ", "05-03-2025"),
    ],
)
def test_dates_and_numbers_follow_the_readers_language(
    client, home_page, language, issued, downloads, hours, day
):
    """The certificate's date, a download count, a course's hours and the
    dashboard's days are written as readers of that language write them."""
    teacher = TeacherFactory()
    course = CoursePageFactory(estimated_hours=Decimal("2.5"))
    course.teachers.add(teacher)
    course.save_revision().publish()
    HomePageFeaturedCourseFactory(home_page=home_page, course=course)
    enrolment = EnrolmentFactory(course=course)
    enrolment.enrolled_at = ISSUED
    enrolment.save()
    certificate = CertificateFactory_(
        course=course, learner=enrolment.learner, issued_at=ISSUED
    )
    material = PublishedMaterialFactory(download_count=12345)
    client.post("/i18n/setlang/", {"language": language, "next": "/"})

    def text(url: str) -> str:
        return " ".join(
            line.text for line in visible_lines(client.get(url).content.decode())
        )

    assert issued in text(certificate.get_absolute_url())
    assert downloads in text(material.get_absolute_url())
    assert hours in text("/")
    client.force_login(teacher)
    assert day in text(f"/learning/teaching/{course.pk}/")


@pytest.mark.parametrize("language", ["en", "vi"])
def test_the_switcher_keeps_the_visitor_on_the_same_page(client, home_page, language):
    """Choosing a language from any page comes back to that page, query
    string included, now in the chosen language."""
    course = CoursePageFactory()
    for page in ("/", course.url, "/materials/?subject=toan&grade=6", "/search/?q=a"):
        client.post("/i18n/setlang/", {"language": OTHER[language], "next": "/"})
        html = client.get(page).content.decode()
        comes_back_to = lxml_html.document_fromstring(html).xpath(
            "//form[contains(@class, 'language-switcher')]//input[@name='next']/@value"
        )
        assert comes_back_to == [page]
        switched = client.post(
            "/i18n/setlang/", {"language": language, "next": comes_back_to[0]}
        )
        assert (switched.status_code, switched["Location"]) == (302, page)
        assert f'<html lang="{language}">' in client.get(page).content.decode()
