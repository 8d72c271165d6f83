"""Title and description from a package's LOM metadata.

The manifest's ``<metadata>`` holds a LOM record inline (Common Cartridge,
most SCORM 2004 tools), or names a separate file with ``adlcp:location``
(SCORM 2004 and some 1.2 tools); that file is read through the same safe
parser. LOM 1.2 (IMS metadata) writes ``langstring``, later LOM ``string``;
among several languages Vietnamese is taken first, then English.
"""

import zipfile
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from materials.packages.elements import (
    XML_LANG,
    attribute,
    child,
    descendant,
    local_name,
    text,
)
from materials.packages.hrefs import path_in_package, refused_missing
from materials.packages.text import element_text
from materials.validation.archives import read_xml

PREFERRED_LANGUAGES = ("vi", "en")


@dataclass(frozen=True)
class Description:
    title: str
    description: str


def read_description(
    archive: zipfile.ZipFile, manifest: Element, *, part: str
) -> Description:
    """What the package's metadata says it is; empty strings when it is silent."""
    lom, part = _lom(archive, child(manifest, "metadata"), part)
    general = child(lom, "general")
    title = _field(general, "title", part)
    return Description(
        title=" ".join(title.split()),
        description=_field(general, "description", part),
    )


def _field(general: Element | None, name: str, part: str) -> str:
    """One field's text; every language is checked, the preferred one kept."""
    element = child(general, name)
    element_text(element, field=name, part=part)
    return element_text(_langstring(element), field=name, part=part)


def _lom(
    archive: zipfile.ZipFile, metadata: Element | None, part: str
) -> tuple[Element | None, str]:
    if metadata is None:
        return None, part
    inline = descendant(metadata, "lom")
    if inline is not None:
        return inline, part
    location = text(child(metadata, "location"))
    if not location:
        return None, part
    name = path_in_package("", location)
    if name not in archive.namelist():
        raise refused_missing(location)
    root = read_xml(archive, name)
    return (root if local_name(root.tag) == "lom" else descendant(root, "lom")), name


def _langstring(element: Element | None) -> Element | None:
    """The string in the preferred language, or the first one given."""
    if element is None:
        return None
    strings = [
        s
        for s in element.iter()
        if local_name(s.tag) in {"string", "langstring"} and text(s)
    ]
    by_language = {_language(s): s for s in reversed(strings)}
    for language in PREFERRED_LANGUAGES:
        if language in by_language:
            return by_language[language]
    return strings[0] if strings else element


def _language(element: Element) -> str:
    value = element.get(XML_LANG) or attribute(element, "language")
    return value.lower().split("-", 1)[0]
