"""Published demo materials, written in bulk so 100,000 load in minutes."""

import hashlib
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from taggit.models import Tag

from accounts.models import User
from lms.demo.catalogue import MATERIAL_KINDS, MATERIAL_TOPICS, SUBJECT_NAMES
from lms.demo.documents import material_pdf, paragraphs_for
from lms.demo_files import make_image
from lms.text import ascii_slug
from lms.vocabulary import Language, Licence, MaterialType, Subject
from materials.models import Material, MaterialKeyword, ProcessingStatus
from materials.storage import get_private_storage

BATCH_SIZE = 500
LICENCES = (Licence.CC_BY, Licence.CC_BY_SA, Licence.CC_BY_NC, Licence.CC0)
ENGLISH_SUBJECTS = {Subject.ENGLISH}


@dataclass(frozen=True)
class MaterialSpec:
    title: str
    description: str
    subject: Subject
    grade: str
    material_type: MaterialType
    language: Language
    keywords: tuple[str, ...]
    label: str
    topic: str
    grade_text: str
    edition: int = 1

    @property
    def first_title(self) -> str:
        """The title of the first edition, which later editions repeat."""
        return self.title.removesuffix(f" - bộ {self.edition}")

    def paragraphs(self) -> list[str]:
        return paragraphs_for(
            label=self.label,
            topic=self.topic,
            subject=self.subject,
            grade=self.grade_text,
            english=self.language == Language.ENGLISH,
        )


def material_specs() -> Iterator[MaterialSpec]:
    """An endless, varied stream: every topic and kind, then numbered editions."""
    topics = _topics_round_robin()
    for edition in itertools.count(1):
        for index, (subject, grade, topic) in enumerate(topics):
            for step in range(len(MATERIAL_KINDS)):
                kind = MATERIAL_KINDS[(index + step) % len(MATERIAL_KINDS)]
                yield _spec(kind, subject, grade, topic, edition)


def _topics_round_robin() -> list[tuple[Subject, str, str]]:
    """One topic from each subject in turn, so any prefix covers every subject."""
    columns = [
        [(subject, grade, topic) for topic in names]
        for subject, grade, names in MATERIAL_TOPICS
    ]
    rows = itertools.zip_longest(*columns)
    return [topic for row in rows for topic in row if topic is not None]


def _spec(kind, subject, grade, topic, edition) -> MaterialSpec:
    material_type, label_vi, label_en = kind
    english = subject in ENGLISH_SUBJECTS
    label = label_en if english else label_vi
    grade_text = _grade_text(grade, english)
    title = f"{label}: {topic} ({SUBJECT_NAMES[subject]} {grade_text})"
    if edition > 1:
        title = f"{title} - bộ {edition}"
    description = (
        f"{label} about {topic} for {grade_text}, ready to print or project."
        if english
        else f"{label} chủ đề {topic} dành cho {grade_text}, dùng trên lớp hoặc "
        "tự học ở nhà."
    )
    return MaterialSpec(
        title=title,
        description=description,
        subject=subject,
        grade=grade,
        material_type=material_type,
        language=Language.ENGLISH if english else Language.VIETNAMESE,
        keywords=(topic.lower(), SUBJECT_NAMES[subject].lower()),
        label=label,
        topic=topic,
        grade_text=grade_text,
        edition=edition,
    )


def _grade_text(grade: str, english: bool) -> str:
    if grade.isdigit():
        return f"grade {grade}" if english else f"lớp {grade}"
    return {"higher-education": "đại học", "teacher-training": "bồi dưỡng giáo viên"}[
        grade
    ]


def seed_materials(
    *, count: int, authors: list[User], report: Callable[[int], None]
) -> int:
    """Create published demo materials until ``count`` exist; return how many were new."""
    existing = set(
        Material.objects.filter(author__in=authors).values_list("title", flat=True)
    )
    wanted = itertools.islice(material_specs(), count)
    missing = [spec for spec in wanted if spec.title not in existing]
    for start in range(0, len(missing), BATCH_SIZE):
        batch = missing[start : start + BATCH_SIZE]
        _create_batch(batch, authors, offset=len(existing) + start)
        report(start + len(batch))
    return len(missing)


def _create_batch(specs: list[MaterialSpec], authors: list[User], offset: int) -> None:
    saved_files: list[str] = []
    try:
        materials = [
            _build(spec, authors[(offset + i) % len(authors)], offset + i, saved_files)
            for i, spec in enumerate(specs)
        ]
        with transaction.atomic():
            Material.objects.bulk_create(materials)
            _tag(materials, specs)
    except BaseException:
        storage = get_private_storage()
        for name in saved_files:
            storage.delete(name)
        raise


def _build(spec: MaterialSpec, author: User, number: int, saved: list[str]) -> Material:
    content, extension, mime_type, pages = _file_for(spec)
    slug = ascii_slug(spec.title, fallback="material")
    name = get_private_storage().save(
        f"materials/demo/{slug[:80]}.{extension}", ContentFile(content)
    )
    saved.append(name)
    now = timezone.now()
    published_at = now - timedelta(hours=(number * 13) % (24 * 365))
    return Material(
        title=spec.title,
        slug=slug,
        description=spec.description,
        subject=spec.subject,
        grade_levels=[spec.grade],
        language=spec.language,
        material_type=spec.material_type,
        licence=LICENCES[number % len(LICENCES)],
        author=author,
        file=name,
        original_filename=f"{slug[:80]}.{extension}",
        file_size=len(content),
        mime_type=mime_type,
        checksum_sha256=hashlib.sha256(content).hexdigest(),
        page_count=pages,
        extracted_text="" if pages is None else _text_of(spec),
        processing_status=ProcessingStatus.DONE,
        processed_at=now,
        live=True,
        has_unpublished_changes=False,
        first_published_at=published_at,
        last_published_at=published_at,
        download_count=(number * 37) % 500,
        view_count=(number * 91) % 2000,
    )


def _file_for(spec: MaterialSpec) -> tuple[bytes, str, str, int | None]:
    if spec.material_type == MaterialType.IMAGE:
        return make_image(spec.title), "png", "image/png", None
    pages = (
        2 if spec.material_type in {MaterialType.TEXTBOOK, MaterialType.SLIDES} else 1
    )
    pdf = _pdf(spec.first_title, tuple(spec.paragraphs()), pages)
    return pdf, "pdf", "application/pdf", pages


@lru_cache(maxsize=1024)
def _pdf(title: str, paragraphs: tuple[str, ...], pages: int) -> bytes:
    """Drawing a PDF with an embedded font takes ~25 ms, so the editions that
    scale a benchmark set up repeat their first edition's file."""
    return material_pdf(title, list(paragraphs), pages=pages)


def _text_of(spec: MaterialSpec) -> str:
    return "\n".join([spec.first_title, *spec.paragraphs()])


def _tag(materials: list[Material], specs: list[MaterialSpec]) -> None:
    names = {keyword for spec in specs for keyword in spec.keywords}
    tags = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}
    for name in names - tags.keys():
        tags[name] = Tag.objects.create(name=name, slug=_unique_tag_slug(name))
    MaterialKeyword.objects.bulk_create(
        MaterialKeyword(content_object=material, tag=tags[keyword])
        for material, spec in zip(materials, specs, strict=True)
        for keyword in spec.keywords
    )


def _unique_tag_slug(name: str) -> str:
    base = ascii_slug(name, max_length=90, fallback="tag")
    slug, suffix = base, 1
    while Tag.objects.filter(slug=slug).exists():
        suffix += 1
        slug = f"{base}-{suffix}"
    return slug


def process_demo_materials(*, limit: int) -> int:
    """Queue the processing pipeline (thumbnails and all) for the first demo
    materials that have none yet; large benchmark sets skip the rest."""
    from materials.tasks import process_material_task

    pending = list(
        Material.objects.filter(thumbnail="")
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )
    for material_id in pending:
        process_material_task.enqueue(material_id)
    return len(pending)
