"""Reading a whole cartridge into an ``ImportPlan``, writing nothing.

Each item of the table of contents becomes one lesson from the resource it
points to: a web page, a file, a web link or a QTI assessment. Discussion
topics, LTI tool links, question banks and other kinds have no place in a
lesson and are reported. ``progress`` hears how many items are read, so a
teacher can follow a large import.
"""

import re
import zipfile
from collections.abc import Callable
from html import escape

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courses.cartridge_import.files import FileCatalogue, open_entry
from courses.cartridge_import.html import PageLinks, read_page
from courses.cartridge_import.outline import course_outline
from courses.cartridge_import.plan import (
    ImportPlan,
    LessonPlan,
    ModulePlan,
    Part,
)
from courses.cartridge_import.qti import read_quiz
from materials.packages import Item, PackageManifest, Resource
from materials.packages.elements import child, local_name, text
from materials.validation.archives import read_xml

Progress = Callable[[int, int], None]
WEB_PAGE = (".html", ".htm")
ASSESSMENT = re.compile(r"^imsqti_xmlv1p2/imscc_xmlv1p\d/assessment$")
# Resource types with no place in a lesson: (how the type starts or ends, why).
UNSUPPORTED = (
    (
        "imsdt_xmlv1p",
        gettext_lazy("Discussion topics cannot be imported: lessons have no forum."),
    ),
    (
        "imsbasiclti_xmlv1p",
        gettext_lazy(
            "LTI tool links cannot be imported: lessons do not launch outside tools."
        ),
    ),
    (
        "question-bank",
        gettext_lazy("Question banks cannot be imported: only quizzes in a lesson."),
    ),
)


def read_cartridge(
    archive: zipfile.ZipFile,
    manifest: PackageManifest,
    *,
    progress: Progress | None = None,
) -> ImportPlan:
    plan = ImportPlan(manifest.title, manifest.description, manifest.version)
    items = manifest.organisations[0].items if manifest.organisations else ()
    outline = course_outline(items, course_title=manifest.title)
    reader = _LessonReader(archive, manifest, plan, outline)
    total, done = sum(len(module.items) for module in outline), 0
    for module in outline:
        planned = ModulePlan(module.title or _("Untitled module"))
        for item in module.items:
            lesson = reader.lesson(item)
            if lesson is not None:
                planned.lessons.append(lesson)
            done += 1
            if progress:
                progress(done, total)
        if planned.lessons:
            plan.modules.append(planned)
        else:
            plan.report.skip(planned.title, _("The module has no lesson to import."))
    return plan


class _LessonReader:
    def __init__(self, archive, manifest: PackageManifest, plan: ImportPlan, outline):
        self.archive, self.manifest, self.plan = archive, manifest, plan
        self.files = FileCatalogue(archive, plan)
        self.pages = self._lesson_pages(outline)
        self.links = PageLinks(
            names=self.files.names,
            page=lambda path: self.pages.get(path),
            file=lambda path, kind, title: self.files.add(path, kind=kind, title=title),
            skip=plan.report.skip,
        )

    def _lesson_pages(self, outline) -> dict[str, int]:
        """Web pages that become lessons, numbered for page links."""
        pages: dict[str, int] = {}
        for module in outline:
            for item in module.items:
                source = self._source(self._resource(item))
                if source and source.lower().endswith(WEB_PAGE):
                    pages.setdefault(source, len(pages))
        self.plan.pages = list(pages)
        return pages

    def _resource(self, item: Item) -> Resource | None:
        return self.manifest.resource(item.resource) if item.resource else None

    @staticmethod
    def _source(resource: Resource | None) -> str:
        if resource is None:
            return ""
        if resource.href:
            return resource.href.split("?", 1)[0].split("#", 1)[0]
        return next(iter(resource.files), "")

    def lesson(self, item: Item) -> LessonPlan | None:
        title = item.title or _("Untitled lesson")
        resource = self._resource(item)
        parts = self._parts(title, resource) if resource else None
        if resource is None:
            self.plan.report.skip(title, _("The item opens nothing."))
        if not parts:
            return None
        return LessonPlan(title=title[:255], source=self._source(resource), parts=parts)

    def _parts(self, title: str, resource: Resource) -> list[Part] | None:
        kind, source = resource.type, self._source(resource)
        for mark, reason in UNSUPPORTED:
            if kind.startswith(mark) or kind.endswith(mark):
                return self._refuse(title, str(reason))
        if kind == "webcontent" and source.lower().endswith(WEB_PAGE):
            return self._page(title, source)
        if kind == "webcontent" and source:
            return self._file(title, source)
        if kind.startswith("imswl_xmlv1p") and source:
            return self._web_link(title, source)
        if ASSESSMENT.match(kind) and source:
            return self._quiz(title, source)
        return self._refuse(
            title,
            _("Resources of type “%(type)s” are not supported.")
            % {"type": kind or "?"},
        )

    def _refuse(self, title: str, reason: str) -> None:
        self.plan.report.skip(title, reason)

    def _page(self, title: str, source: str) -> list[Part] | None:
        with open_entry(self.archive, source) as page:
            parts = read_page(page.read(), source=source, links=self.links)
        if not parts:
            self._refuse(title, _("The page has no text or pictures."))
        return parts

    def _file(self, title: str, source: str) -> list[Part] | None:
        index = self.files.add(source, kind="material", title=title)
        return None if index is None else [Part(kind="material", file=index)]

    def _web_link(self, title: str, source: str) -> list[Part]:
        root = read_xml(self.archive, source)
        url_element = child(root, "url")
        url = url_element.get("href", "").strip() if url_element is not None else ""
        if not url:
            return self._refuse(title, _("The web link has no address."))
        label = text(child(root, "title")) or url
        self.plan.report.links += 1
        html = f'<p><a href="{escape(url)}">{escape(label)}</a></p>'
        return [Part(kind="text", html=html)]

    def _quiz(self, title: str, source: str) -> list[Part] | None:
        root = read_xml(self.archive, source)
        if local_name(root.tag) != "questestinterop":
            return self._refuse(title, _("The assessment is not a QTI 1.2 document."))
        reading = read_quiz(root, title=title)
        for question, reason in reading.skipped:
            self.plan.report.skip(f"{title}: {question}", reason)
        if reading.quiz is None:
            return self._refuse(
                title, _("The assessment has no question a quiz can hold.")
            )
        return [Part(kind="quiz", quiz=reading.quiz)]
