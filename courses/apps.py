from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self) -> None:
        """Hand Wagtail the page permission policy that keeps teachers to their
        courses; it must be in place before Wagtail first looks one up. Also
        check that certificates can be signed."""
        from wagtail.models import Page
        from wagtail.permissions import register_permission_policy

        from courses.permissions import CoursePagePermissionPolicy

        register_permission_policy(Page, CoursePagePermissionPolicy())

        from courses import checks

        checks.register()
        self._listen()

    def _listen(self) -> None:
        """A package played in a lesson can complete that lesson."""
        from courses.signal_handlers import complete_lesson_of_package
        from materials.signals import package_completed

        package_completed.connect(
            complete_lesson_of_package, dispatch_uid="courses-package-completed"
        )
