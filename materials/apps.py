from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MaterialsConfig(AppConfig):
    name = "materials"
    verbose_name = _("Learning materials")

    def ready(self) -> None:
        """Review emails in the reader's language, in place of Wagtail's."""
        from materials import notifications

        notifications.connect()
