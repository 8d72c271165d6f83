"""Derive what the library shows and searches from a material's stored file.

Each step is a small function over the bytes; ``process_material`` runs them
in order and records which step failed and why, leaving the upload intact so
the work can be retried.
"""

import hashlib
import io
import struct
import wave
import zipfile
from dataclasses import dataclass
from typing import IO
from xml.etree import ElementTree

import pypdfium2
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw, ImageOps

from lms.signals import search_relevant_change
from materials.models import Material, ProcessingStatus
from materials.validation import FileRefused, validate_file

THUMBNAIL_SIZE = (480, 480)
CHUNK_BYTES = 1024 * 1024
MAX_TEXT_CHARS = 500_000
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODF_PREFIX = "application/vnd.oasis.opendocument."
TYPE_ICON_COLOURS = {
    "document": "#0b5cad",
    "image": "#2e7d32",
    "audio": "#8e24aa",
    "video": "#c62828",
    "package": "#ef6c00",
}


class ProcessingError(Exception):
    """A step could not finish; ``step`` names it for the teacher."""

    def __init__(self, step: str, reason: str):
        super().__init__(f"{step}: {reason}")
        self.step = step
        self.reason = reason


@dataclass
class Derived:
    """Everything processing learns about one file."""

    file_size: int
    checksum_sha256: str
    mime_type: str
    kind: str
    page_count: int | None = None
    duration_seconds: int | None = None
    text: str = ""
    thumbnail_jpeg: bytes | None = None


def derive(source: IO[bytes]) -> Derived:
    """Run every step over a seekable file; raises ProcessingError naming it.

    Steps read only what they need (whole documents, headers of media), so
    a large video is checksummed and checked without being held in memory.
    """
    try:
        sniffed = validate_file(source)
    except FileRefused as error:
        raise ProcessingError(_("checking the file"), error.messages[0]) from error
    size, checksum = _size_and_checksum(source)
    derived = Derived(
        file_size=size,
        checksum_sha256=checksum,
        mime_type=sniffed.mime_type,
        kind=sniffed.kind,
    )
    _run_step(_("reading pages and text"), _extract, derived, source)
    _run_step(_("making the thumbnail"), _thumbnail, derived, source)
    return derived


def _size_and_checksum(source: IO[bytes]) -> tuple[int, str]:
    source.seek(0)
    digest, size = hashlib.sha256(), 0
    while chunk := source.read(CHUNK_BYTES):
        digest.update(chunk)
        size += len(chunk)
    return size, digest.hexdigest()


def _read_all(source: IO[bytes]) -> bytes:
    source.seek(0)
    return source.read()


def _run_step(name: str, step, derived: Derived, source: IO[bytes]) -> None:
    try:
        source.seek(0)
        step(derived, source)
    except ProcessingError:
        raise
    except Exception as error:  # a broken file may fail in any library
        raise ProcessingError(name, f"{type(error).__name__}: {error}") from error


def _extract(derived: Derived, source: IO[bytes]) -> None:
    if derived.mime_type == "application/pdf":
        derived.page_count, derived.text = _pdf_pages_and_text(_read_all(source))
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
        return "\n".join(_xml_text(archive.read(name)) for name in names).strip()


def _natural_key(name: str) -> tuple:
    digits = "".join(char for char in name if char.isdigit())
    return (len(digits), digits, name)


def _xml_text(xml: bytes) -> str:
    if b"<!DOCTYPE" in xml or b"<!ENTITY" in xml:
        raise ProcessingError(_("reading pages and text"), _("unsafe XML"))
    root = ElementTree.fromstring(xml)  # noqa: S314 - DTDs refused above
    lines = []
    for element in root.iter():
        if element.tag.rsplit("}", 1)[-1] in {"p", "h"}:
            text = "".join(element.itertext()).strip()
            if text:
                lines.append(text)
    return "\n".join(lines)


def _thumbnail(derived: Derived, source: IO[bytes]) -> None:
    if derived.mime_type == "application/pdf":
        image = _pdf_first_page(_read_all(source))
    elif derived.kind == "image" and derived.mime_type != "image/svg+xml":
        image = Image.open(source)
        image = ImageOps.exif_transpose(image)
    else:
        image = _type_icon(derived)
    image.thumbnail(THUMBNAIL_SIZE, resample=Image.Resampling.BILINEAR)
    buffer = io.BytesIO()
    # JPEG: a tenth of the time PNG takes to encode, and smaller for photos.
    image.convert("RGB").save(buffer, format="JPEG", quality=82)
    derived.thumbnail_jpeg = buffer.getvalue()


def _pdf_first_page(data: bytes) -> Image.Image:
    document = pypdfium2.PdfDocument(data)
    try:
        page = document[0]
        width, _height = page.get_size()
        scale = min(2.0, THUMBNAIL_SIZE[0] / max(width, 1))
        bitmap = page.render(scale=scale)
        image = bitmap.to_pil()
        page.close()
        return image
    finally:
        document.close()


def _type_icon(derived: Derived) -> Image.Image:
    """A plain coloured card naming the format, for files with no picture."""
    colour = TYPE_ICON_COLOURS.get(derived.kind, "#455a64")
    image = Image.new("RGB", (320, 240), colour)
    draw = ImageDraw.Draw(image)
    label = derived.mime_type.rsplit("/", 1)[-1].rsplit(".", 1)[-1].upper()[:12]
    draw.rectangle([0, 160, 320, 240], fill="#f5f7f9")
    draw.text((20, 185), label, fill="#1b1f23")
    return image


def process_material(material_id: int) -> Material:
    """Process the material's latest file and store the facts on its row.

    The file the teacher uploaded is only read, never replaced, so a failure
    leaves it in place for a retry.
    """
    material = Material.objects.get(pk=material_id)
    Material.objects.filter(pk=material_id).update(
        processing_status=ProcessingStatus.PROCESSING, processing_error=""
    )
    latest = material.get_latest_revision_as_object()
    try:
        with latest.file.storage.open(latest.file.name, "rb") as handle:
            derived = derive(handle)
    except ProcessingError as error:
        return _record_failure(material, str(error))
    except OSError as error:
        return _record_failure(
            material, _("reading the file: %(error)s") % {"error": error}
        )
    return _record_success(material, derived)


def _record_failure(material: Material, reason: str) -> Material:
    Material.objects.filter(pk=material.pk).update(
        processing_status=ProcessingStatus.FAILED,
        processing_error=reason,
        processed_at=timezone.now(),
    )
    material.refresh_from_db()
    return material


def _record_success(material: Material, derived: Derived) -> Material:
    old_thumbnail = material.thumbnail.name
    thumbnail_name = ""
    if derived.thumbnail_jpeg:
        thumbnail_name = material.thumbnail.storage.save(
            material.thumbnail.field.generate_filename(
                material, f"material-{material.pk}.jpg"
            ),
            ContentFile(derived.thumbnail_jpeg),
        )
    duplicate = (
        Material.objects.filter(live=True, checksum_sha256=derived.checksum_sha256)
        .exclude(pk=material.pk)
        .order_by("first_published_at", "pk")
        .first()
    )
    with transaction.atomic():
        Material.objects.filter(pk=material.pk).update(
            file_size=derived.file_size,
            checksum_sha256=derived.checksum_sha256,
            mime_type=derived.mime_type,
            page_count=derived.page_count,
            duration_seconds=derived.duration_seconds,
            extracted_text=derived.text,
            thumbnail=thumbnail_name,
            duplicate_of=duplicate,
            processing_status=ProcessingStatus.DONE,
            processing_error="",
            processed_at=timezone.now(),
        )
    if old_thumbnail and old_thumbnail != thumbnail_name:
        material.thumbnail.storage.delete(old_thumbnail)
    material.refresh_from_db()
    if material.live:
        # Published text or facts changed outside the publish cycle.
        search_relevant_change.send(sender=Material, instance=material)
    return material
