"""Writing an ``ImportPlan`` as a draft course, all of it or nothing.

Pages are created first (empty) so that links between lessons can point to
pages that exist; then each lesson gets its body. Images and materials are
stored as they are first used. Everything runs in one transaction, and the
files stored on the way are deleted again if anything fails, so a failed
import leaves no page, no row and no file. The course stays a draft owned by
the teacher: it reaches students only through the curators' review.
"""

import json
import posixpath
import re
import zipfile
from typing import Any

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Page

from courses.blocks import LessonBodyBlock
from courses.cartridge_import.files import open_entry
from courses.cartridge_import.plan import (
    FILE_PLACEHOLDER,
    PAGE_PLACEHOLDER,
    ImportPlan,
    LessonPlan,
    Part,
)
from courses.models import CourseCatalogPage, CourseModulePage, CoursePage, LessonPage
from lms.text import ascii_slug
from lms.vocabulary import Licence, MaterialType
from materials.services import material_upload

SUMMARY_LENGTH = 1000
PLACEHOLDER = re.compile(
    r'href="('
    + re.escape(FILE_PLACEHOLDER)
    + "|"
    + re.escape(PAGE_PLACEHOLDER)
    + r')(\d+)"'
)
# A link to a page that did not become a lesson (it was empty, say): its
# anchor goes and its text stays. Reading writes these anchors itself.
PAGE_ANCHOR = re.compile(
    r'<a href="' + re.escape(PAGE_PLACEHOLDER) + r'(\d+)">(.*?)</a>', re.DOTALL
)
MATERIAL_TYPES = {
    "image": MaterialType.IMAGE,
    "video": MaterialType.VIDEO,
    "audio": MaterialType.AUDIO,
    "package": MaterialType.INTERACTIVE,
}


def build_course(
    *,
    plan: ImportPlan,
    archive: zipfile.ZipFile,
    user: Any,
    catalogue: CourseCatalogPage,
    details: dict,
) -> CoursePage:
    """The new draft course; ``details`` holds its subject, grade and language."""
    builder = _Builder(plan, archive, user, details)
    try:
        with transaction.atomic():
            return builder.build(catalogue)
    except BaseException:
        builder.delete_files()
        raise


class _Builder:
    def __init__(self, plan: ImportPlan, archive, user, details: dict):
        self.plan, self.archive, self.user, self.details = plan, archive, user, details
        self.stored: dict[int, Any] = {}
        self.pages: dict[str, LessonPage] = {}
        self.text = EditorHTMLConverter(
            features=LessonBodyBlock.base_blocks["text"].features
        )

    def build(self, catalogue: CourseCatalogPage) -> CoursePage:
        course = self._course(catalogue)
        lessons: list[tuple[LessonPage, LessonPlan]] = []
        for planned in self.plan.modules:
            module = _add(
                course, CourseModulePage(title=planned.title[:255]), self.user
            )
            for lesson_plan in planned.lessons:
                page = LessonPage(title=lesson_plan.title)
                lesson = _add(module, page, self.user, revision=False)
                self.pages.setdefault(lesson_plan.source, lesson)
                lessons.append((lesson, lesson_plan))
        for lesson, lesson_plan in lessons:
            lesson.body = json.dumps([self._block(part) for part in lesson_plan.parts])
            lesson.save(update_fields=["body"])
            lesson.save_revision(user=self.user, log_action=False)
        report = self.plan.report
        report.modules, report.lessons = len(self.plan.modules), len(lessons)
        return course

    def _course(self, catalogue: CourseCatalogPage) -> CoursePage:
        title = (self.details.get("title") or self.plan.title or _("Imported course"))[
            :255
        ]
        summary = (self.plan.description or title)[:SUMMARY_LENGTH]
        course = CoursePage(
            title=title,
            summary=summary,
            subject=self.details["subject"],
            grade=self.details["grade"],
            language=self.details["language"],
        )
        course = _add(catalogue, course, self.user)
        log(course, "wagtail.create", user=self.user)
        return course

    def _block(self, part: Part) -> dict:
        if part.kind == "image":
            image = self._stored(part.file)
            value = {
                "image": image.pk,
                "alt_text": part.alt,
                "decorative": not part.alt,
            }
            return {"type": "image", "value": value}
        if part.kind == "material":
            return {
                "type": "material",
                "value": {"material": self._stored(part.file).pk, "note": ""},
            }
        if part.kind == "quiz":
            self.plan.report.quizzes += 1
            self.plan.report.questions += len(part.quiz["questions"])
            return {"type": "quiz", "value": part.quiz}
        html = PAGE_ANCHOR.sub(self._unlink_missing_page, part.html)
        html = PLACEHOLDER.sub(self._link, html)
        return {"type": "text", "value": self.text.to_database_format(html)}

    def _unlink_missing_page(self, match: re.Match) -> str:
        built = self.plan.pages[int(match.group(1))] in self.pages
        return match.group(0) if built else match.group(2)

    def _link(self, match: re.Match) -> str:
        kind, index = match.group(1), int(match.group(2))
        if kind == FILE_PLACEHOLDER:
            return f'href="{self._stored(index).get_absolute_url()}"'
        page = self.pages[self.plan.pages[index]]
        return f'data-linktype="page" data-id="{page.pk}"'

    def _stored(self, index: int):
        if index not in self.stored:
            package_file = self.plan.files[index]
            store = self._image if package_file.kind == "image" else self._material
            self.stored[index] = store(package_file)
        return self.stored[index]

    def _image(self, package_file) -> Any:
        name = posixpath.basename(package_file.path)
        with open_entry(self.archive, package_file.path) as content:
            title = (package_file.title or name)[:255]
            image = get_image_model()(title=title, uploaded_by_user=self.user)
            image.file = ImageFile(content, name=name)
            image._set_image_file_metadata()
            try:
                image.save()
            except BaseException:
                image.file.storage.delete(image.file.name)
                raise
        self.plan.report.images += 1
        return image

    def _material(self, package_file) -> Any:
        name = posixpath.basename(package_file.path)
        metadata = {
            "title": package_file.title or name,
            "subject": self.details["subject"],
            "grade_levels": [self.details["grade"]],
            "language": self.details["language"],
            "material_type": MATERIAL_TYPES.get(
                package_file.sniffed_kind, MaterialType.OTHER
            ),
            "licence": self.details.get("licence") or Licence.CC_BY,
        }
        with open_entry(self.archive, package_file.path) as content:
            material = material_upload(
                user=self.user, upload=content, filename=name, metadata=metadata
            )
        self.plan.report.materials += 1
        return material

    def delete_files(self) -> None:
        for stored in self.stored.values():
            stored.file.storage.delete(stored.file.name)


def _add(parent: Page, page: Page, user, *, revision: bool = True) -> Page:
    """A draft child of ``parent`` with a slug unique among its siblings."""
    base = ascii_slug(page.title, max_length=200, fallback="bai")
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    page.slug, page.owner, page.live = slug, user, False
    page.has_unpublished_changes = True
    parent.add_child(instance=page)
    if revision:
        page.save_revision(user=user, log_action=False)
    return page
