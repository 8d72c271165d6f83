"""The printable transcript: A4 portrait, one row per course, with the QR
code of its public link (when the learner opened one) and the issuer's seal.

Long transcripts run onto further pages; the seal and QR code close the
last one, under the final row, as a signature closes a letter.
"""

import io
from datetime import datetime

from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from courses.pdf_marks import (
    BOLD,
    REGULAR,
    draw_qr,
    draw_seal,
    register_fonts,
    written_date,
)
from courses.services.certificates import issuer_name
from courses.transcripts.selectors import TranscriptEntry
from lms.links import absolute_url

MARGIN = 48
ROW_GAP = 10
FOOTER_HEIGHT = 150
QR_SIZE = 90


class _Pages:
    """A canvas with a cursor that starts a new page when a row won't fit."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self.width, self.height = A4
        self.y = self.height - MARGIN

    def need(self, height: float) -> None:
        if self.y - height < MARGIN:
            self.canvas.showPage()
            self.y = self.height - MARGIN

    def line(self, text: str, *, font: str, size: float, x: float = MARGIN) -> None:
        for part in simpleSplit(text, font, size, self.width - x - MARGIN):
            self.need(size * 1.4)
            self.canvas.setFont(font, size)
            self.canvas.drawString(x, self.y - size, part)
            self.y -= size * 1.4


def _header(pages: _Pages, *, name: str, issued_at: datetime, partial: bool) -> None:
    pages.line(
        pgettext("record of completed courses", "Transcript"), font=BOLD, size=24
    )
    pages.y -= 6
    pages.line(name, font=BOLD, size=16)
    issuer = issuer_name()
    pages.line(
        _("Issued by %(issuer)s on %(date)s")
        % {"issuer": issuer, "date": written_date(issued_at)},
        font=REGULAR,
        size=10,
    )
    if partial:
        pages.line(
            _("The learner chose which courses this transcript shows."),
            font=REGULAR,
            size=10,
        )
    pages.y -= 12


def _row(pages: _Pages, number: int, entry: TranscriptEntry) -> None:
    certificate = entry.certificate
    pages.need(60)
    pages.line(f"{number}. {certificate.course_title}", font=BOLD, size=12)
    dates = _("Completed on %(date)s") % {"date": written_date(certificate.issued_at)}
    if entry.enrolled_at:
        dates = _("Enrolled on %(start)s · completed on %(end)s") % {
            "start": written_date(entry.enrolled_at),
            "end": written_date(certificate.issued_at),
        }
    pages.line(
        _("Result: completed") + " · " + dates, font=REGULAR, size=10, x=MARGIN + 14
    )
    pages.line(
        _("Certificate: %(url)s")
        % {"url": absolute_url(certificate.get_absolute_url())},
        font=REGULAR,
        size=8,
        x=MARGIN + 14,
    )
    pages.y -= ROW_GAP


def _footer(pages: _Pages, *, url: str | None) -> None:
    """The seal on the left, the QR code on the right, and under both the
    address the QR code holds, for a reader without a camera."""
    pages.need(FOOTER_HEIGHT)
    top = pages.y - 10
    draw_seal(pages.canvas, issuer_name(), x=MARGIN + 55, y=top - 55, radius=55)
    if url:
        x = pages.width - MARGIN - QR_SIZE
        draw_qr(pages.canvas, url, x=x, y=top - QR_SIZE, size=QR_SIZE)
        pages.y = top - 2 * 55 - 14
        pages.line(_("Verify at %(url)s") % {"url": url}, font=REGULAR, size=8)


def transcript_pdf(
    *,
    name: str,
    entries: list[TranscriptEntry],
    issued_at: datetime,
    url: str | None = None,
    partial: bool = False,
) -> bytes:
    """The transcript PDF; ``url`` is the public link its QR code encodes."""
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1)
    canvas.setTitle(
        pgettext("record of completed courses", "Transcript") + f" – {name}"
    )
    canvas.setAuthor(issuer_name())
    pages = _Pages(canvas)
    _header(pages, name=name, issued_at=issued_at, partial=partial)
    if not entries:
        pages.line(_("No completed course is shown."), font=REGULAR, size=11)
    for number, entry in enumerate(entries, start=1):
        _row(pages, number, entry)
    _footer(pages, url=url)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
