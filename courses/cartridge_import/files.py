"""The cartridge's own files that a course keeps: lesson figures and materials.

Each file is checked with the same rules as a teacher's upload before the
course is built, so a refused one is reported (and the link to it removed)
instead of failing the whole import. A file used twice is kept once.
"""

import shutil
import tempfile
import zipfile
import zlib
from typing import IO

from django.utils.translation import gettext as _

from courses.cartridge_import.plan import ImportPlan, PackageFile
from materials.validation import validate_file
from materials.validation.archives import refused_unreadable_entry
from materials.validation.base import FileRefused

SPOOL_BYTES = 4 * 1024 * 1024


def open_entry(archive: zipfile.ZipFile, path: str) -> IO[bytes]:
    """A seekable copy of one entry, in memory when small, on disk otherwise."""
    spooled = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115
    try:
        with archive.open(path) as entry:
            shutil.copyfileobj(entry, spooled, length=1024 * 1024)
    except (KeyError, zipfile.BadZipFile, OSError, zlib.error, EOFError) as error:
        spooled.close()
        raise refused_unreadable_entry(path) from error
    spooled.seek(0)
    return spooled


class FileCatalogue:
    """Files of the cartridge accepted so far, by path and use."""

    def __init__(self, archive: zipfile.ZipFile, plan: ImportPlan):
        self.archive = archive
        self.plan = plan
        self.names = {n for n in archive.namelist() if not n.endswith("/")}
        self._known: dict[tuple[str, str], int | None] = {}

    def add(self, path: str, *, kind: str, title: str = "") -> int | None:
        """The file's index in the plan, or None (reported) when refused."""
        key = (path, kind)
        if key not in self._known:
            self._known[key] = self._check(path, kind, title)
        return self._known[key]

    def _check(self, path: str, kind: str, title: str) -> int | None:
        with open_entry(self.archive, path) as upload:
            try:
                sniffed = validate_file(upload)
            except FileRefused as error:
                self.plan.report.skip(path, " ".join(error.messages))
                return None
        if kind == "image" and sniffed.mime_type not in RASTER_IMAGES:
            self.plan.report.skip(
                path, _("Only PNG, JPEG, GIF and WebP pictures can be lesson figures.")
            )
            return None
        title = " ".join(title.split())[:255]
        self.plan.files.append(PackageFile(path, kind, sniffed.kind, title))
        return len(self.plan.files) - 1


RASTER_IMAGES = {"image/png", "image/jpeg", "image/gif", "image/webp"}
