"""Pages, text and durations, read from each format's own structure."""

import io
import struct
import wave
import zipfile
from typing import IO

import pypdfium2
from django.utils.translation import gettext as _

from materials.processing.base import Derived, ProcessingError
from materials.validation.base import FileRefused
from materials.validation.xml import parse_xml

MAX_TEXT_CHARS = 500_000
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODF_PREFIX = "application/vnd.oasis.opendocument."


def read_all(source: IO[bytes]) -> bytes:
    """The whole file, for formats whose libraries need it in memory."""
    source.seek(0)
    return source.read()


def extract(derived: Derived, source: IO[bytes]) -> None:
    """Fill in page count, text and duration as far as the format allows."""
    if derived.mime_type == "application/pdf":
        derived.page_count, derived.text = _pdf_pages_and_text(read_all(source))
    elif derived.mime_type == DOCX:
        derived.text = _ooxml_text(source, lambda name: name == "word/document.xml")
    elif derived.mime_type == PPTX:
        derived.text = _ooxml_text(source, _is_slide)
        with zipfile.ZipFile(source) as archive:
            derived.page_count = sum(
                1 for n in archive.namelist() if _is_slide(n) and n.endswith(".xml")
            )
    elif derived.mime_type.startswith(ODF_PREFIX):
        derived.text = _ooxml_text(source, lambda name: name == "content.xml")
    elif derived.mime_type == "audio/wav":
        with wave.open(source) as sound:
            derived.duration_seconds = round(sound.getnframes() / sound.getframerate())
    elif derived.mime_type in {"video/mp4", "audio/mp4"}:
        derived.duration_seconds = _mp4_duration(source)
    derived.text = derived.text[:MAX_TEXT_CHARS]


def _mp4_boxes(source: IO[bytes], start: int, end: int):
    """(type, body start, body end) of the ISO media boxes between two offsets."""
    offset = start
    while offset + 8 <= end:
        source.seek(offset)
        head = source.read(16)
        if len(head) < 8:
            return
        size, kind = struct.unpack(">I4s", head[:8])
        header = 8
        if size == 1 and len(head) == 16:
            size = struct.unpack(">Q", head[8:16])[0]
            header = 16
        elif size == 0:
            size = end - offset
        if size < header:
            return
        yield kind, offset + header, min(offset + size, end)
        offset += size


def _mp4_duration(source: IO[bytes]) -> int | None:
    """Seconds from the movie header (moov/mvhd), the player's own figure."""
    source.seek(0, io.SEEK_END)
    total = source.tell()
    for kind, start, end in list(_mp4_boxes(source, 0, total)):
        if kind != b"moov":
            continue
        for inner, body, _end in list(_mp4_boxes(source, start, end)):
            if inner != b"mvhd":
                continue
            source.seek(body)
            header = source.read(32)
            if header[0] == 1:
                timescale, duration = struct.unpack(">IQ", header[20:32])
            else:
                timescale, duration = struct.unpack(">II", header[12:20])
            return round(duration / timescale) if timescale else None
    return None


def _is_slide(name: str) -> bool:
    return name.startswith("ppt/slides/slide")


def _pdf_pages_and_text(data: bytes) -> tuple[int, str]:
    document = pypdfium2.PdfDocument(data)
    try:
        texts = []
        for page in document:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return len(document), "\n".join(texts).replace("\r\n", "\n").strip()
    finally:
        document.close()


def _ooxml_text(source: IO[bytes], wanted) -> str:
    """Text of the XML parts ``wanted`` picks, in part order, by paragraph."""
    source.seek(0)
    with zipfile.ZipFile(source) as archive:
        names = sorted(
            (n for n in archive.namelist() if wanted(n) and n.endswith(".xml")),
            key=_natural_key,
        )
        return "\n".join(_xml_text(archive.read(name), name) for name in names).strip()


def _natural_key(name: str) -> tuple:
    digits = "".join(char for char in name if char.isdigit())
    return (len(digits), digits, name)


def _xml_text(xml: bytes, name: str) -> str:
    try:
        root = parse_xml(xml, part=name)
    except FileRefused as error:
        raise ProcessingError(_("reading pages and text"), error.messages[0]) from error
    lines = []
    for element in root.iter():
        if element.tag.rsplit("}", 1)[-1] in {"p", "h"}:
            text = "".join(element.itertext()).strip()
            if text:
                lines.append(text)
    return "\n".join(lines)
