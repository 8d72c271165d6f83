"""What a resource link leads to: a course, a lesson or a learning material.

A link we made (deep linking) names its target in the custom parameter
``target`` ("lesson-42", the search index's own ids); any other link is
followed by its ``target_link_uri`` through the site's page routes.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from django.http import HttpRequest
from django.utils.translation import gettext as _
from wagtail.models import Page

from courses.models import CoursePage, LessonPage
from courses.translations import route_for_request
from lti.errors import LtiError
from materials.models import Material
from materials.selectors import published_materials

KINDS = ("course", "lesson", "material")


@dataclass(frozen=True)
class Target:
    kind: str
    obj: CoursePage | LessonPage | Material

    @property
    def url(self) -> str:
        if self.kind == "material":
            return self.obj.get_absolute_url()
        return self.obj.url or "/"

    @property
    def course(self) -> CoursePage | None:
        if self.kind == "course":
            return self.obj
        if self.kind == "lesson":
            return CoursePage.objects.ancestor_of(self.obj).live().first()
        return None


def find_by_uid(uid: str) -> Target | None:
    """The published course, lesson or material a uid such as "course-7" names."""
    kind, _sep, pk = (uid or "").partition("-")
    if kind not in KINDS or not pk.isdigit():
        return None
    if kind == "material":
        material = published_materials().filter(pk=pk).first()
        return Target(kind, material) if material else None
    model = CoursePage if kind == "course" else LessonPage
    page = model.objects.live().public().filter(pk=pk).first()
    return Target(kind, page) if page else None


def resolve(request: HttpRequest, *, custom: dict, target_link_uri: str) -> Target:
    target = find_by_uid(str(custom.get("target", ""))) if custom else None
    if target is None and target_link_uri:
        target = _routed(request, unquote(urlsplit(target_link_uri).path))
    if target is None:
        raise LtiError(
            _("This link does not lead to a published course, lesson or material."),
            code="unknown_target",
            status=404,
        )
    return target


def _routed(request: HttpRequest, path: str) -> Target | None:
    route = route_for_request(request, path)
    page: Page | None = route[0] if route else None
    if page is None or not page.live:
        return None
    page = page.specific
    if isinstance(page, LessonPage):
        return Target("lesson", page)
    if isinstance(page, CoursePage):
        return Target("course", page)
    return None
