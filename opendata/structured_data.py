"""schema.org JSON-LD (with LRMI properties) and OpenGraph for public pages.

Search engines and learning-resource aggregators read these to list courses
and materials with their level, language, licence and time needed.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language

from courses.models import CoursePage, LessonPage
from lms.links import absolute_url
from materials.models import Material
from opendata import describe

OPENGRAPH_LOCALES = {"vi": "vi_VN", "en": "en_US"}


def _publisher(request: HttpRequest | None) -> dict[str, str]:
    return {
        "@type": "Organization",
        "name": settings.WAGTAIL_SITE_NAME,
        "url": absolute_url("/", request),
    }


def _people(names: list[str]) -> list[dict[str, str]]:
    return [{"@type": "Person", "name": name} for name in names]


def _dates(item: Any) -> dict[str, str]:
    dates = {}
    if item.first_published_at:
        dates["datePublished"] = item.first_published_at.isoformat()
    if item.last_published_at:
        dates["dateModified"] = item.last_published_at.isoformat()
    return dates


def _without_empty(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def course_jsonld(course: CoursePage, request: HttpRequest | None) -> dict[str, Any]:
    """A schema.org Course with an online CourseInstance and LRMI properties."""
    duration = describe.iso_duration(describe.course_duration_seconds(course))
    url = describe.page_url(course, request)
    return _without_empty(
        {
            "@context": "https://schema.org",
            "@type": "Course",
            "@id": url,
            "url": url,
            "name": course.title,
            "description": course.search_description or course.summary,
            "courseCode": f"course-{course.pk}",
            "inLanguage": course.language,
            "about": describe.subject_label(course.subject),
            "educationalLevel": describe.grade_label(course.grade),
            "learningResourceType": "Course",
            "teaches": course.learning_outcome_list,
            "coursePrerequisites": course.prerequisites,
            "timeRequired": duration,
            "license": course.licence_url,
            "isAccessibleForFree": True,
            "provider": _publisher(request),
            "publisher": _publisher(request),
            "instructor": _people(describe.course_teachers(course)),
            "image": _cover_url(course, request),
            "hasCourseInstance": _without_empty(
                {
                    "@type": "CourseInstance",
                    "courseMode": "online",
                    "courseWorkload": duration,
                }
            ),
            "offers": {
                "@type": "Offer",
                "category": "Free",
                "price": 0,
                "priceCurrency": "VND",
            },
            **_dates(course),
        }
    )


def lesson_jsonld(lesson: LessonPage, request: HttpRequest | None) -> dict[str, Any]:
    """A LearningResource that is part of its course, taking its course's facets."""
    course = lesson.course
    url = describe.page_url(lesson, request)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "LearningResource",
        "@id": url,
        "url": url,
        "name": lesson.title,
        "description": lesson.search_description or lesson.summary,
        "learningResourceType": "Lesson",
        "teaches": [lesson.summary or lesson.title],
        "timeRequired": describe.iso_duration(lesson.estimated_minutes * 60),
        "isAccessibleForFree": True,
        "publisher": _publisher(request),
        **_dates(lesson),
    }
    if course is not None:
        data |= {
            "inLanguage": course.language,
            "educationalLevel": describe.grade_label(course.grade),
            "about": describe.subject_label(course.subject),
            "license": course.licence_url,
            "isPartOf": _without_empty(
                {
                    "@type": "Course",
                    "name": course.title,
                    "url": describe.page_url(course, request),
                }
            ),
        }
    return _without_empty(data)


def material_jsonld(material: Material, request: HttpRequest | None) -> dict[str, Any]:
    """A LearningResource for a material with its file as the encoding."""
    url = describe.material_url(material, request)
    keywords = describe.material_keywords(material)
    subject = describe.subject_label(material.subject)
    return _without_empty(
        {
            "@context": "https://schema.org",
            "@type": "LearningResource",
            "@id": url,
            "url": url,
            "name": material.title,
            "description": material.description,
            "inLanguage": material.language,
            "about": subject,
            "keywords": keywords,
            "educationalLevel": [
                describe.grade_label(code) for code in material.grade_levels
            ],
            "learningResourceType": describe.material_type_label(
                material.material_type
            ),
            "teaches": keywords or [subject],
            "timeRequired": describe.iso_duration(
                describe.material_duration_seconds(material)
            ),
            "license": material.licence_url,
            "isAccessibleForFree": True,
            "author": _people(describe.material_people(material)),
            "publisher": _publisher(request),
            "thumbnailUrl": describe.material_thumbnail_url(material, request),
            "encoding": _without_empty(
                {
                    "@type": "MediaObject",
                    "contentUrl": describe.material_file_url(material, request),
                    "encodingFormat": material.mime_type,
                    "contentSize": f"{material.file_size} B"
                    if material.file_size
                    else None,
                }
            ),
            **_dates(material),
        }
    )


def _cover_url(course: CoursePage, request: HttpRequest | None) -> str | None:
    if not course.cover_image:
        return None
    rendition = course.cover_image.get_rendition("fill-1200x630")
    return absolute_url(rendition.url, request)


def jsonld_for(item: Any, request: HttpRequest | None) -> dict[str, Any] | None:
    """The JSON-LD of a course, lesson or material; None for anything else."""
    if isinstance(item, Material):
        return material_jsonld(item, request)
    if isinstance(item, CoursePage):
        return course_jsonld(item, request)
    if isinstance(item, LessonPage):
        return lesson_jsonld(item, request)
    return None


def opengraph_for(data: dict[str, Any], item: Any) -> list[tuple[str, str]]:
    """OpenGraph properties derived from the JSON-LD, in a stable order."""
    og_type = "article" if isinstance(item, Material | LessonPage) else "website"
    image = data.get("image") or data.get("thumbnailUrl")
    locale = OPENGRAPH_LOCALES.get(get_language() or "", "vi_VN")
    properties = [
        ("og:type", og_type),
        ("og:site_name", settings.WAGTAIL_SITE_NAME),
        ("og:title", data.get("name", "")),
        ("og:description", (data.get("description") or "")[:300]),
        ("og:url", data.get("url", "")),
        ("og:locale", locale),
        ("og:image", image or ""),
    ]
    return [(name, value) for name, value in properties if value]
