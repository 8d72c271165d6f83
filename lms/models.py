from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from courses.translations import UntranslatedChildrenMixin

NEWEST_MATERIALS_SHOWN = 8


class HomePage(UntranslatedChildrenMixin, Page):
    """The front door: featured courses and the newest published materials."""

    headline = models.CharField(_("headline"), max_length=255)
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "link"])

    content_panels = [
        *Page.content_panels,
        FieldPanel("headline"),
        FieldPanel("intro"),
        InlinePanel("featured_courses", label=_("Featured courses"), max_num=12),
    ]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from lms.selectors import featured_courses, newest_materials

        context = super().get_context(request, *args, **kwargs)
        context["featured_courses"] = featured_courses(self)
        context["newest_materials"] = newest_materials(limit=NEWEST_MATERIALS_SHOWN)
        return context


class HomePageFeaturedCourse(Orderable):
    home_page = ParentalKey(
        HomePage, on_delete=models.CASCADE, related_name="featured_courses"
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("course")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured course")
