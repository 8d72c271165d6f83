"""Staff work in Wagtail's admin and Django's, and developers read the API
docs, under policies of their own: nothing on those pages may be refused."""

from urllib.parse import quote

import pytest

from tests.browser.journey import sign_in

# One worker serves every journey: the demo site is started once per process.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

# A lesson seed_demo creates (lms/demo/catalogue/maths.py).
LESSON = "Ước và bội"


def test_site_administrator_edits_and_previews_a_lesson_in_wagtail(journey):
    page = journey.page
    sign_in(journey, "admin", "admin-demo-2026")
    for path in ("/admin/", "/admin/pages/", "/admin/images/", "/admin/documents/"):
        journey.open(path)

    journey.open(f"/admin/pages/search/?q={quote(LESSON)}")
    page.locator("main").get_by_role("link", name=LESSON, exact=True).first.click()
    page.wait_for_load_state("networkidle")
    assert "/edit/" in page.url, page.url
    journey.assert_no_policy_violations()

    page.locator("[data-side-panel-toggle=preview]").click()
    preview = page.frame_locator("#w-preview-iframe")
    preview.get_by_role("heading", level=1, name=LESSON).wait_for()
    journey.screenshot("preview")
    journey.assert_no_policy_violations()


def test_site_administrator_opens_django_admin(journey):
    sign_in(journey, "admin", "admin-demo-2026")
    journey.open("/django-admin/")
    journey.open("/django-admin/accounts/user/")


def test_developer_reads_the_api_docs(journey):
    journey.open("/api/v1/docs/")
    journey.page.locator(".swagger-ui .opblock").first.wait_for()
    journey.assert_no_policy_violations()
    journey.open("/api/v1/redoc/")
    journey.page.locator("[role=navigation], .api-content").first.wait_for()
    journey.assert_no_policy_violations()
