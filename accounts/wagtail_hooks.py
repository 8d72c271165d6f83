"""Wagtail admin wiring: site administrators invite teachers."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.model import ModelViewSet

from accounts.models import TeacherInvitation
from accounts.services import (
    INVITATION_DAYS_DEFAULT,
    INVITATION_DAYS_MAX,
    teacher_invitation_create,
)
from lms.links import absolute_url


class TeacherInvitationForm(WagtailAdminModelForm):
    days_valid = forms.IntegerField(
        label=gettext_lazy("valid for (days)"),
        min_value=1,
        max_value=INVITATION_DAYS_MAX,
        initial=INVITATION_DAYS_DEFAULT,
    )

    class Meta:
        model = TeacherInvitation
        fields = ["email", "note"]


class TeacherInvitationCreateView(CreateView):
    def save_instance(self):
        issued = teacher_invitation_create(
            created_by=self.request.user,
            email=self.form.cleaned_data["email"],
            note=self.form.cleaned_data["note"],
            days_valid=self.form.cleaned_data["days_valid"],
        )
        self.invitation_link = absolute_url(
            reverse("accounts:accept_teacher_invitation", args=[issued.token]),
            self.request,
        )
        return issued.invitation

    def save_action(self):
        messages.success(
            self.request,
            _("Invitation created. Send this link now; it is shown only once: %(link)s")
            % {"link": self.invitation_link},
        )
        return redirect(self.get_success_url())


class TeacherInvitationViewSet(ModelViewSet):
    model = TeacherInvitation
    form_fields = ["note"]
    icon = "mail"
    menu_label = gettext_lazy("Teacher invitations")
    add_to_admin_menu = True
    menu_order = 900
    add_view_class = TeacherInvitationCreateView
    list_display = [
        "__str__",
        "note",
        # A property has no label of its own; Wagtail would show "Status" as is.
        Column("status", label=gettext_lazy("Status")),
        "created_by",
        "expires_at",
        "accepted_by",
    ]
    inspect_view_enabled = True

    def get_form_class(self, for_update=False):
        if for_update:
            return super().get_form_class(for_update=True)
        return TeacherInvitationForm


teacher_invitation_viewset = TeacherInvitationViewSet("teacher_invitations")


@hooks.register("register_admin_viewset")
def register_teacher_invitations():
    return teacher_invitation_viewset
