"""What a material file may be: decided from its bytes, never from its name.

Every refusal is a ``FileRefused`` carrying the rule it broke, so the teacher
reads why and the caller can stop before anything is stored.
"""

import io
import unicodedata
import warnings
from typing import IO

from django.conf import settings
from django.utils.translation import gettext as _
from PIL import Image

from materials.validation.base import FileRefused, SniffedFile
from materials.validation.pdfs import check_pdf
from materials.validation.xml import parse_xml
from materials.validation.zips import check_zip

MAX_FILENAME_LENGTH = 200
SNIFF_BYTES = 8192
SCAN_CHUNK_BYTES = 1024 * 1024
SCAN_OVERLAP = 16
HTML_MARKERS = (b"<!doctype html", b"<html", b"<script", b"<iframe", b"<body")
EXECUTABLE_MAGIC = (
    b"MZ",  # Windows PE
    b"\x7fELF",
    b"\xfe\xed\xfa\xce",
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",  # Mach-O universal / Java class
    b"#!",
)
IMAGE_FORMATS = {
    "PNG": "image/png",
    "JPEG": "image/jpeg",
    "GIF": "image/gif",
    "WEBP": "image/webp",
}
SVG_NAMESPACE = "{http://www.w3.org/2000/svg}"
SVG_FORBIDDEN_TAGS = {"script", "foreignobject", "iframe", "embed", "object"}


def validate_filename(name: str) -> str:
    """The file's base name, refused if it has control characters or is long."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1].strip()
    if not base:
        raise FileRefused("filename_empty", _("The file has no name."))
    if any(unicodedata.category(char) in {"Cc", "Cf"} for char in base):
        raise FileRefused(
            "filename_control_characters",
            _("The file name contains control characters; rename the file."),
        )
    if len(base) > MAX_FILENAME_LENGTH:
        raise FileRefused(
            "filename_too_long",
            _("The file name is longer than %(limit)d characters.")
            % {"limit": MAX_FILENAME_LENGTH},
        )
    return base


def validate_file(upload: IO[bytes]) -> SniffedFile:
    """Sniff the type from the bytes and apply every rule for that type."""
    upload.seek(0, io.SEEK_END)
    size = upload.tell()
    upload.seek(0)
    if size == 0:
        raise FileRefused("empty_file", _("The file is empty."))
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    _refuse_active_content(head)
    sniffed = _sniff(upload, head)
    _check_size(sniffed, size)
    upload.seek(0)
    return sniffed


def _refuse_active_content(head: bytes) -> None:
    if head.startswith(EXECUTABLE_MAGIC):
        raise FileRefused(
            "executable", _("Programs and scripts cannot be shared as materials.")
        )
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(HTML_MARKERS):
        raise FileRefused(
            "html",
            _("Web pages (HTML) cannot be uploaded; share them as a zip package."),
        )


def _sniff(upload: IO[bytes], head: bytes) -> SniffedFile:
    if head.startswith(b"%PDF-"):
        return _check_pdf(upload)
    if head.startswith(b"PK\x03\x04"):
        return check_zip(upload)
    if _looks_like_svg(head):
        return _check_svg(upload)
    media = _sniff_media(head)
    if media:
        _refuse_polyglot(upload)
        return media
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")) or (
        head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    ):
        return _check_image(upload)
    raise FileRefused(
        "type_not_allowed",
        _(
            "This kind of file is not accepted. Upload a PDF, an office "
            "document, an image, audio, video or a zip package (SCORM, H5P)."
        ),
    )


def _sniff_media(head: bytes) -> SniffedFile | None:
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in {b"M4A ", b"M4B "}:
            return SniffedFile("audio/mp4", "audio")
        return SniffedFile("video/mp4", "video")
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return SniffedFile("video/webm", "video")
    if head.startswith(b"OggS"):
        return SniffedFile("audio/ogg", "audio")
    if head.startswith(b"fLaC"):
        return SniffedFile("audio/flac", "audio")
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return SniffedFile("audio/wav", "audio")
    if head.startswith(b"ID3") or (
        len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0
    ):
        return SniffedFile("audio/mpeg", "audio")
    return None


def _refuse_polyglot(upload: IO[bytes]) -> None:
    """Refuse a file that is also another type: a zip or a page inside it.

    Reads in chunks (overlapping by a marker's length) so large videos are
    scanned without being held in memory.
    """
    upload.seek(0)
    seen_zip_parts: set[bytes] = set()
    tail = b""
    while chunk := upload.read(SCAN_CHUNK_BYTES):
        window = tail + chunk
        lowered = window.lower()
        seen_zip_parts.update(m for m in (b"PK\x05\x06", b"PK\x01\x02") if m in window)
        if any(marker in lowered for marker in (b"<script", b"<html", b"<iframe")):
            upload.seek(0)
            raise FileRefused(
                "polyglot", _("The file also contains a web page or script inside it.")
            )
        tail = window[-SCAN_OVERLAP:]
    upload.seek(0)
    if len(seen_zip_parts) == 2:
        raise FileRefused(
            "polyglot", _("The file also contains a zip archive hidden inside it.")
        )


def _check_pdf(upload: IO[bytes]) -> SniffedFile:
    _refuse_polyglot(upload)
    data = upload.read()
    upload.seek(0)
    check_pdf(data)
    return SniffedFile("application/pdf", "document")


def _check_image(upload: IO[bytes]) -> SniffedFile:
    _refuse_polyglot(upload)
    limit = settings.MATERIALS_MAX_IMAGE_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                width, height = image.size
                if width * height > limit:
                    raise Image.DecompressionBombError
                image_format = image.format
                image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise FileRefused(
            "image_too_many_pixels",
            _("The image is larger than %(limit)s pixels (a decompression bomb?).")
            % {"limit": f"{limit:,}"},
        ) from error
    except (OSError, SyntaxError, ValueError) as error:
        raise FileRefused(
            "corrupt_image", _("The image is damaged and cannot be read.")
        ) from error
    finally:
        upload.seek(0)
    if image_format not in IMAGE_FORMATS:
        raise FileRefused("type_not_allowed", _("This image format is not accepted."))
    return SniffedFile(IMAGE_FORMATS[image_format], "image")


def _looks_like_svg(head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return text.startswith(b"<?xml") and b"<svg" in text or text.startswith(b"<svg")


def _check_svg(upload: IO[bytes]) -> SniffedFile:
    data = upload.read()
    upload.seek(0)
    root = parse_xml(data, part=_("The SVG image"))
    for element in root.iter():
        tag = element.tag.removeprefix(SVG_NAMESPACE).lower()
        attributes = {key.rsplit("}", 1)[-1].lower(): v for key, v in element.items()}
        if (
            tag in SVG_FORBIDDEN_TAGS
            or any(name.startswith("on") for name in attributes)
            or any("javascript:" in value.lower() for value in attributes.values())
        ):
            raise FileRefused(
                "svg_script", _("SVG images containing scripts are refused.")
            )
    return SniffedFile("image/svg+xml", "image")


def _check_size(sniffed: SniffedFile, size: int) -> None:
    limit = settings.MATERIALS_MAX_UPLOAD_BYTES[sniffed.kind]
    if size > limit:
        raise FileRefused(
            "file_too_large",
            _("The file is larger than %(limit)s MB, the limit for this type.")
            % {"limit": f"{limit / 1024 / 1024:g}"},
        )


__all__ = ["FileRefused", "SniffedFile", "validate_file", "validate_filename"]
