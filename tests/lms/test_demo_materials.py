"""Demo materials' PDFs carry Vietnamese text that search shows with its diacritics."""

import io
import itertools

import pytest
from django.urls import reverse
from PIL import Image

from lms.demo.materials import _file_for, material_specs, seed_materials
from lms.management.commands.seed_demo import DEFAULT_MATERIALS
from lms.vocabulary import Language, MaterialType, Subject
from materials.models import Material
from materials.processing import derive
from materials.tasks import process_material_task
from search.indexing import rebuild, refresh
from tests.factories import UserFactory
from tests.lms.vietnamese import VIETNAMESE_LETTERS

SPECS = list(itertools.islice(material_specs(), 400))


def _spec(subject: str, material_type: str, edition: int = 1):
    return next(
        spec
        for spec in SPECS
        if spec.subject == subject
        and spec.material_type == material_type
        and spec.edition == edition
    )


def _pdf_text(spec) -> str:
    content, extension, mime_type, _pages = _file_for(spec)
    assert (extension, mime_type) == ("pdf", "application/pdf")
    return derive(io.BytesIO(content)).text


def test_a_demo_pdf_reads_back_in_vietnamese_with_its_diacritics():
    spec = _spec(Subject.MATHEMATICS, MaterialType.LESSON_PLAN)

    text = _pdf_text(spec)

    assert spec.title in text
    assert "phương trình" in text
    assert "Mục tiêu" in text


def test_a_demo_pdf_has_several_paragraphs_about_its_own_topic_and_subject():
    spec = _spec(Subject.PHYSICS, MaterialType.WORKSHEET)

    text = " ".join(_pdf_text(spec).split())

    assert text.count(spec.topic) >= 2
    assert "đại lượng vật lý" in text
    assert len(text) > 600


def test_english_demo_materials_are_written_in_english():
    spec = _spec(Subject.ENGLISH, MaterialType.SLIDES)

    text = " ".join(_pdf_text(spec).split())

    assert f"on {spec.topic} is written for grade 7" in text


def test_later_editions_repeat_the_first_editions_file():
    """Large benchmark sets reuse each topic's file instead of drawing 100,000."""
    first = _spec(Subject.HISTORY, MaterialType.ASSESSMENT)
    second = _spec(Subject.HISTORY, MaterialType.ASSESSMENT, edition=2)

    assert _file_for(first) == _file_for(second)


@pytest.mark.django_db
def test_search_snippets_from_processed_demo_pdfs_keep_their_diacritics(
    client, search_engine
):
    seed_materials(count=12, authors=[UserFactory()], report=lambda done: None)
    for material in Material.objects.filter(mime_type="application/pdf"):
        process_material_task.enqueue(material.pk)
    rebuild(progress=False)
    refresh()

    # Words only the PDF's text holds, typed without diacritics.
    response = client.get(reverse("search:api"), {"q": "thao luan nhom"})

    snippets = [hit["snippet"] for hit in response.json()["results"]]
    assert snippets, "no demo material was found by its PDF's text"
    for snippet in snippets:
        assert "<mark>thảo</mark> <mark>luận</mark> <mark>nhóm</mark>" in snippet


@pytest.mark.django_db
def test_every_seeded_demo_pdf_reads_back_with_its_diacritics():
    """No demo PDF is left in the old ASCII-only standard font."""
    seed_materials(
        count=DEFAULT_MATERIALS, authors=[UserFactory()], report=lambda done: None
    )
    pdfs = Material.objects.filter(mime_type="application/pdf")

    assert pdfs.count() >= DEFAULT_MATERIALS * 5 // 6
    for material in pdfs:
        with material.file.open("rb") as handle:
            text = " ".join(derive(io.BytesIO(handle.read())).text.split())
        assert " ".join(material.title.split()) in text, material.title
        if material.language == Language.VIETNAMESE:
            assert VIETNAMESE_LETTERS.search(text.removeprefix(material.title))
            assert "Mục tiêu" in text, material.title


@pytest.mark.django_db
def test_seeded_demo_images_are_drawn_at_twice_their_thumbnail_size():
    seed_materials(count=12, authors=[UserFactory()], report=lambda done: None)
    image = Material.objects.filter(material_type=MaterialType.IMAGE).first()

    with image.file.open("rb") as handle:
        picture = Image.open(io.BytesIO(handle.read()))
    assert picture.size == (640, 360)
