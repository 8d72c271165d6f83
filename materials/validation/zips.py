"""Zip-based files: office documents, OpenDocument and SCORM/H5P packages.

The archive's directory is checked first (see ``archives``). A zip that
names an OpenDocument type, or that has any part of an office package,
must then be a valid one by its own manifest or content types: a broken
or stripped office file is refused, not passed on as a package, because it
keeps its ``.docx`` name and would be opened by Word all the same. What a
course package's manifest says is read afterwards, by ``materials.packages``.
"""

from typing import IO

from materials.validation.archives import open_zip
from materials.validation.base import SniffedFile
from materials.validation.odf import check_opendocument, declared_type
from materials.validation.ooxml import check_ooxml, looks_like_ooxml


def check_zip(upload: IO[bytes]) -> SniffedFile:
    """The zip's type, refused at the first rule it breaks."""
    archive = open_zip(upload)
    try:
        declared = declared_type(archive)
        if declared:
            return check_opendocument(archive, declared)
        if looks_like_ooxml(set(archive.namelist())):
            return check_ooxml(archive)
        return SniffedFile("application/zip", "package")
    finally:
        archive.close()
        upload.seek(0)
