"""Office documents with macros are refused whatever they are named."""

import io
import zipfile

import pytest

from tests.materials.files import docx_bytes, odt_bytes, xlsx_bytes, zip_bytes
from tests.materials.test_office_parts import BASIC_MODULE
from tests.materials.uploads import refused

pytestmark = pytest.mark.django_db

MS_RELATIONSHIPS = "http://schemas.microsoft.com/office/2006/relationships/"


def _odt_with_mimetype(mimetype: str | None) -> bytes:
    """An OpenDocument text whose ``mimetype`` entry was left out or changed:
    LibreOffice still opens it by its manifest, and its Basic library with it."""
    document = odt_bytes(
        ["x"],
        parts={"Basic/Standard/Module1.xml": BASIC_MODULE},
        manifest={"Basic/Standard/Module1.xml": "text/xml"},
    )
    with zipfile.ZipFile(io.BytesIO(document)) as archive:
        kept = {n: archive.read(n) for n in archive.namelist() if n != "mimetype"}
    if mimetype is not None:
        kept = {"mimetype": mimetype.encode(), **kept}
    return zip_bytes(kept)


CASES = {
    "docx_with_vba_project": docx_bytes(
        ["Bai tap"], parts={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"}
    ),
    "docx_with_macro_key_bindings": docx_bytes(
        ["x"],
        parts={"word/customizations.xml": b"<wne:tcg xmlns:wne='urn:wne'/>"},
        relationships=[
            (MS_RELATIONSHIPS + "keyMapCustomizations", "customizations.xml", False)
        ],
    ),
    "xlsx_with_international_macro_sheet": xlsx_bytes(
        parts={"xl/macrosheets/intl1.xml": b"<xm:macrosheet xmlns:xm='urn:xm'/>"},
        relationships=[
            (MS_RELATIONSHIPS + "xlIntlMacrosheet", "macrosheets/intl1.xml", False)
        ],
    ),
    "odt_without_mimetype_with_basic": _odt_with_mimetype(None),
    "odt_with_another_mimetype_with_basic": _odt_with_mimetype("application/zip"),
}


@pytest.mark.parametrize("data", CASES.values(), ids=list(CASES))
def test_macros_are_refused_whatever_the_file_is_named(settings, data):
    error = refused(settings, data, name="tai-lieu.zip")
    assert error.code == "office_macros"
    assert "macros are refused" in error.messages[0]


def test_an_openoffice_1_document_is_not_passed_on_as_a_zip(settings):
    data = zip_bytes(
        {
            "mimetype": b"application/vnd.sun.xml.writer",
            "Basic/Standard/Module1.xml": BASIC_MODULE,
            "content.xml": b"<office:document-content xmlns:office='urn:o'/>",
        }
    )
    error = refused(settings, data, name="bai.sxw")
    assert error.code == "type_not_allowed"
    assert "OpenDocument" in error.messages[0]
