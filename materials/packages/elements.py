"""Finding elements by their local name.

SCORM 1.2, SCORM 2004 and each Common Cartridge version put the same
elements (``title``, ``item``, ``resource``...) in different namespaces,
and LOM metadata comes in three more. Matching on the local name reads
them all with one set of rules; the namespace only decides the kind.
"""

from collections.abc import Iterator
from xml.etree.ElementTree import Element

XML_NAMESPACE = "{http://www.w3.org/XML/1998/namespace}"
XML_BASE = f"{XML_NAMESPACE}base"
XML_LANG = f"{XML_NAMESPACE}lang"


def local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def children(element: Element, name: str) -> Iterator[Element]:
    return (child for child in element if local_name(child.tag) == name)


def child(element: Element | None, name: str) -> Element | None:
    if element is None:
        return None
    return next(children(element, name), None)


def descendant(element: Element, name: str) -> Element | None:
    return next((e for e in element.iter() if local_name(e.tag) == name), None)


def text(element: Element | None) -> str:
    return "".join(element.itertext()).strip() if element is not None else ""


def attribute(element: Element, name: str) -> str:
    """An attribute by local name, whichever namespace (if any) it is in."""
    value = element.get(name)
    if value is not None:
        return value.strip()
    for key, found in element.items():
        if local_name(key) == name:
            return found.strip()
    return ""
