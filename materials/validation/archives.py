"""Opening a zip safely and reading the XML parts inside it.

A zip is checked from its directory alone, before anything is unpacked:
paths that leave the folder, absolute paths, symbolic links, too many
entries and compression ratios that betray a zip bomb are all refused.
Entries must read one way only (see ``entries``). XML parts go through
``xml``, which forbids document type declarations and entities, so a part
cannot pull in files or expand into gigabytes.
"""

import zipfile
import zlib
from collections.abc import Iterator
from typing import IO
from xml.etree.ElementTree import Element

from django.conf import settings
from django.utils.translation import gettext as _

from materials.validation.base import FileRefused
from materials.validation.entries import check_unambiguous
from materials.validation.xml import check_prolog, parse_xml
from materials.validation.xml import iter_xml as stream_xml


def open_zip(source: IO[bytes]) -> zipfile.ZipFile:
    """The archive, once its directory has passed every rule."""
    try:
        archive = zipfile.ZipFile(source)
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise FileRefused(
            "corrupt_zip", _("The zip archive is damaged and cannot be opened.")
        ) from error
    try:
        _check_zip_entries(entries)
        check_unambiguous(archive)
    except FileRefused:
        archive.close()
        raise
    return archive


def read_entry(archive: zipfile.ZipFile, name: str) -> bytes:
    """An entry's bytes; one that cannot be unpacked is named in the refusal."""
    try:
        return archive.read(name)
    except (KeyError, zipfile.BadZipFile, OSError, zlib.error, EOFError) as error:
        raise refused_unreadable_entry(name) from error


def read_xml(archive: zipfile.ZipFile, name: str) -> Element:
    """A small XML part (a manifest, relationships), parsed safely."""
    return parse_xml(read_entry(archive, name), part=name)


def iter_xml(archive: zipfile.ZipFile, name: str) -> Iterator[Element]:
    """Each element of a possibly large XML part, streamed, then dropped."""
    try:
        yield from stream_xml(lambda: archive.open(name), part=name)
    except (KeyError, zipfile.BadZipFile, OSError, zlib.error, EOFError) as error:
        raise refused_unreadable_entry(name) from error


def check_xml_prolog(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse a part that starts with a DOCTYPE, reading only its start."""
    try:
        check_prolog(lambda: archive.open(name), part=name)
    except (KeyError, zipfile.BadZipFile, OSError, zlib.error, EOFError) as error:
        raise refused_unreadable_entry(name) from error


def refused_unreadable_entry(name: str) -> FileRefused:
    return FileRefused(
        "corrupt_zip",
        _("The zip archive is damaged: %(name)s cannot be unpacked.") % {"name": name},
    )


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
