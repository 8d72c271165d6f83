"""Zip-based files: office documents, OpenDocument and SCORM/H5P packages.

A zip is checked from its directory alone, before anything is unpacked:
paths that leave the folder, absolute paths, symbolic links, too many
entries and compression ratios that betray a zip bomb are all refused.
"""

import zipfile
from typing import IO

from django.conf import settings
from django.utils.translation import gettext as _

from materials.validation.base import FileRefused, SniffedFile

OFFICE_MARKERS = {
    "word/document.xml": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "document",
    ),
    "ppt/presentation.xml": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "document",
    ),
    "xl/workbook.xml": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "document",
    ),
}
ODF_TYPES = {
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.presentation",
    "application/vnd.oasis.opendocument.spreadsheet",
}


def check_zip(upload: IO[bytes]) -> SniffedFile:
    try:
        archive = zipfile.ZipFile(upload)
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise FileRefused(
            "corrupt_zip", _("The zip archive is damaged and cannot be opened.")
        ) from error
    try:
        _check_zip_entries(entries)
        return _zip_type(archive)
    finally:
        archive.close()
        upload.seek(0)


def _check_zip_entries(entries: list[zipfile.ZipInfo]) -> None:
    if len(entries) > settings.MATERIALS_MAX_ZIP_ENTRIES:
        raise FileRefused(
            "zip_too_many_entries",
            _("The zip archive has more than %(limit)d files.")
            % {"limit": settings.MATERIALS_MAX_ZIP_ENTRIES},
        )
    for entry in entries:
        _check_zip_entry(entry)
    compressed = sum(entry.compress_size for entry in entries)
    uncompressed = sum(entry.file_size for entry in entries)
    if uncompressed > settings.MATERIALS_MAX_ZIP_UNCOMPRESSED_BYTES:
        raise FileRefused(
            "zip_too_large_uncompressed",
            _("The zip archive would unpack to more than the allowed size."),
        )
    if uncompressed > max(compressed, 1) * settings.MATERIALS_MAX_ZIP_RATIO:
        raise FileRefused(
            "zip_compression_ratio",
            _("The zip archive is compressed more than %(ratio)d to 1 (a zip bomb?).")
            % {"ratio": settings.MATERIALS_MAX_ZIP_RATIO},
        )


def _check_zip_entry(entry: zipfile.ZipInfo) -> None:
    name = entry.filename
    parts = name.replace("\\", "/").split("/")
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        raise FileRefused(
            "zip_absolute_path",
            _("The zip archive contains an absolute path: %(name)s") % {"name": name},
        )
    if ".." in parts:
        raise FileRefused(
            "zip_path_traversal",
            _("The zip archive contains a path leaving its folder: %(name)s")
            % {"name": name},
        )
    if (entry.external_attr >> 16) & 0o170000 == 0o120000:
        raise FileRefused(
            "zip_symlink",
            _("The zip archive contains a symbolic link: %(name)s") % {"name": name},
        )


def _zip_type(archive: zipfile.ZipFile) -> SniffedFile:
    names = set(archive.namelist())
    if "mimetype" in names:
        declared = archive.read("mimetype").decode("ascii", "replace").strip()
        if declared in ODF_TYPES:
            return SniffedFile(declared, "document")
    for marker, (mime_type, kind) in OFFICE_MARKERS.items():
        if marker in names:
            return SniffedFile(mime_type, kind)
    return SniffedFile("application/zip", "package")
