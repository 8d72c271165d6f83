"""Atom feeds of newly published materials, all subjects or one.

Teachers and school portals follow these to see new materials without
visiting; entries carry the file as an enclosure.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure
from django.utils.translation import gettext as _

from lms.vocabulary import Subject
from materials.models import Material
from opendata import describe
from opendata.selectors import public_materials

FEED_LENGTH = 50


class NewMaterialsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, *args, **kwargs) -> str | None:
        self.request = request
        return None

    def title(self, subject: str | None) -> str:
        return _("New learning materials · %(site)s") % {
            "site": settings.WAGTAIL_SITE_NAME
        }

    def subtitle(self, subject: str | None) -> str:
        return _("The newest openly published learning materials.")

    def link(self, subject: str | None) -> str:
        return "/"

    def feed_url(self, subject: str | None) -> str:
        return reverse("feed_materials")

    def items(self, subject: str | None):
        queryset = public_materials()
        if subject:
            queryset = queryset.filter(subject=subject)
        return queryset.order_by("-first_published_at", "-pk")[:FEED_LENGTH]

    def item_title(self, item: Material) -> str:
        return item.title

    def item_description(self, item: Material) -> str:
        return item.description

    def item_link(self, item: Material) -> str:
        return item.get_absolute_url()

    def item_guid(self, item: Material) -> str:
        return describe.material_url(item, getattr(self, "request", None))

    def item_pubdate(self, item: Material):
        return item.first_published_at

    def item_updateddate(self, item: Material):
        return item.last_published_at or item.first_published_at

    def item_author_name(self, item: Material) -> str | None:
        return item.author.public_name if item.author else None

    def item_categories(self, item: Material) -> list[str]:
        return [
            describe.subject_label(item.subject),
            describe.material_type_label(item.material_type),
        ]

    def item_copyright(self, item: Material) -> str:
        return item.licence_url or item.get_licence_display()

    def item_enclosures(self, item: Material) -> list[Enclosure]:
        url = describe.material_file_url(item, getattr(self, "request", None))
        if not url:
            return []
        return [
            Enclosure(
                url, str(item.file_size), item.mime_type or "application/octet-stream"
            )
        ]


class SubjectMaterialsFeed(NewMaterialsFeed):
    def get_object(self, request: HttpRequest, subject: str) -> str:
        self.request = request
        if subject not in Subject.values:
            raise Http404(_("There is no subject with this code."))
        return subject

    def title(self, subject: str) -> str:
        return _("New %(subject)s materials · %(site)s") % {
            "subject": describe.subject_label(subject),
            "site": settings.WAGTAIL_SITE_NAME,
        }

    def feed_url(self, subject: str) -> str:
        return reverse("feed_materials_subject", kwargs={"subject": subject})
