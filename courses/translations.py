"""One page in several languages, the Wagtail way.

Wagtail's translations of a page are separate pages, one per locale tree, that
share its ``translation_key``. The first page of such a group (the lowest id:
a translation is always copied from an existing page) is the original:
learner records belong to it, so a course has one set of enrolments, progress
and certificates whatever languages it is read in. Lists that show each
course once (search, the sitemap, open data) show the original, or the
reader's translation of it.
"""

from typing import TypeVar

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from wagtail.models import Page

P = TypeVar("P", bound=Page)
QS = TypeVar("QS", bound=QuerySet)


class UntranslatedChildrenMixin:
    """A page whose children may not all be translated yet: a child missing
    from this language's tree is served from another translation's (the
    original first), at the same address, so every page can be read in every
    language. Costs a query only when the child is missing."""

    def route(self, request, path_components):
        try:
            return super().route(request, path_components)
        except Http404:
            if not path_components:
                raise
        others = Page.objects.filter(translation_key=self.translation_key)
        for other in others.exclude(pk=self.pk).order_by("pk"):
            try:
                return Page.route(other, request, path_components)
            except Http404:
                continue
        raise Http404


def original_page(page: P) -> P:
    """The original of ``page``'s translations (``page`` itself if it has none)."""
    first = (
        type(page)
        .objects.filter(translation_key=page.translation_key)
        .order_by("pk")
        .first()
    )
    return first or page


def originals(pages: QS) -> QS:
    """``pages`` without translations of a page that is also among them: each
    page once, as its earliest version in ``pages``."""
    earlier = pages.filter(
        translation_key=OuterRef("translation_key"), pk__lt=OuterRef("pk")
    )
    return pages.exclude(Exists(earlier))


def in_language(pages: QS, language_code: str) -> QS:
    """Each page of ``pages`` once: in ``language_code`` when ``pages`` hold
    that translation, otherwise as its earliest version."""
    same_group = pages.filter(translation_key=OuterRef("translation_key"))
    translated = Exists(same_group.filter(locale__language_code=language_code))
    earlier = Exists(same_group.filter(pk__lt=OuterRef("pk")))
    return pages.filter(
        Q(locale__language_code=language_code) | (~Q(translated) & ~Q(earlier))
    )
