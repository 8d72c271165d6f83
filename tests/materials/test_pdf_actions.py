"""A PDF that would run code or reach outside itself is refused in any spelling.

Most cases spell the names with escapes (``/Java#53cript``) so the cheap byte
search cannot see them: the parse must refuse them on its own.
"""

import pikepdf
import pytest
from django.utils import translation

from materials.validation.pdfs import SCRIPT_BYTES
from tests.materials.pdf_files import (
    JAVASCRIPT,
    JAVASCRIPT_ALL_HEX,
    JS,
    compressed,
    encrypted,
    hex_string,
    incremental_update,
    link_annotation,
    pdf_with,
)
from tests.materials.uploads import refused, upload

pytestmark = pytest.mark.django_db

SCRIPT = "(app.alert(1))"
JS_ESCAPED = f"<< /S {JAVASCRIPT} {JS} {SCRIPT} >>"


def _on_link(action: str) -> bytes:
    page, annotation = link_annotation(action)
    return pdf_with(page=page, objects=(annotation,))


def _with_annotation(annotation: str) -> bytes:
    return pdf_with(page="/Annots [6 0 R]", objects=(annotation,))


def _script_in_earlier_revision() -> bytes:
    """Revision 1 opens with a script; revision 2 replaces the catalog."""
    first = pdf_with(catalog=f"/OpenAction {JS_ESCAPED}")
    return incremental_update(first, {1: "<< /Type /Catalog /Pages 2 0 R >>"})


JAVASCRIPT_CASES = {
    "plain_names": pdf_with(catalog="/OpenAction << /S /JavaScript /JS (x) >>"),
    "escaped_names": pdf_with(catalog=f"/OpenAction {JS_ESCAPED}"),
    "all_hex_name_and_hex_string": pdf_with(
        catalog=f"/OpenAction << /S {JAVASCRIPT_ALL_HEX} {JS}"
        f"{hex_string('app.alert(1)')} >>"
    ),
    "script_as_indirect_stream": pdf_with(
        catalog=f"/OpenAction << /S {JAVASCRIPT} {JS} 6 0 R >>",
        objects=("<< /Length 12 >>\nstream\napp.alert(1)\nendstream",),
    ),
    "object_stream": compressed(
        pdf_with(), action={"/S": pikepdf.Name.JavaScript, "/JS": "app.alert(1)"}
    ),
    "incremental_update": incremental_update(
        pdf_with(), {1: f"<< /Type /Catalog /Pages 2 0 R /OpenAction {JS_ESCAPED} >>"}
    ),
    "earlier_revision_only": _script_in_earlier_revision(),
    "page_additional_action": pdf_with(page=f"/AA << /O {JS_ESCAPED} >>"),
    "names_tree": pdf_with(
        catalog=f"/Names << {JAVASCRIPT} << /Names [(a) 6 0 R] >> >>",
        objects=(JS_ESCAPED,),
    ),
    "link_chain_next": _on_link(f"<< /S /GoTo /D [3 0 R /Fit] /Next {JS_ESCAPED} >>"),
}


@pytest.mark.parametrize(
    "data", JAVASCRIPT_CASES.values(), ids=list(JAVASCRIPT_CASES.keys())
)
def test_javascript_is_refused_however_it_is_written(settings, data):
    error = refused(settings, data)
    assert error.code == "pdf_javascript"
    assert "JavaScript" in error.messages[0]


@pytest.mark.parametrize(
    "case", [name for name in JAVASCRIPT_CASES if name != "plain_names"]
)
def test_the_byte_search_alone_would_have_missed_them(case):
    """These spellings get past the cheap pass: only the parse stops them."""
    data = JAVASCRIPT_CASES[case]
    assert not any(marker in data for marker in SCRIPT_BYTES)


FORM_FIELD = (
    "<< /FT /Btn /T (gui) /Type /Annot /Subtype /Widget /Rect [50 50 150 80] "
    "/AA << /U << /S /SubmitForm /F << /FS /URL /F (https://example.org/x) >> >> >> >>"
)
REFUSED_CASES = {
    "open_action_launch": (
        pdf_with(catalog="/OpenAction << /S /Launch /F (cmd.exe) >>"),
        "pdf_external_action",
        "starts a program",
    ),
    "annotation_launch_escaped": (
        _on_link("<< /S /Laun#63h /Win << /F (calc.exe) >> >>"),
        "pdf_external_action",
        "starts a program",
    ),
    "launch_disguised_as_structure": (
        _on_link("<< /Type /StructElem /S /Launch /F (cmd.exe) >>"),
        "pdf_external_action",
        "starts a program",
    ),
    "remote_go_to": (
        _on_link("<< /S /GoToR /F (other.pdf) /D [0 /Fit] >>"),
        "pdf_external_action",
        "opens another file",
    ),
    "import_data": (
        pdf_with(catalog="/OpenAction << /S /ImportData /F (data.fdf) >>"),
        "pdf_external_action",
        "form data",
    ),
    "submit_form_in_field": (
        pdf_with(
            catalog="/AcroForm << /Fields [6 0 R] >>",
            page="/Annots [6 0 R]",
            objects=(FORM_FIELD,),
        ),
        "pdf_external_action",
        "form data",
    ),
    "javascript_uri": (
        _on_link("<< /S /URI /URI (javascript:app.alert\\(1\\)) >>"),
        "pdf_unsafe_link",
        "not a web address",
    ),
    "javascript_uri_mixed_case_with_tab": (
        _on_link("<< /S /URI /URI (JaVa\\tScRiPt:alert\\(1\\)) >>"),
        "pdf_unsafe_link",
        "not a web address",
    ),
    "file_uri_hex": (
        _on_link(f"<< /S /URI /URI {hex_string('file:///C:/Windows/calc.exe')} >>"),
        "pdf_unsafe_link",
        "not a web address",
    ),
    "network_share_base": (
        pdf_with(catalog="/URI << /Base (\\\\\\\\attacker\\\\share\\\\) >>"),
        "pdf_unsafe_link",
        "not a web address",
    ),
    "embedded_files_tree": (
        pdf_with(
            catalog="/Names << /EmbeddedFiles << /Names [(a.exe) 6 0 R] >> >>",
            objects=(
                "<< /Type /Filespec /F (a.exe) /EF << /F 7 0 R >> >>",
                b"<< /Type /EmbeddedFile /Length 4 >>\nstream\nMZ\x90\x00\nendstream",
            ),
        ),
        "pdf_embedded_file",
        "files attached",
    ),
    "file_attachment_annotation": (
        _with_annotation(
            "<< /Type /Annot /Subtype /FileAttachment /Rect [0 0 20 20] "
            "/FS << /Type /Filespec /F (bai.docm) >> >>"
        ),
        "pdf_embedded_file",
        "files attached",
    ),
    "rich_media_annotation": (
        _with_annotation(
            "<< /Type /Annot /Subtype /RichMedia /Rect [0 0 200 200] "
            "/RichMediaContent << >> >>"
        ),
        "pdf_media",
        "interactive media",
    ),
    "three_d_annotation": (
        _with_annotation("<< /Type /Annot /Subtype /3D /Rect [0 0 200 200] >>"),
        "pdf_media",
        "interactive media",
    ),
    "xfa_form": (
        pdf_with(catalog="/AcroForm << /Fields [] /XFA 6 0 R >>", objects=("[]",)),
        "pdf_xfa",
        "XFA",
    ),
    "password": (encrypted(pdf_with(), user="bi-mat"), "pdf_encrypted", "password"),
}


@pytest.mark.parametrize(
    ("data", "rule", "message"),
    REFUSED_CASES.values(),
    ids=list(REFUSED_CASES.keys()),
)
def test_actions_that_reach_outside_the_document_are_refused(
    settings, data, rule, message
):
    error = refused(settings, data)
    assert error.code == rule
    assert message in error.messages[0]


ACCEPTED_CASES = {
    "plain": pdf_with(),
    "https_link": _on_link(
        "<< /S /URI /URI (https://vi.wikipedia.org/wiki/Ph%C3%A2n_s%E1%BB%91) >>"
    ),
    "mailto_link": _on_link("<< /S /URI /URI (mailto:giaovien@example.edu.vn) >>"),
    "link_inside_the_document": _on_link("<< /S /GoTo /D [3 0 R /Fit] >>"),
    "reset_form": _on_link("<< /S /ResetForm >>"),
    "owner_password_only": encrypted(pdf_with(), user=""),
    "tagged_structure": pdf_with(
        catalog="/StructTreeRoot << /Type /StructTreeRoot /K 6 0 R >>",
        objects=("<< /Type /StructElem /S /Figure /P 1 0 R >>",),
    ),
}


@pytest.mark.parametrize("data", ACCEPTED_CASES.values(), ids=list(ACCEPTED_CASES))
def test_ordinary_pdfs_and_web_links_are_accepted(data):
    material = upload(data, name="phieu-bai-tap.pdf")
    assert material.pk is not None


def test_a_vietnamese_teacher_reads_the_refusal_in_vietnamese(settings):
    with translation.override("vi"):
        error = refused(settings, REFUSED_CASES["password"][0])
    assert error.messages[0].startswith("Tệp PDF được bảo vệ bằng mật khẩu")
