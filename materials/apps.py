from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MaterialsConfig(AppConfig):
    name = "materials"
    verbose_name = _("Learning materials")

    def ready(self) -> None:
        """Review emails and the review form's words in the reader's language."""
        from materials import admin_wording, notifications

        notifications.connect()
        admin_wording.translate_review_comment_label()
