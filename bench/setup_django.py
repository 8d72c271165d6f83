"""What the database benchmarks share before they measure anything.

They run the project's own services with production-like settings (no
DEBUG query log, no SSL redirect, quiet logs) against a throw-away
``test_<name>`` PostgreSQL database, so that the figure is for the database
production uses and a developer's data is never touched.
"""

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PRODUCTION_LIKE = {
    "DJANGO_SETTINGS_MODULE": "lms.settings",
    "SECRET_KEY": "benchmark-only-key",
    "ALLOWED_HOSTS": "localhost",
    "SECURE_SSL_REDIRECT": "false",
    "LOG_LEVEL": "WARNING",
}


def start_django() -> None:
    """Import the project and set Django up; the environment still wins."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    for name, value in PRODUCTION_LIKE.items():
        os.environ.setdefault(name, value)
    import django

    django.setup()


@contextmanager
def throwaway_postgresql() -> Iterator[None]:
    """A fresh test database for the run, dropped afterwards even on error."""
    from django.db import connection, connections
    from django.test.utils import setup_databases, teardown_databases

    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database (the figure is for it).")
    old_config = setup_databases(verbosity=0, interactive=False)
    try:
        yield
    finally:
        connections.close_all()
        teardown_databases(old_config, verbosity=0)
