"""SCORM and Common Cartridge zips are read into what a player needs."""

import io
import zipfile

import pytest

from lms.vocabulary import PackageKind
from materials.packages import Item, Organisation, read_package_manifest
from tests.materials.files import zip_bytes
from tests.materials.package_files import (
    PAGE,
    cartridge_13,
    package,
    scorm_12,
    scorm_2004,
)


def _read(data: bytes):
    return read_package_manifest(io.BytesIO(data))


def test_a_scorm_12_package_is_read_with_its_organisation_as_title():
    manifest = _read(scorm_12())
    assert (manifest.kind, manifest.version) == (PackageKind.SCORM_12, "1.2")
    assert manifest.title == "Phân số lớp 6"
    assert manifest.description == ""
    assert manifest.launch == "index.html"
    assert manifest.organisations == (
        Organisation(
            identifier="ORG",
            title="Phân số lớp 6",
            items=(Item("I1", "Bài 1: Cộng phân số", "R1", ""),),
        ),
    )
    assert manifest.resource("R1").scorm_type == "sco"


def test_a_scorm_2004_package_takes_title_and_description_from_its_lom():
    """The Vietnamese string is preferred over the English one."""
    manifest = _read(scorm_2004())
    assert manifest.kind == PackageKind.SCORM_2004
    assert manifest.version == "2004 4th Edition"
    assert manifest.title == "Hình học không gian"
    assert manifest.description == "Học sinh nhận biết hình chóp và hình lăng trụ."
    chapter_1, chapter_2 = manifest.organisations[0].items
    assert chapter_1.children == (Item("C1S1", "Hình chóp", "SCO1", "?bai=1"),)
    assert chapter_2.resource == "SCO2"


def test_the_launch_file_follows_xml_base_and_percent_escapes():
    """It is the zip entry's own name, with the query string kept."""
    assert _read(scorm_2004()).launch == "content/chuong 1/bai.html?lan=1"


def test_a_common_cartridge_13_is_read_with_plain_text_metadata():
    """Formatting in the LOM description is dropped, its words kept."""
    manifest = _read(cartridge_13())
    assert (manifest.kind, manifest.version) == (PackageKind.COMMON_CARTRIDGE, "1.3")
    assert manifest.title == "Tiếng Việt lớp 2"
    assert manifest.description == "Đọc và kể chuyện."
    assert manifest.launch == "web/bai-doc.html"
    (root,) = manifest.organisations[0].items
    assert [item.title for item in root.children] == ["Bài đọc", "Từ điển"]
    assert manifest.resource("LINK").files == ("links/tu-dien.xml",)


def test_scorm_metadata_in_a_separate_file_is_read():
    lom = (
        '<lom xmlns="http://ltsc.ieee.org/xsd/LOM"><general><title>'
        '<string language="vi">Sinh học tế bào</string></title></general></lom>'
    )
    data = scorm_12(files={"index.html": PAGE, "meta/lom.xml": lom.encode()})
    manifest_xml = _entry(data, "imsmanifest.xml").replace(
        "</schemaversion>",
        "</schemaversion><adlcp:location>meta/lom.xml</adlcp:location>",
    )
    data = package({**_entries(data), "imsmanifest.xml": manifest_xml})
    assert _read(data).title == "Sinh học tế bào"


@pytest.mark.parametrize(
    "data",
    [
        zip_bytes({"index.html": PAGE}),
        zip_bytes({"h5p.json": b"{}", "content/content.json": b"{}"}),
        package({"imsmanifest.xml": '<manifest xmlns="urn:other"/>'}),
    ],
    ids=["no_manifest", "h5p", "unknown_standard"],
)
def test_a_zip_that_is_no_course_package_has_no_manifest(data):
    assert _read(data) is None


def _entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _entry(data: bytes, name: str) -> str:
    return _entries(data)[name].decode()
