"""OpenDocument (odt, odp, ods), decided by its mimetype and manifest.

The type is the one the ``mimetype`` entry names, or the manifest's root
entry when that entry is missing or names something else (LibreOffice
opens such files all the same); the manifest's root entry must agree with
it. Refused: macro libraries (``Basic/``, ``Scripts/``, ``Dialogs/``),
script event listeners and macro fields in the content and styles of the
document and of every object inside it, slide actions that run a program,
links to macros (``vnd.sun.star.script:``), files or anything that is not
a web or e-mail address, DDE links (which ask another program for data and
can start it), embedded OLE objects, and a document type declaration in
any XML part.
"""

import zipfile
from xml.etree.ElementTree import Element

from django.utils.translation import gettext as _

from materials.validation.archives import (
    check_xml_prolog,
    iter_xml,
    read_entry,
    read_xml,
)
from materials.validation.base import FileRefused, SniffedFile
from materials.validation.links import has_scheme, is_package_reference, is_safe_link
from materials.validation.office import (
    refused_corrupt_office,
    refused_embedded_object,
    refused_external_content,
    refused_macros,
    refused_unsafe_link,
)

ODF_PREFIX = "application/vnd.oasis.opendocument."
LEGACY_PREFIX = "application/vnd.sun.xml."
ODF_TYPES = {
    f"{ODF_PREFIX}text",
    f"{ODF_PREFIX}presentation",
    f"{ODF_PREFIX}spreadsheet",
}
MANIFEST = "META-INF/manifest.xml"
MANIFEST_NS = "{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
SCRIPT_NS = "{urn:oasis:names:tc:opendocument:xmlns:script:1.0}"
OFFICE_NS = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TEXT_NS = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE_NS = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
PRESENTATION_NS = "{urn:oasis:names:tc:opendocument:xmlns:presentation:1.0}"
MACRO_FOLDERS = ("basic/", "scripts/", "dialogs/")
SCRIPT_TAGS = {
    f"{SCRIPT_NS}event-listener",
    f"{OFFICE_NS}script",
    f"{TEXT_NS}execute-macro",
}
DDE_TAGS = {
    f"{OFFICE_NS}dde-source",
    f"{TEXT_NS}dde-connection-decl",
    f"{TEXT_NS}dde-connection",
    f"{TABLE_NS}dde-link",
}
RUNNING_ACTIONS = {"execute", "verb"}
SCANNED_PARTS = ("content.xml", "styles.xml")


def declared_type(archive: zipfile.ZipFile) -> str | None:
    """The office type the zip declares, if it declares one.

    The ``mimetype`` entry says it; when a tool left that out or wrote
    something else, the manifest's root entry does, and LibreOffice opens
    the file either way. OpenOffice.org 1 types (``.sxw``, ``.sxi``,
    ``.sxc``) count too, so that their macros are not passed on as an
    ordinary zip.
    """
    names = set(archive.namelist())
    candidates = []
    if "mimetype" in names:
        candidates.append(read_entry(archive, "mimetype").decode("ascii", "replace"))
    if MANIFEST in names:
        candidates.append(_manifest_entries(archive).get("/", ""))
    prefixes = (ODF_PREFIX, LEGACY_PREFIX)
    return next((c.strip() for c in candidates if c.strip().startswith(prefixes)), None)


def check_opendocument(archive: zipfile.ZipFile, declared: str) -> SniffedFile:
    """The document's type, once its manifest and every part have passed."""
    if declared not in ODF_TYPES:
        raise FileRefused(
            "type_not_allowed",
            _(
                "This kind of OpenDocument file is not accepted; save it as a text "
                "(.odt), a presentation (.odp) or a spreadsheet (.ods)."
            ),
        )
    names = archive.namelist()
    _check_names(names)
    _check_manifest(_manifest_entries(archive), declared)
    for name in names:
        if name.rsplit("/", 1)[-1] in SCANNED_PARTS:
            _check_markup(archive, name)
        elif name.lower().endswith((".xml", ".rdf")):
            check_xml_prolog(archive, name)
    return SniffedFile(declared, "document")


def _check_names(names: list[str]) -> None:
    if any(name.lower().startswith(MACRO_FOLDERS) for name in names):
        raise refused_macros()


def _manifest_entries(archive: zipfile.ZipFile) -> dict[str, str]:
    if MANIFEST not in archive.namelist():
        raise refused_corrupt_office()
    root = read_xml(archive, MANIFEST)
    return {
        entry.get(f"{MANIFEST_NS}full-path", ""): entry.get(
            f"{MANIFEST_NS}media-type", ""
        ).lower()
        for entry in root.iter(f"{MANIFEST_NS}file-entry")
    }


def _check_manifest(entries: dict[str, str], declared: str) -> None:
    if entries.get("/") != declared:
        raise refused_corrupt_office()
    for path, media_type in entries.items():
        if path.lower().startswith(MACRO_FOLDERS):
            raise refused_macros()
        if "oleobject" in media_type:
            raise refused_embedded_object()


def _check_markup(archive: zipfile.ZipFile, name: str) -> None:
    """Stream the part: a large spreadsheet is never held whole in memory."""
    for element in iter_xml(archive, name):
        _check_element(element)


def _check_element(element: Element) -> None:
    if element.tag in SCRIPT_TAGS:
        raise refused_macros()
    if element.tag in DDE_TAGS:
        raise FileRefused(
            "office_dde",
            _("The document asks another program for data (a DDE link); remove it."),
        )
    if (
        element.tag == f"{PRESENTATION_NS}event-listener"
        and element.get(f"{PRESENTATION_NS}action") in RUNNING_ACTIONS
    ):
        raise refused_external_content()
    href = element.get(XLINK_HREF)
    if href is not None and not _is_allowed_reference(href):
        raise refused_unsafe_link()


def _is_allowed_reference(href: str) -> bool:
    if has_scheme(href):
        return is_safe_link(href)
    return is_package_reference(href)
