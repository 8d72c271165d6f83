"""Wagtail's site history and workflow reports, narrowed object by object.

Wagtail shows a snippet's history and reviews to anyone with a permission on
its model: one teacher who may change their own materials would read the
titles and authors of every other teacher's drafts. Here every row about an
object other than a page goes through that model's registered permission
policy, the rule its own admin listing uses (for materials: a teacher's own;
for curators: all). Rows about pages already go through the page policy
(``courses.permissions.CoursePagePermissionPolicy``).
"""

from __future__ import annotations

import django_filters
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import ContentTypeFilter
from wagtail.admin.views.reports.audit_logging import (
    LogEntriesView,
    SiteHistoryReportFilterSet,
)
from wagtail.admin.views.reports.workflows import (
    WorkflowReportFilterSet,
    WorkflowTasksView,
    WorkflowView,
)
from wagtail.log_actions import registry as log_registry
from wagtail.models import Page, WorkflowState
from wagtail.permissions import policy_registry

# Any of these on an object lets its history and reviews be read.
READING_ACTIONS = ["add", "change", "delete", "publish"]


def visible_rows(user, rows: QuerySet, *, through: str = "") -> QuerySet:
    """``rows`` (log entries, workflow states) without those about objects
    that ``user`` may not open; ``through`` leads from a row to the fields
    ``content_type`` and ``object_id`` that name its object."""
    if user.is_superuser:
        return rows
    type_ids = rows.order_by().values_list(f"{through}content_type", flat=True)
    for type_id in set(type_ids.distinct()):
        hidden = _hidden_objects(user, type_id, through)
        if hidden is not None:
            rows = rows.exclude(hidden)
    return rows


def _hidden_objects(user, type_id: int, through: str) -> Q | None:
    model = ContentType.objects.get_for_id(type_id).model_class()
    if model is None or issubclass(model, Page):
        return None
    policy = policy_registry.get_by_type(model)
    allowed = policy.instances_user_has_any_permission_for(user, READING_ACTIONS)
    if not allowed.query.has_filters():
        return None  # every object of the model
    of_type = Q(**{f"{through}content_type": type_id})
    if allowed.query.is_empty():
        return of_type
    allowed_ids = allowed.annotate(object_key=Cast("pk", CharField()))
    allowed_ids = allowed_ids.values("object_key")
    return of_type & ~Q(**{f"{through}object_id__in": allowed_ids})


def visible_log_entries(user) -> list[QuerySet]:
    """Every log model's entries that ``user`` may read."""
    return [
        visible_rows(user, model.objects.viewable_by_user(user))
        for model in log_registry.get_log_entry_models()
    ]


def _people_in(entries: list[QuerySet]) -> QuerySet:
    ids = set().union(*(set(e.get_user_ids()) for e in entries))
    User = get_user_model()
    return User.objects.filter(pk__in=ids).order_by(User.USERNAME_FIELD)


def _logged_types(request) -> QuerySet:
    entries = visible_log_entries(request.user)
    ids = set().union(*(e.get_content_type_ids() for e in entries))
    return ContentType.objects.filter(pk__in=ids).order_by("model")


class VisibleSiteHistoryFilterSet(SiteHistoryReportFilterSet):
    """The report's filters offer only people, types and actions of entries
    the reader may see: a list of names is a leak too."""

    object_type = ContentTypeFilter(
        label=_("Type"), method="filter_object_type", queryset=_logged_types
    )

    def get_action_choices(self):
        entries = visible_log_entries(self.request.user)
        used = set().union(*(e.get_actions() for e in entries))
        return [choice for choice in log_registry.get_choices() if choice[0] in used]

    def get_users_queryset(self):
        return _people_in(visible_log_entries(self.request.user))

    get_user_choices = get_users_queryset


class VisibleSiteHistoryView(LogEntriesView):
    filterset_class = VisibleSiteHistoryFilterSet

    def filter_queryset(self, queryset):
        """Called by Wagtail on each log model's entries before their union."""
        return super().filter_queryset(visible_rows(self.request.user, queryset))


def _workflow_requesters(request) -> QuerySet:
    states = VisibleWorkflowView(request=request).get_queryset()
    User = get_user_model()
    ids = states.order_by().values_list("requested_by", flat=True).distinct()
    return User.objects.filter(pk__in=ids).order_by(User.USERNAME_FIELD)


class VisibleWorkflowFilterSet(WorkflowReportFilterSet):
    requested_by = django_filters.ModelChoiceFilter(
        field_name="requested_by", queryset=_workflow_requesters
    )

    class Meta(WorkflowReportFilterSet.Meta):
        model = WorkflowState


class VisibleWorkflowView(WorkflowView):
    filterset_class = VisibleWorkflowFilterSet

    def get_queryset(self):
        return visible_rows(self.request.user, super().get_queryset())


class VisibleWorkflowTasksView(WorkflowTasksView):
    def get_queryset(self):
        rows = super().get_queryset()
        return visible_rows(self.request.user, rows, through="workflow_state__")
