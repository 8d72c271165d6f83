"""Admin wiring: the certificate list and revocation for curators."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from courses import admin_views


class CertificatesMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(admin_views.REVOKE_PERMISSION)


@hooks.register("register_admin_urls")
def register_certificate_urls():
    urls = [
        path("", admin_views.certificate_index, name="index"),
        path("<int:pk>/revoke/", admin_views.certificate_revoke_view, name="revoke"),
    ]
    return [
        path("certificates/", include((urls, "courses_certificates"))),
    ]


@hooks.register("register_admin_menu_item")
def register_certificates_menu_item():
    return CertificatesMenuItem(
        _("Certificates"),
        reverse("courses_certificates:index"),
        icon_name="tick-inverse",
        order=300,
    )
