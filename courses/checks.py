"""Start-up checks for the courses app, reported by ``check`` and ``doctor``."""

from django.conf import settings
from django.core import checks

from courses.credentials.keys import (
    CredentialKeyError,
    active_keyring,
    development_key_file,
)


def credential_key_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Certificates cannot be issued without a usable signing key: say so once.

    With DEBUG on a missing key is created on first use, so only a broken one
    is reported there, and checking never writes one.
    """
    configured = settings.CREDENTIALS_SIGNING_KEY or settings.CREDENTIALS_KEY_FILE
    if settings.DEBUG and not configured and not development_key_file().exists():
        return []
    try:
        active_keyring()
    except CredentialKeyError as problem:
        return [checks.Error(str(problem), id="courses.E001")]
    return []


def register() -> None:
    """A deployment check (``check --deploy``, ``doctor``): migrations and
    start-up still run while the key is being set up, and issuing refuses."""
    checks.register(credential_key_check, "courses", deploy=True)
