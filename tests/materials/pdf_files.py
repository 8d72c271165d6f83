"""PDFs written byte by byte, so each test controls the exact spelling.

A reader decodes ``#xx`` in names and ``<hex>`` strings; these builders use
those spellings to show that what the reader decodes is what is checked.
"""

import io
import re
import zlib

import pikepdf

PAGE_STREAM = zlib.compress(b"BT /F1 18 Tf 56 760 Td (Bai tap) Tj ET")
FIRST_EXTRA = 6  # objects 1-5 are the catalog, pages, page, content and font

# "/JavaScript" and "/JS" as a reader decodes them, spelled so that no byte
# search for the plain names finds them.
JAVASCRIPT = "/Java#53cript"
JS = "/J#53"
JAVASCRIPT_ALL_HEX = "/#4A#61#76#61#53#63#72#69#70#74"


def hex_string(text: str) -> str:
    return "<" + text.encode().hex() + ">"


def pdf_with(
    *, catalog: str = "", page: str = "", objects: tuple[str | bytes, ...] = ()
) -> bytes:
    """One page, with ``catalog`` and ``page`` added to those dictionaries.

    ``objects`` become objects 6, 7, ... for the extras to refer to.
    """
    bodies = [
        f"<< /Type /Catalog /Pages 2 0 R {catalog} >>".encode(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            f"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R {page} >>"
        ).encode(),
        f"<< /Length {len(PAGE_STREAM)} /Filter /FlateDecode >>\nstream\n".encode()
        + PAGE_STREAM
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    bodies += [body if isinstance(body, bytes) else body.encode() for body in objects]
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number, body in enumerate(bodies, start=1):
        offsets[number] = out.tell()
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    _write_xref(out, offsets, size=len(bodies) + 1, previous=None)
    return out.getvalue()


def incremental_update(base: bytes, objects: dict[int, str]) -> bytes:
    """``base`` with a second revision appended that replaces ``objects``."""
    out = io.BytesIO(base)
    out.seek(0, io.SEEK_END)
    previous = int(re.findall(rb"startxref\s+(\d+)", base)[-1])
    size = int(re.findall(rb"/Size (\d+)", base)[-1])
    offsets = {}
    for number, body in objects.items():
        offsets[number] = out.tell()
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode())
    _write_xref(out, offsets, size=max(size, *offsets) + 1, previous=previous)
    return out.getvalue()


def _write_xref(out, offsets: dict[int, int], *, size: int, previous: int | None):
    start = out.tell()
    out.write(b"xref\n")
    if previous is None:
        out.write(f"0 {size}\n0000000000 65535 f \n".encode())
    for number, offset in sorted(offsets.items()):
        if previous is not None:
            out.write(f"{number} 1\n".encode())
        out.write(f"{offset:010d} 00000 n \n".encode())
    prev = f" /Prev {previous}" if previous is not None else ""
    out.write(
        f"trailer\n<< /Size {size} /Root 1 0 R{prev} >>\n"
        f"startxref\n{start}\n%%EOF\n".encode()
    )


def compressed(data: bytes, *, action: dict) -> bytes:
    """``data`` re-saved by qpdf with ``action`` as the catalog's OpenAction,
    every object packed into compressed object streams."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pdf.Root.OpenAction = pdf.make_indirect(pikepdf.Dictionary(action))
        out = io.BytesIO()
        pdf.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()


def encrypted(data: bytes, *, user: str, owner: str = "chu-so-huu") -> bytes:
    """Encrypted with AES; an empty ``user`` password opens without asking."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        out = io.BytesIO()
        pdf.save(out, encryption=pikepdf.Encryption(user=user, owner=owner))
    return out.getvalue()


def link_annotation(action: str) -> tuple[str, str]:
    """Page entries and the annotation object for a link running ``action``."""
    annotation = f"<< /Type /Annot /Subtype /Link /Rect [50 50 200 80] /A {action} >>"
    return f"/Annots [{FIRST_EXTRA} 0 R]", annotation
