"""Turning start-up failures into one clear line instead of a traceback wall."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TypeVar

from django.core.exceptions import ImproperlyConfigured

T = TypeVar("T")

EXIT_CONFIGURATION = 2


def explain_start_up_errors(start: Callable[[], T]) -> T:
    """Run ``start``; on a configuration or connection failure print why and exit."""
    try:
        return start()
    except ImproperlyConfigured as error:
        _stop(f"Configuration error: {error}")


def ensure_database_reachable() -> None:
    """Connect once so an unreachable database stops start-up with a clear line."""
    from django.db import connections

    connection = connections["default"]
    try:
        connection.ensure_connection()
    except Exception as error:
        if _is_database_connection_error(error):
            _stop(database_unreachable_message(error))
        raise


def database_unreachable_message(error: BaseException) -> str:
    from django.conf import settings

    config = settings.DATABASES["default"]
    where = config.get("HOST") or config.get("NAME")
    port = config.get("PORT")
    target = f"{where}:{port}" if port else str(where)
    reason = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
    return f"DATABASE_URL: cannot connect to the database at {target} ({reason})"


def _is_database_connection_error(error: BaseException) -> bool:
    from django.db.utils import OperationalError

    return isinstance(error, OperationalError)


def _stop(message: str) -> None:
    print(message, file=sys.stderr)
    sys.exit(EXIT_CONFIGURATION)
