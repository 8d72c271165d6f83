"""A small cache-based limit on failed sign-ins.

Failures are counted per account name and per client address within a
window; once either count reaches the limit, sign-in is refused without
checking the password until the window passes. The cache is shared by every
worker in production (Redis), so the limit holds across processes.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def _max_failures() -> int:
    return settings.ACCOUNTS_SIGN_IN_MAX_FAILURES


def lockout_seconds() -> int:
    return settings.ACCOUNTS_SIGN_IN_LOCKOUT_SECONDS


def _keys(request: HttpRequest, username: str) -> list[str]:
    name = hashlib.sha256(username.strip().casefold().encode()).hexdigest()
    address = request.META.get("REMOTE_ADDR", "unknown")
    return [f"sign-in-failures:user:{name}", f"sign-in-failures:ip:{address}"]


def is_locked(request: HttpRequest, username: str) -> bool:
    counts = cache.get_many(_keys(request, username))
    return any(count >= _max_failures() for count in counts.values())


def record_failure(request: HttpRequest, username: str) -> None:
    for key in _keys(request, username):
        if cache.add(key, 1, timeout=lockout_seconds()):
            continue
        try:
            cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.add(key, 1, timeout=lockout_seconds())


def reset(request: HttpRequest, username: str) -> None:
    """Forget the account's failures after a successful sign-in."""
    cache.delete(_keys(request, username)[0])
