"""What the public search index holds, and how each kind of content becomes a document.

One index serves the single search box: materials, courses and lessons share
the field names, so one query ranks them together and one set of
aggregations counts the facets across all of them (``kind`` is a facet).

Text fields are indexed three ways:

* as written (lower-cased, the index's default analyzer): exact Vietnamese
  words, so ``má`` and ``mà`` stay different and an exact-diacritics match
  scores on this field too;
* ``.folded``: tone marks and diacritics removed and ``đ`` mapped to ``d``, so
  ``quang hop`` finds ``Quang hợp``;
* ``.english``: English stemming, so ``plants`` finds ``plant``.

Text is put in NFC form in Python before it is sent (queries too); the folded
analyzer also strips combining marks, so NFD input that slips through still
folds the same way.
"""

from __future__ import annotations

from typing import Any

from django.utils.html import strip_tags
from elasticsearch.dsl import (
    Date,
    Document,
    Integer,
    Keyword,
    Long,
    Text,
    analyzer,
    char_filter,
    token_filter,
)

from accounts.models import name_to_show
from lms.text import normalise

KIND_MATERIAL = "material"
KIND_COURSE = "course"
KIND_LESSON = "lesson"
KINDS = (KIND_MATERIAL, KIND_COURSE, KIND_LESSON)

# Combining marks used by Vietnamese (grave, acute, tilde, hook, dot below,
# circumflex, breve, horn); NFC text never contains them, NFD text does.
_COMBINING_MARKS = ("0300", "0301", "0303", "0309", "0323", "0302", "0306", "031B")

vietnamese_letters = char_filter(
    "vietnamese_letters",
    type="mapping",
    mappings=["Đ => D", "đ => d"] + [f"\\u{code} => " for code in _COMBINING_MARKS],
)
english_stemmer = token_filter("english_stemmer", type="stemmer", language="english")
autocomplete_grams = token_filter(
    "autocomplete_grams", type="edge_ngram", min_gram=1, max_gram=20
)

# Named "default", it is the analyzer of every text field that names none.
vietnamese = analyzer("default", tokenizer="standard", filter=["lowercase"])
vietnamese_folded = analyzer(
    "vietnamese_folded",
    tokenizer="standard",
    char_filter=[vietnamese_letters],
    filter=["lowercase", "asciifolding"],
)
english = analyzer(
    "english_stemmed",
    tokenizer="standard",
    filter=["lowercase", english_stemmer],
)
autocomplete = analyzer(
    "autocomplete",
    tokenizer="standard",
    char_filter=[vietnamese_letters],
    filter=["lowercase", "asciifolding", autocomplete_grams],
)


def _text(*, english_too: bool = True) -> Text:
    fields: dict[str, Text] = {"folded": Text(analyzer=vietnamese_folded)}
    if english_too:
        fields["english"] = Text(analyzer=english)
    return Text(fields=fields)


class ContentDocument(Document):
    """One published material, course or lesson as the public search sees it."""

    uid = Keyword()  # "material-12"; the tie-breaker for stable sorting
    kind = Keyword()
    object_id = Integer()
    url = Keyword(index=False)
    title = Text(
        fields={
            "folded": Text(analyzer=vietnamese_folded),
            "english": Text(analyzer=english),
            "autocomplete": Text(
                analyzer=autocomplete, search_analyzer=vietnamese_folded
            ),
            "sort": Keyword(),
        },
    )
    description = _text()
    body = _text()
    keywords = _text(english_too=False)
    people = _text(english_too=False)
    course_title = _text(english_too=False)
    subject = Keyword()
    grade_levels = Keyword(multi=True)
    language = Keyword()
    material_type = Keyword()
    licence = Keyword()
    level = Keyword()
    mime_type = Keyword()
    published_at = Date()
    downloads = Long()
    views = Long()
    enrolments = Long()
    popularity = Long()


FACET_FIELDS = (
    "kind",
    "subject",
    "grade_levels",
    "language",
    "material_type",
    "licence",
)

BODY_LIMIT = 50_000  # characters of extracted text worth indexing per item


def document_id(kind: str, object_id: int) -> str:
    return f"{kind}-{object_id}"


def clean(text: str | None, *, limit: int | None = None) -> str:
    """NFC text without markup, trimmed to what is worth indexing."""
    text = text or ""
    if "<" in text:  # most text has no markup; skip the parser for it
        text = strip_tags(text)
    value = normalise(text).strip()
    return value[:limit] if limit else value


def course_popularity(course: Any) -> int:
    """How many learners a course has; the popularity signal for ranking.

    Reads ``enrolment_count`` when the course model offers one (the
    enrolment feature adds it); until then every course counts as zero.
    """
    counter = getattr(course, "enrolment_count", None)
    if counter is None:
        return 0
    value = counter() if callable(counter) else counter
    return int(value or 0)


def _base(kind: str, obj: Any, url: str) -> dict[str, Any]:
    return {
        "_id": document_id(kind, obj.pk),
        "uid": document_id(kind, obj.pk),
        "kind": kind,
        "object_id": obj.pk,
        "url": url,
        "title": clean(obj.title),
        "published_at": obj.first_published_at,
    }


# The columns a material's document is made of, read with ``.values()``: a
# rebuild reads every published material, and model instances cost more than
# the document itself.
MATERIAL_COLUMNS = (
    "pk",
    "title",
    "slug",
    "description",
    "extracted_text",
    "subject",
    "grade_levels",
    "language",
    "material_type",
    "licence",
    "mime_type",
    "download_count",
    "view_count",
    "first_published_at",
    "author__display_name",
    "author__first_name",
    "author__last_name",
    "author__username",
)


def material_document(
    row: dict[str, Any], *, keywords: list[str], url: str
) -> dict[str, Any]:
    """The document of one material from its ``MATERIAL_COLUMNS``."""
    author = (
        name_to_show(
            display_name=row["author__display_name"] or "",
            first_name=row["author__first_name"] or "",
            last_name=row["author__last_name"] or "",
            username=row["author__username"] or "",
        )
        if row["author__username"]
        else ""
    )
    uid = document_id(KIND_MATERIAL, row["pk"])
    return {
        "_id": uid,
        "uid": uid,
        "kind": KIND_MATERIAL,
        "object_id": row["pk"],
        "url": url,
        "title": clean(row["title"]),
        "published_at": row["first_published_at"],
        "description": clean(row["description"]),
        "body": clean(row["extracted_text"], limit=BODY_LIMIT),
        "keywords": [clean(keyword) for keyword in keywords],
        "people": [clean(author)] if author else [],
        "subject": row["subject"],
        "grade_levels": list(row["grade_levels"] or []),
        "language": row["language"],
        "material_type": row["material_type"],
        "licence": row["licence"],
        "mime_type": row["mime_type"],
        "downloads": row["download_count"],
        "views": row["view_count"],
        "enrolments": 0,
        "popularity": row["download_count"],
    }


def course_document(course: Any) -> dict[str, Any]:
    enrolments = course_popularity(course)
    return {
        **_base(KIND_COURSE, course, course.url or ""),
        "description": clean(course.summary),
        "body": clean(f"{course.learning_outcomes}\n{course.prerequisites}"),
        "people": [clean(teacher.public_name) for teacher in course.teachers.all()],
        "subject": course.subject,
        "grade_levels": [course.grade] if course.grade else [],
        "language": course.language,
        "licence": course.licence,
        "level": course.level,
        "downloads": 0,
        "views": 0,
        "enrolments": enrolments,
        "popularity": enrolments,
    }


def lesson_document(lesson: Any, course: Any | None) -> dict[str, Any]:
    document = {
        **_base(KIND_LESSON, lesson, lesson.url or ""),
        "description": clean(lesson.summary),
        "body": clean(lesson_body_text(lesson), limit=BODY_LIMIT),
        "downloads": 0,
        "views": 0,
        "enrolments": 0,
        "popularity": 0,
    }
    if course is not None:
        document.update(
            course_title=clean(course.title),
            subject=course.subject,
            grade_levels=[course.grade] if course.grade else [],
            language=course.language,
            licence=course.licence,
            level=course.level,
        )
    return document


def lesson_body_text(lesson: Any) -> str:
    """The readable text of a lesson: prose, captions, transcripts, notes.

    Quiz blocks are left out so search never shows which answer is correct.
    """
    parts: list[str] = []
    for block in lesson.body:
        if block.block_type == "text":
            parts.append(strip_tags(str(block.value)))
        elif block.block_type == "video":
            parts += [
                block.value.get("caption") or "",
                block.value.get("transcript") or "",
            ]
        elif block.block_type == "material":
            parts.append(block.value.get("note") or "")
    return "\n".join(part for part in parts if part)
