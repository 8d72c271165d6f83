from django.conf import settings


def single_sign_on(request) -> dict:
    """Whether to offer signing in through the identity provider, and its name."""
    return {
        "single_sign_on_provider": settings.SINGLE_SIGN_ON_PROVIDER_NAME
        if settings.SINGLE_SIGN_ON_ENABLED
        else ""
    }
