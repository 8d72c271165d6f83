"""A package whose manifest could make a player misbehave is refused, and
nothing of it is kept."""

import pytest
from django.utils import translation

from tests.materials.package_files import (
    PAGE,
    SCORM_12_ROOT,
    cartridge_13,
    package,
    scorm_12,
    scorm_2004,
)
from tests.materials.uploads import refused

pytestmark = pytest.mark.django_db

EXTERNAL_ENTITY = '<!DOCTYPE manifest [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
BILLION_LAUGHS = (
    '<!DOCTYPE manifest [<!ENTITY a "haha">'
    + "".join(
        f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">' for n in range(9)
    )
    + "]>"
)
SCORM_12_METADATA = "<metadata><schemaversion>1.2</schemaversion></metadata>"
REMOTE_DTD = '<!DOCTYPE manifest SYSTEM "http://attacker.example/cp.dtd">'


def _scorm_with_manifest(manifest: str) -> bytes:
    return package({"imsmanifest.xml": manifest, "index.html": PAGE})


CASES = {
    "external_entity": (
        scorm_12(prolog=EXTERNAL_ENTITY, title="&amp;x;"),
        "xml_external_entity",
        "imsmanifest.xml declares an external entity (file:///etc/passwd)",
    ),
    "billion_laughs": (
        scorm_12(prolog=BILLION_LAUGHS),
        "xml_entity_expansion",
        "imsmanifest.xml declares XML entities",
    ),
    "remote_dtd": (
        scorm_12(prolog=REMOTE_DTD),
        "xml_external_dtd",
        "(http://attacker.example/cp.dtd)",
    ),
    "not_well_formed": (
        _scorm_with_manifest("<manifest>\n<organizations></manifest>"),
        "xml_malformed",
        "does not match the opening tag (line 2, column 18).",
    ),
    "launch_climbs_out": (
        scorm_12(launch="../../etc/passwd"),
        "package_href_outside",
        "points outside the package: ../../etc/passwd",
    ),
    "launch_climbs_out_escaped": (
        scorm_12(launch="%2e%2e/index.html"),
        "package_href_outside",
        "%2e%2e/index.html",
    ),
    "launch_is_absolute": (
        scorm_12(launch="/index.html"),
        "package_href_outside",
        "/index.html",
    ),
    "launch_is_a_web_address": (
        scorm_12(launch="https://attacker.example/sco.html"),
        "package_href_outside",
        "https://attacker.example/sco.html",
    ),
    "launch_is_a_script": (
        scorm_12(launch="javascript:alert(1)"),
        "package_href_outside",
        "javascript:alert(1)",
    ),
    "launch_file_missing": (
        scorm_12(launch="bai-hoc.html"),
        "package_href_missing",
        "names bai-hoc.html, which is not in the zip",
    ),
    "script_in_title": (
        scorm_12(title="Phân số &lt;script&gt;alert(1)&lt;/script&gt;"),
        "package_active_metadata",
        "The title in imsmanifest.xml contains a script",
    ),
    "handler_in_title": (
        scorm_12(title="&lt;img src=x onerror=alert(1)&gt;"),
        "package_active_metadata",
        "contains a script or other active web content",
    ),
    "script_element_in_title": (
        scorm_12(
            title='<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>'
        ),
        "package_active_metadata",
        "The title in imsmanifest.xml",
    ),
    "script_in_lom_description": (
        scorm_2004(description="Xem &lt;script src='//attacker.example'&gt;"),
        "package_active_metadata",
        "The description in imsmanifest.xml contains a script",
    ),
    "item_points_to_no_resource": (
        _scorm_with_manifest(
            f"<manifest {SCORM_12_ROOT}>{SCORM_12_METADATA}"
            '<organizations><organization identifier="O">'
            '<item identifier="I" identifierref="NOPE"><title>x</title></item>'
            "</organization></organizations><resources/></manifest>"
        ),
        "package_unknown_resource",
        "does not declare: NOPE",
    ),
    "nothing_to_launch": (
        _scorm_with_manifest(
            f"<manifest {SCORM_12_ROOT}>{SCORM_12_METADATA}<organizations/>"
            "<resources/></manifest>"
        ),
        "package_no_launch",
        "names no file to start with",
    ),
    "cartridge_web_link_runs_a_script": (
        cartridge_13(web_link="javascript:alert(1)"),
        "office_unsafe_link",
        "not a web address",
    ),
}


@pytest.mark.parametrize(("data", "rule", "message"), CASES.values(), ids=list(CASES))
def test_a_hostile_or_broken_package_is_refused_and_nothing_is_stored(
    settings, data, rule, message
):
    error = refused(settings, data, name="goi-scorm.zip")
    assert error.code == rule
    assert message in error.messages[0]


@pytest.mark.parametrize(
    ("data", "start"),
    [
        (
            scorm_12(prolog=EXTERNAL_ENTITY, title="&amp;x;"),
            "imsmanifest.xml khai báo một thực thể bên ngoài (file:///etc/passwd)",
        ),
        (
            scorm_12(launch="../index.html"),
            "Tệp kê khai của gói trỏ ra ngoài gói: ../index.html.",
        ),
        (
            _scorm_with_manifest("<manifest>\n<organizations></manifest>"),
            "imsmanifest.xml không phải là XML hợp lệ: thẻ đóng không khớp",
        ),
    ],
    ids=["external_entity", "outside", "not_well_formed"],
)
def test_a_vietnamese_teacher_reads_why_in_vietnamese(settings, data, start):
    with translation.override("vi"):
        error = refused(settings, data, name="goi-scorm.zip")
    assert error.messages[0].startswith(start)
