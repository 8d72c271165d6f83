"""Small real files made on the spot for demo content and tests.

Nothing is downloaded: these PDFs are written by hand in a standard font, so
without diacritics (demo materials' PDFs come from ``lms.demo.documents``
instead, with Roboto embedded); images are drawn with Pillow in Roboto.
"""

import io
import zlib

from PIL import Image, ImageDraw

from lms.demo.fonts import fitted
from lms.text import fold_diacritics

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points


def make_pdf(
    title: str, lines: list[str] | tuple[str, ...] = (), pages: int = 1
) -> bytes:
    """A valid PDF whose pages show ``title`` and ``lines`` as extractable text.

    The standard Helvetica font has no Vietnamese glyphs, so the text is
    written without diacritics.
    """
    objects: list[bytes] = []
    page_ids = [3 + 2 * index for index in range(pages)]
    font_id = 3 + 2 * pages
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{page_id} 0 R" for page_id in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode())
    for number, page_id in enumerate(page_ids, start=1):
        stream = _page_stream(title, lines, number, pages)
        objects.append(
            (
                f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} "
                f"{PAGE_HEIGHT}] /Resources << /Font << /F1 {font_id} 0 R >> >> "
                f"/Contents {page_id + 1} 0 R >>"
            ).encode()
        )
        objects.append(
            f"<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode()
            + stream
            + b"\nendstream"
        )
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        b"/Encoding /WinAnsiEncoding >>"
    )
    return _assemble(objects)


def _page_stream(title: str, lines, number: int, pages: int) -> bytes:
    commands = [
        "BT",
        "/F1 20 Tf",
        f"56 {PAGE_HEIGHT - 80} Td",
        f"({_pdf_text(title)}) Tj",
    ]
    commands += ["/F1 12 Tf", "0 -32 Td"]
    for line in lines:
        commands += [f"({_pdf_text(line)}) Tj", "0 -18 Td"]
    if pages > 1:
        commands += [f"(Trang {number} / {pages}) Tj"]
    commands.append("ET")
    return zlib.compress("\n".join(commands).encode("latin-1"))


def _pdf_text(text: str) -> str:
    ascii_text = fold_diacritics(text).encode("ascii", "replace").decode("ascii")
    return ascii_text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _assemble(objects: list[bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def make_image(
    label: str,
    *,
    size: tuple[int, int] = (640, 360),
    colour: str = "#0b5cad",
    image_format: str = "PNG",
) -> bytes:
    """A simple cover image: a coloured field with the whole label in white,
    set in Roboto with its diacritics, and a light band below it."""
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    width, height = size
    band_top = height * 4 // 5
    draw.rectangle([0, band_top, width, height], fill="#f5f7f9")
    margin = max(8, width // 20)
    font, lines = fitted(
        label,
        width=width - 2 * margin,
        height=band_top - 2 * margin,
        largest=max(10, height // 8),
        bold=True,
    )
    line_height = round(font.size * 1.25)
    top = (band_top - line_height * len(lines)) // 2
    for index, line in enumerate(lines):
        draw.text((margin, top + index * line_height), line, fill="white", font=font)
    buffer = io.BytesIO()
    image.save(buffer, format=image_format)
    return buffer.getvalue()
