from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LmsConfig(AppConfig):
    name = "lms"
    verbose_name = _("Site")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Locale
        from wagtail.signals import (
            page_published,
            page_unpublished,
            post_page_move,
            published,
            unpublished,
        )

        from courses import translations
        from lms.fragments import content_changed, content_row_changed
        from lms.signals import search_relevant_change

        translations.use_site_root_paths()
        for name, signal in (("save", post_save), ("delete", post_delete)):
            signal.connect(
                translations.forget_locales,
                sender=Locale,
                dispatch_uid=f"courses.translations.locales.{name}",
            )

        for name, signal in (
            ("page_published", page_published),
            ("page_unpublished", page_unpublished),
            ("post_page_move", post_page_move),
            ("published", published),
            ("unpublished", unpublished),
            ("search_relevant_change", search_relevant_change),
        ):
            signal.connect(content_changed, dispatch_uid=f"lms.fragments.{name}")
        # Saves and deletes are sent for the concrete class (CoursePage, not
        # Page), so these listen to every model and keep only content.
        post_save.connect(content_row_changed, dispatch_uid="lms.fragments.save")
        post_delete.connect(content_row_changed, dispatch_uid="lms.fragments.delete")
