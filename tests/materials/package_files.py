"""SCORM and Common Cartridge zips written on the spot, as authoring tools do.

Each builder takes the pieces a test changes (the launch file, the
metadata, a DOCTYPE in front of the manifest) and fills in the rest.
"""

import io
import warnings
import zipfile

from tests.materials.files import zip_bytes

PAGE = b"<!DOCTYPE html><html><body><p>Bai hoc</p></body></html>"
SCORM_12_ROOT = (
    'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" '
    'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"'
)
SCORM_2004_ROOT = (
    'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" '
    'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" '
    'xmlns:lom="http://ltsc.ieee.org/xsd/LOM"'
)
CC_13_ROOT = (
    'xmlns="http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1" '
    'xmlns:lomimscc="http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest"'
)
WEB_LINK_NS = "http://www.imsglobal.org/xsd/imsccv1p3/imswl_v1p3"


def scorm_12(
    *,
    launch: str = "index.html",
    title: str = "Phân số lớp 6",
    prolog: str = "",
    files: dict[str, bytes] | None = None,
) -> bytes:
    """One SCO under one organisation, with the IMS 1.2 metadata most tools
    leave out: the title comes from the organisation."""
    manifest = (
        f'{prolog}<manifest identifier="BAI1" version="1.0" {SCORM_12_ROOT}>'
        "<metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion>"
        '</metadata><organizations default="ORG"><organization identifier="ORG">'
        f'<title>{title}</title><item identifier="I1" identifierref="R1">'
        "<title>Bài 1: Cộng phân số</title></item></organization></organizations>"
        f'<resources><resource identifier="R1" type="webcontent" adlcp:scormtype="sco"'
        f' href="{launch}"><file href="{launch}"/></resource></resources></manifest>'
    )
    return package({"imsmanifest.xml": manifest, **(files or {"index.html": PAGE})})


def scorm_2004(*, title: str = "Hình học không gian", description: str = "") -> bytes:
    """Two chapters with LOM metadata in Vietnamese and English."""
    description = description or "Học sinh nhận biết hình chóp và hình lăng trụ."
    lom = (
        "<lom:lom><lom:general>"
        f'<lom:title><lom:string language="en">Solid geometry</lom:string>'
        f'<lom:string language="vi">{title}</lom:string></lom:title>'
        f'<lom:description><lom:string language="vi">{description}</lom:string>'
        "</lom:description></lom:general></lom:lom>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<manifest identifier="HH" {SCORM_2004_ROOT}>'
        "<metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition"
        f"</schemaversion>{lom}</metadata>"
        '<organizations default="ORG"><organization identifier="ORG">'
        '<title>Hình học</title><item identifier="C1"><title>Chương 1</title>'
        '<item identifier="C1S1" identifierref="SCO1" parameters="?bai=1">'
        "<title>Hình chóp</title></item></item>"
        '<item identifier="C2" identifierref="SCO2"><title>Chương 2</title></item>'
        '</organization></organizations><resources xml:base="content/">'
        '<resource identifier="SCO1" type="webcontent" adlcp:scormType="sco" '
        'href="chuong%201/bai.html?lan=1"><file href="chuong 1/bai.html"/></resource>'
        '<resource identifier="SCO2" type="webcontent" adlcp:scormType="sco" '
        'href="chuong2.html"/></resources></manifest>'
    )
    return package(
        {
            "imsmanifest.xml": manifest,
            "content/chuong 1/bai.html": PAGE,
            "content/chuong2.html": PAGE,
        }
    )


def cartridge_13(
    *, web_link: str = "https://vi.wikipedia.org/wiki/Ph%C3%A2n_s%E1%BB%91"
) -> bytes:
    """A lesson page and a web link, described by LOM in the cartridge's own
    namespace."""
    manifest = (
        f'<manifest identifier="CC1" {CC_13_ROOT}><metadata>'
        "<schema>IMS Common Cartridge</schema><schemaversion>1.3.0</schemaversion>"
        "<lomimscc:lom><lomimscc:general><lomimscc:title><lomimscc:string>"
        "Tiếng Việt lớp 2</lomimscc:string></lomimscc:title><lomimscc:description>"
        "<lomimscc:string>&lt;p&gt;Đọc và &lt;b&gt;kể&lt;/b&gt; chuyện.&lt;/p&gt;"
        "</lomimscc:string></lomimscc:description></lomimscc:general></lomimscc:lom>"
        '</metadata><organizations><organization identifier="O" '
        'structure="rooted-hierarchy"><item identifier="ROOT">'
        '<item identifier="T1" identifierref="PAGE"><title>Bài đọc</title></item>'
        '<item identifier="T2" identifierref="LINK"><title>Từ điển</title></item>'
        "</item></organization></organizations><resources>"
        '<resource identifier="PAGE" type="webcontent" href="web/bai-doc.html">'
        '<file href="web/bai-doc.html"/></resource>'
        '<resource identifier="LINK" type="imswl_xmlv1p3">'
        '<file href="links/tu-dien.xml"/></resource></resources></manifest>'
    )
    link = (
        f'<webLink xmlns="{WEB_LINK_NS}"><title>Từ điển</title>'
        f'<url href="{web_link}"/></webLink>'
    )
    return package(
        {
            "imsmanifest.xml": manifest,
            "web/bai-doc.html": PAGE,
            "links/tu-dien.xml": link,
        }
    )


def package(entries: dict[str, str | bytes]) -> bytes:
    return zip_bytes(
        {n: d.encode() if isinstance(d, str) else d for n, d in entries.items()}
    )


def raw_zip(
    entries: list[tuple[str, bytes]], *, encrypted: tuple[str, ...] = ()
) -> bytes:
    """Entries written as given: the same name twice, or flagged encrypted
    (the data itself stays plain, as a forged flag would)."""
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "Duplicate name"
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in entries:
                archive.writestr(name, data)
    data = bytearray(buffer.getvalue())
    for name in encrypted:
        _flag_encrypted(data, name)
    return bytes(data)


def _flag_encrypted(data: bytearray, name: str) -> None:
    """Set bit 0 of the flags in the entry's own header and in the directory
    (zipfile clears the flags it is given when it writes)."""
    encoded = name.encode()
    for signature, flags_at, name_at in (
        (b"PK\x03\x04", 6, 30),
        (b"PK\x01\x02", 8, 46),
    ):
        start = data.index(signature)
        while data[start + name_at : start + name_at + len(encoded)] != encoded:
            start = data.index(signature, start + 1)
        data[start + flags_at] |= 0x1
