"""Wagtail admin wiring: learning materials as a snippet with review workflow."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from materials.models import Material


class MaterialViewSet(SnippetViewSet):
    model = Material
    icon = "doc-full-inverse"
    menu_label = _("Learning materials")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["title", "subject", "material_type", "author", UpdatedAtColumn()]
    list_filter = ["subject", "material_type", "language", "licence", "live"]
    search_fields = ["title", "description"]
    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("file"),
        FieldRowPanel(
            [FieldPanel("subject"), FieldPanel("material_type"), FieldPanel("language")]
        ),
        FieldPanel("grade_levels"),
        FieldPanel("licence"),
        FieldPanel("keywords"),
        MultiFieldPanel(
            [FieldPanel("author"), FieldPanel("co_authors")], heading=_("People")
        ),
    ]


register_snippet(MaterialViewSet)
