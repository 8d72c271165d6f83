"""Learners play SCORM packages on the site, and the packages cannot reach it."""

import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from courses.models import CompletionMethod, LessonCompletion
from lms.page_cache import HEADER
from lms.vocabulary import PackageKind
from materials import services
from materials.models import PackageAttempt
from materials.packages import player
from tests.factories import (
    CourseModulePageFactory,
    CoursePageFactory,
    EnrolmentFactory,
    LessonPageFactory,
    MaterialFactory,
    PublishedMaterialFactory,
    StudentFactory,
)
from tests.materials.packages.scorm_player_files import scorm_12_sco, scorm_2004_sco

pytestmark = pytest.mark.django_db

SANDBOX = "sandbox allow-scripts allow-forms allow-popups"


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


def _scorm(kind=PackageKind.SCORM_2004, factory=PublishedMaterialFactory, **kwargs):
    data = scorm_2004_sco() if kind == PackageKind.SCORM_2004 else scorm_12_sco()
    return factory(
        file=ContentFile(data, name="goi.zip"),
        original_filename="goi.zip",
        mime_type="application/zip",
        package_kind=kind,
        **kwargs,
    )


@pytest.fixture
def material():
    return _scorm()


@pytest.fixture
def lesson(material):
    module = CourseModulePageFactory(parent=CoursePageFactory())
    return LessonPageFactory(
        parent=module, body=[("material", {"material": material, "note": ""})]
    )


@pytest.fixture
def learner():
    return StudentFactory()


def _course(lesson):
    return lesson.get_parent().get_parent().specific


def _file_url(material, *, learner=None, lesson=None, path="sco/index.html"):
    token = player.make_token(material=material, learner=learner, lesson=lesson)
    return reverse(
        "materials:package_file",
        kwargs={"pk": material.pk, "token": token, "path": path},
    )


def _started_with(response) -> dict:
    html = response.content.decode()
    found = re.search(
        r'<script id="lms-scorm-data" type="application/json">(.*?)</script>', html
    )
    return json.loads(found.group(1))


def _save(learner, material, lesson, **cmi):
    return services.package_attempt_save(
        learner=learner, material=material, lesson=lesson, cmi=cmi
    )


# Serving


def test_every_package_file_is_sandboxed_away_from_the_site(material, learner):
    for path, mime in [
        ("sco/index.html", "text/html"),
        ("sco/style.css", "text/css"),
        ("sco/logo.svg", "image/svg+xml"),
    ]:
        response = Client().get(_file_url(material, learner=learner, path=path))
        assert response.status_code == 200
        assert response["Content-Security-Policy"] == SANDBOX
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Type"].startswith(mime)
        assert response["Cache-Control"].startswith("private")
    assert response["Cache-Control"] == "private"


def test_pages_carry_the_runtime_first_and_are_never_cached(material, learner):
    response = Client().get(_file_url(material, learner=learner))
    html = response.content.decode()
    assert response["Cache-Control"] == "private, no-store"
    assert html.index("API_1484_11") < html.index("<title>")
    assert _started_with(response)["values"]["cmi.entry"] == "ab-initio"


@pytest.mark.parametrize(
    "path",
    [
        "../imsmanifest.xml",
        "sco/../../secret",
        "/etc/passwd",
        "sco\\index.html",
        "sco/missing.html",
        "sco",
    ],
)
def test_paths_outside_the_package_or_unknown_are_not_found(material, path):
    assert Client().get(_file_url(material, path=path)).status_code == 404


def test_a_forged_or_borrowed_ticket_opens_nothing(material):
    other = _scorm()
    url = _file_url(other).replace(f"/{other.pk}/", f"/{material.pk}/")
    assert Client().get(url).status_code == 404
    forged = reverse(
        "materials:package_file",
        kwargs={"pk": material.pk, "token": "abc:def", "path": "sco/index.html"},
    )
    assert Client().get(forged).status_code == 404


def test_a_draft_package_plays_only_for_its_author(learner):
    draft = _scorm(factory=MaterialFactory)
    assert Client().get(_file_url(draft, learner=learner)).status_code == 404
    assert Client().get(_file_url(draft, learner=draft.author)).status_code == 200


# Saving and resuming


def test_the_next_visit_resumes_where_the_learner_stopped(material, lesson, learner):
    _save(
        learner,
        material,
        lesson,
        **{
            "cmi.suspend_data": "da-lam-bai-1",
            "cmi.location": "trang-2",
            "cmi.session_time": "PT1M5S",
        },
    )
    _save(learner, material, lesson, **{"cmi.session_time": "PT10S"})
    response = Client().get(_file_url(material, learner=learner, lesson=lesson))
    values = _started_with(response)["values"]
    assert values["cmi.entry"] == "resume"
    assert values["cmi.suspend_data"] == "da-lam-bai-1"
    assert values["cmi.location"] == "trang-2"
    assert values["cmi.total_time"] == "PT75.00S"


def test_scorm_12_resumes_under_its_own_names(learner):
    material = _scorm(PackageKind.SCORM_12)
    _save(
        learner,
        material,
        None,
        **{
            "cmi.suspend_data": "cau-3",
            "cmi.core.lesson_location": "3",
            "cmi.core.session_time": "0000:02:10",
        },
    )
    values = _started_with(Client().get(_file_url(material, learner=learner)))["values"]
    assert values["cmi.core.entry"] == "resume"
    assert values["cmi.suspend_data"] == "cau-3"
    assert values["cmi.core.total_time"] == "0000:02:10"


def test_each_lesson_keeps_its_own_place(material, lesson, learner):
    _save(learner, material, lesson, **{"cmi.suspend_data": "trong-bai-hoc"})
    values = _started_with(Client().get(_file_url(material, learner=learner)))["values"]
    assert values["cmi.entry"] == "ab-initio"
    assert values["cmi.suspend_data"] == ""


@pytest.mark.parametrize(
    ("kind", "cmi", "message"),
    [
        (
            PackageKind.SCORM_12,
            {"cmi.suspend_data": "x" * 4097},
            (
                "The package sent an unusable cmi.suspend_data: it holds 4097 "
                "characters, more than the 4096 allowed."
            ),
        ),
        (
            PackageKind.SCORM_2004,
            {"cmi.suspend_data": "x" * 64001},
            (
                "The package sent an unusable cmi.suspend_data: it holds 64001 "
                "characters, more than the 64000 allowed."
            ),
        ),
        (
            PackageKind.SCORM_2004,
            {"cmi.core.lesson_status": "passed"},
            "The package sent cmi.core.lesson_status, which is not an element we keep.",
        ),
        (
            PackageKind.SCORM_2004,
            {"cmi.completion_status": "done"},
            (
                "The package sent an unusable cmi.completion_status: “done” is not "
                "one of: completed, incomplete, not attempted, unknown."
            ),
        ),
        (
            PackageKind.SCORM_2004,
            {"cmi.score.scaled": "2"},
            "The package sent an unusable cmi.score.scaled: 2 is outside -1 to 1.",
        ),
        (
            PackageKind.SCORM_12,
            {"cmi.core.session_time": "2 minutes"},
            (
                "The package sent an unusable cmi.core.session_time: “2 minutes” is "
                "not a time such as 0001:30:00."
            ),
        ),
        (
            PackageKind.SCORM_2004,
            {"cmi.location": 3},
            "The package sent an unusable cmi.location: its value is not text.",
        ),
    ],
)
def test_unusable_data_is_refused_naming_the_element(learner, kind, cmi, message):
    material = _scorm(kind)
    with pytest.raises(ValidationError) as error:
        _save(learner, material, None, **cmi)
    assert error.value.messages == [message]
    assert not PackageAttempt.objects.exists()


def test_a_refused_message_leaves_the_saved_state_as_it_was(material, learner):
    _save(learner, material, None, **{"cmi.suspend_data": "truoc"})
    with pytest.raises(ValidationError):
        _save(
            learner,
            material,
            None,
            **{
                "cmi.suspend_data": "sau",
                "cmi.success_status": "maybe",
            },
        )
    assert PackageAttempt.objects.get().cmi == {"suspend_data": "truoc"}


# Completion


def test_a_finished_package_completes_the_lesson_of_an_enrolled_learner(
    material, lesson, learner
):
    EnrolmentFactory(learner=learner, course=_course(lesson))
    _save(learner, material, lesson, **{"cmi.completion_status": "incomplete"})
    assert not LessonCompletion.objects.exists()
    _save(learner, material, lesson, **{"cmi.success_status": "passed"})
    completion = LessonCompletion.objects.get(learner=learner)
    assert completion.lesson_id == lesson.pk
    assert completion.method == CompletionMethod.PACKAGE


def test_a_passed_scorm_12_package_completes_its_lesson(learner):
    material = _scorm(PackageKind.SCORM_12)
    module = CourseModulePageFactory(parent=CoursePageFactory())
    lesson = LessonPageFactory(
        parent=module, body=[("material", {"material": material, "note": ""})]
    )
    EnrolmentFactory(learner=learner, course=_course(lesson))
    _save(learner, material, lesson, **{"cmi.core.lesson_status": "passed"})
    assert LessonCompletion.objects.filter(learner=learner, lesson=lesson).exists()


def test_a_learner_not_enrolled_keeps_the_package_state_but_no_completion(
    material, lesson, learner
):
    _save(learner, material, lesson, **{"cmi.completion_status": "completed"})
    assert not LessonCompletion.objects.exists()
    assert PackageAttempt.objects.get().cmi["completion_status"] == "completed"


# The pages that play it


def test_the_lesson_page_frames_the_player_and_saves_through_the_site(
    material, lesson, learner
):
    EnrolmentFactory(learner=learner, course=_course(lesson))
    client = Client()
    client.force_login(learner)
    page = client.get(lesson.url)
    html = page.content.decode()
    assert "frame-src 'self'" in page["Content-Security-Policy"]
    assert 'sandbox="allow-scripts allow-forms allow-popups"' in html
    token = re.search(r'data-token="([^"]+)"', html).group(1)
    src = re.search(r'data-src="([^"]+)"', html).group(1)
    assert src.endswith("/sco/index.html")

    url = reverse("materials:package_state", kwargs={"pk": material.pk})
    body = {"token": token, "cmi": {"cmi.completion_status": "completed"}}
    answer = client.post(url, json.dumps(body), content_type="application/json")
    assert answer.json() == {"saved": True, "completed": True}
    assert LessonCompletion.objects.filter(learner=learner, lesson=lesson).exists()


def test_someone_else_cannot_save_with_a_learners_player(material, lesson, learner):
    token = player.make_token(material=material, learner=learner, lesson=lesson)
    intruder = Client()
    intruder.force_login(StudentFactory())
    answer = intruder.post(
        reverse("materials:package_state", kwargs={"pk": material.pk}),
        json.dumps({"token": token, "cmi": {"cmi.completion_status": "completed"}}),
        content_type="application/json",
    )
    assert answer.status_code == 403
    assert not PackageAttempt.objects.exists()


def test_a_refused_save_tells_the_page_why(material, learner):
    client = Client()
    client.force_login(learner)
    token = player.make_token(material=material, learner=learner, lesson=None)
    answer = client.post(
        reverse("materials:package_state", kwargs={"pk": material.pk}),
        json.dumps({"token": token, "cmi": {"cmi.location": "x" * 1001}}),
        content_type="application/json",
    )
    assert answer.status_code == 400
    assert "cmi.location" in answer.json()["error"]


def test_visitors_play_on_the_material_page_and_are_asked_to_sign_in(material):
    page = Client().get(material.get_absolute_url())
    html = page.content.decode()
    assert "frame-src 'self'" in page["Content-Security-Policy"]
    assert "Sign in</a> to keep your progress" in html
    assert "data-token" not in html
    src = re.search(r'data-src="([^"]+)"', html).group(1)
    start = _started_with(Client().get(src))
    assert start["saving"] is False


def test_a_material_page_served_from_the_cache_still_lets_the_player_load(
    material, settings
):
    settings.PAGE_CACHE_SECONDS = 300
    Client().get(material.get_absolute_url())
    again = Client().get(material.get_absolute_url())
    assert again[HEADER] == "hit"
    assert "frame-src 'self'" in again["Content-Security-Policy"]


def test_a_page_without_a_head_stays_in_standards_mode_and_its_encoding():
    page = b'<!DOCTYPE html><html lang="vi"><meta charset="windows-1258"><p>x</p>'
    served = player.with_runtime(page, {"values": {}})
    assert served.startswith(b'<!DOCTYPE html><html lang="vi"><script id="lms-')
    assert player.html_charset(page) == "windows-1258"
