"""Admin wiring: certificates for curators, and teachers kept to their courses.

The page permission policy (registered in ``CoursesConfig.ready``) narrows
Wagtail's page search, reports and admin API; the hooks below narrow the
listings that do not ask it.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.site_summary import PagesSummaryItem

from courses import admin_views
from courses.admin_listings import OWN_COURSES_PANELS, OwnCoursesPagesSummaryItem
from courses.permissions import is_limited_to_own_courses, visible_in_admin
from courses.selectors import page_has_learner_records


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


@hooks.register("before_delete_page")
def keep_pages_learners_depend_on(request, page):
    """Refuse to delete a course, module or lesson that learners have records
    in (the database would refuse too); unpublishing is the way to retire it."""
    if page_has_learner_records(page):
        messages.error(
            request,
            gettext(
                "“%(title)s” cannot be deleted: learners have enrolments, progress "
                "or certificates in it. Unpublish it instead."
            )
            % {"title": page.get_admin_display_title()},
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


@hooks.register("construct_explorer_page_queryset")
def hide_other_teachers_courses(parent_page, pages, request):
    """A teacher browses and searches only the courses they own or co-teach."""
    return visible_in_admin(request.user, pages)


@hooks.register("construct_page_chooser_queryset")
def offer_only_visible_pages(pages, request):
    """A teacher linking a page is offered the courses they work on, as in
    the explorer, and not other teachers' courses and drafts."""
    return visible_in_admin(request.user, pages)


@hooks.register("construct_homepage_panels")
def narrow_dashboard_panels(request, panels):
    """A co-teacher taken off a course stops seeing it among their recent
    edits and their pages in a workflow."""
    if not is_limited_to_own_courses(request.user):
        return
    for index, panel in enumerate(panels):
        narrowed = OWN_COURSES_PANELS.get(type(panel))
        if narrowed:
            panels[index] = narrowed()


@hooks.register("construct_homepage_summary_items", order=1)
def count_only_visible_pages(request, items):
    """Runs after Wagtail adds its pages count, which spans every course."""
    if not is_limited_to_own_courses(request.user):
        return
    for index, item in enumerate(items):
        if type(item) is PagesSummaryItem:
            items[index] = OwnCoursesPagesSummaryItem(request)


@hooks.register("construct_reports_menu")
def hide_page_types_usage_from_teachers(request, menu_items):
    """The report is refused to them (see ``lms.admin_urls``)."""
    if is_limited_to_own_courses(request.user):
        menu_items[:] = [i for i in menu_items if i.name != "page-types-usage"]
