from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LtiConfig(AppConfig):
    name = "lti"
    verbose_name = _("LTI tool")

    def ready(self) -> None:
        from lti import signal_handlers

        signal_handlers.connect()
