"""Who may change which course pages in the Wagtail admin.

Page permissions on the catalogue give every teacher "add" and "change" over
the whole course tree; that is what lets a teacher start a course. On top of
it, a teacher who is not also a curator or site administrator may only touch
a course (with its modules and lessons) that they own or co-teach. Nobody in
the Teacher group publishes: the catalogue grants them no publish permission,
so their work reaches students through the "Curator review" workflow.

Co-teachers are read from the published course (``CoursePage.teachers``), so
adding a co-teacher in a draft takes effect once a curator publishes it.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from wagtail.models import Page, PagePermissionTester
from wagtail.permission_policies.pages import PagePermissionPolicy

from accounts.roles import Role

COURSE_REVIEWER_ROLES = (Role.CURATOR, Role.SITE_ADMINISTRATOR)


def reviews_courses(user) -> bool:
    """Curators and site administrators work on every course."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or any(
        user.has_role(role) for role in COURSE_REVIEWER_ROLES
    )


def is_limited_to_own_courses(user) -> bool:
    """A teacher who is nothing more: their rights stop at their own courses.

    The admin asks this for every page it lists and lays out, so the answer
    is kept on the user object, which lives for one request (as Wagtail keeps
    the user's page permissions).
    """
    limited = getattr(user, "_limited_to_own_courses", None)
    if limited is None:
        limited = (
            user.is_authenticated
            and not reviews_courses(user)
            and user.has_role(Role.TEACHER)
        )
        user._limited_to_own_courses = limited
    return limited


def teaches(user, course) -> bool:
    """The course's owner (who created it) or one of its co-teachers.

    Co-teachers come from the database, not from ``course`` itself: the
    admin also hands in courses rebuilt from a draft revision, whose
    ``teachers`` are the draft's (and cannot be queried by ``pk``).
    """
    from courses.models import CoursePage

    if course is None or not user.is_authenticated:
        return False
    if course.owner_id == user.pk:
        return True
    return CoursePage.objects.filter(pk=course.pk, teachers=user).exists()


def enclosing_course(page: Page):
    """The course page ``page`` is, or lies under; ``None`` outside courses."""
    from courses.models import CoursePage

    if isinstance(page, CoursePage):
        return page
    return CoursePage.objects.ancestor_of(page).first()


class CoursePagePermissionTester(PagePermissionTester):
    """Wagtail's page rules, narrowed for teachers to the courses they teach."""

    def __init__(self, user, page):
        super().__init__(user, page)
        self._allowed = not is_limited_to_own_courses(user) or teaches(
            user, enclosing_course(page)
        )

    def can_edit(self):
        return self._allowed and super().can_edit()

    def can_delete(self, ignore_bulk=False):
        return self._allowed and super().can_delete(ignore_bulk=ignore_bulk)

    def can_add_subpage(self):
        return self._allowed and super().can_add_subpage()

    def can_lock(self):
        return self._allowed and super().can_lock()

    def can_unlock(self):
        return self._allowed and super().can_unlock()

    def can_publish(self):
        return self._allowed and super().can_publish()

    def can_unpublish(self):
        return self._allowed and super().can_unpublish()

    def can_submit_for_moderation(self):
        return self._allowed and super().can_submit_for_moderation()

    def can_reorder_children(self):
        return self._allowed and super().can_reorder_children()

    def can_view_revisions(self):
        return self._allowed and super().can_view_revisions()


class CoursePermissionsMixin:
    """For the course page types: hand Wagtail the narrowed tester."""

    def permissions_for_user(self, user) -> PagePermissionTester:
        return CoursePagePermissionTester(user, self)


def _course_tree_types() -> list[int]:
    from courses.models import CourseModulePage, CoursePage, LessonPage

    models = (CoursePage, CourseModulePage, LessonPage)
    return [ct.pk for ct in ContentType.objects.get_for_models(*models).values()]


def visible_in_admin(user, pages: QuerySet) -> QuerySet:
    """``pages`` without the course pages a teacher may not work on.

    The one answer to "which pages may this user see in the admin": the
    explorer, the page chooser, the dashboard and, through
    ``CoursePagePermissionPolicy``, Wagtail's other listings all ask it.
    The filter stays on plain fields (no subquery) so that Wagtail's search
    backends can apply it to a search.
    """
    from courses.models import CoursePage

    if not is_limited_to_own_courses(user):
        return pages
    taught_paths = (
        CoursePage.objects.filter(Q(owner=user) | Q(teachers=user))
        .values_list("path", flat=True)
        .distinct()
    )
    in_taught_course = Q()
    for path in taught_paths:
        in_taught_course |= Q(path__startswith=path)
    course_tree = Q(content_type__in=_course_tree_types())
    if not in_taught_course:
        return pages.exclude(course_tree)
    return pages.exclude(course_tree & ~in_taught_course)


class CoursePagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page permissions, without the courses a teacher may not work on.

    Wagtail builds its listings across the tree (the page search, the admin
    API behind the sidebar explorer, the pages of one type, the site history
    and workflow reports) from the page sets this policy hands out, so
    narrowing the sets here keeps them all in line with
    ``CoursePagePermissionTester``. Checks on a single page stay with the
    tester.
    """

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        pages = super().instances_user_has_any_permission_for(user, actions)
        return visible_in_admin(user, pages)

    def explorable_instances(self, user) -> QuerySet:
        return visible_in_admin(user, super().explorable_instances(user))
