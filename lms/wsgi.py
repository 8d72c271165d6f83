"""WSGI entry point; refuses to start on a bad configuration or database."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")

from lms.startup import ensure_database_reachable, explain_start_up_errors


def _load():
    from django.core.wsgi import get_wsgi_application

    application = get_wsgi_application()
    ensure_database_reachable()
    return application


application = explain_start_up_errors(_load)
