"""Admin listings narrowed for a teacher who is kept to their own courses.

Most of Wagtail's listings across the page tree take their pages from the
page permission policy (``CoursePagePermissionPolicy``). These are the ones
that do not: dashboard panels built from the user's own history, the pages
count in the dashboard summary, and the page types usage report.
"""

from django.core.exceptions import PermissionDenied
from wagtail.admin.navigation import get_site_for_user
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.views.home import (
    RecentEditsPanel,
    UserObjectsInWorkflowModerationPanel,
)
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.models import Page

from courses.permissions import is_limited_to_own_courses, visible_in_admin


def _visible_page_ids(user, pages: list[Page]) -> set[int]:
    candidates = Page.objects.filter(pk__in=[page.pk for page in pages])
    return set(visible_in_admin(user, candidates).values_list("pk", flat=True))


class OwnCoursesRecentEditsPanel(RecentEditsPanel):
    """The "Your most recent edits" panel, without courses the teacher no
    longer teaches (a co-teacher taken off a course keeps their edits in the
    log)."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        edits = context["last_edits"]
        shown = _visible_page_ids(user, [page for _, page in edits])
        context["last_edits"] = [edit for edit in edits if edit[1].pk in shown]
        return context


class OwnCoursesInWorkflowPanel(UserObjectsInWorkflowModerationPanel):
    """The "Your pages in a workflow" panel, without pages of courses the
    teacher no longer teaches; snippets (materials) are left as they are."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        states = context["workflow_states"]
        pages = [s.content_object for s in states if isinstance(s.content_object, Page)]
        shown = _visible_page_ids(user, pages)
        context["workflow_states"] = [
            state
            for state in states
            if not isinstance(state.content_object, Page)
            or state.content_object.pk in shown
        ]
        return context


OWN_COURSES_PANELS = {
    RecentEditsPanel: OwnCoursesRecentEditsPanel,
    UserObjectsInWorkflowModerationPanel: OwnCoursesInWorkflowPanel,
}


class OwnCoursesPagesSummaryItem(PagesSummaryItem):
    """The dashboard's pages count, counting only what the teacher may see."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = self.request.user
        root_page = get_site_for_user(user)["root_page"]
        if root_page:
            pages = Page.objects.descendant_of(root_page, inclusive=True)
            pages = visible_in_admin(user, pages.filter(depth__gt=1))
            context["total_pages"] = pages.count()
        return context


class CourseAwarePageTypesUsageReportView(PageTypesUsageReportView):
    """Wagtail's page types usage report, refused to teachers kept to their
    courses: its counts and "last edited page" column span every course."""

    def dispatch(self, request, *args, **kwargs):
        if is_limited_to_own_courses(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
