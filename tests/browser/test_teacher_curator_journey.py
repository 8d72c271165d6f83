"""A teacher uploads a material; a curator sends it back, then publishes it."""

import uuid

import pytest

from lms.demo_files import make_pdf
from tests.browser.journey import (
    Journey,
    search_from_header,
    sign_in,
)

# One worker serves every journey: the demo site is started once per process.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

# Titles published by the review journey in this run, for the search test.


def _upload(journey: Journey, title: str, pdf) -> None:
    page = journey.page
    journey.visit("/materials/upload/")
    page.locator("main input[name=files]").set_input_files(str(pdf))
    page.locator("main input[name=title]").fill(title)
    page.locator("main textarea[name=description]").fill(
        "Phiếu bài tập về phân số thập phân cho học sinh lớp 6."
    )
    page.locator("main select[name=subject]").select_option("toan")
    page.locator("main input[name=grade_levels][value='6']").check()
    page.locator("main select[name=material_type]").select_option("worksheet")
    page.locator("main input[name=keywords]").fill("phân số, số thập phân")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    journey.check("uploaded")
    results = page.locator("main .upload-results")
    assert results.locator("a[href$='/materials/mine/']").count() == 1, (
        results.inner_text()
    )


def _row(journey: Journey, title: str):
    return journey.page.locator("main tbody tr").filter(has_text=title)


def _submit_from_my_materials(journey: Journey, title: str) -> None:
    _row(journey, title).locator("form[action$='/submit/'] button").click()
    journey.page.wait_for_load_state()
    journey.check("submitted")
    assert _row(journey, title).locator("form[action$='/submit/']").count() == 0


def _decide(curator: Journey, title: str, decision: str, comment: str = "") -> None:
    page = curator.page
    curator.visit("/materials/review/")
    item = page.locator("main article.review-item").filter(
        has=page.get_by_role("heading", name=title, exact=True)
    )
    assert item.count() == 1, f"{title} is not in the review queue"
    if comment:
        item.locator("textarea[name=comment]").fill(comment)
    item.locator(f"button[name=decision][value={decision}]").click()
    page.wait_for_load_state()
    curator.check(f"review-{decision}")
    assert page.get_by_role("heading", name=title, exact=True).count() == 0


def test_teacher_uploads_and_curator_requests_changes_then_publishes(
    journey, another_journey, tmp_path
):
    title = f"Phiếu bài tập phân số thập phân {uuid.uuid4().hex[:6]}"
    comment = "Vui lòng bổ sung đáp án cho bài 3."
    pdf = tmp_path / "phieu-bai-tap.pdf"
    pdf.write_bytes(make_pdf("Phieu bai tap phan so", ["Bai 1", "Bai 2", "Bai 3"]))

    teacher = journey
    sign_in(teacher, "teacher.lan", "teacher-demo-2026")
    _upload(teacher, title, pdf)
    teacher.visit("/materials/mine/")
    _submit_from_my_materials(teacher, title)

    curator = another_journey("curator")
    sign_in(curator, "curator", "curator-demo-2026")
    _decide(curator, title, "reject", comment)

    teacher.visit("/materials/mine/")
    assert _row(teacher, title).locator(".review-comment").inner_text() == comment
    _submit_from_my_materials(teacher, title)

    _decide(curator, title, "approve")

    visitor = another_journey("visitor")
    visitor.visit("/materials/")
    visitor.page.get_by_role("link", name=title, exact=True).first.click()
    visitor.page.wait_for_load_state()
    visitor.check("material")
    assert visitor.page.get_by_role("heading", level=1, name=title).is_visible()

    visitor.visit("/")
    search_from_header(visitor, "phieu bai tap phan so thap phan")
    assert visitor.page.get_by_role("link", name=title).count() >= 1
