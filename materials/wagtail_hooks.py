"""Wagtail admin wiring: learning materials as a snippet with review workflow."""

import functools

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from lms.vocabulary import GradeLevel
from materials.admin_wording import translate_help_menu, updated_column_label
from materials.models import Material
from materials.permissions import (
    MaterialPermissionPolicy,
    can_edit,
    editable_materials,
    is_reviewer,
)
from materials.tasks import process_material_task
from materials.validation import validate_file, validate_filename


class MaterialAdminForm(WagtailAdminModelForm):
    """Applies the public upload page's rules; teachers cannot pick the author."""

    grade_levels = forms.MultipleChoiceField(
        label=_("Grade levels"),
        choices=GradeLevel.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if "author" in self.fields and user is not None and not is_reviewer(user):
            self.fields["author"].disabled = True
            if self.instance.pk is None:
                self.initial["author"] = user.pk
                self.instance.author = user

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "content_type"):  # a newly uploaded file
            upload.name = validate_filename(upload.name)
            validate_file(upload)
            self.instance.original_filename = upload.name
        return upload


class MaterialViewSet(SnippetViewSet):
    model = Material
    icon = "doc-full-inverse"
    menu_label = _("Learning materials")
    menu_order = 200
    add_to_admin_menu = True
    list_display = [
        "title",
        "subject",
        "material_type",
        "author",
        "processing_status",
        UpdatedAtColumn(label=updated_column_label()),
    ]
    list_filter = ["subject", "material_type", "language", "licence", "live"]
    search_fields = ["title", "description"]
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("description"),
            FieldPanel("file"),
            FieldRowPanel(
                [
                    FieldPanel("subject"),
                    FieldPanel("material_type"),
                    FieldPanel("language"),
                ]
            ),
            FieldPanel("grade_levels"),
            FieldPanel("licence"),
            FieldPanel("keywords"),
            MultiFieldPanel(
                [FieldPanel("author"), FieldPanel("co_authors")], heading=_("People")
            ),
        ],
        base_form_class=MaterialAdminForm,
    )

    @property
    def breadcrumbs_items(self):
        """Wagtail's own list translates "Home" once, when the views are built,
        in whatever language is active then; a lazy label follows each reader."""
        return [{"url": reverse_lazy("wagtailadmin_home"), "label": _("Home")}]

    def get_queryset(self, request):
        """Teachers list only their own materials; curators list every one."""
        return editable_materials(request.user)

    def get_urlpatterns(self):
        """Every view of one material (edit, history, lock, workflow...) is
        guarded, so no admin URL shows a teacher someone else's material."""
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            pattern.callback = _only_editors(pattern.callback)
        return patterns


def _only_editors(view):
    @functools.wraps(view)
    def guarded(request, *args, **kwargs):
        pk = str(kwargs.get("pk", ""))
        if pk.isdigit():
            material = Material.objects.filter(pk=int(pk)).first()
            if material is not None and not can_edit(request.user, material):
                raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded


register_permission_policy(Material, MaterialPermissionPolicy(Material))
register_snippet(MaterialViewSet)


@hooks.register("before_delete_snippet")
def refuse_deleting_others_materials(request, instances):
    """Bulk deletion names materials in the query string, not the URL."""
    for instance in instances:
        if isinstance(instance, Material) and not can_edit(request.user, instance):
            raise PermissionDenied


def _process_after_save(request, instance):
    """Files added or replaced in the admin are processed like uploads."""
    if isinstance(instance, Material):
        transaction.on_commit(lambda: process_material_task.enqueue(instance.pk))


hooks.register("construct_help_menu", translate_help_menu)
hooks.register("after_create_snippet", _process_after_save)
hooks.register("after_edit_snippet", _process_after_save)


@hooks.register("register_log_actions")
def register_material_log_actions(actions):
    actions.register_action(
        "materials.archive", _("Archive"), _("Archived the material")
    )
    actions.register_action(
        "materials.retry_processing",
        _("Retry processing"),
        _("Asked for the file to be processed again"),
    )
