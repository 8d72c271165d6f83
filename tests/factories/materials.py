import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from lms.demo_files import make_image, make_pdf
from lms.vocabulary import GradeLevel, Language, Licence, MaterialType, Subject
from materials.models import (
    Material,
    MaterialDocument,
    MaterialImage,
    ProcessingStatus,
)
from tests.factories.accounts import TeacherFactory


class MaterialFactory(factory.django.DjangoModelFactory):
    """A draft material with a small real PDF."""

    class Meta:
        model = Material

    title = factory.Sequence(lambda n: f"Phiếu học tập số {n}")
    description = "Bài tập luyện tập cho học sinh."
    subject = Subject.MATHEMATICS
    grade_levels = factory.LazyFunction(lambda: [GradeLevel.GRADE_6.value])
    language = Language.VIETNAMESE
    material_type = MaterialType.WORKSHEET
    licence = Licence.CC_BY
    author = factory.SubFactory(TeacherFactory)
    live = False
    file = factory.LazyAttribute(
        lambda material: ContentFile(make_pdf(material.title), name="worksheet.pdf")
    )
    original_filename = "worksheet.pdf"
    mime_type = "application/pdf"
    file_size = factory.LazyAttribute(lambda material: material.file.size)


class PublishedMaterialFactory(MaterialFactory):
    live = True
    first_published_at = factory.LazyFunction(timezone.now)
    last_published_at = factory.LazyFunction(timezone.now)
    processing_status = ProcessingStatus.DONE


class MaterialImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MaterialImage

    title = factory.Sequence(lambda n: f"Hình minh họa {n}")
    alt_text = "Sơ đồ minh họa"
    width = 320
    height = 180
    file = factory.LazyAttribute(
        lambda image: ContentFile(
            make_image(image.title, size=(image.width, image.height)), name="hinh.png"
        )
    )


class MaterialDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MaterialDocument

    title = factory.Sequence(lambda n: f"Tài liệu {n}")
    file = factory.LazyAttribute(
        lambda document: ContentFile(make_pdf(document.title), name="tai-lieu.pdf")
    )


def material_metadata(**overrides) -> dict:
    """Form data describing a material, as the upload page posts it."""
    data = {
        "title": "Phiếu bài tập phân số",
        "description": "Luyện tập cộng trừ phân số.",
        "subject": Subject.MATHEMATICS.value,
        "grade_levels": [GradeLevel.GRADE_6.value],
        "language": Language.VIETNAMESE.value,
        "material_type": MaterialType.WORKSHEET.value,
        "licence": Licence.CC_BY.value,
        "keywords": "phân số, luyện tập",
    }
    data.update(overrides)
    return data


def uploaded(name: str, data: bytes, content_type: str = "application/octet-stream"):
    """An uploaded file as Django hands it to a view."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type=content_type)
