"""Rate limits whose rates are read from settings on every request.

DRF's own throttles copy their rates when the module is imported; reading
them per request lets operators and tests change them without a restart.
"""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


class AnonymousClientThrottle(AnonRateThrottle):
    """Clients without a token, limited by address (API_ANON_RATE)."""

    def get_rate(self) -> str:
        return settings.API_ANON_RATE


class AuthenticatedClientThrottle(UserRateThrottle):
    """Clients with a token or session, limited per user (API_USER_RATE)."""

    def allow_request(self, request, view) -> bool:
        if not request.user or not request.user.is_authenticated:
            return True
        return super().allow_request(request, view)

    def get_rate(self) -> str:
        return settings.API_USER_RATE
