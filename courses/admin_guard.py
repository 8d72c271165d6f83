"""Every admin view of one page asks the explorer's question first.

Wagtail's page views (explore, edit, history, revisions, preview, move,
copy, workflow...) each check their own permission, and some, like the
explorer, show the page's title to anyone who may explore the tree. For a
teacher kept to their own courses, an admin address naming a page of
another teacher's course answers as if the page did not exist, before any
view runs.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest
from wagtail.models import Page

from courses.permissions import is_limited_to_own_courses, visible_in_admin

ADMIN_ROUTE = "admin/"
# The names Wagtail's admin URLs give a page id.
PAGE_ARGUMENTS = (
    "page_id",
    "parent_page_id",
    "page_to_move_id",
    "destination_id",
    "page_pk",
)


class OwnCoursesAdminMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        """Refuses before the view runs; otherwise lets it run (returns None)."""
        ids = {view_kwargs[name] for name in PAGE_ARGUMENTS if name in view_kwargs}
        if ids and _in_admin(request) and is_limited_to_own_courses(request.user):
            pages = Page.objects.filter(pk__in=ids)
            if pages.count() != visible_in_admin(request.user, pages).count():
                raise Http404


def _in_admin(request: HttpRequest) -> bool:
    match = request.resolver_match
    return match is not None and match.route.startswith(ADMIN_ROUTE)
