"""What a reader of the certificate PDF sees: the wording, the seal and a QR
code that a phone reads as the public verification address."""

from datetime import UTC, datetime

import pypdfium2
import pytest
import zxingcpp
from django.urls import reverse

from courses.certificate_files import certificate_pdf
from courses.models import Certificate
from tests.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(tree, learner):
    EnrolmentFactory(learner=learner, course=tree.course)
    tree.complete_required(learner)
    certificate = Certificate.objects.get()
    certificate.issued_at = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
    certificate.save()
    return certificate


def page_text(pdf_bytes: bytes) -> str:
    page = pypdfium2.PdfDocument(pdf_bytes)[0]
    return " ".join(page.get_textpage().get_text_range().split())


def scanned_codes(pdf_bytes: bytes) -> list[str]:
    """What a phone camera would read: the page rendered at print resolution."""
    image = pypdfium2.PdfDocument(pdf_bytes)[0].render(scale=3).to_pil()
    return [code.text for code in zxingcpp.read_barcodes(image)]


def test_the_qr_code_reads_as_the_verification_address(client, certificate):
    response = client.get(reverse("courses:certificate_pdf", args=[certificate.code]))

    assert scanned_codes(response.content) == [
        "http://testserver" + certificate.get_absolute_url()
    ]
    assert "Scan to verify" in page_text(response.content)


def test_the_english_pdf_names_the_issuer_and_the_date(certificate, settings):
    settings.LANGUAGE_CODE = "en"
    text = page_text(certificate_pdf(certificate))

    assert f"Issued by {certificate.issuer_name} on 2 December 2026" in text
    # The seal writes the issuer's name round its rim, one letter at a time.
    assert certificate.issuer_name.replace(" ", "") in text.replace(" ", "")


def test_the_vietnamese_pdf_words_the_date_as_a_sentence(client, certificate, settings):
    settings.LANGUAGE_CODE = "vi"
    response = client.get(reverse("courses:certificate_pdf", args=[certificate.code]))

    text = page_text(response.content)
    assert f"Do {certificate.issuer_name} cấp ngày 2 tháng 12 năm 2026" in text
    assert "ngày Ngày" not in text
    assert "Quét để xác minh" in text
    assert scanned_codes(response.content) == [
        "http://testserver" + certificate.get_absolute_url()
    ]
