"""Admin URLs that take the place of Wagtail's own reports.

Included ahead of Wagtail's admin URLs (``register_admin_urls`` appends
after them, too late to replace a view), each wrapped as Wagtail wraps its
own: admin access required, never cached. The views are Wagtail's, narrowed
to what the reader may see.
"""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access

from courses.admin_listings import CourseAwarePageTypesUsageReportView
from lms.admin_reports import (
    VisibleSiteHistoryView,
    VisibleWorkflowTasksView,
    VisibleWorkflowView,
)

REPORTS = {
    "page-types-usage": CourseAwarePageTypesUsageReportView,
    "site-history": VisibleSiteHistoryView,
    "workflow": VisibleWorkflowView,
    "workflow_tasks": VisibleWorkflowTasksView,
}


def _as_admin_view(view):
    return never_cache(require_admin_access(view))


urlpatterns = [
    pattern
    for address, view in REPORTS.items()
    for pattern in (
        path(f"reports/{address}/", _as_admin_view(view.as_view())),
        path(
            f"reports/{address}/results/",
            _as_admin_view(view.as_view(results_only=True)),
        ),
    )
]
