"""What every PDF the site issues carries: fonts, the written date, a QR code
pointing at the public verification page, and the issuer's seal.

Certificates and transcripts draw the same marks, so a reader who has learnt
to scan one recognises the other. The QR code is reportlab's own widget and
the seal is drawn in vectors here: nothing is fetched or rasterised, and the
file stays small and sharp at any zoom.
"""

import math
from datetime import datetime
from functools import cache

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import Color
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

REGULAR, BOLD = "Roboto", "Roboto-Bold"
SEAL_COLOUR = Color(0.55, 0.12, 0.12)


@cache
def register_fonts() -> None:
    """Roboto (Apache 2.0, from ``font-roboto``): the PDF standard fonts
    cannot show Vietnamese letters such as ư, ơ, đ or ệ."""
    import font_roboto

    pdfmetrics.registerFont(TTFont(REGULAR, font_roboto.Roboto))
    pdfmetrics.registerFont(TTFont(BOLD, font_roboto.RobotoBold))


def written_date(moment: datetime) -> str:
    """The date as a sentence carries it: "2 December 2026" in English,
    "ngày 2 tháng 12 năm 2026" in Vietnamese (the site's own date format
    elsewhere stays as it is)."""
    # Translators: a Django date format (see the "date" template filter) for
    # a date inside a sentence on certificates; letters that are not format
    # codes need a backslash.
    pattern = pgettext("date format in a sentence", "j F Y")
    return date_format(timezone.localtime(moment), pattern)


def verification_qr(url: str) -> QrCodeWidget:
    """The QR code widget that encodes ``url``; medium error correction
    survives a crease or a smudge on a printed page."""
    return QrCodeWidget(url, barLevel="M", barBorder=2)


def draw_qr(canvas: Canvas, url: str, *, x: float, y: float, size: float) -> None:
    """The QR code for ``url`` as a ``size``-point square at (x, y), with
    a caption under it."""
    widget = verification_qr(url)
    left, bottom, right, top = widget.getBounds()
    drawing = Drawing(
        size,
        size,
        transform=[size / (right - left), 0, 0, size / (top - bottom), 0, 0],
    )
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, x, y)
    canvas.setFont(REGULAR, 8)
    canvas.drawCentredString(x + size / 2, y - 8, _("Scan to verify"))


def _text_on_arc(canvas: Canvas, text: str, *, radius: float, size: float) -> None:
    """``text`` centred along the top of a circle round the origin."""
    canvas.setFont(BOLD, size)
    widths = [pdfmetrics.stringWidth(char, BOLD, size) for char in text]
    span = min(sum(widths) / radius, math.radians(300))
    scale = span / (sum(widths) / radius) if widths else 1
    angle = math.pi / 2 + span / 2
    for char, width in zip(text, widths, strict=True):
        step = width / radius * scale
        middle = angle - step / 2
        canvas.saveState()
        canvas.rotate(math.degrees(middle) - 90)
        canvas.drawCentredString(0, radius, char)
        canvas.restoreState()
        angle -= step


def draw_seal(
    canvas: Canvas, issuer: str, *, x: float, y: float, radius: float
) -> None:
    """The issuer's seal: two rings, the issuer's name round the top, a star
    in the middle. A drawn mark, not an image: it proves nothing by itself
    (the signature and the QR code do), it shows who stands behind the page."""
    canvas.saveState()
    canvas.translate(x, y)
    canvas.setStrokeColor(SEAL_COLOUR)
    canvas.setFillColor(SEAL_COLOUR)
    canvas.setLineWidth(2)
    canvas.circle(0, 0, radius)
    canvas.setLineWidth(0.8)
    canvas.circle(0, 0, radius * 0.72)
    size = max(6.0, min(9.0, radius * 0.16))
    _text_on_arc(canvas, issuer, radius=radius * 0.8, size=size)
    _star(canvas, radius * 0.3)
    canvas.restoreState()


def _star(canvas: Canvas, outer: float) -> None:
    path = canvas.beginPath()
    for point in range(10):
        reach = outer if point % 2 == 0 else outer * 0.42
        angle = math.pi / 2 + point * math.pi / 5
        position = (reach * math.cos(angle), reach * math.sin(angle))
        if point == 0:
            path.moveTo(*position)
        else:
            path.lineTo(*position)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)
