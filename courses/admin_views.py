"""Wagtail admin pages where curators find and revoke certificates."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courses.models import Certificate
from courses.services import certificate_revoke

REVOKE_PERMISSION = "courses.revoke_certificate"
LISTED = 100


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=gettext_lazy("Shown on the public verification page."),
    )


def _require_revoker(request: HttpRequest) -> None:
    if not request.user.has_perm(REVOKE_PERMISSION):
        raise PermissionDenied


def certificate_index(request: HttpRequest) -> HttpResponse:
    _require_revoker(request)
    query = request.GET.get("q", "").strip()
    certificates = Certificate.objects.order_by("-issued_at")
    if query:
        certificates = certificates.filter(
            Q(code=query)
            | Q(learner_name__icontains=query)
            | Q(course_title__icontains=query)
        )
    return render(
        request,
        "courses/admin/certificate_index.html",
        {
            "certificates": certificates[:LISTED],
            "query": query,
            "page_title": _("Certificates"),
            "header_icon": "tick-inverse",
        },
    )


def certificate_revoke_view(request: HttpRequest, pk: int) -> HttpResponse:
    _require_revoker(request)
    certificate = get_object_or_404(Certificate, pk=pk)
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            certificate_revoke(
                certificate=certificate,
                revoked_by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form.add_error("reason", error)
        else:
            messages.success(request, _("The certificate has been revoked."))
            return redirect("courses_certificates:index")
    return render(
        request,
        "courses/admin/certificate_revoke.html",
        {
            "certificate": certificate,
            "form": form,
            "page_title": _("Revoke certificate"),
            "header_icon": "tick-inverse",
        },
    )
