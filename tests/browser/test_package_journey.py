"""A student plays a SCORM package (2004 and 1.2) inside a lesson, finishes
it, and finds the package where they left it when they come back."""

import json
import uuid
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import manage
from tests.browser.journey import Journey, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

PASSWORD = "mat-khau-goi-scorm-2026"
# Run in the served site's own process environment: a published package, a
# lesson that embeds it and an enrolled student.
SETUP = """
import json, sys
from django.core.files.base import ContentFile
from lms.vocabulary import PackageKind
from tests.factories import (CourseModulePageFactory, CoursePageFactory,
    EnrolmentFactory, LessonPageFactory, PublishedMaterialFactory, StudentFactory)
from tests.materials.packages import scorm_player_files
material = PublishedMaterialFactory(
    title="Gói SCORM: Phân số",
    file=ContentFile(scorm_player_files.__BUILD__(), name="goi.zip"),
    original_filename="goi.zip", mime_type="application/zip",
    package_kind=PackageKind.__KIND__)
course = CoursePageFactory(title="Khóa học có gói SCORM")
module = CourseModulePageFactory(parent=course)
lesson = LessonPageFactory(parent=module, title="Bài học có gói SCORM",
    body=[("material", {"material": material, "note": ""})])
student = StudentFactory(username="__USERNAME__")
student.set_password("__PASSWORD__")
student.save()
EnrolmentFactory(learner=student, course=course)
open("__OUT__", "w").write(json.dumps({"lesson": lesson.url}))
"""


# Each SCORM version's package, as (what builds it, its package kind).
VERSIONS = {
    "2004": ("scorm_2004_sco", "SCORM_2004"),
    "1.2": ("scorm_12_visit_sco", "SCORM_12"),
}


@pytest.fixture(scope="module", params=list(VERSIONS))
def package_lesson(request, site_url, site_env) -> dict:
    username = f"hoc.goi.{uuid.uuid4().hex[:8]}"
    out = Path(site_env["LMS_VAR_DIR"]) / f"{username}.json"
    build, kind = VERSIONS[request.param]
    code = (
        SETUP.replace("__USERNAME__", username)
        .replace("__PASSWORD__", PASSWORD)
        .replace("__OUT__", str(out))
        .replace("__BUILD__", build)
        .replace("__KIND__", kind)
    )
    manage(site_env, "shell", "-c", code)
    return json.loads(out.read_text()) | {
        "username": username,
        "version": request.param,
    }


def test_a_package_saves_completes_the_lesson_and_resumes(
    journey: Journey, package_lesson
):
    page = journey.page
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(journey, package_lesson["username"], PASSWORD)
    journey.visit(package_lesson["lesson"])
    player = page.locator("[data-package-player]")
    frame = page.frame_locator(".package-player iframe")
    expect(frame.locator("#entry")).to_have_text("entry=ab-initio")
    expect(frame.locator("#done")).to_have_text("done")
    expect(player).to_have_attribute("data-completed", "true", timeout=15_000)
    box = page.locator(".package-player iframe").bounding_box()
    assert box is not None and box["width"] <= 390

    page.reload(wait_until="load")
    assert page.locator("main section.completion").is_visible()
    expect(frame.locator("#entry")).to_have_text("entry=resume")
    expect(frame.locator("#read")).to_have_text("read=da-lam-bai-1@trang-2")
    journey.check(f"package-resumed-{package_lesson['version']}")
