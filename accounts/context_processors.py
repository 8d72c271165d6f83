from django.conf import settings
from django.contrib.auth.models import AnonymousUser

from accounts.selectors import duties_of


def single_sign_on(request) -> dict:
    """Whether to offer signing in through the identity provider, and its name."""
    return {
        "single_sign_on_provider": settings.SINGLE_SIGN_ON_PROVIDER_NAME
        if settings.SINGLE_SIGN_ON_ENABLED
        else ""
    }


def duties(request) -> dict:
    """What the header links to for this person: their own work by role.

    Read from the roles loaded with the user, so the header adds no query.
    """
    return {"duties": duties_of(getattr(request, "user", AnonymousUser()))}
