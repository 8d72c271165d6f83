from dataclasses import dataclass
from pathlib import Path

import pytest
import xmlschema
from lxml import etree

from lms.vocabulary import GradeLevel, Language, Licence, MaterialType, Subject
from tests.factories import (
    CourseModulePageFactory,
    CoursePageFactory,
    LessonPageFactory,
    PublishedMaterialFactory,
    TeacherFactory,
)

SCHEMAS = Path(__file__).resolve().parents[2] / "opendata" / "schemas"
OAI_NS = {"oai": "http://www.openarchives.org/OAI/2.0/"}


@pytest.fixture(scope="session")
def oai_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(SCHEMAS / "OAI-PMH.xsd")


@pytest.fixture(scope="session")
def oai_dc_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(SCHEMAS / "oai_dc.xsd")


@pytest.fixture
def validate_oai(oai_schema, oai_dc_schema):
    """Parse an OAI-PMH response, check it against the schemas, return the tree."""

    def validate(content: bytes) -> etree._Element:
        tree = etree.fromstring(content)
        oai_schema.validate(tree)
        for dc in tree.iterfind(".//{http://www.openarchives.org/OAI/2.0/oai_dc/}dc"):
            oai_dc_schema.validate(dc)
        return tree

    return validate


@dataclass
class Repository:
    materials: list
    courses: list
    lessons: list


@pytest.fixture
def repository(db) -> Repository:
    """A small repository: materials over subjects and types, two courses."""
    teacher = TeacherFactory(display_name="Nguyễn Thị Lan")
    materials = [
        PublishedMaterialFactory(
            title="Phiếu bài tập phân số",
            subject=Subject.MATHEMATICS,
            material_type=MaterialType.WORKSHEET,
            grade_levels=[GradeLevel.GRADE_6.value, GradeLevel.GRADE_10.value],
            author=teacher,
            page_count=2,
        ),
        PublishedMaterialFactory(
            title="Bài giảng điện học",
            subject=Subject.PHYSICS,
            material_type=MaterialType.SLIDES,
            grade_levels=[GradeLevel.GRADE_11.value],
            licence=Licence.CC_BY_SA,
        ),
        PublishedMaterialFactory(
            title="Video thí nghiệm",
            subject=Subject.PHYSICS,
            material_type=MaterialType.VIDEO,
            language=Language.ENGLISH,
            duration_seconds=754,
            mime_type="video/mp4",
        ),
        PublishedMaterialFactory(
            title="Đề kiểm tra hình học",
            subject=Subject.MATHEMATICS,
            material_type=MaterialType.ASSESSMENT,
            grade_levels=[GradeLevel.GRADE_1.value],
        ),
    ]
    for material in materials[:2]:
        material.keywords.add("luyện tập", "ôn thi")
        material.save()
    course = CoursePageFactory(
        title="Sinh học tế bào",
        subject=Subject.BIOLOGY,
        learning_outcomes="Mô tả cấu trúc tế bào\nGiải thích quang hợp",
        estimated_hours="2.5",
    )
    course.teachers.add(teacher)
    course.save_revision().publish()
    module = CourseModulePageFactory(parent=course, title="Chương 1")
    lesson = LessonPageFactory(
        parent=module, title="Bài 1: Tế bào", estimated_minutes=20
    )
    other = CoursePageFactory(title="Toán vui", subject=Subject.MATHEMATICS)
    return Repository(materials, [course, other], [lesson])


@pytest.fixture(autouse=True)
def _repository_identity(settings):
    """A repository identity as a real deployment configures it."""
    settings.OAI_ADMIN_EMAILS = ["oai@kho.example.edu.vn"]
    settings.OAI_REPOSITORY_IDENTIFIER = "kho.example.edu.vn"
