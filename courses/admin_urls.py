"""Admin URLs that take the place of Wagtail's own.

Included ahead of Wagtail's admin URLs (``register_admin_urls`` appends
after them, too late to replace a view), each wrapped as Wagtail wraps its
own: admin access required, never cached.
"""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access

from courses.admin_listings import CourseAwarePageTypesUsageReportView


def _as_admin_view(view):
    return never_cache(require_admin_access(view))


urlpatterns = [
    path(
        "reports/page-types-usage/",
        _as_admin_view(CourseAwarePageTypesUsageReportView.as_view()),
    ),
    path(
        "reports/page-types-usage/results/",
        _as_admin_view(CourseAwarePageTypesUsageReportView.as_view(results_only=True)),
    ),
]
