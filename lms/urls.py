from django.conf import settings
from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from lms import views


class FaviconView(RedirectView):
    """Browsers and crawlers ask for /favicon.ico whatever the page links to."""

    def get_redirect_url(self, *args, **kwargs) -> str:
        return static("favicon.svg")


urlpatterns = [
    path("favicon.ico", FaviconView.as_view(), name="favicon"),
    path("django-admin/", admin.site.urls),
    # Views that replace Wagtail's own for teachers kept to their courses.
    path("admin/", include("lms.admin_urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("materials/", include("materials.urls")),
    path("accounts/", include("accounts.urls")),
    path("learning/", include("courses.urls")),
    path("", include("courses.well_known_urls")),
    path("", include("search.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sso/", include("accounts.sso_urls")),
    path("lti/", include("lti.urls")),
    path("", include("opendata.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static as serve_from

    urlpatterns += serve_from(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    # Wagtail's own sign-in address for restricted pages: one sign-in page only.
    path(
        "_util/login/",
        RedirectView.as_view(pattern_name="accounts:login", query_string=True),
        name="wagtail_login_redirect",
    ),
    # Wagtail's password and login views; its pages through lms.views.serve.
    path(
        "",
        include([p for p in wagtail_urls.urlpatterns if p.name != "wagtail_serve"]),
    ),
    re_path(wagtail_urls.serve_pattern, views.serve, name="wagtail_serve"),
]
