"""Wagtail admin wiring: site administrators register LMS platforms."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic import CreateView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet

from lms.links import absolute_url
from lti.models import Registration
from lti.services.registrations import FIELDS, registration_check, registration_create

TOOL_URLS = {
    "tool_login_url": (
        gettext_lazy("Login initiation URL (paste into the LMS)"),
        "lti:login",
    ),
    "tool_launch_url": (
        gettext_lazy(
            "Launch / redirect URL, also for deep linking (paste into the LMS)"
        ),
        "lti:launch",
    ),
    "tool_jwks_url": (
        gettext_lazy("Public keyset URL (paste into the LMS)"),
        "lti:jwks",
    ),
}


class RegistrationForm(WagtailAdminModelForm):
    class Meta:
        model = Registration
        fields = list(FIELDS)

    def clean(self):
        cleaned = super().clean()
        try:
            registration_check(
                key_set_url=cleaned.get("key_set_url", ""),
                key_set=cleaned.get("key_set"),
                deployment_ids=cleaned.get("deployment_ids", ""),
            )
        except ValidationError as problem:
            for field, errors in problem.error_dict.items():
                for error in errors:
                    self.add_error(field, error)
        return cleaned


class RegistrationCreateView(CreateView):
    def save_instance(self):
        return registration_create(**self.form.cleaned_data)

    def save_action(self):
        messages.success(
            self.request,
            _("Platform registered. Paste the tool's URLs shown here into the LMS."),
        )
        return redirect(
            reverse(registration_viewset.get_url_name("inspect"), args=[self.object.pk])
        )


class RegistrationInspectView(InspectView):
    def get_fields(self):
        return [*super().get_fields(), *TOOL_URLS]

    def get_field_label(self, field_name, field):
        if field_name in TOOL_URLS:
            return TOOL_URLS[field_name][0]
        return super().get_field_label(field_name, field)

    def get_field_display_value(self, field_name, field):
        if field_name in TOOL_URLS:
            return absolute_url(reverse(TOOL_URLS[field_name][1]), self.request)
        return super().get_field_display_value(field_name, field)


class RegistrationViewSet(ModelViewSet):
    model = Registration
    form_fields = list(FIELDS)
    icon = "link"
    menu_label = gettext_lazy("LTI platforms")
    add_to_admin_menu = True
    menu_order = 910
    add_view_class = RegistrationCreateView
    inspect_view_class = RegistrationInspectView
    inspect_view_enabled = True
    inspect_view_fields = [
        "name",
        "issuer",
        "client_id",
        "deployment_ids",
        "tool_key_id",
    ]
    list_display = ["name", "issuer", "client_id", "is_active", "created_at"]

    def get_form_class(self, for_update: bool = False):
        return RegistrationForm


registration_viewset = RegistrationViewSet("lti_platforms")


@hooks.register("register_admin_viewset")
def register_lti_platforms():
    return registration_viewset
