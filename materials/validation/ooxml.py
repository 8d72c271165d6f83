"""Office Open XML (docx, pptx, xlsx), decided by its parts, not its names.

A package says what it is in ``[Content_Types].xml`` and in its
relationships; Word, PowerPoint and Excel believe those, not the file or
part names, so this module does too. The main part's content type decides
the type (a macro-enabled document renamed ``.docx`` is still one).

Refused: macros (VBA projects, macro-enabled and macro-sheet content
types, and the key bindings and toolbars that call macros), ActiveX
controls, embedded OLE objects (they start their program on a double
click, and a "Package" object carries any executable; equations from
MathType or the old Equation Editor are such objects, and the message
says what to do), and relationships that load code or content from outside
the file (remote templates, OLE objects, frames, sub-documents, workbook
links). External links are allowed when they are web or e-mail addresses.
An embedded workbook, document or presentation (how a chart keeps its
data) is checked by the same rules, one level deep. No XML part may carry
a document type declaration (relationships are read whole, the other
parts only up to their root element, where a DOCTYPE would have to be).
"""

import io
import posixpath
import zipfile
from xml.etree.ElementTree import Element

from django.utils.translation import gettext as _

from materials.validation.archives import check_xml_prolog, open_zip, read_xml
from materials.validation.base import FileRefused, SniffedFile
from materials.validation.links import is_safe_link
from materials.validation.office import (
    refused_activex,
    refused_corrupt_office,
    refused_embedded_object,
    refused_external_content,
    refused_macros,
    refused_unsafe_link,
)

CONTENT_TYPES = "[content_types].xml"
ROOT_RELATIONSHIPS = "_rels/.rels"
CT_NAMESPACE = "{http://schemas.openxmlformats.org/package/2006/content-types}"
REL_NAMESPACE = "{http://schemas.openxmlformats.org/package/2006/relationships}"
OFFICE_DOCUMENT = "officedocument"
OPENXML = "application/vnd.openxmlformats-officedocument."
MAIN_TYPES = {
    f"{OPENXML}wordprocessingml.document.main+xml": "wordprocessingml.document",
    f"{OPENXML}wordprocessingml.template.main+xml": "wordprocessingml.template",
    f"{OPENXML}presentationml.presentation.main+xml": "presentationml.presentation",
    f"{OPENXML}presentationml.slideshow.main+xml": "presentationml.slideshow",
    f"{OPENXML}presentationml.template.main+xml": "presentationml.template",
    f"{OPENXML}spreadsheetml.sheet.main+xml": "spreadsheetml.sheet",
    f"{OPENXML}spreadsheetml.template.main+xml": "spreadsheetml.template",
}
EMBEDDABLE_PACKAGES = {
    f"{OPENXML}wordprocessingml.document",
    f"{OPENXML}presentationml.presentation",
    f"{OPENXML}spreadsheetml.sheet",
}
# Key bindings and toolbars run macros and exist only beside a VBA project.
MACRO_MARKERS = (
    "macroenabled",
    "vba",
    "macrosheet",
    "keymapcustomizations",
    "attachedtoolbars",
)
EXTERNAL_CONTENT_TYPES = ("spreadsheetml.externallink",)
# Relationship types (their last path segment, lower-cased).
MACRO_RELATIONSHIPS = {
    "vbaproject",
    "wordvbadata",
    "xlmacrosheet",
    "xlintlmacrosheet",
    "keymapcustomizations",
    "attachedtoolbars",
}
ACTIVEX_RELATIONSHIPS = {"control", "activexcontrolbinary"}
OLE_RELATIONSHIPS = {"oleobject"}
LOADING_RELATIONSHIPS = {
    "attachedtemplate",
    "oleobject",
    "frame",
    "subdocument",
    "package",
    "afchunk",
    "control",
    "externallinkpath",
    "vbaproject",
}
MAX_DEPTH = 1


def looks_like_ooxml(names: set[str]) -> bool:
    """Whether a zip claims to be an office document and must prove it."""
    lowered = {name.lower() for name in names}
    markers = {CONTENT_TYPES, ROOT_RELATIONSHIPS, "word/document.xml"}
    markers |= {"ppt/presentation.xml", "xl/workbook.xml"}
    return bool(lowered & markers)


def check_ooxml(archive: zipfile.ZipFile, depth: int = 0) -> SniffedFile:
    """The package's type from its main part, once every part has passed."""
    parts = {
        "/" + name.lower(): name
        for name in archive.namelist()
        if not name.endswith("/")
    }
    types = _content_types(archive, parts)
    for part, name in parts.items():
        _check_part(archive, part, name, types(part), depth)
    for part, name in parts.items():
        if part.endswith(".rels"):
            _check_relationships(read_xml(archive, name))
        elif part.endswith(".xml"):
            check_xml_prolog(archive, name)
    return _main_type(archive, parts, types)


def _content_types(archive: zipfile.ZipFile, parts: dict[str, str]):
    """A function from a part name to its declared content type ("" if none)."""
    name = parts.get("/" + CONTENT_TYPES)
    if name is None:
        raise refused_corrupt_office()
    root = read_xml(archive, name)
    if root.tag != f"{CT_NAMESPACE}Types":
        raise refused_corrupt_office()
    defaults = _declared(root, "Default", "Extension")
    overrides = _declared(root, "Override", "PartName")

    def content_type(part: str) -> str:
        extension = posixpath.splitext(part)[1].removeprefix(".")
        return overrides.get(part) or defaults.get(extension, "")

    return content_type


def _declared(root: Element, tag: str, key: str) -> dict[str, str]:
    return {
        element.get(key, "").lower(): element.get("ContentType", "").lower()
        for element in root.iter(f"{CT_NAMESPACE}{tag}")
    }


def _check_part(
    archive: zipfile.ZipFile,
    part: str,
    name: str,
    content_type: str,
    depth: int,
) -> None:
    if posixpath.basename(part) == "vbaproject.bin" or any(
        marker in content_type for marker in MACRO_MARKERS
    ):
        raise refused_macros()
    if "activex" in content_type or "/activex/" in part:
        raise refused_activex()
    if any(marker in content_type for marker in EXTERNAL_CONTENT_TYPES):
        raise refused_external_content()
    if "oleobject" in content_type:
        raise refused_embedded_object()
    if "/embeddings/" in part:
        _check_embedded_package(archive, name, content_type, depth)


def _check_embedded_package(
    archive: zipfile.ZipFile, name: str, content_type: str, depth: int
) -> None:
    """A chart's workbook and the like: a package checked by the same rules."""
    if content_type not in EMBEDDABLE_PACKAGES or depth >= MAX_DEPTH:
        raise refused_embedded_object()
    try:
        inner = open_zip(io.BytesIO(archive.read(name)))
    except FileRefused as error:
        raise refused_embedded_object() from error
    with inner:
        check_ooxml(inner, depth + 1)


def _check_relationships(root: Element) -> None:
    for relationship in root.iter(f"{REL_NAMESPACE}Relationship"):
        kind = relationship.get("Type", "").rstrip("/").rsplit("/", 1)[-1].lower()
        if kind in MACRO_RELATIONSHIPS:
            raise refused_macros()
        if kind in ACTIVEX_RELATIONSHIPS:
            raise refused_activex()
        if kind in OLE_RELATIONSHIPS:
            raise refused_embedded_object()
        if relationship.get("TargetMode", "").lower() == "external":
            _check_external(kind, relationship.get("Target", ""))


def _check_external(kind: str, target: str) -> None:
    if kind in LOADING_RELATIONSHIPS:
        raise refused_external_content()
    if not is_safe_link(target):
        raise refused_unsafe_link()


def _main_type(archive: zipfile.ZipFile, parts: dict[str, str], types) -> SniffedFile:
    name = parts.get("/" + ROOT_RELATIONSHIPS)
    if name is None:
        raise refused_corrupt_office()
    for relationship in read_xml(archive, name).iter(f"{REL_NAMESPACE}Relationship"):
        kind = relationship.get("Type", "").rsplit("/", 1)[-1].lower()
        target = posixpath.normpath("/" + relationship.get("Target", "").lower())
        if kind == OFFICE_DOCUMENT and target in parts:
            return _sniffed(types(target))
    raise refused_corrupt_office()


def _sniffed(content_type: str) -> SniffedFile:
    if content_type not in MAIN_TYPES:
        raise FileRefused(
            "type_not_allowed",
            _(
                "This kind of office document is not accepted; save it as a Word "
                "document (.docx), a presentation (.pptx) or a workbook (.xlsx)."
            ),
        )
    return SniffedFile(OPENXML + MAIN_TYPES[content_type], "document")
