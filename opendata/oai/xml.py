"""Building OAI-PMH XML with lxml, each namespace declared once at its root."""

import re
from datetime import UTC, datetime

from lxml import etree as ET

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
DC_NS = "http://purl.org/dc/elements/1.1/"
LOM_NS = "http://ltsc.ieee.org/xsd/LOM"
LOM_SCHEMA = "http://ltsc.ieee.org/xsd/lomv1.0/lom.xsd"
OAI_ID_NS = "http://www.openarchives.org/OAI/2.0/oai-identifier"
OAI_ID_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai-identifier.xsd"

NAMESPACES = {"xsi": XSI_NS}


def root_element(tag: str, nsmap: dict[str | None, str] | None = None) -> ET._Element:
    """A root element declaring its namespaces once, at the top."""
    return ET.Element(tag, nsmap={**NAMESPACES, **(nsmap or {})})


# Characters XML 1.0 cannot carry at all; user text may contain them.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: object) -> str:
    return _ILLEGAL_XML.sub("", str(text))


def q(namespace: str, tag: str) -> str:
    return f"{{{namespace}}}{tag}"


def sub(
    parent: ET._Element, tag: str, text: object = None, **attributes: str
) -> ET._Element:
    """A child element; ``tag`` is namespaced (``q(ns, name)``) by the caller."""
    child = ET.SubElement(parent, tag, {k: clean(v) for k, v in attributes.items()})
    if text is not None:
        child.text = clean(text)
    return child


def oai(
    parent: ET._Element, tag: str, text: object = None, **attrs: str
) -> ET._Element:
    return sub(parent, q(OAI_NS, tag), text, **attrs)


def datestamp(value: datetime) -> str:
    """UTC with seconds granularity, the form OAI-PMH requires."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def serialise(root: ET._Element) -> bytes:
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True)
