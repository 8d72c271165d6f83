"""Metadata formats: unqualified Dublin Core (required) and IEEE LOM.

Each format turns a live item into an element; the registry says which kinds
of item a format can describe, so a harvester is told precisely which
formats an item has.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from lxml import etree as ET

from courses.models import CoursePage
from lms.vocabulary import GradeLevel
from materials.models import Material
from opendata import describe
from opendata.models import RecordKind
from opendata.oai.records import Item
from opendata.oai.xml import (
    DC_NS,
    LOM_NS,
    LOM_SCHEMA,
    OAI_DC_NS,
    OAI_DC_SCHEMA,
    XSI_NS,
    q,
    root_element,
    sub,
)

# LOM v1.0 learningResourceType for each material type.
LOM_RESOURCE_TYPES = {
    "lesson-plan": "narrative text",
    "slides": "slide",
    "worksheet": "exercise",
    "textbook": "narrative text",
    "assessment": "exam",
    "video": "lecture",
    "audio": "lecture",
    "image": "figure",
    "interactive": "simulation",
    "other": "narrative text",
    "course": "lecture",
}
# The DCMI Type Vocabulary term for each material type (Text otherwise).
DCMI_TYPES = {
    "video": "MovingImage",
    "audio": "Sound",
    "image": "StillImage",
    "interactive": "InteractiveResource",
}
SCHOOL_GRADES = {str(n) for n in range(1, 13)}


@dataclass(frozen=True)
class MetadataFormat:
    prefix: str
    schema: str
    namespace: str
    kinds: frozenset[str]
    write: Callable[[Item, HttpRequest], ET._Element]


def _text(parent: ET._Element, namespace: str, tag: str, value: object) -> None:
    if value not in (None, ""):
        sub(parent, q(namespace, tag), value)


def _dc_root() -> ET._Element:
    root = root_element(q(OAI_DC_NS, "dc"), {"oai_dc": OAI_DC_NS, "dc": DC_NS})
    root.set(q(XSI_NS, "schemaLocation"), f"{OAI_DC_NS} {OAI_DC_SCHEMA}")
    return root


def write_dc(item: Item, request: HttpRequest) -> ET._Element:
    """Unqualified Dublin Core, values in the site's main language."""
    with translation.override(settings.LANGUAGE_CODE):
        root = _dc_root()
        if isinstance(item.obj, Material):
            _material_dc(root, item.obj, request)
        else:
            _course_dc(root, item.obj, request)
    return root


def _material_dc(root: ET._Element, material: Material, request: HttpRequest) -> None:
    def dc(tag: str, value: object) -> None:
        _text(root, DC_NS, tag, value)

    dc("title", material.title)
    for name in describe.material_people(material):
        dc("creator", name)
    dc("subject", describe.subject_label(material.subject))
    for keyword in describe.material_keywords(material):
        dc("subject", keyword)
    dc("description", material.description)
    dc("publisher", settings.WAGTAIL_SITE_NAME)
    if material.first_published_at:
        dc("date", material.first_published_at.date().isoformat())
    dc("type", describe.material_type_label(material.material_type))
    dc("type", DCMI_TYPES.get(material.material_type, "Text"))
    dc("format", material.mime_type)
    dc("identifier", describe.material_url(material, request))
    dc("language", material.language)
    for code in material.grade_levels:
        dc("coverage", describe.grade_label(code))
    dc("rights", material.licence_url or material.get_licence_display())


def _course_dc(root: ET._Element, course: CoursePage, request: HttpRequest) -> None:
    def dc(tag: str, value: object) -> None:
        _text(root, DC_NS, tag, value)

    dc("title", course.title)
    for name in describe.course_teachers(course):
        dc("creator", name)
    dc("subject", describe.subject_label(course.subject))
    dc("description", course.summary)
    dc("publisher", settings.WAGTAIL_SITE_NAME)
    if course.first_published_at:
        dc("date", course.first_published_at.date().isoformat())
    dc("type", "Course")
    dc("format", "text/html")
    dc("identifier", describe.page_url(course, request))
    dc("language", course.language)
    dc("coverage", describe.grade_label(course.grade))
    dc("rights", course.licence_url or course.get_licence_display())


def _lom(parent: ET._Element, tag: str, value: object = None) -> ET._Element:
    return sub(parent, q(LOM_NS, tag), value)


def _langstring(parent: ET._Element, tag: str, text: str, language: str) -> None:
    if text:
        sub(_lom(parent, tag), q(LOM_NS, "string"), text, language=language)


def _vocab(parent: ET._Element, tag: str, value: str) -> None:
    element = _lom(parent, tag)
    _lom(element, "source", "LOMv1.0")
    _lom(element, "value", value)


def _lom_duration(parent: ET._Element, tag: str, seconds: int | None) -> None:
    duration = describe.iso_duration(seconds)
    if duration:
        _lom(_lom(parent, tag), "duration", duration)


def _vcard(name: str) -> str:
    escaped = name.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return f"BEGIN:VCARD\nVERSION:3.0\nFN:{escaped}\nN:{escaped};;;;\nEND:VCARD"


def _context_for(grade: str) -> str:
    if grade in SCHOOL_GRADES:
        return "school"
    if grade == GradeLevel.HIGHER_EDUCATION:
        return "higher education"
    return "training"


def write_lom(item: Item, request: HttpRequest) -> ET._Element:
    """An IEEE LOM 1484.12.3 record with the LOMv1.0 vocabularies."""
    with translation.override(settings.LANGUAGE_CODE):
        obj = item.obj
        is_material = isinstance(obj, Material)
        root = root_element(q(LOM_NS, "lom"), {None: LOM_NS})
        root.set(q(XSI_NS, "schemaLocation"), f"{LOM_NS} {LOM_SCHEMA}")
        url = (
            describe.material_url(obj, request)
            if is_material
            else describe.page_url(obj, request)
        )
        language = obj.language
        _lom_general(root, item, obj, url, language, is_material)
        _lom_lifecycle(root, obj, is_material)
        _lom_technical(root, obj, url, is_material)
        _lom_educational(root, obj, language, is_material)
        _lom_rights(root, obj)
        _lom_classification(root, obj, language, is_material)
    return root


def _lom_general(root, item, obj, url, language, is_material) -> None:
    general = _lom(root, "general")
    identifier = _lom(general, "identifier")
    _lom(identifier, "catalog", "URI")
    _lom(identifier, "entry", url)
    oai_identifier = _lom(general, "identifier")
    _lom(oai_identifier, "catalog", "OAI")
    _lom(oai_identifier, "entry", item.identifier)
    _langstring(general, "title", obj.title, language)
    _lom(general, "language", language)
    _langstring(
        general,
        "description",
        obj.description if is_material else obj.summary,
        language,
    )
    keywords = describe.material_keywords(obj) if is_material else []
    for keyword in keywords:
        _langstring(general, "keyword", keyword, language)
    _vocab(general, "aggregationLevel", "1" if is_material else "3")


def _lom_lifecycle(root, obj, is_material) -> None:
    names = (
        describe.material_people(obj) if is_material else describe.course_teachers(obj)
    )
    if not names:
        return
    lifecycle = _lom(root, "lifeCycle")
    for name in names:
        contribute = _lom(lifecycle, "contribute")
        _vocab(contribute, "role", "author")
        _lom(contribute, "entity", _vcard(name))
        if obj.first_published_at:
            date = _lom(contribute, "date")
            _lom(date, "dateTime", obj.first_published_at.date().isoformat())


def _lom_technical(root, obj, url, is_material) -> None:
    technical = _lom(root, "technical")
    if is_material:
        if obj.mime_type:
            _lom(technical, "format", obj.mime_type)
        if obj.file_size:
            _lom(technical, "size", str(obj.file_size))
    else:
        _lom(technical, "format", "text/html")
    _lom(technical, "location", url)
    if is_material:
        _lom_duration(technical, "duration", obj.duration_seconds)


def _lom_educational(root, obj, language, is_material) -> None:
    educational = _lom(root, "educational")
    resource_type = obj.material_type if is_material else "course"
    _vocab(educational, "learningResourceType", LOM_RESOURCE_TYPES[resource_type])
    _vocab(educational, "intendedEndUserRole", "learner")
    grades = obj.grade_levels if is_material else [obj.grade]
    for context in dict.fromkeys(_context_for(grade) for grade in grades):
        _vocab(educational, "context", context)
    seconds = (
        describe.material_duration_seconds(obj)
        if is_material
        else describe.course_duration_seconds(obj)
    )
    _lom_duration(educational, "typicalLearningTime", seconds)
    _lom(educational, "language", language)


def _lom_rights(root, obj) -> None:
    rights = _lom(root, "rights")
    _vocab(rights, "cost", "no")
    _vocab(rights, "copyrightAndOtherRestrictions", "yes")
    text = obj.get_licence_display()
    if obj.licence_url:
        text = f"{text}: {obj.licence_url}"
    _langstring(rights, "description", text, settings.LANGUAGE_CODE)


def _lom_classification(root, obj, language, is_material) -> None:
    discipline = _lom(root, "classification")
    _vocab(discipline, "purpose", "discipline")
    _taxon_path(
        discipline, "subjects", obj.subject, describe.subject_label(obj.subject)
    )
    level = _lom(root, "classification")
    _vocab(level, "purpose", "educational level")
    for grade in obj.grade_levels if is_material else [obj.grade]:
        _taxon_path(level, "grade-levels", grade, describe.grade_label(grade))


def _taxon_path(parent, source: str, code: str, label: str) -> None:
    path = _lom(parent, "taxonPath")
    source_element = _lom(path, "source")
    sub(source_element, q(LOM_NS, "string"), source, language="x-none")
    taxon = _lom(path, "taxon")
    _lom(taxon, "id", code)
    _langstring(taxon, "entry", label, settings.LANGUAGE_CODE)


ALL_KINDS = frozenset(RecordKind.values)
FORMATS: dict[str, MetadataFormat] = {
    "oai_dc": MetadataFormat("oai_dc", OAI_DC_SCHEMA, OAI_DC_NS, ALL_KINDS, write_dc),
    "lom": MetadataFormat("lom", LOM_SCHEMA, LOM_NS, ALL_KINDS, write_lom),
}


def formats_for(kind: str) -> list[MetadataFormat]:
    return [fmt for fmt in FORMATS.values() if kind in fmt.kinds]
